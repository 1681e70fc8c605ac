"""Writes of a network project: those who run it record which municipalities and regions
take part each year, with the fee of their size class and its invoicing, and its funders,
partners and yearly themes. Permission first, then validation, then the write."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.networks.enums import InvoiceState, NetworkKind, SizeClass
from elinvoima.networks.models import Network
from elinvoima.networks.projects.models import (
    FEES,
    ProjectMembership,
    ProjectPartner,
    ProjectTheme,
)


def _authorize(user, network: Network) -> None:
    authorize(user, "networks.manage_network", network, visible=("networks.view_network", network))
    if network.kind != NetworkKind.NETWORK_PROJECT:
        raise ValidationError(_("Only a network project has participants with fees."))


@dataclass(frozen=True)
class ParticipationData:
    year: int
    size_class: str
    municipality: Municipality | None = None
    wellbeing_county: WellbeingCounty | None = None
    fee: Decimal | None = None  # None: the fee of the size class
    invoice_state: str = InvoiceState.NOT_INVOICED
    invoiced_on: datetime.date | None = None
    paid_on: datetime.date | None = None


def _check(data: ParticipationData) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if (data.municipality is None) == (data.wellbeing_county is None):
        errors["municipality"] = [_("Choose a municipality or a region, one of them.")]
    if data.wellbeing_county is not None and data.size_class == SizeClass.LARGE:
        errors["size_class"] = [_("A region pays the fee of the other municipalities.")]
    if data.invoice_state in (InvoiceState.INVOICED, InvoiceState.PAID) and not data.invoiced_on:
        errors["invoiced_on"] = [_("Give the day of the invoice.")]
    if data.invoice_state == InvoiceState.PAID and not data.paid_on:
        errors["paid_on"] = [_("Give the day of the payment.")]
    if data.paid_on and data.invoiced_on and data.paid_on < data.invoiced_on:
        errors["paid_on"] = [_("The payment cannot be before the invoice.")]
    if data.fee is not None and data.fee < 0:
        errors["fee"] = [_("The fee cannot be negative.")]
    return errors


@transaction.atomic
def participation_save(
    *,
    user,
    data: ParticipationData,
    network: Network | None = None,
    membership: ProjectMembership | None = None,
) -> ProjectMembership:
    """A municipality or region takes part in the project for a year; or its record (size
    class, fee, invoicing) changes."""
    network = network or membership.network  # type: ignore[union-attr]
    _authorize(user, network)
    errors = _check(data)
    taken = ProjectMembership.objects.filter(
        network=network,
        year=data.year,
        municipality=data.municipality,
        wellbeing_county=data.wellbeing_county,
    )
    if membership is not None:
        taken = taken.exclude(pk=membership.pk)
    if not errors and taken.exists():
        errors["year"] = [_("It already takes part that year.")]
    if errors:
        raise ValidationError(errors)
    who = signed_in_or_none(user)
    if membership is None:
        membership = ProjectMembership(network=network, created_by=who)
    else:
        membership = ProjectMembership.objects.select_for_update().get(pk=membership.pk)
    membership.municipality = data.municipality
    membership.wellbeing_county = data.wellbeing_county
    membership.year = data.year
    membership.size_class = data.size_class
    membership.fee = data.fee if data.fee is not None else FEES[SizeClass(data.size_class)]
    membership.invoice_state = data.invoice_state
    membership.invoiced_on = data.invoiced_on
    membership.paid_on = data.paid_on
    membership.updated_by = who
    validate_for_save(membership)
    membership.save()
    return membership


@transaction.atomic
def participation_remove(*, user, membership: ProjectMembership) -> None:
    _authorize(user, membership.network)
    if membership.invoice_state != InvoiceState.NOT_INVOICED:
        raise ValidationError(_("The fee has been invoiced; the participation stays."))
    ProjectMembership.objects.filter(pk=membership.pk).delete()


@transaction.atomic
def partner_add(*, user, network: Network, organisation, role: str) -> ProjectPartner:
    _authorize(user, network)
    if ProjectPartner.objects.filter(network=network, organisation=organisation).exists():
        raise ValidationError({"organisation": _("The organisation is already named.")})
    partner = ProjectPartner(network=network, organisation=organisation, role=role)
    validate_for_save(partner)
    partner.save()
    return partner


@transaction.atomic
def partner_remove(*, user, partner: ProjectPartner) -> None:
    _authorize(user, partner.network)
    ProjectPartner.objects.filter(pk=partner.pk).delete()


@transaction.atomic
def theme_save(
    *, user, network: Network, year: int, theme_fi: str, theme_sv: str = ""
) -> ProjectTheme:
    """The theme of a year (replacing the year's earlier theme)."""
    _authorize(user, network)
    theme = ProjectTheme.objects.filter(network=network, year=year).first() or ProjectTheme(
        network=network, year=year
    )
    for language, text in (("fi", theme_fi), ("sv", theme_sv), ("en", theme_fi)):
        setattr(theme, f"theme_{language}", text.strip())
    validate_for_save(theme)
    theme.save()
    return theme


@transaction.atomic
def theme_remove(*, user, theme: ProjectTheme) -> None:
    _authorize(user, theme.network)
    ProjectTheme.objects.filter(pk=theme.pk).delete()

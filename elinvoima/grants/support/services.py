"""Writes of support in kind: a coordinator records, changes and removes what the
municipality gives its associations besides money. Permission first, then validation, then
the write, in one transaction (docs/architecture.md)."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.cards.associations import associations_of
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.grants.support.models import SupportInKind
from elinvoima.strategy.models import Goal

FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class SupportData:
    organisation: Organisation
    year: int
    kind: str
    description: str
    estimated_value: Decimal
    goal: Goal | None = None


def support_version(support: SupportInKind) -> str:
    return support.updated_at.isoformat()


@transaction.atomic
def support_save(
    *,
    user,
    municipality: Municipality,
    data: SupportData,
    support: SupportInKind | None = None,
    loaded_version: str | None = None,
) -> SupportInKind:
    """Record support in kind the municipality gives an association, or change it."""
    who = signed_in_or_none(user)
    if support is None:
        authorize(user, "grants.add_support", municipality)
        support = SupportInKind(municipality=municipality, created_by=who)
    else:
        authorize(user, "grants.change_support", support)
        support = locked_unchanged(
            SupportInKind.objects.select_related("municipality"),
            support.pk,
            loaded_version,
            what=lambda row: _("the support “%(what)s”") % {"what": row.description},
        )
        municipality = support.municipality
    errors: dict[str, list[str]] = {}
    if not associations_of(municipality).filter(pk=data.organisation.pk).exists():
        errors["organisation"] = [
            _("Choose an association that works in %(municipality)s.")
            % {"municipality": municipality}
        ]
    if data.goal is not None and data.goal.plan.municipality_id != municipality.pk:
        errors["goal"] = [
            _("Choose a goal of the welfare plan of %(municipality)s.")
            % {"municipality": municipality}
        ]
    if not FIRST_YEAR <= data.year <= LAST_YEAR:
        errors["year"] = [_("Give a year of 2000 to 2100.")]
    if errors:
        raise ValidationError(errors)
    support.organisation = data.organisation
    support.year = data.year
    support.kind = data.kind
    support.description = data.description.strip()
    support.estimated_value = data.estimated_value
    support.goal = data.goal
    support.updated_by = who
    validate_for_save(support, exclude=("municipality",))
    support.save()
    return support


@transaction.atomic
def support_delete(*, user, support: SupportInKind) -> None:
    authorize(user, "grants.change_support", support)
    SupportInKind.objects.filter(pk=support.pk).delete()

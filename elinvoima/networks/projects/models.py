"""A network project's memberships (issue 16, seed 002): Kuntaliitto's "Kunta
hyvinvoinnin edistäjänä" network project 2017–2019, in which municipalities and regions take
part for a yearly fee — 4,000 € for a large municipality, 3,000 € for the others and for
regions — with the invoicing of each year; its funders and partners (Kuntaliitto, STM, VM,
THL, the Terve kunta network) and its theme of each year. Its meetings at local, regional
and national level are the network's meetings (`Meeting.level`)."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.actors.owners import one_owner_condition
from elinvoima.core.models import Tracked, YearField, filled
from elinvoima.networks.enums import InvoiceState, PartnerRole, SizeClass
from elinvoima.networks.models import Network

FEES = {SizeClass.LARGE: Decimal("4000.00"), SizeClass.OTHER: Decimal("3000.00")}


class ProjectMembership(Tracked):
    """A municipality or a region in a network project for a year, with its fee."""

    network = models.ForeignKey(
        Network,
        verbose_name=_("network project"),
        on_delete=models.CASCADE,
        related_name="project_memberships",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="project_memberships",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="project_memberships",
        null=True,
        blank=True,
    )
    year = YearField(_("year"))
    size_class = models.CharField(_("size class"), max_length=8, choices=SizeClass.choices)
    fee = models.DecimalField(_("annual fee (€)"), max_digits=9, decimal_places=2)
    invoice_state = models.CharField(
        _("invoicing"),
        max_length=16,
        choices=InvoiceState.choices,
        default=InvoiceState.NOT_INVOICED,
    )
    invoiced_on = models.DateField(_("invoiced on"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        verbose_name = _("network project membership")
        verbose_name_plural = _("network project memberships")
        ordering = ["network", "year", "municipality__name", "wellbeing_county__name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=one_owner_condition("municipality", "wellbeing_county"),
                name="project_membership_one_member",
            ),
            models.UniqueConstraint(
                fields=["network", "municipality", "year"],
                name="project_membership_municipality_once",
                violation_error_message=_("The municipality already takes part that year."),
            ),
            models.UniqueConstraint(
                fields=["network", "wellbeing_county", "year"],
                name="project_membership_region_once",
                violation_error_message=_("The region already takes part that year."),
            ),
            models.CheckConstraint(
                condition=models.Q(fee__gte=0), name="project_membership_fee_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.year}"

    @property
    def member(self):
        return self.municipality or self.wellbeing_county


class ProjectPartner(models.Model):
    network = models.ForeignKey(
        Network,
        verbose_name=_("network project"),
        on_delete=models.CASCADE,
        related_name="project_partners",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_partnerships",
    )
    role = models.CharField(_("role"), max_length=8, choices=PartnerRole.choices)

    class Meta:
        verbose_name = _("funder or partner")
        verbose_name_plural = _("funders and partners")
        ordering = ["network", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"],
                name="project_partner_once",
                violation_error_message=_("The organisation is already named."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ProjectTheme(models.Model):
    network = models.ForeignKey(
        Network,
        verbose_name=_("network project"),
        on_delete=models.CASCADE,
        related_name="project_themes",
    )
    year = YearField(_("year"))
    theme = models.CharField(_("theme"), max_length=300)

    class Meta:
        verbose_name = _("theme of the year")
        verbose_name_plural = _("themes of the years")
        ordering = ["network", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "year"],
                name="project_theme_one_a_year",
                violation_error_message=_("The year already has a theme."),
            ),
            filled("theme_fi"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.theme}"

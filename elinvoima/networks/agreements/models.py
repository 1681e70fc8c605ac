"""Agreements (issue 16): a municipality's vitality agreement (elinvoimasopimus, Vaala
21.5.2018) and partnership document with its associations (kumppanuusasiakirja, Utajärvi),
and a county's shared wellbeing agreement with its municipalities (seed 000: "yhteisen
hyvinvointisopimuksen"). Each states its purpose and principles, its grant practices, the
principles of using the municipality's facilities and other forms of support, and its
parties with their signatories and commitments. A signed agreement is changed by a new
version; published, it has a public page. The facilities associations may use are listed
with their terms."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.actors.owners import Owned, one_owner_condition
from elinvoima.core.models import Tracked, filled
from elinvoima.networks.enums import AgreementKind


class Agreement(Owned, Tracked):
    OWNER_FIELDS = ("municipality", "wellbeing_county")

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="agreements",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        related_name="agreements",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=24, choices=AgreementKind.choices)
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    principles = models.TextField(_("principles"), blank=True, help_text=_("One a line."))
    grant_practices = models.TextField(_("grant practices"), blank=True)
    facility_principles = models.TextField(_("principles of using facilities"), blank=True)
    other_support = models.TextField(_("other forms of support"), blank=True)
    cooperation = models.TextField(
        _("developing the cooperation"),
        blank=True,
        help_text=_("How the parties take part in planning and develop the cooperation."),
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous_version = models.OneToOneField(
        "self",
        verbose_name=_("previous version"),
        on_delete=models.PROTECT,
        related_name="next_version",
        null=True,
        blank=True,
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-version", "title_fi", "id"]
        constraints = [
            models.CheckConstraint(
                condition=one_owner_condition("municipality", "wellbeing_county"),
                name="agreement_one_owner",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="agreement_valid_in_order",
                violation_error_message=_("The agreement cannot end before it begins."),
            ),
            filled("title_fi"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("networks:agreement", kwargs={"pk": self.pk})

    @property
    def principle_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.principles.splitlines() if line.strip()]


class AgreementParty(Tracked):
    """A party to an agreement — an organisation, the municipality's own among them — its
    signatory and what it commits to."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    signatory = models.CharField(_("signatory"), max_length=200, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    commitments = models.TextField(_("commitments"), blank=True, help_text=_("One a line."))

    class Meta:
        verbose_name = _("party to an agreement")
        verbose_name_plural = _("parties to agreements")
        ordering = ["agreement", "organisation__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"],
                name="agreement_party_once",
                violation_error_message=_("The organisation is already a party."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.organisation}"

    @property
    def commitment_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.commitments.splitlines() if line.strip()]


class Facility(Tracked):
    """A facility of the municipality that associations may use, on its terms (seed 000:
    "käyttöperiaatteet yhdistyksille käytössä olevista tiloista"; Vaala: "kaikkien kunnan
    liikuntatilojen käyttö on asukkaille ilmaista")."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="facilities",
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=200, blank=True)
    terms = models.TextField(_("terms of use"), help_text=_("Who may use it, when, at what price."))
    booking = models.CharField(
        _("how to book"), max_length=300, blank=True, help_text=_("Whom to contact, or where.")
    )
    accessible = models.BooleanField(_("accessible"), default=False)

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["municipality", "name_fi", "id"]
        constraints = [filled("name_fi")]

    def __str__(self) -> str:
        return self.name

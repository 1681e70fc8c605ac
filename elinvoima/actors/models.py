"""Actors: municipalities, wellbeing counties, organisations, people and memberships."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.core.models import (
    MAX_COUNT,
    CodedEntry,
    CountField,
    YearField,
    filled,
    in_range,
    updated_by_field,
    years_in_range,
)


class User(AbstractUser):
    """A person who signs in. What they may do comes from their memberships."""

    preferred_language = models.CharField(
        _("preferred language"), max_length=2, blank=True, default=""
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class WellbeingCounty(models.Model):
    """A wellbeing services county (hyvinvointialue); Helsinki (90) and Åland (91) included."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=100)
    sotkanet_region_id = models.PositiveIntegerField(
        _("Sotkanet region id"), null=True, blank=True, unique=True
    )

    class Meta:
        verbose_name = _("wellbeing services county")
        verbose_name_plural = _("wellbeing services counties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:county-detail", kwargs={"code": self.code})


class Municipality(models.Model):
    """A municipality (kunta), addressed by its official three-digit code."""

    code = models.CharField(_("municipality code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    population = CountField(_("population"), null=True, blank=True)
    population_year = YearField(_("population year"), null=True, blank=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            in_range("population", 0, MAX_COUNT),
            *years_in_range("population_year"),
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[0-9]{3}$"), name="municipality_code_digits"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:municipality-detail", kwargs={"code": self.code})


class Theme(CodedEntry):
    """What an organisation works on: physical activity, culture, peer support..."""

    class Meta(CodedEntry.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(CodedEntry):
    """Whom an organisation's activities are for: the age groups of Vaala's networks, and
    "everyone" (Kaikenikäiset), which is for each of them too."""

    EVERYONE = "everyone"

    @classmethod
    def codes_for(cls, code: str) -> tuple[str, ...]:
        """The codes whose activities are for `code`'s people: the group itself and, for an
        age group, the activities for everyone."""
        return (code,) if code == cls.EVERYONE else (code, cls.EVERYONE)

    class Meta(CodedEntry.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Village(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="villages",
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name_fi"], name="village_unique_name_in_municipality"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """Any actor that promotes wellbeing: the municipality itself, its departments, the
    county and its units, associations, parishes, companies..."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    business_id = models.CharField(_("business ID (Y-tunnus)"), max_length=9, blank=True)
    register_number = models.CharField(_("association register number"), max_length=20, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("home municipality"),
        on_delete=models.PROTECT,
        related_name="home_organisations",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
        help_text=_("For the county itself and its units."),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("municipalities of operation"),
        related_name="organisations",
        blank=True,
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        related_name="units",
        null=True,
        blank=True,
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="organisations", blank=True
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), related_name="organisations", blank=True
    )
    villages = models.ManyToManyField(
        Village, verbose_name=_("villages"), related_name="organisations", blank=True
    )
    description = models.TextField(_("description"), blank=True)
    regular_activities = models.TextField(
        _("regular activities"),
        blank=True,
        help_text=_("For example: chair exercise on Tuesdays at 10, family café on Fridays."),
    )
    website = models.URLField(_("website"), blank=True)
    facebook = models.URLField(_("Facebook page"), blank=True)
    instagram = models.URLField(_("Instagram account"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/%Y/", blank=True)
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Shown on public pages.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = updated_by_field()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(Lower("name"), name="organisation_name_lower")]
        constraints = [
            filled("name_fi"),
            models.UniqueConstraint(
                fields=["business_id"],
                condition=~models.Q(business_id=""),
                name="organisation_business_id_unique",
                violation_error_code="duplicate_business_id",
                violation_error_message=_(
                    "An organisation with this business ID is already in the directory."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:organisation-detail", kwargs={"pk": self.pk})


class Membership(models.Model):
    """A user acts for an organisation in a role; every permission derives from these."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class Contact(models.Model):
    """A contact person of an organisation, shown publicly only when they agree."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("role in the organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_public = models.BooleanField(
        _("shown publicly"), default=False, help_text=_("Only with the person's consent.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class MeetingPlace(models.Model):
    """Where an organisation's activities happen: a village hall, a parish centre..."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="meeting_places",
    )
    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="meeting_places",
    )
    accessibility = models.CharField(
        _("accessibility"),
        max_length=300,
        blank=True,
        help_text=_("For example: step-free entrance, induction loop."),
    )

    class Meta:
        verbose_name = _("meeting place")
        verbose_name_plural = _("meeting places")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(postal_code="") | models.Q(postal_code__regex=r"^[0-9]{5}$"),
                name="meeting_place_postal_code_digits",
            )
        ]

    def __str__(self) -> str:
        return self.name


from elinvoima.actors.interfaces.models import InterfaceContact, InterfaceTheme  # noqa: E402,F401
from elinvoima.actors.invitations.models import Invitation  # noqa: E402,F401

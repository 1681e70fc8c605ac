"""Abstract bases shared by the apps. Core has no tables of its own."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# The years and counts a user can mean. The database checks them too (`in_range`), so a
# value no one meant (year 0, 32768, "1e3" read as 1000) is refused wherever it comes from.
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_COUNT = 10_000_000


class YearField(models.PositiveSmallIntegerField):
    """A calendar year from FIRST_YEAR to LAST_YEAR. Add `in_range(name, FIRST_YEAR,
    LAST_YEAR)` to the model's constraints."""

    default_validators = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class CountField(models.PositiveIntegerField):
    """A count of people or things, from 0 to MAX_COUNT. Add `in_range(name, 0, MAX_COUNT)`."""

    default_validators = [MinValueValidator(0), MaxValueValidator(MAX_COUNT)]


def updated_by_field() -> models.ForeignKey:
    """Who saved the row last: named when someone else's save is refused as stale
    (`core.concurrency.ensure_unchanged`). A deleted user leaves it empty."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )


def signed_in_or_none(user):
    """The user to record as `updated_by`: None for an anonymous or missing one."""
    return user if user is not None and user.is_authenticated else None


def in_range(field: str, low: int, high: int) -> models.CheckConstraint:
    """The database's check of a bounded field (None passes: a required field says so by
    not being nullable)."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(**{f"{field}__gte": low, f"{field}__lte": high}),
        name=f"%(app_label)s_%(class)s_{field}_range",
    )


def ends_after_it_starts(name: str) -> models.CheckConstraint:
    """The database's check that `ends_on` (optional: one day) is not before `starts_on`."""
    return models.CheckConstraint(
        condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
        name=name,
        violation_error_message=_("The last day cannot be before the first."),
    )


def years_in_range(*fields: str) -> list[models.CheckConstraint]:
    return [in_range(field, FIRST_YEAR, LAST_YEAR) for field in fields]


def filled(field: str) -> models.CheckConstraint:
    """The database's check of a required text (e.g. the Finnish name of a translated
    field, which modeltranslation makes nullable): neither NULL nor empty."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": False}) & ~models.Q(**{field: ""}),
        name=f"%(app_label)s_%(class)s_{field}_filled",
        violation_error_code="required",
        violation_error_message=_("The text in Finnish is required."),
    )


class CodedEntry(models.Model):
    """A small reference list kept in a CSV file: a stable code, a translated name and a
    position that orders it (themes, target groups, interface themes...)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class Timestamped(models.Model):
    """When the row was created and last saved."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Tracked(Timestamped):
    """When the row was created and last saved, and by whom: the service layer sets
    `created_by` and `updated_by` (a deleted user leaves them empty)."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        abstract = True


class PrivateDocument(models.Model):
    """A document kept in the private storage (core.private_files) and sent only to those
    who may read what it is attached to: a grant application's attachment, a good
    practice's file. The concrete model adds what it belongs to and its `file` field (its
    `upload_to` names its own folder, through `private_files.random_name`)."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=8)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("attached"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attached by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        abstract = True
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class SecondFactorLinking(models.Model):
    """Leave to link a second factor (an authenticator app or a security key) the first
    time, until `allowed_until`: given by someone who vouches for the person — the keeper
    of the counselling register when granting access or resetting a lost phone. Without
    it, someone who has learnt (or reset) a password could link their own phone first."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="second_factor_linking"
    )
    allowed_until = models.DateTimeField(_("linking allowed until"))
    allowed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("leave to link a second factor")
        verbose_name_plural = _("leaves to link a second factor")

    def __str__(self) -> str:
        return f"{self.user_id} until {self.allowed_until:%Y-%m-%d}"

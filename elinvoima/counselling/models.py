"""Exercise counselling (liikuntaneuvonta, seed 001: Lapinjärvi and Asikkala): the county is
the controller of the records, which are part of its patient register. Here: the county's
agreement with a municipality on its counsellors' right to record ("oikeudesta kirjata"),
the county's grants of access to persons — valid for a period, a counsellor's only after
induction ("perehdytys") —, the clients (identity code encrypted, found by a keyed hash),
their counselling periods from a referral or another way in, the counsellors' slots and
their bookings (one active booking a slot, held by the database), and the audit log of
every read and change, which the application only ever adds to."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.counselling.enums import (
    AccessRole,
    AuditAction,
    BookingState,
    ClientSource,
    ConsentPurpose,
    Outcome,
    Urgency,
)
from elinvoima.counselling.fields import EncryptedTextField

USER = settings.AUTH_USER_MODEL


class AccessAgreement(models.Model):
    """The county lets a municipality's counsellors record counselling in its register."""

    wellbeing_county = models.ForeignKey(
        WellbeingCounty, verbose_name=_("wellbeing services county"), on_delete=models.PROTECT
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT
    )
    reference = models.CharField(_("agreement"), max_length=200)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("agreement on recording counselling")
        verbose_name_plural = _("agreements on recording counselling")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="counselling_agreement_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.reference


class StaffAccess(models.Model):
    """The county grants a person access to counselling data for a period: a counsellor of
    a municipality (after induction) or a referring professional of the county."""

    user = models.ForeignKey(
        USER, verbose_name=_("person"), on_delete=models.CASCADE, related_name="counselling_access"
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty, verbose_name=_("wellbeing services county"), on_delete=models.PROTECT
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("A counsellor's municipality."),
    )
    role = models.CharField(_("role"), max_length=16, choices=AccessRole.choices)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    inducted_on = models.DateField(_("induction given"), null=True, blank=True)
    granted_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("access to counselling data")
        verbose_name_plural = _("accesses to counselling data")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")),
                name="counselling_access_dates_in_order",
            ),
            models.CheckConstraint(
                condition=~Q(role=AccessRole.COUNSELLOR)
                | (Q(municipality__isnull=False) & Q(inducted_on__isnull=False)),
                name="counselling_counsellor_inducted_in_a_municipality",
            ),
        ]
        indexes = [models.Index(fields=["user", "valid_until"], name="counselling_access_user")]

    def __str__(self) -> str:
        return f"{self.user} {self.get_role_display()}"


class Client(models.Model):
    """A client of the county's register: the identity code and name encrypted; the keyed
    hash of the code finds the client without decrypting anyone."""

    wellbeing_county = models.ForeignKey(
        WellbeingCounty, verbose_name=_("wellbeing services county"), on_delete=models.PROTECT
    )
    identity_code = EncryptedTextField(_("personal identity code"))
    identity_hash = models.CharField(max_length=64, editable=False)
    name = EncryptedTextField(_("name"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        constraints = [
            models.UniqueConstraint(
                fields=["wellbeing_county", "identity_hash"], name="counselling_client_once"
            )
        ]

    def __str__(self) -> str:
        return f"{_('client')} {self.pk}"  # never the name: str() ends up in logs


class CareTeam(models.Model):
    """A care team of the county's professionals. Where the county grants it (`may_read`,
    with who last set it and when), a member who holds a valid referrer's access in the
    client's county reads the records of the periods referred within the team (issue 19:
    "professionals of the same care team, where the county grants it"); none writes on the
    counselling tab."""

    wellbeing_county = models.ForeignKey(
        WellbeingCounty, verbose_name=_("wellbeing services county"), on_delete=models.PROTECT
    )
    name = models.CharField(_("name"), max_length=200)
    members = models.ManyToManyField(
        USER, verbose_name=_("members"), related_name="counselling_care_teams", blank=True
    )
    may_read = models.BooleanField(
        _("members read the team's counselling records"),
        default=False,
        help_text=_("Granted by the wellbeing services county."),
    )
    may_read_set_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    may_read_set_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("care team")
        verbose_name_plural = _("care teams")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["wellbeing_county", "name"], name="counselling_care_team_name_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Period(models.Model):
    """A counselling period: how the client came, the referral's contents, the counsellors
    assigned, and the outcome sent back to the referrer."""

    # Not stored: why this request's user may read it, set by `services.record_read`.
    read_as: str | None = None

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="periods")
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT
    )
    source = models.CharField(_("came by"), max_length=16, choices=ClientSource.choices)
    referrer = models.ForeignKey(
        USER,
        verbose_name=_("referring professional"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="counselling_referrals",
    )
    care_team = models.ForeignKey(
        CareTeam,
        verbose_name=_("care team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="periods",
        help_text=_("The care team the client was referred within."),
    )
    counsellors = models.ManyToManyField(
        USER, verbose_name=_("counsellors"), related_name="counselling_periods"
    )
    reason = EncryptedTextField(_("reason"), blank=True)
    goals = EncryptedTextField(_("goals"), blank=True)
    risk_factors = EncryptedTextField(_("risk factors relevant to exercise"), blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=8, choices=Urgency.choices, default=Urgency.ROUTINE
    )
    exercise_plan = EncryptedTextField(_("exercise plan"), blank=True)
    self_care = EncryptedTextField(_("self-care programme"), blank=True)
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    outcome_summary = EncryptedTextField(_("outcome summary"), blank=True)

    class Meta:
        verbose_name = _("counselling period")
        verbose_name_plural = _("counselling periods")
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=ClientSource.REFERRAL) | Q(referrer__isnull=False),
                name="counselling_referral_has_its_referrer",
            )
        ]

    def __str__(self) -> str:
        return f"{_('counselling period')} {self.pk}"


class Consent(models.Model):
    """The client's consent to one use of their counselling data beyond counselling: a
    purpose and the specific study or programme. A withdrawn consent stays on record but is
    no longer in force; at most one consent a client, purpose and description is in force
    (a partial unique index). Every such use asks `counselling.consent.consented_clients`."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=16, choices=ConsentPurpose.choices)
    description = models.CharField(
        _("study or programme"),
        max_length=200,
        help_text=_("Which study or programme the consent is for."),
    )
    given_on = models.DateField(_("given on"))
    recorded_by = models.ForeignKey(
        USER, verbose_name=_("given to"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_recorded_by = models.ForeignKey(
        USER,
        verbose_name=_("withdrawal recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["given_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("given_on")),
                name="counselling_consent_withdrawn_after_given",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_recorded_by__isnull=False),
                name="counselling_consent_withdrawal_recorded_by",
            ),
            models.UniqueConstraint(
                fields=["client", "purpose", "description"],
                condition=Q(withdrawn_on__isnull=True),
                name="counselling_consent_in_force_once",
                violation_error_message=_("The client has already given this consent."),
            ),
        ]

    def __str__(self) -> str:
        return f"{_('consent')} {self.pk}"  # never the client's name: str() ends up in logs

    @property
    def in_force(self) -> bool:
        return self.withdrawn_on is None


class Slot(models.Model):
    counsellor = models.ForeignKey(
        USER, verbose_name=_("counsellor"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200)

    class Meta:
        verbose_name = _("counselling time")
        verbose_name_plural = _("counselling times")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="counselling_slot_ends_later"
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class Booking(models.Model):
    """A period's time. One active booking a slot: the database's partial unique
    constraint holds it however many book at once."""

    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="bookings")
    state = models.CharField(
        _("state"), max_length=16, choices=BookingState.choices, default=BookingState.BOOKED
    )
    booked_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    booked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.UniqueConstraint(
                fields=["slot"],
                condition=~Q(state=BookingState.CANCELLED),
                name="counselling_slot_booked_once",
                violation_error_message=_("The time has just been booked."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.slot} {self.get_state_display()}"


class Visit(models.Model):
    """A counselling visit: the notes and the measurements the counsellor chose, both
    encrypted (the measurements as JSON: {measurement: value})."""

    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="visits")
    booking = models.OneToOneField(
        Booking, on_delete=models.PROTECT, null=True, blank=True, related_name="visit"
    )
    visited_on = models.DateField(_("visited on"))
    notes = EncryptedTextField(_("notes"), blank=True)
    measurements = EncryptedTextField(_("measurements"), blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["visited_on", "id"]

    def __str__(self) -> str:
        return f"{_('visit')} {self.pk}"


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is only ever added to.")

    def delete(self):
        raise PermissionError("The audit log is only ever added to.")


class AuditEntry(models.Model):
    """Who read or changed which client's counselling data, when and what. The application
    only adds rows: saving an existing row, updating or deleting raises (and on PostgreSQL
    a trigger refuses UPDATE and DELETE too)."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        USER, verbose_name=_("who"), on_delete=models.PROTECT, related_name="+"
    )
    # Empty in the entries about no one client: a change of the county's agreements or
    # grants, a refused attempt on the keeper's pages, the record of an erasure.
    client = models.ForeignKey(
        Client,
        verbose_name=_("client"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit",
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=8, choices=AuditAction.choices)
    what = models.CharField(_("what"), max_length=200)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("access to counselling data")
        verbose_name_plural = _("log of access to counselling data")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["client", "at"], name="counselling_audit_client")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.client_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is only ever added to.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is only ever added to.")

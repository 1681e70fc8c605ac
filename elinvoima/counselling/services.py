"""Writes of exercise counselling: a referral (with the client found by the keyed hash of
the identity code, or added) and its booking; reading a client's record, which writes the
read to the audit log first. Permission first, then validation, then the write, in one
transaction; every read and change of counselling data is audited."""

import datetime
import functools
import json
from dataclasses import dataclass, field
from typing import NoReturn

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as InvalidCode
from stdnum.fi import hetu

from elinvoima.actors.models import Municipality
from elinvoima.counselling.audit import audited, refused
from elinvoima.counselling.care_teams import referral_care_team
from elinvoima.counselling.confirmation import confirmation_errors, confirmation_on_commit
from elinvoima.counselling.crypto import keyed_hash
from elinvoima.counselling.enums import (
    AccessRole,
    AuditAction,
    BookingState,
    ClientSource,
    Measurement,
    Outcome,
)
from elinvoima.counselling.models import (
    AccessAgreement,
    Booking,
    CareTeam,
    Client,
    Period,
    Slot,
    Visit,
)
from elinvoima.counselling.permissions import (
    counsels_period,
    reading_as,
    reads_period,
    refers_in,
    valid_accesses,
    was_granted_access,
)


def _refuse(user, what: str = "", period: Period | None = None) -> NoReturn:
    """Refuse: to someone the county ever granted access, 403 — an attempt on a period is
    logged first, outside any transaction so that the entry outlives the refusal; to anyone
    else counselling data does not exist (404)."""
    if not was_granted_access(user):
        raise Http404
    if period is not None:
        refused(user, what, period=period)
    raise PermissionDenied


def identity_code_checked(code: str) -> str:
    """The personal identity code in its standard form, or a ValidationError."""
    try:
        return hetu.validate(code.strip())
    except InvalidCode:
        raise ValidationError(
            {"identity_code": [_("Check the personal identity code: it is not valid.")]}
        ) from None


def client_found(county, identity_code: str) -> Client | None:
    """The county's client with this code, by the keyed hash: nothing is decrypted."""
    digest = keyed_hash("identity_code", identity_code)
    return Client.objects.filter(wellbeing_county=county, identity_hash=digest).first()


@dataclass(frozen=True)
class ReferralData:
    identity_code: str
    name: str
    municipality: Municipality
    reason: str
    goals: str = ""
    risk_factors: str = ""
    urgency: str = "routine"
    slot: Slot | None = None
    care_team: CareTeam | None = None  # chosen when the referrer is in several
    client_email: str = ""  # only to send the confirmation (confirmation.py); never stored
    client_language: str = ""  # of the confirmation: fi or sv


def agreement_in_force(county, municipality, today: datetime.date) -> bool:
    return (
        AccessAgreement.objects.filter(
            wellbeing_county=county, municipality=municipality, valid_from__lte=today
        )
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .exists()
    )


@transaction.atomic
def referral_create(*, user, data: ReferralData) -> Period:
    """A referring professional of the county refers a client to a municipality's exercise
    counselling and books one of its counsellors' free times."""
    county = data.municipality.wellbeing_county
    if not refers_in(user, county):  # the predicate itself: has_perm says yes to the admin
        _refuse(user)
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    try:
        code = identity_code_checked(data.identity_code)
    except ValidationError as error:
        errors.update(error.message_dict)
        code = ""
    if not data.name.strip():
        errors["name"] = [_("Give the client's name.")]
    if not data.reason.strip():
        errors["reason"] = [_("Say why the client is referred.")]
    if not agreement_in_force(county, data.municipality, today):
        errors["municipality"] = [
            _("This municipality has no agreement with the county on exercise counselling.")
        ]
    slot = data.slot
    if slot is not None:
        counsellor_valid = (
            valid_accesses(slot.counsellor, AccessRole.COUNSELLOR)
            .filter(municipality=data.municipality, wellbeing_county=county)
            .exists()
        )
        if slot.municipality_id != data.municipality.pk or not counsellor_valid:
            errors["slot"] = [_("Choose a time of this municipality's counsellors.")]
        elif slot.starts_at <= timezone.now():
            errors["slot"] = [_("Choose a time that has not begun.")]
    try:  # the care team the referral is made within: its members may then read the record
        care_team = referral_care_team(user, county, data.care_team)
    except ValidationError as error:
        errors.update(error.message_dict)
    errors.update(confirmation_errors(data.client_email.strip(), slot))
    if errors:
        raise ValidationError(errors)
    client = client_found(county, code)
    if client is None:
        client = Client.objects.create(
            wellbeing_county=county,
            identity_code=code,
            identity_hash=keyed_hash("identity_code", code),
            name=data.name.strip(),
        )
    elif client.name != data.name.strip():
        # The name the referrer gives is the current one; keeping the one on file would
        # show the referrer a name they did not type, and so that the person was a client.
        client.name = data.name.strip()
        client.save(update_fields=["name"])
    period = Period.objects.create(
        client=client,
        municipality=data.municipality,
        source=ClientSource.REFERRAL,
        referrer=user,
        reason=data.reason.strip(),
        goals=data.goals.strip(),
        risk_factors=data.risk_factors.strip(),
        urgency=data.urgency,
        care_team=care_team,
    )
    audited(user, AuditAction.CREATE, "referral", client=client, period=period)
    if slot is not None:
        booking_create(user=user, period=period, slot=slot)
    if data.client_email.strip():
        confirmation_on_commit(
            user=user,
            period=period,
            address=data.client_email.strip(),
            language=data.client_language,
        )
    return period


def booking_create(*, user, period: Period, slot: Slot) -> Booking:
    """Book the slot for the period; a slot taken at the same moment is refused by the
    database's constraint, and said so."""
    try:
        with transaction.atomic():
            booking = Booking.objects.create(slot=slot, period=period, booked_by=user)
    except IntegrityError:
        raise ValidationError(
            {"slot": [_("The time was just booked by someone else. Choose another.")]}
        ) from None
    period.counsellors.add(slot.counsellor)
    audited(
        user,
        AuditAction.CREATE,
        f"booking {slot.starts_at:%Y-%m-%d %H:%M}",
        client=period.client,
        period=period,
    )
    return booking


def record_read(*, user, period: Period, what: str = "record") -> Period:
    """Open a client's record: refused to all but the assigned counsellors and the
    referrer (a refusal of someone who uses counselling is logged, then 403; for anyone
    else the record does not exist); the read is logged before anything is shown. Not
    atomic on purpose: the refusal's entry must outlive the refusal."""
    reader = reading_as(user, period)
    if reader is None:
        _refuse(user, what, period)
    audited(user, AuditAction.READ, what, client=period.client, period=period)
    period.read_as = reader  # this request's answer: the page offers the tab's forms by it
    return period


# --- The counselling tab: the counsellor's writes ------------------------------------------
def _counsels(user, period: Period) -> None:
    """Only a counsellor assigned to the period, with valid access, writes on its tab; a
    refused attempt of someone who was granted access is logged."""
    if not counsels_period(user, period):
        _refuse(user, "change", period)


def _counsellor_writes(write):
    """The counsellor's check outside the write's transaction — a refusal's log entry must
    outlive the refusal — then the write in one transaction."""
    atomic_write = transaction.atomic(write)

    @functools.wraps(write)
    def checked(*, user, period: Period, **kwargs):
        _counsels(user, period)
        return atomic_write(user=user, period=period, **kwargs)

    return checked


def counsellor_check(*, user, period: Period) -> None:
    """For the pages: may the user write on the period's tab? Refused as the services
    refuse (logged)."""
    _counsels(user, period)


def _open(period: Period) -> Period:
    period = Period.objects.select_for_update().get(pk=period.pk)
    if period.closed_at is not None:
        raise ValidationError(_("The counselling period has ended."), code="closed")
    return period


@_counsellor_writes
def plan_save(*, user, period: Period, exercise_plan: str, self_care: str = "") -> Period:
    """The exercise plan made together with the client, and the self-care programme."""
    period = _open(period)
    if not exercise_plan.strip():
        raise ValidationError({"exercise_plan": [_("Write the exercise plan.")]})
    period.exercise_plan, period.self_care = exercise_plan.strip(), self_care.strip()
    period.save(update_fields=["exercise_plan", "self_care"])
    audited(user, AuditAction.CHANGE, "exercise plan", client=period.client, period=period)
    return period


@dataclass(frozen=True)
class VisitData:
    visited_on: datetime.date
    notes: str = ""
    measurements: dict[str, float] = field(default_factory=dict)
    booking: Booking | None = None


@_counsellor_writes
def visit_record(*, user, period: Period, data: VisitData) -> Visit:
    """A visit with its notes and the measurements the counsellor chose; its booking, if
    any, is marked attended."""
    period = _open(period)
    errors: dict[str, list[str]] = {}
    if data.visited_on > timezone.localdate():
        errors["visited_on"] = [_("Record a visit once it has taken place.")]
    unknown = set(data.measurements) - set(Measurement.values)
    if unknown or any(value < 0 or value > 100_000 for value in data.measurements.values()):
        errors["measurements"] = [_("Give the measurements as numbers of the listed kinds.")]
    if data.booking is not None and data.booking.period_id != period.pk:
        errors["booking"] = [_("Choose a booking of this period.")]
    if errors:
        raise ValidationError(errors)
    visit = Visit.objects.create(
        period=period,
        booking=data.booking,
        visited_on=data.visited_on,
        notes=data.notes.strip(),
        measurements=json.dumps(data.measurements, sort_keys=True) if data.measurements else "",
        recorded_by=user,
    )
    if data.booking is not None:
        Booking.objects.filter(pk=data.booking.pk).update(state=BookingState.ATTENDED)
    audited(
        user,
        AuditAction.CREATE,
        f"visit {data.visited_on:%Y-%m-%d}",
        client=period.client,
        period=period,
    )
    return visit


def booking_mark(*, user, booking: Booking, state: str) -> Booking:
    """Cancel a booking (its counsellor or the referrer), or mark that the client did not
    come (its counsellor). A cancelled time is free again."""
    period = booking.period
    referrer_cancels = state == BookingState.CANCELLED and period.referrer_id == user.pk
    may = counsels_period(user, period) or (referrer_cancels and reads_period(user, period))
    if not may:
        _refuse(user, "booking", period)
    with transaction.atomic():
        return _booking_marked(user, booking, state)


def _booking_marked(user, booking: Booking, state: str) -> Booking:
    period = booking.period
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.state != BookingState.BOOKED or state not in (
        BookingState.CANCELLED,
        BookingState.NO_SHOW,
    ):
        raise ValidationError(_("Only a booked time can be cancelled or marked."), code="state")
    booking.state = state
    booking.save(update_fields=["state"])
    audited(user, AuditAction.CHANGE, f"booking {state}", client=period.client, period=period)
    return booking


@_counsellor_writes
def period_close(*, user, period: Period, outcome: str, summary: str) -> Period:
    """End the counselling period with its outcome and a summary, which the referrer then
    reads on the record."""
    period = _open(period)
    errors: dict[str, list[str]] = {}
    if outcome not in Outcome.values:
        errors["outcome"] = [_("Choose how the period ended.")]
    if not summary.strip():
        errors["summary"] = [_("Write the summary for the referrer.")]
    if errors:
        raise ValidationError(errors)
    period.outcome, period.outcome_summary = outcome, summary.strip()
    period.closed_at = timezone.now()
    period.save(update_fields=["outcome", "outcome_summary", "closed_at"])
    audited(user, AuditAction.CHANGE, "period closed", client=period.client, period=period)
    return period


@dataclass(frozen=True)
class WalkInData:
    identity_code: str
    name: str
    source: str  # ClientSource other than a referral
    reason: str = ""
    goals: str = ""


def walk_in_create(*, user, county, municipality, data: WalkInData) -> Period:
    """A client who came without a referral (contacted the counsellor, a testing day, an
    early phase of rehabilitation): the counsellor opens the period and is assigned to it."""
    counsellor = (
        valid_accesses(user, AccessRole.COUNSELLOR)
        .filter(wellbeing_county=county, municipality=municipality)
        .exists()
    )
    if not counsellor:
        _refuse(user)
    with transaction.atomic():
        return _walk_in_created(user, county, municipality, data)


def _walk_in_created(user, county, municipality, data: WalkInData) -> Period:
    errors: dict[str, list[str]] = {}
    try:
        code = identity_code_checked(data.identity_code)
    except ValidationError as error:
        errors.update(error.message_dict)
        code = ""
    if data.source == ClientSource.REFERRAL or data.source not in ClientSource.values:
        errors["source"] = [_("Choose how the client came.")]
    if not data.name.strip():
        errors["name"] = [_("Give the client's name.")]
    if errors:
        raise ValidationError(errors)
    client = client_found(county, code) or Client.objects.create(
        wellbeing_county=county,
        identity_code=code,
        identity_hash=keyed_hash("identity_code", code),
        name=data.name.strip(),
    )
    period = Period.objects.create(
        client=client,
        municipality=municipality,
        source=data.source,
        reason=data.reason.strip(),
        goals=data.goals.strip(),
    )
    period.counsellors.add(user)
    audited(user, AuditAction.CREATE, data.source, client=client, period=period)
    return period


# --- HL7 FHIR: referrals in, periods out ----------------------------------------------------
def referral_from_fhir(
    *,
    user,
    municipality,
    payload,
    slot: Slot | None = None,
    client_email: str = "",
    client_language: str = "",
) -> Period:
    """A referral that arrives as a FHIR ServiceRequest (counselling/fhir.py), with the
    booking and the client's confirmation as in `referral_create`."""
    from elinvoima.counselling.fhir import referral_fields  # fhir.resources loads slowly

    if not refers_in(user, municipality.wellbeing_county):
        _refuse(user)
    fields = referral_fields(payload)
    return referral_create(
        user=user,
        data=ReferralData(
            municipality=municipality,
            slot=slot,
            client_email=client_email,
            client_language=client_language,
            **fields,
        ),
    )


def period_export(*, user, period: Period) -> dict:
    """The period as a FHIR Bundle for the county's own system: read as the record is,
    and logged as an export."""
    from elinvoima.counselling.fhir import period_bundle

    if not reads_period(user, period):
        _refuse(user, "export", period)
    audited(user, AuditAction.EXPORT, "FHIR bundle", client=period.client, period=period)
    return period_bundle(period)


def slot_create(*, user, starts_at, ends_at, place: str) -> Slot:
    """A counsellor publishes a time, in the municipality of their valid access."""
    access = valid_accesses(user, AccessRole.COUNSELLOR).first()
    if access is None:
        _refuse(user)
    if starts_at <= timezone.now() or ends_at <= starts_at:
        raise ValidationError({"starts_at": [_("Give a time that has not begun.")]})
    overlapping = Slot.objects.filter(counsellor=user, starts_at__lt=ends_at, ends_at__gt=starts_at)
    if overlapping.exists():
        raise ValidationError({"starts_at": [_("You already have a time then.")]})
    return Slot.objects.create(
        counsellor=user,
        municipality=access.municipality,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
    )

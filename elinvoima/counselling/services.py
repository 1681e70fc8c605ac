"""Writes of exercise counselling: a referral (with the client found by the keyed hash of
the identity code, or added) and its booking; reading a client's record, which writes the
read to the audit log first. Permission first, then validation, then the write, in one
transaction; every read and change of counselling data is audited."""

import datetime
from dataclasses import dataclass

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
from elinvoima.counselling.crypto import keyed_hash
from elinvoima.counselling.enums import AccessRole, AuditAction, BookingState, ClientSource
from elinvoima.counselling.models import (
    AccessAgreement,
    Booking,
    Client,
    Period,
    Slot,
)
from elinvoima.counselling.permissions import (
    reads_period,
    refers_in,
    valid_accesses,
    was_granted_access,
)


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
        raise Http404 if not was_granted_access(user) else PermissionDenied
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
    period = Period.objects.create(
        client=client,
        municipality=data.municipality,
        source=ClientSource.REFERRAL,
        referrer=user,
        reason=data.reason.strip(),
        goals=data.goals.strip(),
        risk_factors=data.risk_factors.strip(),
        urgency=data.urgency,
    )
    audited(user, AuditAction.CREATE, "referral", client=client, period=period)
    if slot is not None:
        booking_create(user=user, period=period, slot=slot)
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


def free_slots(municipality, *, after: datetime.datetime | None = None):
    """The municipality's counsellors' times that have not begun and have no active
    booking (their counsellors' access checked by the caller's service)."""
    return (
        Slot.objects.filter(municipality=municipality, starts_at__gt=after or timezone.now())
        .exclude(bookings__in=Booking.objects.exclude(state=BookingState.CANCELLED))
        .order_by("starts_at")
    )


def record_read(*, user, period: Period, what: str = "record") -> Period:
    """Open a client's record: refused to all but the assigned counsellors and the
    referrer (a refusal of someone who uses counselling is logged, then 403; for anyone
    else the record does not exist); the read is logged before anything is shown. Not
    atomic on purpose: the refusal's entry must outlive the refusal."""
    if not reads_period(user, period):
        if was_granted_access(user):
            refused(user, what, period=period)  # not in a transaction: the entry stays
            raise PermissionDenied
        raise Http404
    audited(user, AuditAction.READ, what, client=period.client, period=period)
    return period

"""Reads of exercise counselling for its pages: what a counsellor or a referrer has on
their list (only the periods they may read: the twin of the read rule), the
municipalities a referrer can refer to, and the free times there. Listing a period shows
no health data — only its number, state and dates — so a list is not a read of a record;
opening one is (services.record_read)."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from elinvoima.actors.models import Municipality
from elinvoima.counselling.enums import AccessRole, BookingState
from elinvoima.counselling.models import AccessAgreement, AuditEntry, Booking, Period, Slot
from elinvoima.counselling.permissions import periods_visible_to, valid_accesses


def my_periods(user) -> QuerySet[Period]:
    return (
        periods_visible_to(user)
        .select_related("municipality")
        .annotate(visit_count=Count("visits", distinct=True))
        .order_by("closed_at", "-opened_at")
    )


def referral_municipalities(user) -> QuerySet[Municipality]:
    """The municipalities of the referrer's counties whose agreement is in force."""
    today = timezone.localdate()
    counties = valid_accesses(user, AccessRole.REFERRER).values("wellbeing_county_id")
    agreed = (
        AccessAgreement.objects.filter(wellbeing_county_id__in=counties, valid_from__lte=today)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .values("municipality_id")
    )
    return Municipality.objects.filter(pk__in=agreed).order_by("name")


def free_slots_of(municipality) -> QuerySet[Slot]:
    """The times of the municipality's counsellors that have not begun and are not booked
    (the service checks the counsellor's access again when one is booked)."""
    active = Booking.objects.exclude(state=BookingState.CANCELLED).values("slot_id")
    return (
        Slot.objects.filter(municipality=municipality, starts_at__gt=timezone.now())
        .exclude(pk__in=active)
        .order_by("starts_at")
    )


def my_slots(user) -> QuerySet[Slot]:
    """The counsellor's own coming times, each marked booked or free."""
    booked = Booking.objects.filter(slot=OuterRef("pk")).exclude(state=BookingState.CANCELLED)
    return (
        Slot.objects.filter(counsellor=user, starts_at__gt=timezone.now())
        .annotate(booked=Exists(booked))
        .order_by("starts_at")
    )


def access_log(client) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(client=client).select_related("user").order_by("-at", "-id")

"""Reads for the pages of the county's keeper of the register (issue 19, items 0, 5 and 8):
the county's agreements with its municipalities and its grants of access with their
validity in words, the people a grant may be given to (those who hold the matching role in
an organisation of the county or of one of its municipalities), and the clients whose
retention time has passed. None of these shows health data; the clients due for erasure
are listed by their number only."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, Exists, Max, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone

from elinvoima.actors.models import Membership, WellbeingCounty
from elinvoima.counselling.enums import AccessRole
from elinvoima.counselling.models import AccessAgreement, Client, Period, StaffAccess
from elinvoima.counselling.permissions import ROLE_OF_ACCESS, valid_accesses

RENEW_WITHIN_DAYS = 30  # a grant ending this soon is flagged, so that the keeper renews it


class Validity:
    """In words, for a row with `valid_from` and `valid_until` (None: open-ended)."""

    IN_FORCE = "in_force"
    ENDED = "ended"
    COMING = "coming"


def validity(valid_from: datetime.date, valid_until, today: datetime.date) -> str:
    if valid_from > today:
        return Validity.COMING
    if valid_until is not None and valid_until < today:
        return Validity.ENDED
    return Validity.IN_FORCE


def _in_force(today: datetime.date) -> Q:
    return Q(valid_from__lte=today) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))


def kept_counties(user) -> QuerySet[WellbeingCounty]:
    """The counties whose register the user keeps today (a valid KEEPER grant)."""
    counties = valid_accesses(user, AccessRole.KEEPER).values("wellbeing_county_id")
    return WellbeingCounty.objects.filter(pk__in=counties).order_by("name")


@dataclass(frozen=True)
class AgreementRow:
    agreement: AccessAgreement
    state: str


def county_agreements(county, today: datetime.date | None = None) -> list[AgreementRow]:
    today = today or timezone.localdate()
    agreements = (
        AccessAgreement.objects.filter(wellbeing_county=county)
        .select_related("municipality")
        .order_by("municipality__name", "-valid_from", "-id")
    )
    return [AgreementRow(a, validity(a.valid_from, a.valid_until, today)) for a in agreements]


def county_accesses(
    county,
    *,
    role: str = "",
    municipality=None,
    state: str = "",
    today: datetime.date | None = None,
) -> QuerySet[StaffAccess]:
    """The county's grants, filtered: those in force first (ending soonest first), then the
    coming ones, then the ended."""
    today = today or timezone.localdate()
    accesses = StaffAccess.objects.filter(wellbeing_county=county).select_related(
        "user", "municipality"
    )
    if role:
        accesses = accesses.filter(role=role)
    if municipality is not None:
        accesses = accesses.filter(municipality=municipality)
    if state == Validity.IN_FORCE:
        accesses = accesses.filter(_in_force(today))
    elif state == Validity.ENDED:
        accesses = accesses.filter(valid_until__lt=today)
    elif state == Validity.COMING:
        accesses = accesses.filter(valid_from__gt=today)
    order = Case(
        When(valid_from__gt=today, then=Value(1)),
        When(valid_until__lt=today, then=Value(2)),
        default=Value(0),
    )
    return accesses.annotate(order=order).order_by(
        "order", "valid_until", "user__last_name", "user__first_name", "id"
    )


def accesses_ending_soon(county, today: datetime.date | None = None) -> QuerySet[StaffAccess]:
    """Grants in force whose last day is within RENEW_WITHIN_DAYS."""
    today = today or timezone.localdate()
    return StaffAccess.objects.filter(
        _in_force(today),
        wellbeing_county=county,
        valid_until__lte=today + datetime.timedelta(days=RENEW_WITHIN_DAYS),
    )


def grant_candidates(county) -> QuerySet[Membership]:
    """The memberships that make a person eligible for a grant of the county: a counsellor
    of one of its municipalities, a referring professional or a county official (the keeper
    of the register) of the county (`ROLE_OF_ACCESS`)."""
    return (
        Membership.objects.filter(
            Q(
                role=ROLE_OF_ACCESS[AccessRole.COUNSELLOR],
                organisation__municipality__wellbeing_county=county,
            )
            | Q(
                role__in=[
                    ROLE_OF_ACCESS[AccessRole.REFERRER],
                    ROLE_OF_ACCESS[AccessRole.KEEPER],
                ],
                organisation__wellbeing_county=county,
            )
        )
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name", "user_id")
    )


def holds_role_for(person, county, role: str, municipality=None) -> bool:
    """Does `person` hold the actors role that the grant of `role` needs, in the
    municipality (a counsellor) or the county?"""
    place = (
        Q(organisation__municipality=municipality)
        if role == AccessRole.COUNSELLOR
        else Q(organisation__wellbeing_county=county)
    )
    return Membership.objects.filter(
        place, user=person, role=ROLE_OF_ACCESS[AccessRole(role)]
    ).exists()


# --- Retention ------------------------------------------------------------------------------
def retention_years() -> int:
    return settings.COUNSELLING_RETENTION_YEARS


def years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Records whose client's last period closed before this moment may be erased."""
    return years_before(now or timezone.now(), retention_years())


def clients_past_retention(county=None, now: datetime.datetime | None = None) -> QuerySet[Client]:
    """Clients with no open period whose last period closed more than the retention time
    ago (a client without periods: added more than that ago), of one county or all. The
    one selector of both the keeper's page, the erasure service and the scheduled job."""
    cutoff = retention_cutoff(now)
    open_period = Period.objects.filter(client=OuterRef("pk"), closed_at__isnull=True)
    clients = (
        Client.objects.all() if county is None else Client.objects.filter(wellbeing_county=county)
    )
    return (
        clients.annotate(last_closed=Max("periods__closed_at"), has_open=Exists(open_period))
        .filter(has_open=False)
        .filter(Q(last_closed__lt=cutoff) | Q(last_closed__isnull=True, created_at__lt=cutoff))
        .order_by("pk")
    )

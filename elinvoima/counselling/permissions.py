"""Who may read counselling data (issue 19): only a counsellor assigned to the client's
period and the professional who referred the client — each while the county's grant of
access is valid, a counsellor only with the county's agreement with the municipality in
force and after induction, and each only while the person still has the role in the
municipality's or county's organisation (the municipality sees to it that only those who
need it have it). Where the county grants it to a care team, the team's members read the
records of the periods referred within the team — each only while they are in the team and
hold a valid referrer's access in the client's county — and do not write on the counselling
tab. Nobody else: not the platform admin, not the municipal coordinator. The county's keeper
of the register lists who looked at a client.

Each predicate has its queryset twin (`periods_visible_to`). Ask the predicates themselves
(`reads_period(user, period)`), never `user.has_perm`: Django answers every `has_perm` of an
active superuser with yes, and the platform admin must get nothing here."""

import datetime

import rules
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from elinvoima.actors.enums import Role
from elinvoima.actors.owners import owner_worked_with
from elinvoima.actors.permissions import user_grants
from elinvoima.counselling.enums import AccessRole

ROLE_OF_ACCESS = {
    AccessRole.COUNSELLOR: Role.EXERCISE_COUNSELLOR,
    AccessRole.REFERRER: Role.REFERRING_PROFESSIONAL,
    AccessRole.KEEPER: Role.COUNTY_OFFICIAL,
}


def valid_accesses(user, role: str, today: datetime.date | None = None) -> QuerySet:
    """The user's grants of `role` valid today: within their dates, the person still in
    the role in an organisation of the municipality (a counsellor) or the county, and for a
    counsellor the county's agreement with the municipality in force."""
    from .models import AccessAgreement, StaffAccess

    if not user.is_authenticated:
        return StaffAccess.objects.none()
    today = today or timezone.localdate()
    grants = [g for g in user_grants(user) if g.role == ROLE_OF_ACCESS[role]]
    if role == AccessRole.COUNSELLOR:
        place = Q(municipality_id__in={g.municipality_id for g in grants if g.municipality_id})
    else:
        place = Q(
            wellbeing_county_id__in={g.wellbeing_county_id for g in grants if g.wellbeing_county_id}
        )
    accesses = StaffAccess.objects.filter(
        place, user=user, role=role, valid_from__lte=today, valid_until__gte=today
    )
    if role == AccessRole.COUNSELLOR:
        agreement = AccessAgreement.objects.filter(
            wellbeing_county=OuterRef("wellbeing_county"),
            municipality=OuterRef("municipality"),
            valid_from__lte=today,
        ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        accesses = accesses.filter(Exists(agreement), inducted_on__lte=today)
    return accesses


def periods_visible_to(user) -> QuerySet:
    """The twin of `counselling.read_period`."""
    from .models import Period

    counsellor = valid_accesses(user, AccessRole.COUNSELLOR)
    referrer = valid_accesses(user, AccessRole.REFERRER)
    return Period.objects.filter(
        Q(
            counsellors=user,
            municipality_id__in=counsellor.values("municipality_id"),
            client__wellbeing_county_id__in=counsellor.values("wellbeing_county_id"),
        )
        | Q(referrer=user, client__wellbeing_county_id__in=referrer.values("wellbeing_county_id"))
        | Q(
            care_team__members=user,
            care_team__may_read=True,
            care_team__wellbeing_county_id=F("client__wellbeing_county_id"),
            client__wellbeing_county_id__in=referrer.values("wellbeing_county_id"),
        )
    ).distinct()


@rules.predicate
def reads_period(user, period) -> bool:
    """The predicate of one period: the referrer with a valid referrer's grant in the
    client's county, an assigned counsellor (`counsels_period`), or a member of the care
    team it was referred within (`reads_in_care_team`). Its twin for lists is
    `periods_visible_to`; a test holds the two to the same answers."""
    return reading_as(user, period) is not None


def reading_as(user, period) -> str | None:
    """Why the user may read the period — "referrer", "counsellor" or "care team" — or
    None: `reads_period` with its reason, so that the record page knows whether to offer
    the counselling tab's forms without asking the rules again."""
    if period is None or not user.is_authenticated:
        return None
    if counsels_period(user, period):  # first: a counsellor who also referred writes
        return "counsellor"
    if period.referrer_id == user.pk and (
        valid_accesses(user, AccessRole.REFERRER)
        .filter(wellbeing_county_id=period.client.wellbeing_county_id)
        .exists()
    ):
        return "referrer"
    if reads_in_care_team(user, period):
        return "care team"
    return None


def reads_in_care_team(user, period) -> bool:
    """A member of the period's care team, the team granted reading by the client's county,
    with a valid referrer's access there. Asked last: a counsellor's read never pays for it."""
    from .models import CareTeam

    if period.care_team_id is None:
        return False
    county_id = period.client.wellbeing_county_id
    return (
        CareTeam.objects.filter(
            pk=period.care_team_id, may_read=True, wellbeing_county_id=county_id, members=user
        ).exists()
        and valid_accesses(user, AccessRole.REFERRER).filter(wellbeing_county_id=county_id).exists()
    )


@rules.predicate
def counsels_period(user, period) -> bool:
    if period is None or not user.is_authenticated:
        return False
    from .models import Period

    # One query: the valid grant in the period's municipality and county, and the user
    # among the period's counsellors (the record page asks this twice, the bench watches).
    assigned = Period.counsellors.through.objects.filter(period_id=period.pk, user_id=user.pk)
    return (
        valid_accesses(user, AccessRole.COUNSELLOR)
        .filter(
            Exists(assigned),
            municipality_id=period.municipality_id,
            wellbeing_county_id=period.client.wellbeing_county_id,
        )
        .exists()
    )


@rules.predicate
def refers_in(user, county) -> bool:
    return (
        county is not None
        and valid_accesses(user, AccessRole.REFERRER).filter(wellbeing_county=county).exists()
    )


def referrers_of(county, today: datetime.date | None = None) -> QuerySet:
    """The twin of `refers_in`: the people with a valid referrer's grant in the county (its
    dates, and the person still a referring professional in an organisation of the county),
    those a care team of the county may have as members."""
    from elinvoima.actors.models import Membership, User

    from .models import StaffAccess

    today = today or timezone.localdate()
    grant = StaffAccess.objects.filter(
        user=OuterRef("pk"),
        wellbeing_county=county,
        role=AccessRole.REFERRER,
        valid_from__lte=today,
        valid_until__gte=today,
    )
    role = Membership.objects.filter(
        user=OuterRef("pk"),
        role=ROLE_OF_ACCESS[AccessRole.REFERRER],
        organisation__wellbeing_county=county,
    )
    return User.objects.filter(Exists(grant), Exists(role))


@rules.predicate
def keeps_register(user, county) -> bool:
    return (
        county is not None
        and valid_accesses(user, AccessRole.KEEPER).filter(wellbeing_county=county).exists()
    )


@rules.predicate
def was_granted_access(user) -> bool:
    """Has the county ever granted the user access (valid or not)? Such a user's refused
    attempts are logged and answered 403; to anyone else counselling data does not exist."""
    from .models import StaffAccess

    return user.is_authenticated and StaffAccess.objects.filter(user=user).exists()


rules.add_perm("counselling.read_period", reads_period)
rules.add_perm("counselling.change_period", counsels_period)
rules.add_perm("counselling.refer", refers_in)  # asked with the county
rules.add_perm("counselling.view_access_log", keeps_register)  # asked with the county
rules.add_perm("counselling.granted", was_granted_access)


@rules.predicate
def works_with_place(user, owner) -> bool:
    """Asked with a municipality or a county: its aggregated statistics (no client in
    them) are for those who work with it."""
    return owner is not None and owner_worked_with(user, owner)


rules.add_perm("counselling.view_statistics", works_with_place)

"""Writes of activity reports: an activity reported (once, however many times the phone sends
it), changed or removed; a club kept and one of its meetings reported in a few taps.
Permission first, then validation, then the write, in one transaction (docs/architecture.md).
"""

import datetime
import uuid
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality, Organisation, Village
from elinvoima.cards.activities.models import MAX_HOURS, Activity, Club
from elinvoima.cards.enums import ActivityKind
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.strategy.models import Goal

# Set by the service itself (or checked above): not read again to validate them.
NOT_VALIDATED = ("organisation", "club", "municipality", "village", "created_by", "updated_by")
# What an activity stores from its ActivityData (the edit form starts from the same fields).
STORED_FIELDS = (
    *("kind", "name", "starts_on", "ends_on", "place", "village", "participants"),
    *("in_target_group", "beyond_members", "from_remote_villages", "summer_residents"),
    *("outside_associations", "volunteers", "volunteer_hours", "other_partners"),
    *("description", "municipality"),
)
COUNTS = ("participants", "in_target_group", "beyond_members", "volunteers", "volunteer_hours")


@dataclass(frozen=True)
class ActivityData:
    """What an activity report says. The municipality defaults to the association's home."""

    kind: str
    name: str
    starts_on: datetime.date
    participants: int = 0
    in_target_group: int = 0
    beyond_members: int = 0
    volunteers: int = 0
    volunteer_hours: Decimal = Decimal(0)
    ends_on: datetime.date | None = None
    place: str = ""
    village: Village | None = None
    from_remote_villages: bool = False
    summer_residents: bool = False
    outside_associations: bool = False
    partners: tuple[Organisation, ...] = ()
    other_partners: str = ""
    sub_goals: tuple[Goal, ...] = ()
    description: str = ""
    municipality: Municipality | None = None


@dataclass(frozen=True)
class ClubData:
    name: str
    kind: str = ActivityKind.CLUB
    schedule: str = ""
    place: str = ""
    village: Village | None = None
    sub_goals: tuple[Goal, ...] = ()
    volunteers: int = 0
    volunteer_hours: Decimal = Decimal(0)
    is_active: bool = True
    municipality: Municipality | None = None


def activity_version(activity: Activity) -> str:
    return activity.updated_at.isoformat()


def _municipalities_of(organisation: Organisation) -> set[int]:
    ids = set(organisation.municipalities.values_list("pk", flat=True))
    if organisation.municipality_id:
        ids.add(organisation.municipality_id)
    return ids


def _municipality(organisation: Organisation, chosen: Municipality | None) -> Municipality:
    """Where the activity happened: the one chosen, which must be one the association works
    in, or its home municipality."""
    if chosen is None:
        home = organisation.municipality
        if home is None:
            raise ValidationError({"municipality": _("Choose the municipality where it happened.")})
        return home
    if chosen.pk != organisation.municipality_id and chosen.pk not in _municipalities_of(
        organisation
    ):
        raise ValidationError(
            {
                "municipality": _("%(name)s does not work in %(municipality)s.")
                % {"name": organisation, "municipality": chosen}
            }
        )
    return chosen


def _check_links(
    errors: dict[str, list[str]],
    municipality: Municipality,
    village: Village | None,
    sub_goals,
) -> None:
    if village is not None and village.municipality_id != municipality.pk:
        errors.setdefault("village", []).append(
            _("Choose a village of %(municipality)s.") % {"municipality": municipality}
        )
    plan_owners = {goal.plan.municipality_id for goal in sub_goals}
    if plan_owners - {municipality.pk}:
        errors.setdefault("sub_goals", []).append(
            _("Choose goals of the welfare plan of %(municipality)s.")
            % {"municipality": municipality}
        )


def _validated(organisation: Organisation, data: ActivityData) -> ActivityData:
    """The data with its texts trimmed and its municipality set, or a ValidationError
    naming every field that is wrong."""
    municipality = _municipality(organisation, data.municipality)
    data = replace(
        data,
        municipality=municipality,
        name=data.name.strip(),
        place=data.place.strip(),
        other_partners=data.other_partners.strip(),
        description=data.description.strip(),
        partners=tuple(p for p in data.partners if p.pk != organisation.pk),
    )
    errors: dict[str, list[str]] = {}
    if not data.name:
        errors.setdefault("name", []).append(_("Tell in a few words what was done."))
    today = timezone.localdate()
    if data.starts_on > today:
        errors.setdefault("starts_on", []).append(
            _("The date is in the future: report an activity once it has started.")
        )
    if data.ends_on is not None and data.ends_on < data.starts_on:
        errors.setdefault("ends_on", []).append(_("The last day cannot be before the first."))
    for name in COUNTS:
        if getattr(data, name) < 0:
            errors.setdefault(name, []).append(_("Give a number of 0 or more."))
    if data.volunteer_hours > MAX_HOURS:
        errors.setdefault("volunteer_hours", []).append(
            _("Give at most %(count)s hours.") % {"count": MAX_HOURS}
        )
    for name in ("in_target_group", "beyond_members"):
        if name not in errors and getattr(data, name) > max(data.participants, 0):
            errors.setdefault(name, []).append(
                _("This cannot be more than the participants (%(count)s).")
                % {"count": data.participants}
            )
    _check_links(errors, municipality, data.village, data.sub_goals)
    if errors:
        raise ValidationError(errors)
    return data


def _fill(activity: Activity, data: ActivityData) -> None:
    for name in STORED_FIELDS:
        setattr(activity, name, getattr(data, name))


@transaction.atomic
def activity_report(
    *,
    user,
    organisation: Organisation,
    data: ActivityData,
    club: Club | None = None,
    client_key: uuid.UUID | None = None,
) -> Activity:
    """Report an activity of the association. A form sends its `client_key`: sent again
    (the connection dropped before the answer came, a second tap), it returns the activity
    the first sending made instead of making another (as it was made: not changed)."""
    authorize(user, "cards.report_activity", organisation)
    if club is not None and club.organisation_id != organisation.pk:
        raise ValidationError({"club": _("Choose a club of %(name)s.") % {"name": organisation}})
    data = _validated(organisation, data)
    who = signed_in_or_none(user)
    activity = Activity(
        organisation=organisation, club=club, client_key=client_key, created_by=who, updated_by=who
    )
    _fill(activity, data)
    # Every check constraint was checked above, with its message at its field.
    validate_for_save(activity, exclude=NOT_VALIDATED, constraints=False)
    try:
        with transaction.atomic():
            activity.save()
    except IntegrityError:
        # The same sending again (its key is taken): the activity it made the first time.
        # Anything else (a club removed in the same instant) is refused, not a 500.
        earlier = (
            Activity.objects.filter(organisation=organisation, client_key=client_key).first()
            if client_key is not None
            else None
        )
        if earlier is None:
            raise ValidationError(
                _("Someone else saved this after you loaded it. Load it again."),
                code="conflict",
            ) from None
        return earlier
    # A new activity has no links yet: written as they are, without reading them first.
    # (Any: django-stubs types an automatic `through` model as Never.)
    partner_link: Any = Activity.partners.through
    goal_link: Any = Activity.sub_goals.through
    partner_link.objects.bulk_create(
        partner_link(activity=activity, organisation=partner) for partner in data.partners
    )
    goal_link.objects.bulk_create(
        goal_link(activity=activity, goal=goal) for goal in data.sub_goals
    )
    return activity


@transaction.atomic
def activity_update(
    *, user, activity: Activity, data: ActivityData, loaded_version: str | None = None
) -> Activity:
    """Change a reported activity; refused when someone saved it after `loaded_version`."""
    authorize(user, "cards.change_activity", activity, visible=("cards.view_activity", activity))
    activity = locked_unchanged(
        Activity.objects.select_related("organisation"),
        activity.pk,
        loaded_version,
        what=lambda row: _("the activity “%(name)s”") % {"name": row.name},
    )
    data = _validated(activity.organisation, data)
    _fill(activity, data)
    activity.updated_by = signed_in_or_none(user)
    validate_for_save(activity, exclude=NOT_VALIDATED, constraints=False)
    activity.save()
    activity.partners.set(data.partners)
    activity.sub_goals.set(data.sub_goals)
    return activity


@transaction.atomic
def activity_delete(*, user, activity: Activity) -> None:
    authorize(user, "cards.change_activity", activity, visible=("cards.view_activity", activity))
    activity.delete()


# --- clubs: a recurring activity -------------------------------------------------------------


@transaction.atomic
def club_save(
    *, user, organisation: Organisation, data: ClubData, club: Club | None = None
) -> Club:
    """Start a club of the association, or change one (`club`)."""
    if club is None:
        authorize(user, "cards.report_activity", organisation)
        club = Club(organisation=organisation, created_by=signed_in_or_none(user))
    else:
        authorize(user, "cards.change_activity", club, visible=("cards.view_activity", club))
        if club.organisation_id != organisation.pk:
            raise ValidationError(_("The club is of another organisation."))
    municipality = _municipality(organisation, data.municipality)
    errors: dict[str, list[str]] = {}
    if not data.name.strip():
        errors.setdefault("name", []).append(_("Give the club a name."))
    _check_links(errors, municipality, data.village, data.sub_goals)
    if errors:
        raise ValidationError(errors)
    for name in ("kind", "schedule", "place", "village", "volunteers", "volunteer_hours"):
        setattr(club, name, getattr(data, name))
    club.name, club.is_active, club.municipality = data.name.strip(), data.is_active, municipality
    club.updated_by = signed_in_or_none(user)
    validate_for_save(club, exclude=("organisation", "municipality", "village"))
    club.save()
    club.sub_goals.set(data.sub_goals)
    return club


def club_meeting_report(
    *,
    user,
    club: Club,
    starts_on: datetime.date,
    participants: int,
    in_target_group: int = 0,
    beyond_members: int = 0,
    volunteers: int | None = None,
    volunteer_hours: Decimal | None = None,
    client_key: uuid.UUID | None = None,
) -> Activity:
    """One meeting of a club: the day and how many came; the rest from the club."""
    authorize(user, "cards.report_activity", club.organisation)
    data = ActivityData(
        kind=club.kind,
        name=club.name,
        starts_on=starts_on,
        participants=participants,
        in_target_group=in_target_group,
        beyond_members=beyond_members,
        volunteers=club.volunteers if volunteers is None else volunteers,
        volunteer_hours=club.volunteer_hours if volunteer_hours is None else volunteer_hours,
        place=club.place,
        village=club.village,
        sub_goals=tuple(club.sub_goals.select_related("plan")),
        municipality=club.municipality,
    )
    return activity_report(
        user=user, organisation=club.organisation, data=data, club=club, client_key=client_key
    )

"""Reads of activity reports for their pages, each in a fixed number of queries."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from elinvoima.actors.models import Municipality, Organisation, Village
from elinvoima.cards.activities.models import Activity, Club
from elinvoima.cards.models import CardTemplate
from elinvoima.strategy.models import Goal


def activities_of(organisation: Organisation, year: int) -> QuerySet[Activity]:
    """The association's activities of a year, the latest first."""
    return (
        Activity.objects.filter(organisation=organisation, starts_on__year=year)
        .select_related("village", "municipality")
        .prefetch_related("sub_goals")
        .order_by("-starts_on", "-id")
    )


@dataclass(frozen=True)
class Totals:
    activities: int
    participants: int
    beyond_members: int
    volunteer_hours: Decimal


def totals_of(organisation: Organisation, year: int) -> Totals:
    figures = Activity.objects.filter(organisation=organisation, starts_on__year=year).aggregate(
        activities=Count("id"),
        participants=Sum("participants", default=0),
        beyond_members=Sum("beyond_members", default=0),
        volunteer_hours=Sum("volunteer_hours", default=Decimal(0)),
    )
    return Totals(**figures)


def activity_years(organisation: Organisation) -> list[int]:
    """The years the association has reported activities in, the latest first."""
    return sorted(
        {
            day.year
            for day in Activity.objects.filter(organisation=organisation).dates("starts_on", "year")
        },
        reverse=True,
    )


def clubs_of(organisation: Organisation) -> QuerySet[Club]:
    return Club.objects.filter(organisation=organisation).order_by("-is_active", "name", "id")


def clubs_for_page() -> QuerySet[Club]:
    return Club.objects.select_related("organisation", "municipality", "village")


def activities_for_page() -> QuerySet[Activity]:
    return Activity.objects.select_related("organisation", "municipality", "club", "updated_by")


@dataclass(frozen=True)
class GoalGroup:
    """The rows of one card, offered as the goals an activity served."""

    card: CardTemplate
    goals: list[Goal]


def goal_groups(organisation: Organisation, municipality: Municipality, year: int) -> list:
    """The rows of the municipality's cards of the year that the association is invited to
    answer, card by card: the goals its activities can be reported to serve."""
    cards = list(
        CardTemplate.objects.filter(
            decision__municipality=municipality, decision__year=year, invited=organisation
        ).order_by("position", "pk")
    )
    goal_ids = [card.goal_id for card in cards]
    goals = Goal.objects.filter(Q(pk__in=goal_ids) | Q(parent_id__in=goal_ids)).order_by(
        "position", "id"
    )
    children: dict[int, list[Goal]] = {}
    own: dict[int, Goal] = {}
    for goal in goals:
        if goal.pk in goal_ids:
            own[goal.pk] = goal
        if goal.parent_id in goal_ids:
            children.setdefault(goal.parent_id, []).append(goal)
    return [
        GoalGroup(card, children.get(card.goal_id) or [own[card.goal_id]])
        for card in cards
        if card.goal_id in own
    ]


def villages_of(municipality: Municipality | None) -> QuerySet[Village]:
    if municipality is None:
        return Village.objects.none()
    return Village.objects.filter(municipality=municipality).order_by("name")

"""The money view (issue 15): per goal of a municipality's welfare plan, how much was
granted in a year, to whom, for which activities and what they reached, with the support in
kind beside it — the chain goal → grant → activity the seeds ask for.

How a grant is put under a goal: under the goal of the plan measure it was given for (a
participatory budget's proposal; shown even when its plan is not one of the year's), else
under the goals its association committed to in the application, split evenly between them,
so that no euro is counted twice. A grant of a round
whose period covers the year counts in that year; a grant that names none of the year's
goals is shown apart. Support in kind counts under the goal it was recorded for."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.cards.activities.models import Activity
from elinvoima.grants.review.models import GrantDecision
from elinvoima.grants.support.models import SupportInKind
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal

CENT = Decimal("0.01")


@dataclass
class Recipient:
    organisation: Organisation
    granted: Decimal = Decimal(0)
    support: Decimal = Decimal(0)
    activities: int = 0
    participants: int = 0


@dataclass
class GoalMoney:
    goal: Goal | None  # None: grants and support that name none of the year's goals
    recipients: dict[int, Recipient] = field(default_factory=dict)

    def recipient(self, organisation: Organisation) -> Recipient:
        return self.recipients.setdefault(organisation.pk, Recipient(organisation))

    @property
    def granted(self) -> Decimal:
        return sum((r.granted for r in self.recipients.values()), Decimal(0))

    @property
    def support(self) -> Decimal:
        return sum((r.support for r in self.recipients.values()), Decimal(0))

    @property
    def activities(self) -> int:
        return sum(r.activities for r in self.recipients.values())

    @property
    def participants(self) -> int:
        return sum(r.participants for r in self.recipients.values())

    @property
    def by_name(self) -> list[Recipient]:
        return sorted(self.recipients.values(), key=lambda r: str(r.organisation.name))


def goals_of_year(municipality: Municipality, year: int) -> list[Goal]:
    """The strategic goals of the municipality's approved plans in force in the year."""
    return list(
        Goal.objects.filter(
            plan__municipality=municipality,
            plan__state=PlanState.APPROVED,
            plan__start_year__lte=year,
            plan__end_year__gte=year,
            parent=None,
        )
        .select_related("plan", "priority_area")
        .order_by("plan__start_year", "priority_area__position", "position", "pk")
    )


def money_by_goal(municipality: Municipality, year: int) -> list[GoalMoney]:
    """The year's goals with their money, then (if any) what names none of them."""
    goals = goals_of_year(municipality, year)
    top_of = {goal.pk: goal.pk for goal in goals}
    for sub_pk, parent_pk in Goal.objects.filter(parent__in=goals).values_list("pk", "parent_id"):
        top_of[sub_pk] = parent_pk
    rows = {goal.pk: GoalMoney(goal) for goal in goals}
    apart = GoalMoney(None)
    decisions = (
        GrantDecision.objects.filter(
            application__grant_round__municipality=municipality,
            application__grant_round__decisions_published_at__isnull=False,
            application__grant_round__period_starts_on__year__lte=year,
            application__grant_round__period_ends_on__year__gte=year,
            granted_amount__gt=0,
        )
        .select_related(
            "application__organisation",
            "application__measure__goal__parent",
            "application__measure__goal__plan",
        )
        .prefetch_related("application__commitments")
    )
    for decision in decisions:
        application = decision.application
        if application.measure is not None:
            goal = application.measure.goal
            top = goal.parent or goal
            if top.pk not in rows:  # a measure of a plan outside the year's: its goal too
                rows[top.pk], top_of[top.pk] = GoalMoney(top), top.pk
            top_of[goal.pk] = top.pk
            named = {goal.pk}
        else:
            named = {commitment.goal_id for commitment in application.commitments.all()}
        under = sorted({top_of[pk] for pk in named if pk in top_of})
        if not under:
            apart.recipient(application.organisation).granted += decision.granted_amount
            continue
        share = (decision.granted_amount / len(under)).quantize(CENT)
        for pk in under:
            rows[pk].recipient(application.organisation).granted += share
    supports = SupportInKind.objects.filter(municipality=municipality, year=year).select_related(
        "organisation"
    )
    for support in supports:
        row = rows.get(top_of.get(support.goal_id or -1, -1), apart)
        row.recipient(support.organisation).support += support.estimated_value
    _activities(rows, top_of, year)
    return [*rows.values(), *([apart] if apart.recipients else [])]


def _activities(rows: dict[int, GoalMoney], top_of: dict[int, int], year: int) -> None:
    """What each supported association did for each goal in the year: its activities
    serving the goal or its sub-goals, and their participants."""
    supported = {pk for row in rows.values() for pk in row.recipients}
    if not supported:
        return
    done = (
        Activity.objects.filter(
            organisation_id__in=supported, starts_on__year=year, sub_goals__in=list(top_of)
        )
        .values("organisation_id", "sub_goals")
        .annotate(activities=Count("id"), participants=Sum("participants"))
    )
    for line in done:
        row = rows.get(top_of.get(line["sub_goals"], -1))
        if row is None or line["organisation_id"] not in row.recipients:
            continue
        recipient = row.recipients[line["organisation_id"]]
        recipient.activities += line["activities"]
        recipient.participants += line["participants"] or 0


def money_years(municipality: Municipality) -> list[int]:
    """The years the view offers: those of the municipality's grant periods and support."""
    years = set(
        SupportInKind.objects.filter(municipality=municipality).values_list("year", flat=True)
    )
    for start, end in (
        GrantDecision.objects.filter(application__grant_round__municipality=municipality)
        .values_list(
            "application__grant_round__period_starts_on__year",
            "application__grant_round__period_ends_on__year",
        )
        .distinct()
    ):
        years.update(range(start, end + 1))
    return sorted(years, reverse=True)

"""The goal-to-impact view (issue 18, item 3): for every goal of a plan, on one screen, the
indicator trend against its target, the measures and their status, the associations and
sectors working on it with their activities and reach, the money granted to it and the
experiential data; a goal whose indicator moves the wrong way without an active measure is
flagged. For a county, the same summed up across its municipalities.

Seed 000 (Utajärvi): "Haasteellista on seurata ja arvioida toimintamallin vaikuttavuutta" —
the question is whether residents' lives got better, so the indicators come first.

A fixed number of queries per plan, whatever its size: goals, indicators and their values,
measures, implementers, activities, money (grants.money) and experiential results."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, QuerySet, Sum, When
from django.utils import timezone

from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.actors.owners import owner_kind_of
from elinvoima.actors.permissions import visible_organisation_ids
from elinvoima.cards.activities.models import Activity
from elinvoima.grants.money.selectors import money_by_goal
from elinvoima.indicators.enums import Gender
from elinvoima.indicators.models import ExperientialResult, Region
from elinvoima.indicators.selectors import chart_values
from elinvoima.reports.impact.models import GoalDomain
from elinvoima.strategy.enums import (
    Direction,
    MeasureStatus,
    PlanKind,
    PlanState,
    TargetComparison,
)
from elinvoima.strategy.goal_cards.selectors import format_value
from elinvoima.strategy.models import Goal, GoalIndicator, Measure, Plan
from elinvoima.strategy.permissions import plans_visible_to

ACTIVE = (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS, MeasureStatus.DELAYED)
RIGHT, WRONG, STEADY = "right", "wrong", "steady"
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    TargetComparison.LESS: lambda value, target: value < target,
    TargetComparison.LESS_OR_EQUAL: lambda value, target: value <= target,
    TargetComparison.ABOUT: lambda value, target: abs(value - target) <= abs(target) * 0.02,
    TargetComparison.GREATER_OR_EQUAL: lambda value, target: value >= target,
    TargetComparison.GREATER: lambda value, target: value > target,
}


@dataclass
class Trend:
    """An indicator of a goal: its values in the plan's area, the target and which way it
    moves (the latest value against the one before it)."""

    link: GoalIndicator
    points: list[tuple[int, float]]

    @property
    def latest(self) -> tuple[int, float] | None:
        return self.points[-1] if self.points else None

    @property
    def movement(self) -> str | None:
        if len(self.points) < 2:
            return None
        before, now = self.points[-2][1], self.points[-1][1]
        if now == before:
            return STEADY
        rising = now > before
        direction = self.link.direction
        if direction == Direction.MAINTAIN:
            return RIGHT if rising else WRONG
        return RIGHT if rising == (direction == Direction.INCREASE) else WRONG

    @property
    def target_met(self) -> bool | None:
        link, latest = self.link, self.latest
        if latest is None or link.target_value is None:
            return None
        return _COMPARE[link.target_comparison](latest[1], link.target_value)

    def value_text(self, value: float | None) -> str:
        return format_value(value, indicator=self.link.indicator)

    @property
    def latest_text(self) -> str:
        return self.value_text(self.latest[1]) if self.latest else "–"

    @property
    def target_text(self) -> str:
        link = self.link
        if link.target_value is None:
            return ""
        return (
            f"{link.get_target_comparison_display()} {self.value_text(link.target_value)} "
            f"({link.target_year})"
        )

    @property
    def sparkline(self) -> str:
        """The points of an SVG polyline in a 100 × 30 box (empty below two values)."""
        if len(self.points) < 2:
            return ""
        years = [year for year, _value in self.points]
        values = [value for _year, value in self.points]
        low, high = min(values), max(values)
        span_x, span_y = (years[-1] - years[0]) or 1, (high - low) or 1
        return " ".join(
            f"{(year - years[0]) / span_x * 100:.1f},{28 - (value - low) / span_y * 26:.1f}"
            for year, value in self.points
        )


@dataclass
class Actor:
    organisation: Organisation
    activities: int = 0
    participants: int = 0
    implements: int = 0  # measures of the goal it carries out


@dataclass
class GoalImpact:
    goal: Goal
    depth: int
    trends: list[Trend] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    actors: dict[int, Actor] = field(default_factory=dict)
    unnamed_actors: int = 0  # organisations the viewer may not see, counted only
    granted: Decimal | None = None
    support: Decimal | None = None
    experiences: list[ExperientialResult] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)

    @property
    def active_measures(self) -> int:
        return sum(1 for measure in self.measures if measure.status in ACTIVE)

    @property
    def flagged(self) -> bool:
        """An indicator moves the wrong way and nothing is being done about it."""
        return any(t.movement == WRONG for t in self.trends) and not self.active_measures

    @property
    def activities(self) -> int:
        return sum(actor.activities for actor in self.actors.values())

    @property
    def participants(self) -> int:
        return sum(actor.participants for actor in self.actors.values())

    @property
    def actor_list(self) -> list[Actor]:
        return sorted(
            self.actors.values(), key=lambda a: (-a.activities, -a.implements, str(a.organisation))
        )


@dataclass
class PlanImpact:
    plan: Plan
    year: int
    goals: list[GoalImpact]
    shows_experiences: bool

    @property
    def flagged(self) -> list[GoalImpact]:
        return [row for row in self.goals if row.flagged]

    @property
    def granted(self) -> Decimal:
        return sum((row.granted or Decimal(0) for row in self.goals), Decimal(0))

    @property
    def activities(self) -> int:
        return sum(row.activities for row in self.goals)

    @property
    def participants(self) -> int:
        return sum(row.participants for row in self.goals)

    @property
    def active_measures(self) -> int:
        return sum(row.active_measures for row in self.goals)


MAIN_KINDS = (PlanKind.WELFARE_REPORT, PlanKind.WELFARE_PLAN, PlanKind.REGIONAL_WELFARE_PLAN)


def plans_of(owner, user) -> QuerySet[Plan]:
    """The plans of a municipality or county the user may read, the welfare plans first."""
    main_first = Case(When(kind__in=MAIN_KINDS, then=0), default=1)
    return (
        plans_visible_to(user)
        .filter(**{owner_kind_of(owner).field: owner})
        .order_by(main_first, "-end_year", "-start_year", "-version")
    )


def current_plan(owner, user) -> Plan | None:
    """The plan the view shows unless another is chosen: of the owner's welfare plans (a
    separate plan only if there is none) that the user may read, an approved one in force
    this year, else the latest approved, else the latest."""
    year = timezone.localdate().year
    plans = plans_of(owner, user)
    main = plans.filter(kind__in=MAIN_KINDS)
    for candidates in (main, plans):
        approved = candidates.filter(state=PlanState.APPROVED)
        found = (
            approved.filter(start_year__lte=year, end_year__gte=year).first()
            or approved.first()
            or candidates.first()
        )
        if found is not None:
            return found
    return None


def plan_year(plan: Plan, asked: int | None = None) -> int:
    """The year whose activities and money the view counts: the one asked if the plan
    covers it, else this year or the plan's last, whichever comes first."""
    if asked is not None and plan.start_year <= asked <= plan.end_year:
        return asked
    return max(plan.start_year, min(timezone.localdate().year, plan.end_year))


def _ordered(goals: list[Goal]) -> list[tuple[Goal, int]]:
    """Goals in the plan's order, each followed by its sub-goals (depth 1, 2…)."""
    children: dict[int | None, list[Goal]] = defaultdict(list)
    for goal in goals:
        children[goal.parent_id].append(goal)
    result: list[tuple[Goal, int]] = []

    def walk(parent_id, depth):
        for goal in children.get(parent_id, []):
            result.append((goal, depth))
            walk(goal.pk, depth + 1)

    walk(None, 0)
    return result


def _area_region_id(plan: Plan) -> int | None:
    kind, owner_id = plan.area
    return Region.objects.filter(**{f"{kind}_id": owner_id}).values_list("pk", flat=True).first()


def _trends(plan: Plan, rows: dict[int, GoalImpact]) -> None:
    links = list(
        GoalIndicator.objects.filter(goal__plan=plan)
        .select_related("indicator")
        .order_by("goal_id", "position", "pk")
    )
    if not links:
        return
    own_region = _area_region_id(plan)
    region_of = {link.pk: link.region_id or own_region for link in links}
    series = chart_values(
        indicator_ids=[link.indicator_id for link in links],
        region_ids=[pk for pk in region_of.values() if pk is not None],
        gender=Gender.TOTAL,
    )
    for link in links:
        region = region_of[link.pk]
        values = series.get(link.indicator_id, {}).get(region, {}) if region else {}
        rows[link.goal_id].trends.append(Trend(link, sorted(values.items())))


def _measures(plan: Plan, rows: dict[int, GoalImpact]) -> None:
    for measure in Measure.objects.filter(plan=plan).order_by("goal_id", "position", "pk"):
        rows[measure.goal_id].measures.append(measure)


def _actors(plan: Plan, rows: dict[int, GoalImpact], year: int, user) -> None:
    """Who works on each goal: the implementers of its measures and the organisations
    whose activities of the year served it, with their number and participants."""
    found: dict[int, dict[int, Actor]] = defaultdict(dict)
    implementers = Measure.implementers.through.objects.filter(measure__plan=plan).values_list(
        "measure__goal_id", "organisation_id"
    )
    done = (
        Activity.objects.filter(sub_goals__in=list(rows), starts_on__year=year)
        .values("sub_goals", "organisation_id")
        .annotate(count=Count("id"), people=Sum("participants"))
        .order_by()
    )
    pairs = [(goal_id, organisation_id) for goal_id, organisation_id in implementers]
    pairs += [(line["sub_goals"], line["organisation_id"]) for line in done]
    visible = visible_organisation_ids(user, {pk for _goal, pk in pairs})
    names = Organisation.objects.in_bulk(visible)
    hidden: dict[int, set[int]] = defaultdict(set)

    def actor(goal_id: int, organisation_id: int) -> Actor | None:
        if organisation_id not in names:
            hidden[goal_id].add(organisation_id)
            return None
        return found[goal_id].setdefault(organisation_id, Actor(names[organisation_id]))

    for goal_id, organisation_id in implementers:
        if (one := actor(goal_id, organisation_id)) is not None:
            one.implements += 1
    for line in done:
        if (one := actor(line["sub_goals"], line["organisation_id"])) is not None:
            one.activities += line["count"]
            one.participants += line["people"] or 0
    for goal_id, row in rows.items():
        row.actors = found.get(goal_id, {})
        row.unnamed_actors = len(hidden.get(goal_id, ()))


def _money(plan: Plan, rows: dict[int, GoalImpact], year: int) -> None:
    if plan.municipality is None:
        return  # grants are the municipalities'
    for line in money_by_goal(plan.municipality, year):
        if line.goal is not None and line.goal.pk in rows:
            rows[line.goal.pk].granted = line.granted
            rows[line.goal.pk].support = line.support


def _experiences(plan: Plan, rows: dict[int, GoalImpact]) -> None:
    """The latest results of the municipality's experiential surveys in each goal's
    domains."""
    links = GoalDomain.objects.filter(goal__plan=plan).values_list("goal_id", "domain")
    domains: dict[int, list[str]] = defaultdict(list)
    for goal_id, domain in links:
        domains[goal_id].append(domain)
    for goal_id, chosen in domains.items():
        rows[goal_id].domains = chosen
    wanted = {domain for chosen in domains.values() for domain in chosen}
    if not wanted or plan.municipality_id is None:
        return
    results = list(
        ExperientialResult.objects.filter(
            survey__municipality_id=plan.municipality_id, domain__in=wanted
        )
        .select_related("survey")
        .order_by("-survey__year", "pk")
    )
    latest: dict[str, int] = {}
    for result in results:
        latest.setdefault(result.domain, result.survey.year)
    for goal_id, chosen in domains.items():
        rows[goal_id].experiences = [
            r for r in results if r.domain in chosen and r.survey.year == latest[r.domain]
        ]


def plan_impact(plan: Plan, user, *, year: int | None = None) -> PlanImpact:
    """Every goal of `plan` with what tells whether it is being reached."""
    year = plan_year(plan, year)
    goals = list(
        Goal.objects.filter(plan=plan).order_by("priority_area__position", "position", "pk")
    )
    rows = {goal.pk: GoalImpact(goal, depth) for goal, depth in _ordered(goals)}
    _trends(plan, rows)
    _measures(plan, rows)
    _actors(plan, rows, year, user)
    _money(plan, rows, year)
    shows = plan.owner_kind == "municipality" and user.has_perm(
        "indicators.view_experiential_data", plan.municipality
    )
    if shows:
        _experiences(plan, rows)
    return PlanImpact(plan, year, list(rows.values()), shows)


@dataclass(frozen=True)
class MunicipalityLine:
    municipality: Municipality
    impact: PlanImpact | None


def county_municipalities(county: WellbeingCounty, user, *, year: int | None = None):
    """The county's municipalities, each with the goal-to-impact summary of its current
    plan (None: no plan the user may read)."""
    lines = []
    for municipality in county.municipalities.order_by("name"):
        plan = current_plan(municipality, user)
        impact = plan_impact(plan, user, year=year) if plan is not None else None
        lines.append(MunicipalityLine(municipality, impact))
    return lines

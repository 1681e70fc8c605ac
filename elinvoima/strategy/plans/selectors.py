"""Reads of the plan pages: exactly what a page shows, as plain tuples.

The one-page plan (`plan_page`) shows a municipality's whole plan — priority areas, goals,
sub-goals, goal indicators, measures with their implementers — out of ~600,000 measures
at national scale (docs/performance.md). It runs a fixed number of queries however large the
plan: one per kind of row, `values_list` only, each answered by an index on the plan (or
goal / measure) id. No model instances are built for the rows."""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Cast

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.translation import (
    active_language,
    text_in,
    text_picker,
    translated_field_names,
)
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import DecisionBody, DecisionOutcome, PlanState
from elinvoima.strategy.models import (
    EvaluationReport,
    Goal,
    GoalIndicator,
    Measure,
    Plan,
    PlanDecision,
    PriorityArea,
)
from elinvoima.strategy.plans.services import plan_next_decision_body


def rows(model):
    """A plain QuerySet of `model`. modeltranslation's own queryset rewrites every
    `values_list` row in Python, which costs more than the query on the plan page; the
    selectors here name the language columns themselves."""
    return QuerySet(model=model)


# --- Lists of plans ---------------------------------------------------------------------------
def plans_of_owner(*, user, owner) -> list[Plan]:
    """The plans of a municipality, county or network that the user may read, newest first.
    An owner has a handful of plans, so each is asked `strategy.view_plan` in Python."""
    if isinstance(owner, Municipality):
        queryset = Plan.objects.filter(municipality=owner)
    elif isinstance(owner, WellbeingCounty):
        queryset = Plan.objects.filter(wellbeing_county=owner)
    elif isinstance(owner, Network):
        queryset = Plan.objects.filter(network=owner)
    else:
        raise TypeError(f"not a plan owner: {owner!r}")
    plans = list(
        queryset.select_related("municipality", "wellbeing_county", "network").order_by(
            "-start_year", "title", "-version"
        )
    )
    return [plan for plan in plans if user.has_perm("strategy.view_plan", plan)]


# --- The one-page plan ------------------------------------------------------------------------
@dataclass
class IndicatorRow:
    title: str
    direction: str
    baseline_year: int | None
    baseline_value: float | None
    target_year: int | None
    comparison: str
    target_value: float | None
    decimals: int


@dataclass
class MeasureRow:
    id: int
    title: str
    status: str
    starts_on: object
    ends_on: object
    responsible: str
    implementers: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class GoalRow:
    id: int
    parent_id: int | None
    title: str
    description: str
    owner_names: str
    owners: list[str] = field(default_factory=list)
    age_groups: list[str] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    sub_goals: list["GoalRow"] = field(default_factory=list)


@dataclass
class AreaRow:
    id: int
    title: str
    description: str
    goals: list[GoalRow] = field(default_factory=list)


@dataclass
class PlanPage:
    areas: list[AreaRow]
    goal_count: int
    measure_count: int
    # organisation id → (name, [(measure id, measure title)]) for "who does what"
    implementers: list[tuple[int, str, list[tuple[int, str]]]]
    without_implementer: list[tuple[int, str]]


# The statements of the one-page plan, built with the ORM for any plan (`plan_id`) and
# compiled to SQL once per process: compiling six querysets cost more than running them.
def _areas_query(plan_id):
    return (
        rows(PriorityArea)
        .filter(plan_id=plan_id)
        .order_by("position", "id")
        .values_list("id", *translated_field_names("title"), *translated_field_names("description"))
    )


def _goals_query(plan_id):
    return (
        rows(Goal)
        .filter(plan_id=plan_id)
        .order_by("position", "id")
        .values_list(
            "id",
            "priority_area_id",
            "parent_id",
            "owner_names",
            *translated_field_names("title"),
            *translated_field_names("description"),
        )
    )


def _owners_and_groups_query(plan_id):
    """Owner organisations (kind 0) and age groups (kind 1) of the goals: one UNION ALL."""
    owners = (
        rows(Goal.owner_organisations.through)
        .filter(goal__plan_id=plan_id)
        .annotate(kind=Value(0), order=F("organisation__name_fi"))
        .values_list(
            "goal_id",
            "kind",
            "order",
            *(f"organisation__{f}" for f in translated_field_names("name")),
        )
    )
    groups = (
        rows(Goal.target_groups.through)
        .filter(goal__plan_id=plan_id)
        .annotate(kind=Value(1), order=Cast("targetgroup__position", CharField()))
        .values_list(
            "goal_id",
            "kind",
            "order",
            *(f"targetgroup__{f}" for f in translated_field_names("name")),
        )
    )
    return owners.union(groups, all=True)


def _indicators_query(plan_id):
    return (
        rows(GoalIndicator)
        .filter(goal__plan_id=plan_id)
        .order_by("position", "id")
        .values_list(
            "goal_id",
            *(f"indicator__{f}" for f in translated_field_names("title")),
            "direction",
            "baseline_year",
            "baseline_value",
            "target_year",
            "target_comparison",
            "target_value",
            "indicator__decimals",
        )
    )


def _measures_query(plan_id):
    return (
        rows(Measure)
        .filter(plan_id=plan_id)
        .order_by("position", "id")
        .values_list(
            "id",
            "goal_id",
            *translated_field_names("title"),
            "status",
            "starts_on",
            "ends_on",
            "responsible_names",
        )
    )


def _implementers_query(plan_id):
    return (
        rows(Measure.implementers.through)
        .filter(measure__plan_id=plan_id)
        .order_by("organisation__name_fi", "id")
        .values_list(
            "measure_id",
            "organisation_id",
            *(f"organisation__{f}" for f in translated_field_names("name")),
        )
    )


_SENTINEL = -987_654_321
_COMPILED: dict[tuple[str, str], tuple[str, tuple, tuple[int, ...]]] = {}


def _reports_query(plan_id):
    return (
        rows(EvaluationReport).filter(plan_id=plan_id).order_by("-year").values_list("id", "year")
    )


def evaluation_reports_of(*, plan: Plan) -> list[tuple[int, int]]:
    """(id, year) of the plan's evaluation reports, newest first (one query). Here rather
    than with the rest of monitoring: the plan page links to them, and monitoring builds on
    the plan pages, not the other way round."""
    return _fetch(_reports_query, plan.pk)


def _fetch(build, plan_id: int) -> list[tuple]:
    """The rows of `build(plan_id)`, its SQL compiled once per process and database
    backend (with a sentinel in place of the plan id) and run on a cursor: plain tuples, no
    per-row converters (the dates of SQLite are converted by the caller)."""
    key = (connection.vendor, f"{build.__module__}.{build.__qualname__}")
    compiled = _COMPILED.get(key)
    if compiled is None:
        sql, params = build(_SENTINEL).query.sql_with_params()
        positions = tuple(i for i, value in enumerate(params) if value == _SENTINEL)
        compiled = _COMPILED[key] = (sql, tuple(params), positions)
    sql, params, positions = compiled
    values = list(params)
    for position in positions:
        values[position] = plan_id
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchall()


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def plan_page(*, plan: Plan) -> PlanPage:
    """Everything the one-page plan shows of `plan`'s content, in 6 queries."""
    pick = text_picker()
    areas = {
        row[0]: AreaRow(row[0], pick(row[1:4]), pick(row[4:7]))
        for row in _fetch(_areas_query, plan.pk)
    }
    goals: dict[int, GoalRow] = {}
    goal_area: dict[int, int] = {}
    for row in _fetch(_goals_query, plan.pk):
        goal_id, area_id, parent_id, owner_names = row[:4]
        goals[goal_id] = GoalRow(goal_id, parent_id, pick(row[4:7]), pick(row[7:10]), owner_names)
        goal_area[goal_id] = area_id
    for goal_id, kind, _order, *names in sorted(
        _fetch(_owners_and_groups_query, plan.pk), key=lambda row: (row[1], row[2] or "", row[0])
    ):
        (goals[goal_id].age_groups if kind else goals[goal_id].owners).append(pick(names))
    for row in _fetch(_indicators_query, plan.pk):
        goals[row[0]].indicators.append(IndicatorRow(pick(row[1:4]), *row[4:]))
    measures: dict[int, MeasureRow] = {}
    for measure_id, goal_id, title_fi, title_sv, title_en, status, starts, ends, who in _fetch(
        _measures_query, plan.pk
    ):
        measure = MeasureRow(
            measure_id,
            pick((title_fi, title_sv, title_en)),
            status,
            _date(starts),
            _date(ends),
            who,
        )
        measures[measure_id] = measure
        goals[goal_id].measures.append(measure)
    by_organisation: dict[int, tuple[str, list[tuple[int, str]]]] = {}
    for measure_id, organisation_id, name_fi, name_sv, name_en in _fetch(
        _implementers_query, plan.pk
    ):
        name = pick((name_fi, name_sv, name_en))
        measure = measures[measure_id]
        measure.implementers.append((organisation_id, name))
        by_organisation.setdefault(organisation_id, (name, []))[1].append(
            (measure_id, measure.title)
        )
    for goal in goals.values():
        if goal.parent_id is None:
            areas[goal_area[goal.id]].goals.append(goal)
        elif goal.parent_id in goals:
            goals[goal.parent_id].sub_goals.append(goal)
    implementers = sorted(
        ((pk, name, items) for pk, (name, items) in by_organisation.items()),
        key=lambda item: (item[1].lower(), item[0]),
    )
    return PlanPage(
        areas=list(areas.values()),
        goal_count=len(goals),
        measure_count=len(measures),
        implementers=implementers,
        without_implementer=[(m.id, m.title) for m in measures.values() if not m.implementers],
    )


@dataclass
class VersionRow:
    id: int
    version: int
    state: str
    start_year: int
    end_year: int
    approved_on: object


def _versions_query(plan_id):
    lineage = rows(Plan).filter(pk=plan_id).values("lineage")
    return (
        rows(Plan)
        .filter(lineage__in=lineage)
        .order_by("-version")
        .values_list("id", "version", "state", "start_year", "end_year", "approved_on")
    )


def plan_versions(*, plan: Plan) -> list[VersionRow]:
    """All versions of the plan's lineage, newest first (one query)."""
    return [
        VersionRow(pk, version, state, start, end, _date(approved_on))
        for pk, version, state, start, end, approved_on in _fetch(_versions_query, plan.pk)
    ]


@dataclass
class DecisionRow:
    body: str
    outcome: str
    decided_on: datetime.date
    reference: str
    note: str

    def get_body_display(self) -> str:
        return str(dict(DecisionBody.choices).get(self.body, self.body))

    def get_outcome_display(self) -> str:
        return str(dict(DecisionOutcome.choices).get(self.outcome, self.outcome))


def _decisions_query(plan_id):
    return (
        rows(PlanDecision)
        .filter(plan_id=plan_id)
        .order_by("decided_on", "recorded_at", "pk")
        .values_list("body", "outcome", "decided_on", "reference", "note")
    )


def plan_decisions(*, plan: Plan) -> list[DecisionRow]:
    """The plan's decisions in the order they were made (one query)."""
    return [
        DecisionRow(body, outcome, _date(decided_on), reference, note)
        for body, outcome, decided_on, reference, note in _fetch(_decisions_query, plan.pk)
    ]


@dataclass
class ChainStep:
    body: str
    label: str
    state: str  # "done", "next" or "waiting"
    decision: DecisionRow | None = None


def plan_chain(*, plan: Plan, decisions: list[DecisionRow]) -> list[ChainStep]:
    """The approval chain of the plan with where it stands now: the decisions since the
    last return, the next body, and the bodies after it."""
    labels = dict(DecisionBody.choices)
    chain = plan.approval_chain
    current: list[DecisionRow] = []
    for decision in decisions:
        if decision.outcome == DecisionOutcome.RETURNED:
            current = []
        elif len(current) < len(chain) and decision.body == chain[len(current)]:
            current.append(decision)
    if plan.state == PlanState.PLANNING or plan.state == PlanState.EVALUATION:
        current = []
    steps = []
    for index, body in enumerate(chain):
        if index < len(current):
            steps.append(ChainStep(body, str(labels[body]), "done", current[index]))
        elif index == len(current) and plan.state != PlanState.APPROVED:
            steps.append(ChainStep(body, str(labels[body]), "next"))
        else:
            steps.append(ChainStep(body, str(labels[body]), "waiting"))
    return steps


def plan_next_body(plan: Plan) -> str | None:
    return plan_next_decision_body(plan) if plan.state == PlanState.PROCESSING else None


def goal_dependent_measures(*, goal: Goal) -> list[tuple[int, str, str]]:
    """The measures that depend on a goal or its sub-goals: (id, title, goal title)."""
    lang = active_language()
    return [
        (row[0], text_in(row[1:4], lang), text_in(row[4:7], lang))
        for row in Measure.objects.filter(Q(goal=goal) | Q(goal__parent=goal))
        .order_by("goal__position", "goal_id", "position", "id")
        .values_list(
            "id",
            *translated_field_names("title"),
            *(f"goal__{f}" for f in translated_field_names("title")),
        )
    ]

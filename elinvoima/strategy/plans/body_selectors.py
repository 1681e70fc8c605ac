"""The rows of the one-page plan's body shaped for its templates: data only, no markup.

The body — priority areas, goals, sub-goals, indicators, measures, who does what — is
rendered by the Jinja2 templates `strategy/plans/_plan_areas.html` and
`_plan_who_does_what.html` (elinvoima/strategy/jinja2/, environment in core/jinja2.py);
the rest of the page is an ordinary Django template. A plan has up to hundreds of goals and
measures, and the page must stay within 3x of raw SQL (docs/performance.md, `plan_page_pg`),
so the rows of `plans.selectors.plan_page` are turned here into tuples that the templates
unpack, with everything per row that would otherwise be a call in the template worked out
once: labels of codes looked up, numbers and dates formatted, names joined, and URLs filled
in from each route reversed once with a placeholder id (a reverse() per row would cost
more than the row's markup)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.urls import NoReverseMatch, reverse
from django.utils import formats

from elinvoima.strategy.enums import Direction, MeasureStatus, TargetComparison
from elinvoima.strategy.plans.selectors import GoalRow, IndicatorRow, MeasureRow, PlanPage

PLACEHOLDER = 987654321


UrlMaker = Callable[[int], str]


def url_maker(name: str, kwarg: str = "pk") -> UrlMaker | None:
    """A function pk → URL of the named route, reversed once per page; None when the route
    does not exist (yet)."""
    try:
        url = reverse(name, kwargs={kwarg: PLACEHOLDER})
    except NoReverseMatch:
        return None
    head, tail = url.split(str(PLACEHOLDER), 1)
    return lambda pk: f"{head}{pk}{tail}"


@dataclass
class Links:
    """pk → URL for each link of the plan's rows; None when not shown (editing links on a
    page the user may not edit)."""

    measure: UrlMaker | None
    goal_card: UrlMaker | None
    goal_edit: UrlMaker | None
    goal_delete: UrlMaker | None
    sub_goal_create: UrlMaker | None
    area_edit: UrlMaker | None
    area_delete: UrlMaker | None
    goal_create: UrlMaker | None
    measure_create: UrlMaker | None


def page_links(*, editable: bool) -> Links:
    def edit(name):
        return url_maker(name) if editable else None

    return Links(
        measure=url_maker("strategy:measure-detail"),
        goal_card=url_maker("strategy:goal-card"),
        goal_edit=edit("strategy:goal-edit"),
        goal_delete=edit("strategy:goal-delete"),
        sub_goal_create=edit("strategy:sub-goal-create"),
        area_edit=edit("strategy:priority-area-edit"),
        area_delete=edit("strategy:priority-area-delete"),
        goal_create=edit("strategy:goal-create"),
        measure_create=url_maker("strategy:measure-create", "goal_pk") if editable else None,
    )


class MeasureItem(NamedTuple):
    id: int
    status: str
    status_label: str
    url: str | None
    title: str
    implementers: str  # names, comma-separated; "" when none is named
    responsible: str
    schedule: str  # "3/2025–12/2027"; "" when neither date is set


class IndicatorItem(NamedTuple):
    title: str
    baseline: str  # "24,8 (2021)"; "" when there is no baseline
    comparison: str  # "<", "≤", …
    target: str  # "20,0 (2025)"; "" when there is no target
    direction: str


class GoalItem(NamedTuple):
    id: int
    level: int  # its heading level: 3 for a goal, 4 for a sub-goal
    title: str
    description: str
    owners: str  # comma-separated
    age_groups: str  # comma-separated
    indicators: list[IndicatorItem]
    measures: list[MeasureItem]
    actions: list[tuple[str, str]]  # (action, URL); the template names the actions
    sub_goals: list["GoalItem"]


class AreaItem(NamedTuple):
    id: int
    title: str
    description: str
    goal_count: int
    actions: list[tuple[str, str]]
    goals: list[GoalItem]


def _number(value: float, decimals: int, separator: str) -> str:
    """`value` with `decimals` decimals and the language's decimal separator, no
    thousands grouping (indicator values are percentages and rates)."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", separator) if separator != "." else text


def _month(day) -> str:
    return f"{day.month}/{day.year}" if day else ""


def _actions(pk: int, links: list[tuple[str, UrlMaker | None]]) -> list[tuple[str, str]]:
    return [(action, make(pk)) for action, make in links if make]


def plan_body_areas(*, page: PlanPage, editable: bool) -> list[AreaItem]:
    """The priority areas of `page` as the template shows them, in the active language:
    texts looked up and formatted, URLs filled in, one tuple per row."""
    links = page_links(editable=editable)
    statuses = {value: str(label) for value, label in MeasureStatus.choices}
    directions = {value: str(label) for value, label in Direction.choices}
    comparisons = dict(TargetComparison.choices)
    separator = str(formats.get_format("DECIMAL_SEPARATOR"))
    measure_url: Callable[[int], str | None] = links.measure or (lambda pk: None)
    goal_links: list[tuple[str, UrlMaker | None]] = [
        ("card", links.goal_card),
        ("add_measure", links.measure_create),
        ("edit", links.goal_edit),
        ("delete", links.goal_delete),
        ("add_sub_goal", links.sub_goal_create),
    ]
    sub_goal_links = goal_links[1:4]  # no card and no sub-goals of a sub-goal
    area_links: list[tuple[str, UrlMaker | None]] = [
        ("add_goal", links.goal_create),
        ("edit", links.area_edit),
        ("delete", links.area_delete),
    ]

    def indicator(row: IndicatorRow) -> IndicatorItem:
        return IndicatorItem(
            row.title,
            ""
            if row.baseline_value is None
            else f"{_number(row.baseline_value, row.decimals, separator)} ({row.baseline_year})",
            comparisons.get(row.comparison, ""),
            ""
            if row.target_value is None
            else f"{_number(row.target_value, row.decimals, separator)} ({row.target_year})",
            directions.get(row.direction, ""),
        )

    def measure(row: MeasureRow) -> MeasureItem:
        return MeasureItem(
            row.id,
            row.status,
            statuses.get(row.status, row.status),
            measure_url(row.id),
            row.title,
            ", ".join([name for _pk, name in row.implementers]),
            row.responsible,
            f"{_month(row.starts_on)}–{_month(row.ends_on)}"
            if row.starts_on or row.ends_on
            else "",
        )

    def goal(row: GoalRow, level: int) -> GoalItem:
        owners = [row.owner_names, *row.owners] if row.owner_names else row.owners
        return GoalItem(
            row.id,
            level,
            row.title,
            row.description,
            ", ".join(owners),
            ", ".join(row.age_groups),
            [indicator(i) for i in row.indicators],
            [measure(m) for m in row.measures],
            _actions(row.id, goal_links if level == 3 else sub_goal_links),
            [goal(g, level + 1) for g in row.sub_goals],
        )

    return [
        AreaItem(
            area.id,
            area.title,
            area.description,
            len(area.goals),
            _actions(area.id, area_links),
            [goal(g, 3) for g in area.goals],
        )
        for area in page.areas
    ]


def plan_body_context(*, page: PlanPage, editable: bool) -> dict:
    """The context of the plan body's templates: `areas` for `_plan_areas.html`,
    `implementers` for `_plan_who_does_what.html`."""
    return {
        "areas": plan_body_areas(page=page, editable=editable),
        "implementers": page.implementers,
    }

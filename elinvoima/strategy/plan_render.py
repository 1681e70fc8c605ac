"""The fast rendering path of the one-page plan (PERFORMANCE.md, "Pages").

A municipality's plan has up to hundreds of goals and measures; through Django's template
engine their markup alone would cost ~10 ms of a page whose data takes 3 ms to read. Here
it is written out in Python from the rows of `plan_selectors.plan_page`: every text from
the database is escaped (`html.escape`, quotes included) and every label is gettext-marked
in this module, so translation and escaping are the same as in a template. The page
template puts the result in its place; everything else on the page is an ordinary
template."""

from dataclasses import dataclass
from html import escape

from django.urls import NoReverseMatch, reverse
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .enums import Direction, MeasureStatus, TargetComparison
from .plan_selectors import GoalRow, IndicatorRow, MeasureRow, PlanPage

PLACEHOLDER = 987654321


def url_maker(name: str, kwarg: str = "pk"):
    """A function pk → URL of the named route, reversed once per page (a reverse() per row
    would cost more than the row's markup); None when the route does not exist (yet)."""
    try:
        url = reverse(name, kwargs={kwarg: PLACEHOLDER})
    except NoReverseMatch:
        return None
    head, tail = url.split(str(PLACEHOLDER), 1)
    return lambda pk: f"{head}{pk}{tail}"


@dataclass
class Links:
    measure: object
    goal_card: object
    goal_edit: object
    goal_delete: object
    sub_goal_create: object
    area_edit: object
    area_delete: object
    goal_create: object
    measure_create: object


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


def _number(value: float | None, decimals: int, separator: str) -> str:
    """The value with `decimals` decimals and the language's decimal separator (no
    thousands grouping: indicator values are percentages and rates)."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    return text.replace(".", separator) if separator != "." else text


def _month(day) -> str:
    return f"{day.month}/{day.year}" if day else ""


class PlanRenderer:
    def __init__(self, *, links: Links) -> None:
        self.links = links
        self.status_labels = {value: str(label) for value, label in MeasureStatus.choices}
        self.direction_labels = {value: str(label) for value, label in Direction.choices}
        self.comparisons = dict(TargetComparison.choices)
        self.t_owners = escape(_("Owners"))
        self.t_age_groups = escape(_("Age groups"))
        self.t_indicators = escape(_("Indicators"))
        self.t_measures = escape(_("Measures"))
        self.t_no_measures = escape(_("No measures yet."))
        self.t_implementers = escape(_("Implemented by"))
        self.t_no_implementer = escape(_("No implementer named"))
        self.t_responsible = escape(_("Responsible"))
        self.t_schedule = escape(_("Schedule"))
        self.t_status = escape(_("Status"))
        self.t_edit = escape(_("Edit"))
        self.t_delete = escape(_("Delete"))
        self.t_card = escape(_("Goal tracking card"))
        self.t_add_sub_goal = escape(_("Add a sub-goal"))
        self.t_add_goal = escape(_("Add a goal"))
        self.t_add_measure = escape(_("Add a measure"))
        self.t_sub_goals = escape(_("Sub-goals"))
        self.t_baseline = escape(_("baseline"))
        self.t_target = escape(_("target"))
        self.t_no_goals = escape(_("No goals yet."))
        self.status_html: dict[str, str] = {}
        self.separator = str(formats.get_format("DECIMAL_SEPARATOR"))
        self.names_html: dict[int, str] = {}  # organisation id → escaped name
        self.titles_html: dict[int, str] = {}  # measure id → escaped title
        self.no_implementer_html = f'<span class="plan-missing">{self.t_no_implementer}</span>'

    # --- pieces ------------------------------------------------------------------------------
    def indicator(self, row: IndicatorRow) -> str:
        parts = [f"<strong>{escape(row.title)}</strong>"]
        if row.baseline_value is not None:
            parts.append(
                f"{self.t_baseline} {_number(row.baseline_value, row.decimals, self.separator)}"
                f" ({row.baseline_year})"
            )
        if row.target_value is not None:
            parts.append(
                f"→ {self.t_target} {escape(self.comparisons.get(row.comparison, ''))} "
                f"{_number(row.target_value, row.decimals, self.separator)} ({row.target_year})"
            )
        direction = self.direction_labels.get(row.direction, "")
        return f'<li>{" ".join(parts)} <span class="muted">({escape(direction)})</span></li>'

    def measure(self, row: MeasureRow) -> str:
        status = self.status_html.get(row.status)
        if status is None:
            status = self.status_html[row.status] = self._status(row.status)
        title = self.titles_html[row.id] = escape(row.title)
        if self.links.measure:
            title = f'<a href="{self.links.measure(row.id)}">{title}</a>'
        if row.implementers:
            names = self.names_html
            who = ", ".join(
                [
                    names.get(pk) or names.setdefault(pk, escape(name))
                    for pk, name in row.implementers
                ]
            )
        else:
            who = self.no_implementer_html
        details = f"{self.t_implementers}: {who}"
        if row.responsible:
            details += f"; {self.t_responsible}: {escape(row.responsible)}"
        if row.starts_on or row.ends_on:
            details += f"; {self.t_schedule}: {_month(row.starts_on)}–{_month(row.ends_on)}"
        return (
            f'<li class="plan-measure" id="measure-{row.id}">{status} {title}<br>'
            f'<span class="plan-measure__who">{details}</span></li>'
        )

    def _status(self, value: str) -> str:
        label = escape(self.status_labels.get(value, value))
        return (
            f'<span class="plan-status plan-status--{escape(value)}">'
            f'<span class="visually-hidden">{self.t_status}: </span>{label}</span>'
        )

    def goal(self, row: GoalRow, *, level: int) -> str:
        out = [
            f'<li class="plan-goal" id="goal-{row.id}">'
            f'<h{level} class="plan-goal__title">{escape(row.title)}</h{level}>'
        ]
        if row.description:
            out.append(f'<p class="plan-goal__description">{escape(row.description)}</p>')
        facts = []
        owners = [*([row.owner_names] if row.owner_names else []), *row.owners]
        if owners:
            facts.append(f"<dt>{self.t_owners}</dt><dd>{escape(', '.join(owners))}</dd>")
        if row.age_groups:
            facts.append(
                f"<dt>{self.t_age_groups}</dt><dd>{escape(', '.join(row.age_groups))}</dd>"
            )
        if facts:
            out.append(f'<dl class="plan-facts">{"".join(facts)}</dl>')
        if row.indicators:
            out.append(
                f'<p class="plan-label">{self.t_indicators}</p><ul class="plan-indicators">'
                + "".join(self.indicator(i) for i in row.indicators)
                + "</ul>"
            )
        out.append(f'<p class="plan-label">{self.t_measures}</p>')
        if row.measures:
            out.append(
                '<ul class="plan-measures">'
                + "".join(self.measure(m) for m in row.measures)
                + "</ul>"
            )
        else:
            out.append(f'<p class="muted">{self.t_no_measures}</p>')
        actions = []
        if self.links.goal_card and level == 3:
            actions.append(f'<a href="{self.links.goal_card(row.id)}">{self.t_card}</a>')
        if self.links.measure_create:
            actions.append(
                f'<a href="{self.links.measure_create(row.id)}">{self.t_add_measure}</a>'
            )
        if self.links.goal_edit:
            actions.append(f'<a href="{self.links.goal_edit(row.id)}">{self.t_edit}</a>')
        if self.links.goal_delete:
            actions.append(f'<a href="{self.links.goal_delete(row.id)}">{self.t_delete}</a>')
        if self.links.sub_goal_create and level == 3:
            actions.append(
                f'<a href="{self.links.sub_goal_create(row.id)}">{self.t_add_sub_goal}</a>'
            )
        if actions:
            label = escape(_("Actions for the goal %(title)s") % {"title": row.title})
            out.append(
                f'<ul class="plan-actions" aria-label="{label}">'
                + "".join(f"<li>{a}</li>" for a in actions)
                + "</ul>"
            )
        if row.sub_goals:
            out.append(
                f'<p class="plan-label">{self.t_sub_goals}</p>'
                '<ol class="plan-goals plan-goals--sub">'
                + "".join(self.goal(g, level=level + 1) for g in row.sub_goals)
                + "</ol>"
            )
        out.append("</li>")
        return "".join(out)

    # --- the whole body ------------------------------------------------------------------
    def areas(self, page: PlanPage) -> SafeString:
        out = []
        for area in page.areas:
            count = ngettext("%(count)d goal", "%(count)d goals", len(area.goals)) % {
                "count": len(area.goals)
            }
            out.append(
                f'<section class="plan-area" id="area-{area.id}"'
                f' aria-labelledby="area-{area.id}-title">'
                f'<h2 id="area-{area.id}-title">{escape(area.title)}'
                f' <span class="plan-area__count">({escape(count)})</span></h2>'
            )
            if area.description:
                out.append(f"<p>{escape(area.description)}</p>")
            actions = []
            if self.links.goal_create:
                actions.append(f'<a href="{self.links.goal_create(area.id)}">{self.t_add_goal}</a>')
            if self.links.area_edit:
                actions.append(f'<a href="{self.links.area_edit(area.id)}">{self.t_edit}</a>')
            if self.links.area_delete:
                actions.append(f'<a href="{self.links.area_delete(area.id)}">{self.t_delete}</a>')
            if actions:
                label = escape(_("Actions for the priority area %(title)s") % {"title": area.title})
                out.append(
                    f'<ul class="plan-actions" aria-label="{label}">'
                    + "".join(f"<li>{a}</li>" for a in actions)
                    + "</ul>"
                )
            if area.goals:
                out.append(
                    '<ol class="plan-goals">'
                    + "".join(self.goal(g, level=3) for g in area.goals)
                    + "</ol>"
                )
            else:
                out.append(f'<p class="muted">{self.t_no_goals}</p>')
            out.append("</section>")
        return mark_safe("".join(out))  # noqa: S308 (every text escaped above)

    def who_does_what(self, page: PlanPage) -> SafeString:
        """Each implementer with the number of its measures and links to them; run after
        `areas`, whose escaped titles and names it reuses."""
        titles, names = self.titles_html, self.names_html
        out = []
        for pk, name, items in page.implementers:
            links = ", ".join(
                [
                    f'<a href="#measure-{measure_id}">{titles.get(measure_id) or escape(title)}</a>'
                    for measure_id, title in items
                ]
            )
            out.append(
                f"<li><strong>{names.get(pk) or escape(name)}</strong> ({len(items)}): {links}</li>"
            )
        return mark_safe("".join(out))  # noqa: S308 (every text escaped above)


def plan_body_html(*, page: PlanPage, editable: bool) -> dict[str, SafeString]:
    renderer = PlanRenderer(links=page_links(editable=editable))
    return {"areas": renderer.areas(page), "who_does_what": renderer.who_does_what(page)}

"""Reads of goal tracking cards: the card page with everything it shows in a fixed number of
queries, and the change target as the seed writes it."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from elinvoima.strategy.enums import StatusLevel
from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardTask, GoalCardUpdate
from elinvoima.strategy.models import Goal, GoalIndicator


def goals_for_card() -> QuerySet[Goal]:
    """Goals with what their card page shows."""
    return Goal.objects.select_related("plan", "priority_area", "parent").prefetch_related(
        "owner_users",
        "owner_organisations",
        "target_groups",
        "measures",
        Prefetch(
            "goal_indicators",
            queryset=GoalIndicator.objects.select_related("indicator", "region"),
        ),
    )


def goal_card_of(goal: Goal) -> GoalCard | None:
    return (
        GoalCard.objects.filter(goal=goal)
        .select_related("goal_indicator__indicator", "updated_by")
        .prefetch_related(
            Prefetch("tasks", queryset=GoalCardTask.objects.order_by("position", "id")),
            Prefetch(
                "updates",
                queryset=GoalCardUpdate.objects.select_related("author").order_by(
                    "-year", "-tertial"
                ),
            ),
            "dependent_plans",
        )
        .first()
    )


def goal_cards_visible(*, plans: QuerySet) -> QuerySet[GoalCard]:
    return (
        GoalCard.objects.filter(goal__plan__in=plans)
        .select_related("goal", "goal_indicator__indicator", "updated_by")
        .prefetch_related(
            Prefetch("tasks", queryset=GoalCardTask.objects.order_by("position", "id")),
            Prefetch(
                "updates",
                queryset=GoalCardUpdate.objects.select_related("author").order_by(
                    "-year", "-tertial"
                ),
            ),
            "dependent_plans",
        )
        .order_by("goal__plan_id", "goal__position", "goal_id")
    )


# --- Formatting -----------------------------------------------------------------------------

PERCENT_MARKS = ("%", "prosent", "percent", "per cent", "procent")


def indicator_is_percent(indicator) -> bool:
    texts = (indicator.value_type or "", indicator.value_type_code or "")
    return any(mark in text.lower() for text in texts for mark in PERCENT_MARKS)


def format_value(value: float | None, *, indicator=None) -> str:
    """A value with the indicator's decimals in the current locale: 24,8 % in Finnish.
    Whole numbers lose their zero decimals (24 %, as seed 001 writes the target)."""
    if value is None:
        return "–"
    decimals = indicator.decimals if indicator is not None else 1
    text = formats.number_format(round(value, decimals), decimal_pos=decimals)
    if decimals and float(value).is_integer():
        text = formats.number_format(int(value), decimal_pos=0)
    if indicator is not None and indicator_is_percent(indicator):
        return f"{text} %"
    return text


@dataclass(frozen=True)
class ChangeTarget:
    baseline: str
    latest: str
    target: str
    text: str


def change_target(*, link: GoalIndicator | None, card: GoalCard | None = None) -> ChangeTarget:
    """ "24,8 % (2021) → 25,7 % (2023) – target < 24 % (2025)": the baseline, the latest
    follow-up value on the card and the target."""
    if link is None:
        return ChangeTarget("", "", "", "")
    indicator = link.indicator
    baseline = (
        f"{format_value(link.baseline_value, indicator=indicator)} ({link.baseline_year})"
        if link.baseline_value is not None
        else ""
    )
    latest = (
        f"{format_value(card.intermediate_value, indicator=indicator)} ({card.intermediate_year})"
        if card is not None and card.intermediate_value is not None
        else ""
    )
    target = (
        f"{link.get_target_comparison_display()} "
        f"{format_value(link.target_value, indicator=indicator)} ({link.target_year})"
        if link.target_value is not None
        else ""
    )
    path = " → ".join(part for part in (baseline, latest) if part)
    if target:
        text = _("%(path)s – target %(target)s") % {"path": path, "target": target}
        text = text.lstrip(" –") if not path else text
    else:
        text = path
    return ChangeTarget(baseline, latest, target, text)


@dataclass(frozen=True)
class StatusDot:
    level: int
    filled: bool


def status_dots(level: int | None) -> list[StatusDot]:
    """The four-level status of seed 001 (○ ● ○ ○): one dot per level, the current filled."""
    return [StatusDot(value, value == level) for value in StatusLevel.values]


def status_text(level: int) -> str:
    return _("%(label)s (level %(level)d of 4)") % {
        "label": StatusLevel(level).label,
        "level": level,
    }

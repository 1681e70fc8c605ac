"""Reads of measures: "my measures" of an implementer and what needs attention (late, not
reported, without an implementer). Who may see what is asked of `strategy.permissions`."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from elinvoima.actors.permissions import user_grants
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import MeasureStatus
from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardUpdate
from elinvoima.strategy.goal_cards.services import period_bounds, period_current, period_previous
from elinvoima.strategy.models import Goal, Measure, MeasureReport, Plan
from elinvoima.strategy.permissions import plans_visible_q

OPEN_STATUSES = (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS, MeasureStatus.DELAYED)


def user_organisation_ids(user) -> set[int]:
    return {grant.organisation_id for grant in user_grants(user)}


# --- My measures ----------------------------------------------------------------------------


@dataclass
class MyMeasure:
    measure: Measure
    organisations: list  # the user's organisations that implement it
    due: list  # of them, those that have not reported the period yet
    late: bool


@dataclass
class MyGoal:
    goal: Goal
    card: GoalCard | None
    latest: GoalCardUpdate | None
    due: bool


@dataclass
class MyMeasures:
    period: tuple[int, int]
    measures: list[MyMeasure] = field(default_factory=list)
    goals: list[MyGoal] = field(default_factory=list)

    @property
    def due_count(self) -> int:
        return sum(1 for row in self.measures if row.due) + sum(1 for g in self.goals if g.due)


def _latest_versions() -> Q:
    # A plan copied into a newer version is followed in the newer one.
    return Q(next_version__isnull=True)


def my_measures(*, user, today: datetime.date | None = None) -> MyMeasures:
    """Every measure of a current plan version that the user's organisations implement and
    every goal the user (or the user's organisation) owns, with what is due to report in the
    current four-month period."""
    today = today or timezone.localdate()
    period = period_current()
    result = MyMeasures(period=period)
    organisation_ids = user_organisation_ids(user)
    if organisation_ids:
        measures = (
            Measure.objects.filter(
                implementers__in=organisation_ids,
                plan__in=Plan.objects.filter(_latest_versions()),
            )
            .exclude(status__in=(MeasureStatus.CANCELLED,))
            .distinct()
            .select_related("plan", "goal")
            .prefetch_related(
                "implementers",
                Prefetch(
                    "reports",
                    queryset=MeasureReport.objects.filter(year=period[0], tertial=period[1]),
                    to_attr="period_reports",
                ),
            )
            .order_by("plan__title", "goal__position", "position", "id")
        )
        for measure in measures:
            own = [o for o in measure.implementers.all() if o.pk in organisation_ids]
            reported = {report.organisation_id for report in measure.period_reports}
            started = measure.starts_on is None or measure.starts_on <= period_bounds(*period)[1]
            open_ = measure.status in OPEN_STATUSES
            due = [o for o in own if o.pk not in reported] if (open_ and started) else []
            late = measure.status == MeasureStatus.DELAYED or (
                measure.ends_on is not None and measure.ends_on < today and open_
            )
            result.measures.append(MyMeasure(measure, own, due, late))
    if user.is_authenticated:
        owned = Q(owner_users=user)
        if organisation_ids:
            owned |= Q(owner_organisations__in=organisation_ids)
        goals = (
            Goal.objects.filter(owned, plan__in=Plan.objects.filter(_latest_versions()))
            .distinct()
            .select_related("plan")
            .prefetch_related(
                Prefetch(
                    "card__updates",
                    queryset=GoalCardUpdate.objects.order_by("-year", "-tertial"),
                )
            )
            .order_by("plan__title", "position", "id")
        )
        for goal in goals:
            card = getattr(goal, "card", None) if _has_card(goal) else None
            updates = list(card.updates.all()) if card is not None else []
            latest = updates[0] if updates else None
            card_due = card is not None and (
                latest is None or (latest.year, latest.tertial) < period
            )
            result.goals.append(MyGoal(goal, card, latest, card_due))
    return result


def _has_card(goal: Goal) -> bool:
    try:
        goal.card  # noqa: B018 (the prefetch filled it or the query answers)
    except GoalCard.DoesNotExist:
        return False
    return True


# --- What needs attention -------------------------------------------------------------------


class AttentionReason:
    LATE = "late"
    NOT_REPORTED = "not_reported"
    NO_IMPLEMENTER = "no_implementer"


def measures_attention(
    *,
    user,
    municipality=None,
    county=None,
    plan: Plan | None = None,
    reason: str = "",
    today: datetime.date | None = None,
) -> QuerySet[Measure]:
    """Measures of the current plan versions in scope that are late (the end date has passed
    and they are not done, or they are marked delayed), have no report for the last
    four-month period although they were running then, or have no implementer at all.

    A municipality's scope is its own plans and the plans of its networks; a county's is its
    own plans and those of its municipalities. Each row is annotated with `is_late`,
    `is_not_reported` and `has_no_implementer`."""
    today = today or timezone.localdate()
    last_year, last_tertial = period_previous(*period_current())
    last_first, last_end = period_bounds(last_year, last_tertial)
    plans = Plan.objects.filter(plans_visible_q(user), _latest_versions())
    if municipality is not None:
        plans = plans.filter(
            Q(municipality=municipality)
            | Q(network__in=Network.objects.filter(municipality=municipality))
        )
    if county is not None:
        plans = plans.filter(Q(wellbeing_county=county) | Q(municipality__wellbeing_county=county))
    if plan is not None:
        plans = plans.filter(pk=plan.pk)

    late = Q(status=MeasureStatus.DELAYED) | Q(
        ends_on__isnull=False,  # NULL < today would make the flag NULL, not false
        ends_on__lt=today,
        status__in=(MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS),
    )
    has_implementer = Exists(Measure.implementers.through.objects.filter(measure_id=OuterRef("pk")))
    reported_last = Exists(
        MeasureReport.objects.filter(
            measure_id=OuterRef("pk"), year=last_year, tertial=last_tertial
        )
    )
    ran_last_period = (
        Q(status__in=(MeasureStatus.IN_PROGRESS, MeasureStatus.DELAYED))
        & (Q(starts_on__isnull=True) | Q(starts_on__lte=last_end))
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=last_first))
        & Q(plan__start_year__lte=last_year, plan__end_year__gte=last_year)
    )
    not_reported = ran_last_period & ~Q(reported_last)
    no_implementer = ~Q(has_implementer) & ~Q(
        status__in=(MeasureStatus.DONE, MeasureStatus.CANCELLED)
    )
    conditions = {
        AttentionReason.LATE: late,
        AttentionReason.NOT_REPORTED: not_reported,
        AttentionReason.NO_IMPLEMENTER: no_implementer,
    }
    wanted = conditions.get(reason) or (late | not_reported | no_implementer)
    from django.db.models import BooleanField, ExpressionWrapper

    def flag(condition: Q) -> ExpressionWrapper:
        return ExpressionWrapper(condition, output_field=BooleanField())

    # The plans in scope as constants, read first: as a subquery the planner guessed
    # hundreds of plans where there are a few, and went through the 350,000 measures of all
    # plans that need attention before keeping a municipality's (4 s at national scale).
    plan_ids = list(plans.values_list("pk", flat=True))
    return (
        Measure.objects.filter(plan_id__in=plan_ids)
        .filter(wanted)
        .annotate(
            is_late=flag(late),
            is_not_reported=flag(not_reported),
            has_no_implementer=flag(no_implementer),
        )
        .select_related("plan__municipality", "plan__wellbeing_county", "plan__network", "goal")
        .prefetch_related("implementers")
        .order_by("plan__title", "plan_id", "goal__position", "goal_id", "position", "id")
    )


def attention_period() -> tuple[int, int]:
    """The period whose report the attention list asks for: the last full one."""
    return period_previous(*period_current())


# --- The dashboard's work list --------------------------------------------------------------


@dataclass(frozen=True)
class MyWork:
    """What waits for the user in the current four-month period: the measures the user's
    organisations have not reported yet and the owned goals' cards not updated yet (the
    same as `my_measures` counts as due, one query each)."""

    measures_to_report: int
    goal_cards_to_update: int


def my_work(*, user) -> MyWork:
    period = period_current()
    latest_plans = Plan.objects.filter(_latest_versions())
    organisation_ids = user_organisation_ids(user)
    measures_to_report = 0
    if organisation_ids:
        implements = Measure.implementers.through.objects.filter(
            measure_id=OuterRef("pk"), organisation_id__in=organisation_ids
        ).exclude(
            Exists(
                MeasureReport.objects.filter(
                    measure_id=OuterRef("measure_id"),
                    organisation_id=OuterRef("organisation_id"),
                    year=period[0],
                    tertial=period[1],
                )
            )
        )
        measures_to_report = (
            Measure.objects.filter(plan__in=latest_plans, status__in=OPEN_STATUSES)
            .filter(Q(starts_on__isnull=True) | Q(starts_on__lte=period_bounds(*period)[1]))
            .filter(Exists(implements))
            .count()
        )
    goal_cards_to_update = 0
    if user.is_authenticated:
        owned = Q(owner_users=user)
        if organisation_ids:
            owned |= Q(owner_organisations__in=organisation_ids)
        updated_this_period = GoalCardUpdate.objects.filter(card_id=OuterRef("pk")).filter(
            Q(year__gt=period[0]) | Q(year=period[0], tertial__gte=period[1])
        )
        goal_cards_to_update = (
            GoalCard.objects.filter(goal__in=Goal.objects.filter(owned, plan__in=latest_plans))
            .exclude(Exists(updated_this_period))
            .count()
        )
    return MyWork(measures_to_report, goal_cards_to_update)


def attention_counts(*, user, municipality=None, county=None) -> dict[str, int]:
    """How many measures of `measures_attention` are late, not reported and without an
    implementer, in one query."""
    return measures_attention(user=user, municipality=municipality, county=county).aggregate(
        **{
            reason: Count("pk", filter=Q(**{flag: True}))
            for reason, flag in (
                (AttentionReason.LATE, "is_late"),
                (AttentionReason.NOT_REPORTED, "is_not_reported"),
                (AttentionReason.NO_IMPLEMENTER, "has_no_implementer"),
            )
        }
    )

"""Writes to plans. Every change to a plan's content goes through `plan_ensure_editable`, so
an approved (frozen) version is never changed; the next version starts as a copy."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from .enums import DecisionOutcome, PlanState
from .models import (
    Goal,
    GoalCard,
    GoalCardTask,
    GoalIndicator,
    Measure,
    Plan,
    PlanDecision,
    PriorityArea,
)


def plan_ensure_editable(plan: Plan) -> None:
    """Refuse changes to an approved version with the reason and the way forward."""
    if plan.is_frozen:
        raise ValidationError(
            _(
                "This version was approved on %(date)s and is frozen. "
                "Start a new version to make changes."
            )
            % {"date": plan.approved_on.strftime("%d.%m.%Y") if plan.approved_on else "–"},
            code="frozen",
        )


def plan_overlapping(*, plan: Plan) -> Plan | None:
    """Another plan of the same owner and kind, in another lineage, whose years overlap."""
    return (
        Plan.objects.filter(
            kind=plan.kind,
            municipality_id=plan.municipality_id,
            wellbeing_county_id=plan.wellbeing_county_id,
            network_id=plan.network_id,
            start_year__lte=plan.end_year,
            end_year__gte=plan.start_year,
        )
        .exclude(lineage=plan.lineage)
        .order_by("start_year")
        .first()
    )


def plan_validate_period(*, plan: Plan) -> None:
    if plan.end_year < plan.start_year:
        raise ValidationError(
            {"end_year": _("The last year cannot be before the first year.")}, code="years"
        )
    other = plan_overlapping(plan=plan)
    if other is not None:
        raise ValidationError(
            {
                "start_year": _(
                    "The years overlap with “%(title)s” (%(start)d–%(end)d). "
                    "Start a new version of that plan instead, or change the years."
                )
                % {"title": other.title, "start": other.start_year, "end": other.end_year}
            },
            code="overlap",
        )


def plan_next_decision_body(plan: Plan) -> str | None:
    """The body whose decision the plan waits for next, or None when approved."""
    if plan.state == PlanState.APPROVED:
        return None
    if plan.state != PlanState.PROCESSING:
        return plan.approval_chain[0]
    # A return sends the plan back to the start of the chain.
    chain = plan.approval_chain
    position = 0
    for decision in plan.decisions.order_by("decided_on", "recorded_at", "pk"):
        if decision.outcome == DecisionOutcome.RETURNED:
            position = 0
        elif position < len(chain) and decision.body == chain[position]:
            position += 1
    return chain[position] if position < len(chain) else None


@transaction.atomic
def plan_decision_record(
    *,
    plan: Plan,
    body: str,
    outcome: str,
    decided_on: datetime.date,
    reference: str = "",
    note: str = "",
    user=None,
) -> PlanDecision:
    """Record a decision of the next body in the approval chain. The last body's approval
    freezes the version; a return takes it back to planning."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    plan_ensure_editable(plan)
    expected = plan_next_decision_body(plan)
    if body != expected:
        raise ValidationError(
            {"body": _("The plan waits for the decision of: %(body)s.") % {"body": expected}},
            code="out_of_order",
        )
    decision = PlanDecision.objects.create(
        plan=plan,
        body=body,
        outcome=outcome,
        decided_on=decided_on,
        reference=reference,
        note=note,
        recorded_by=user,
    )
    if outcome == DecisionOutcome.RETURNED:
        plan.state = PlanState.PLANNING
    elif body == plan.approval_chain[-1]:
        plan.state = PlanState.APPROVED
        plan.approved_on = decided_on
    else:
        plan.state = PlanState.PROCESSING
    plan.save(update_fields=["state", "approved_on", "updated_at"])
    return decision


@transaction.atomic
def plan_send_to_decision(*, plan: Plan) -> Plan:
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    plan_ensure_editable(plan)
    plan.state = PlanState.PROCESSING
    plan.save(update_fields=["state", "updated_at"])
    return plan


@transaction.atomic
def plan_new_version(*, plan: Plan, user=None) -> Plan:
    """Copy an approved version with its priority areas, goals, indicators, measures, goal
    cards, logic model and joy and worry lists into a new version in planning. The period
    updates and reports stay with the version they were written for."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_frozen:
        raise ValidationError(
            _("Only an approved version can be copied into a new one; edit this one instead."),
            code="not_frozen",
        )
    if Plan.objects.filter(previous_version=plan).exists():
        raise ValidationError(
            _("A newer version of this plan already exists."), code="newer_version_exists"
        )
    latest = Plan.objects.filter(lineage=plan.lineage).order_by("-version").first()
    copy = Plan.objects.get(pk=plan.pk)
    copy.pk = None
    copy.version = latest.version + 1
    copy.previous_version = plan
    copy.state = PlanState.PLANNING
    copy.approved_on = None
    copy.created_by = user
    copy.save()
    copy.indicator_sets.set(plan.indicator_sets.all())

    goal_map: dict[int, Goal] = {}
    measure_map: dict[int, Measure] = {}
    for area in plan.priority_areas.all():
        # Parents before sub-goals (NULLs sort last on PostgreSQL unless told otherwise).
        goals = list(area.goals.order_by(F("parent_id").asc(nulls_first=True), "id"))
        area.pk = None
        area.plan = copy
        area.save()
        for goal in goals:
            goal_map[goal.pk] = _copy_goal(goal, plan=copy, area=area, goal_map=goal_map)
    for measure in plan.measures.prefetch_related("implementers"):
        old_pk = measure.pk
        implementers = list(measure.implementers.all())
        measure.pk = None
        measure.plan = copy
        measure.goal = goal_map[measure.goal_id]
        measure.save()
        measure.implementers.set(implementers)
        measure_map[old_pk] = measure
    for entry in plan.logic_model.prefetch_related("goals", "measures", "indicators"):
        goals = [goal_map[goal.pk] for goal in entry.goals.all()]
        measures = [measure_map[measure.pk] for measure in entry.measures.all()]
        indicators = list(entry.indicators.all())
        entry.pk = None
        entry.plan = copy
        entry.save()
        entry.goals.set(goals)
        entry.measures.set(measures)
        entry.indicators.set(indicators)
    for concern in plan.concerns.prefetch_related("indicators"):
        indicators = list(concern.indicators.all())
        concern.pk = None
        concern.plan = copy
        concern.save()
        concern.indicators.set(indicators)
    return copy


def _copy_goal(goal: Goal, *, plan: Plan, area: PriorityArea, goal_map: dict[int, Goal]) -> Goal:
    old = Goal.objects.prefetch_related(
        "owner_users", "owner_organisations", "target_groups", "indicator_sets"
    ).get(pk=goal.pk)
    new = Goal.objects.get(pk=goal.pk)
    new.pk = None
    new.plan = plan
    new.priority_area = area
    new.parent = goal_map.get(goal.parent_id) if goal.parent_id else None
    new.save()
    new.owner_users.set(old.owner_users.all())
    new.owner_organisations.set(old.owner_organisations.all())
    new.target_groups.set(old.target_groups.all())
    new.indicator_sets.set(old.indicator_sets.all())
    indicator_map: dict[int, GoalIndicator] = {}
    for link in old.goal_indicators.all():
        old_pk = link.pk
        link.pk = None
        link.goal = new
        link.save()
        indicator_map[old_pk] = link
    card = GoalCard.objects.filter(goal=old).prefetch_related("tasks", "dependent_plans").first()
    if card is not None:
        tasks = list(card.tasks.all())
        dependent_plans = list(card.dependent_plans.all())
        card.pk = None
        card.goal = new
        card.goal_indicator = indicator_map.get(card.goal_indicator_id)
        card.save()
        card.dependent_plans.set(dependent_plans)
        GoalCardTask.objects.bulk_create(
            GoalCardTask(card=card, text=task.text, schedule=task.schedule, position=task.position)
            for task in tasks
        )
    return new


@transaction.atomic
def goal_delete(*, goal: Goal, delete_measures: bool = False) -> int:
    """Delete a goal. Its measures and sub-goals are deleted only when the user has been
    told and agreed (`delete_measures`); otherwise the deletion is refused. Returns the
    number of measures deleted."""
    plan_ensure_editable(goal.plan)
    goals = [goal, *Goal.objects.filter(parent=goal)]
    measures = Measure.objects.filter(goal__in=goals)
    count = measures.count()
    if count and not delete_measures:
        raise ValidationError(
            _(
                "%(count)d measures depend on this goal or its sub-goals. "
                "Move them to another goal first, or confirm that they are deleted too."
            )
            % {"count": count},
            code="has_measures",
        )
    measures.delete()
    for sub_goal in goals[1:]:
        sub_goal.delete()
    goal.delete()
    return count

"""Writes to plans. Every change to a plan's content goes through `plan_ensure_editable`, so
an approved (frozen) version is never changed; the next version starts as a copy.

The HTML views and the API call the same functions here. Each asks, in this order: may the
user do this (`core.permissions.authorize`: 404 for a row the user may not see, 403 for one the
user sees but may not change), is the input valid, and then writes in one transaction. A
version check (the form's `loaded_at`, the API's If-Match) is compared after the row is
locked."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.networks.selectors import networks_of_area
from elinvoima.strategy.enums import DecisionBody, DecisionOutcome, PlanState
from elinvoima.strategy.models import (
    Goal,
    GoalCard,
    GoalCardTask,
    GoalIndicator,
    Measure,
    Plan,
    PlanDecision,
    PriorityArea,
)
from elinvoima.strategy.permissions import can_view_plan

ADD_PLAN_PERMISSIONS = {
    "municipality": "strategy.add_municipality_plan",
    "wellbeing_county": "strategy.add_county_plan",
    "network": "strategy.add_network_plan",
}


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


def plan_frozen_reason(plan: Plan) -> str:
    """Why the plan's content cannot be changed, for pages to show ("" when it can)."""
    try:
        plan_ensure_editable(plan)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def plan_overlapping(*, plan: Plan) -> Plan | None:
    """Another plan of the same owner and kind, in another lineage, whose years overlap."""
    return (
        Plan.objects.filter(
            plan.same_owner_q(),
            kind=plan.kind,
            start_year__lte=plan.end_year,
            end_year__gte=plan.start_year,
        )
        .exclude(lineage=plan.lineage)
        .order_by("start_year")
        .first()
    )


def plan_validate_period(*, plan: Plan, user=None) -> None:
    """The years are in order and do not overlap another plan of the same owner and kind.
    The other plan is named only to a user who may read it (`user` None: a trusted caller)."""
    if plan.end_year < plan.start_year:
        raise ValidationError(
            {"end_year": _("The last year cannot be before the first year.")}, code="years"
        )
    other = plan_overlapping(plan=plan)
    if other is not None and user is not None and not can_view_plan(user, other):
        raise ValidationError(
            {
                "start_year": _(
                    "The years overlap with another plan of the same kind. Change the years."
                )
            },
            code="overlap",
        )
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
    plan = _plan_locked(plan.pk)
    plan_authorize_change(user, plan)
    plan_ensure_editable(plan)
    expected = plan_next_decision_body(plan)
    if body != expected:
        labels = dict(DecisionBody.choices)
        raise ValidationError(
            {
                "body": ValidationError(
                    _("The plan waits for the decision of: %(body)s.")
                    % {"body": labels.get(expected, expected) if expected else "—"},
                    code="out_of_order",
                )
            }
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
def plan_send_to_decision(*, plan: Plan, user=None) -> Plan:
    plan = _plan_locked(plan.pk)
    plan_authorize_change(user, plan)
    plan_ensure_editable(plan)
    plan.state = PlanState.PROCESSING
    plan.save(update_fields=["state", "updated_at"])
    return plan


@transaction.atomic
def plan_stage_set(*, plan: Plan, state: str, user=None) -> Plan:
    """Move a plan in preparation between evaluating the ending period and planning the
    next one. Decision-making and approval go through `plan_send_to_decision` and
    `plan_decision_record` instead."""
    if state not in (PlanState.EVALUATION, PlanState.PLANNING):
        raise ValueError(f"not a preparation stage: {state}")
    plan = _plan_locked(plan.pk)
    plan_authorize_change(user, plan)
    plan_ensure_editable(plan)
    if plan.state == PlanState.PROCESSING:
        raise ValidationError(
            _("The plan is in decision-making; record the decision first."), code="processing"
        )
    plan.state = state
    plan.save(update_fields=["state", "updated_at"])
    return plan


@transaction.atomic
def plan_new_version(*, plan: Plan, user=None) -> Plan:
    """Copy an approved version with its priority areas, goals, indicators, measures, goal
    cards, logic model and joy and worry lists into a new version in planning. The period
    updates and reports stay with the version they were written for."""
    plan = _plan_locked(plan.pk)
    plan_authorize_change(user, plan)
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
    assert latest is not None  # the plan itself is of its lineage
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
        _as_new_row(measure)
        measure.plan = copy
        measure.goal = goal_map[measure.goal_id]
        measure.save()
        measure.implementers.set(implementers)
        measure_map[old_pk] = measure
    for entry in plan.logic_model.prefetch_related("goals", "measures", "indicators"):
        goals = [goal_map[goal.pk] for goal in entry.goals.all()]
        measures = [measure_map[measure.pk] for measure in entry.measures.all()]
        indicators = list(entry.indicators.all())
        _as_new_row(entry)
        entry.plan = copy
        entry.save()
        entry.goals.set(goals)
        entry.measures.set(measures)
        entry.indicators.set(indicators)
    for concern in plan.concerns.prefetch_related("indicators"):
        indicators = list(concern.indicators.all())
        _as_new_row(concern)
        concern.plan = copy
        concern.save()
        concern.indicators.set(indicators)
    return copy


def _as_new_row(instance) -> None:
    """Make a loaded instance save as a new row. Its prefetched relations belong to the old
    row and go too: a many-to-many `set()` on the copy would read them as the copy's own
    links and add none (new versions lost their measures' implementers this way)."""
    instance.pk = None
    instance._prefetched_objects_cache = {}


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
        _as_new_row(card)
        card.goal = new
        card.goal_indicator = (
            indicator_map.get(card.goal_indicator_id) if card.goal_indicator_id else None
        )
        card.save()
        card.dependent_plans.set(dependent_plans)
        GoalCardTask.objects.bulk_create(
            GoalCardTask(card=card, text=task.text, schedule=task.schedule, position=task.position)
            for task in tasks
        )
    return new


@transaction.atomic
def goal_delete(*, goal: Goal, user=None, delete_measures: bool = False) -> int:
    """Delete a goal. Its measures and sub-goals are deleted only when the user has been
    told and agreed (`delete_measures`); otherwise the deletion is refused. Returns the
    number of measures deleted."""
    plan = Plan.objects.select_for_update().get(pk=goal.plan_id)
    goal_authorize_change(user, goal, plan=plan)
    plan_ensure_editable(plan)
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


# --- Plan content: plans, priority areas, goals and their indicators ---------------------------
# Each locks the plan row first, so a decision recorded meanwhile (which may freeze the
# version) and an edit never interleave.


# The monitoring pages' stale-form message (`monitoring.services`); plans and goals use
# `elinvoima.core.concurrency.ensure_unchanged`, which names who saved and when.
CONCURRENT_EDIT_MESSAGE = gettext_lazy(
    "Someone else saved this while you were editing it. Open it again to see their changes, "
    "then make yours."
)


def _plan_locked(plan_id) -> Plan:
    try:
        return Plan.objects.select_for_update().get(pk=plan_id)
    except Plan.DoesNotExist:
        raise Http404 from None


def plan_lock_for_change(plan_id, user=None) -> Plan:
    """The plan locked for a change of its content: permission first (the user may change
    it; `user` None is a trusted caller), then that it is not frozen."""
    plan = _plan_locked(plan_id)
    plan_authorize_change(user, plan)
    plan_ensure_editable(plan)
    return plan


def version_of(obj) -> str:
    """The version a form or an API client loaded (its hidden `loaded_at`, the ETag's
    tail): when the row was saved."""
    return obj.updated_at.isoformat()


def plan_authorize_add(user, plan: Plan) -> None:
    """May the user add a plan for the plan's owner (municipality, county or network). A plan
    without an owner is asked as a network's (nobody but the platform admin passes) and is
    then refused by `plan_validate_owner`."""
    try:
        kind, owner = plan.owner_kind, plan.owner
    except ValueError:  # no owner
        kind, owner = "network", None
    authorize(user, ADD_PLAN_PERMISSIONS[kind], owner)


def plan_authorize_change(user, plan: Plan) -> None:
    authorize(user, "strategy.change_plan", plan, visible=("strategy.view_plan", plan))


def plan_validate_owner(plan: Plan) -> None:
    if sum(1 for name in Plan.OWNER_FIELDS if getattr(plan, f"{name}_id") is not None) != 1:
        raise ValidationError(
            {"municipality": _("A plan belongs to exactly one municipality, county or network.")},
            code="owner",
        )


@transaction.atomic
def plan_create(*, plan: Plan, user=None, indicator_sets=None) -> Plan:
    """Save a new plan (version 1, in planning) after checking its owner and years."""
    plan_authorize_add(user, plan)
    plan_validate_owner(plan)
    plan.created_by = user
    plan.version = 1
    plan.previous_version = None
    plan.state = PlanState.PLANNING
    plan.approved_on = None
    plan_validate_period(plan=plan, user=user)
    plan.updated_by = signed_in_or_none(user)
    validate_for_save(plan)
    plan.save()
    if indicator_sets is not None:
        plan.indicator_sets.set(indicator_sets)
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, user=None, loaded_at=None, indicator_sets=None) -> Plan:
    """Save the plan's own fields. Refused for a frozen version and when someone else saved
    the plan since `loaded_at` (the version the form or the API client loaded; None: not
    known, `ANY`: If-Match: *)."""
    try:
        current = Plan.objects.select_for_update().get(pk=plan.pk)
    except Plan.DoesNotExist:
        raise Http404 from None
    plan_authorize_change(user, current)
    plan_ensure_editable(current)
    ensure_unchanged(
        version_of(current),
        loaded_at,
        what=_("this plan"),
        changed_by=current.updated_by,
        changed_at=current.updated_at,
    )
    if any(
        getattr(plan, f"{name}_id") != getattr(current, f"{name}_id") for name in Plan.OWNER_FIELDS
    ):
        raise ValidationError(
            {"municipality": _("The owner of a plan cannot change.")}, code="owner"
        )
    plan.state, plan.approved_on = current.state, current.approved_on  # decisions move these
    plan.lineage, plan.version = current.lineage, current.version
    plan.previous_version_id = current.previous_version_id
    plan_validate_period(plan=plan, user=user)
    plan.updated_by = signed_in_or_none(user)
    validate_for_save(plan)
    plan.save()
    if indicator_sets is not None:
        plan.indicator_sets.set(indicator_sets)
    return plan


@transaction.atomic
def plan_delete(*, plan: Plan, user=None) -> None:
    """Delete a plan in preparation that has no goals or measures yet."""
    try:
        current = Plan.objects.select_for_update().get(pk=plan.pk)
    except Plan.DoesNotExist:
        raise Http404 from None
    plan_authorize_change(user, current)
    plan_ensure_editable(current)
    if current.measures.exists() or current.goals.exists():
        raise ValidationError(
            _("The plan has goals and measures. Delete them first."), code="has_content"
        )
    current.delete()


@transaction.atomic
def priority_area_save(*, area: PriorityArea, user=None, networks=None) -> PriorityArea:
    """Save a priority area and, if given, the networks that answer for it (the plan
    owner's networks)."""
    if (
        area.pk is not None
        and not PriorityArea.objects.filter(pk=area.pk, plan_id=area.plan_id).exists()
    ):
        raise ValidationError({"plan": _("A priority area cannot move to another plan.")})
    plan_lock_for_change(area.plan_id, user)
    if area.pk is None and not area.position:
        area.position = PriorityArea.objects.filter(plan_id=area.plan_id).count() + 1
    validate_for_save(area)
    if networks is not None:
        plan = area.plan
        allowed = set(
            networks_of_area(
                municipality_id=plan.municipality_id,
                wellbeing_county_id=plan.wellbeing_county_id,
            ).values_list("pk", flat=True)
        )
        if any(network.pk not in allowed for network in networks):
            raise ValidationError({"networks": _("Choose networks of the plan's owner.")})
    area.save()
    if networks is not None:
        area.networks.set(networks)
    return area


@transaction.atomic
def priority_area_delete(*, area: PriorityArea, user=None) -> None:
    """Delete an empty priority area; one with goals is refused (its goals and their
    measures would otherwise go with it without anyone being asked)."""
    plan_lock_for_change(area.plan_id, user)
    goals = Goal.objects.filter(priority_area=area).count()
    if goals:
        raise ValidationError(
            _(
                "%(count)d goals belong to this priority area. Delete them or move them to "
                "another priority area first."
            )
            % {"count": goals},
            code="has_goals",
        )
    area.delete()


def goal_indicator_validate(link: GoalIndicator) -> None:
    """A baseline or a target means nothing without its year (seed 001: 24.8 % (2021))."""
    errors = {}
    if link.target_value is not None and link.target_year is None:
        errors["target_year"] = ValidationError(
            _("A target needs the year by which it is reached."), code="target_without_year"
        )
    if link.baseline_value is not None and link.baseline_year is None:
        errors["baseline_year"] = ValidationError(
            _("A baseline value needs its year."), code="baseline_without_year"
        )
    if (
        link.baseline_year is not None
        and link.target_year is not None
        and link.target_year < link.baseline_year
    ):
        errors["target_year"] = ValidationError(
            _("The target year cannot be before the baseline year."), code="target_before_baseline"
        )
    if errors:
        raise ValidationError(errors)


def goal_authorize_change(user, goal: Goal, *, plan: Plan | None = None) -> None:
    """May the user change the goal (or add it, when it is new): 404 when the user may not
    see it (a new goal: its plan), 403 when the user may not change its plan. An existing
    goal is asked as it is stored, whatever the caller changed in `goal`."""
    if goal.pk is None:
        plan = plan or goal.plan
        authorize(user, "strategy.change_plan", plan, visible=("strategy.view_plan", plan))
        return
    stored = Goal.objects.select_related("plan").filter(pk=goal.pk).first()
    if stored is None:
        raise Http404
    plan = plan or stored.plan
    authorize(user, "strategy.change_plan", plan, visible=("strategy.view_goal", stored))


@transaction.atomic
def goal_save(
    *,
    goal: Goal,
    user=None,
    owner_users=None,
    owner_organisations=None,
    target_groups=None,
    indicator_sets=None,
    indicators=(),
    removed_indicators=(),
    loaded_at=None,
) -> Goal:
    """Save a goal or sub-goal with its owners, age groups and indicators in one go.
    `indicators` are GoalIndicator instances to save (new or changed), `removed_indicators`
    ones to delete. Refused for a frozen plan, for a target without a year, and when someone
    else saved the goal since `loaded_at` (as in `plan_update`)."""
    plan_id: int | None = goal.plan_id
    if goal.pk is not None:
        plan_id = Goal.objects.filter(pk=goal.pk).values_list("plan_id", flat=True).first()
        if plan_id is None:
            raise Http404
    plan = Plan.objects.select_for_update().get(pk=plan_id)
    goal_authorize_change(user, goal, plan=plan)
    plan_ensure_editable(plan)
    if goal.pk is not None:
        current = Goal.objects.select_for_update().get(pk=goal.pk)
        ensure_unchanged(
            version_of(current),
            loaded_at,
            what=_("this goal"),
            changed_by=current.updated_by,
            changed_at=current.updated_at,
        )
        if goal.plan_id != current.plan_id:
            raise ValidationError({"plan": _("A goal cannot move to another plan.")}, code="plan")
    if goal.parent_id is not None:
        parent = Goal.objects.filter(pk=goal.parent_id).first()
        if (
            parent is None
            or parent.plan_id != goal.plan_id
            or parent.parent_id is not None
            or parent.pk == goal.pk
        ):
            raise ValidationError(
                {"parent": _("A sub-goal belongs under a goal of the same plan.")},
                code="invalid_parent",
            )
        goal.priority_area_id = parent.priority_area_id
    if goal.priority_area_id is None or goal.priority_area.plan_id != goal.plan_id:
        raise ValidationError(
            {"priority_area": _("Choose a priority area of this plan.")}, code="invalid_area"
        )
    for link in indicators:
        goal_indicator_validate(link)
        validate_for_save(link, exclude=("goal",))  # the goal is set when it is saved
    if goal.pk is None and not goal.position:
        goal.position = (
            Goal.objects.filter(priority_area_id=goal.priority_area_id, parent=goal.parent).count()
            + 1
        )
    goal.updated_by = signed_in_or_none(user)
    validate_for_save(goal)
    goal.save()
    if owner_users is not None:
        goal.owner_users.set(owner_users)
    if owner_organisations is not None:
        goal.owner_organisations.set(owner_organisations)
    if target_groups is not None:
        goal.target_groups.set(target_groups)
    if indicator_sets is not None:
        goal.indicator_sets.set(indicator_sets)
    for link in removed_indicators:
        if link.pk and link.goal_id == goal.pk:
            link.delete()
    for link in indicators:
        link.goal = goal
        link.save()
    return goal

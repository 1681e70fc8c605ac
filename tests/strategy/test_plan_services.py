# ruff: noqa: F811 (fixtures imported from test_plan_fixtures)
"""The services of plans: the approval chain, freezing, versions, periods, goal indicators
and deleting goals."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from elinvoima.strategy.enums import DecisionBody, DecisionOutcome, PlanKind, PlanState
from elinvoima.strategy.models import Goal, GoalIndicator, Measure, Plan, PriorityArea
from elinvoima.strategy.plans import services
from elinvoima.strategy.plans.services import (
    goal_delete,
    goal_save,
    plan_create,
    plan_decision_record,
    plan_new_version,
    plan_next_decision_body,
    plan_send_to_decision,
    plan_update,
    priority_area_delete,
    priority_area_save,
)

from .test_plan_fixtures import fill_plan, make_plan, paijat_hame, vaala, vaala_plan  # noqa: F401

pytestmark = pytest.mark.django_db
DAY = datetime.date(2030, 3, 1)


def approve_all(plan: Plan) -> Plan:
    plan_send_to_decision(plan=plan)
    for body in plan.approval_chain:
        plan_decision_record(plan=plan, body=body, outcome=DecisionOutcome.APPROVED, decided_on=DAY)
    return Plan.objects.get(pk=plan.pk)


def test_plan_decision_record__municipality_chain__in_order_and_last_freezes(vaala_plan):
    # given a municipality's plan in decision-making
    plan_send_to_decision(plan=vaala_plan)
    assert plan_next_decision_body(vaala_plan) == DecisionBody.WELFARE_GROUP
    # when the board tries to decide before the welfare group
    with pytest.raises(ValidationError) as refused:
        plan_decision_record(
            plan=vaala_plan,
            body=DecisionBody.MUNICIPAL_BOARD,
            outcome=DecisionOutcome.APPROVED,
            decided_on=DAY,
        )
    # then it is refused, naming whose decision the plan waits for
    assert refused.value.error_dict["body"][0].code == "out_of_order"
    # when welfare group → board → council approve in turn
    for body, state in (
        (DecisionBody.WELFARE_GROUP, PlanState.PROCESSING),
        (DecisionBody.MUNICIPAL_BOARD, PlanState.PROCESSING),
        (DecisionBody.MUNICIPAL_COUNCIL, PlanState.APPROVED),
    ):
        plan_decision_record(
            plan=vaala_plan, body=body, outcome=DecisionOutcome.APPROVED, decided_on=DAY
        )
        assert Plan.objects.get(pk=vaala_plan.pk).state == state
    # then the council's approval froze the version on the day of its decision
    plan = Plan.objects.get(pk=vaala_plan.pk)
    assert plan.is_frozen and plan.approved_on == DAY


def test_plan_decision_record__county_chain__hyte_board_regional_board_regional_council(
    paijat_hame,
):
    plan = make_plan(county=paijat_hame, kind=PlanKind.REGIONAL_WELFARE_PLAN, title="Alueellinen")
    plan_send_to_decision(plan=plan)
    seen = []
    while (body := plan_next_decision_body(Plan.objects.get(pk=plan.pk))) is not None:
        seen.append(body)
        plan_decision_record(plan=plan, body=body, outcome=DecisionOutcome.APPROVED, decided_on=DAY)
    assert seen == [
        DecisionBody.HYTE_BOARD,
        DecisionBody.REGIONAL_BOARD,
        DecisionBody.REGIONAL_COUNCIL,
    ]
    assert Plan.objects.get(pk=plan.pk).state == PlanState.APPROVED


def test_plan_decision_record__return__goes_back_to_planning_and_chain_restarts(vaala_plan):
    plan_send_to_decision(plan=vaala_plan)
    plan_decision_record(
        plan=vaala_plan,
        body=DecisionBody.WELFARE_GROUP,
        outcome=DecisionOutcome.APPROVED,
        decided_on=DAY,
    )
    # when the board returns it
    plan_decision_record(
        plan=vaala_plan,
        body=DecisionBody.MUNICIPAL_BOARD,
        outcome=DecisionOutcome.RETURNED,
        decided_on=DAY,
    )
    plan = Plan.objects.get(pk=vaala_plan.pk)
    # then it is back in planning, and when sent again the welfare group decides first
    assert plan.state == PlanState.PLANNING
    plan_send_to_decision(plan=plan)
    assert plan_next_decision_body(Plan.objects.get(pk=plan.pk)) == DecisionBody.WELFARE_GROUP


def test_plan_content__frozen__every_write_refused_with_the_reason(vaala_plan):
    plan = approve_all(vaala_plan)
    goal = Goal.objects.filter(plan=plan, parent=None).first()
    area = PriorityArea.objects.filter(plan=plan).first()
    attempts = [
        lambda: plan_update(plan=plan),
        lambda: priority_area_save(area=PriorityArea(plan=plan, title="Uusi")),
        lambda: priority_area_delete(area=area),
        lambda: goal_save(goal=goal),
        lambda: goal_delete(goal=goal, delete_measures=True),
        lambda: plan_send_to_decision(plan=plan),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.code == "frozen"
        assert "30.03.2030" not in refused.value.messages[0]
        assert "01.03.2030" in refused.value.messages[0]
        assert "new version" in refused.value.messages[0] or (
            "uusi versio" in refused.value.messages[0]
        )
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_plan_new_version__copies_everything__old_stays_frozen_and_readable(vaala_plan):
    plan = approve_all(vaala_plan)
    before = {
        "areas": PriorityArea.objects.filter(plan=plan).count(),
        "goals": Goal.objects.filter(plan=plan).count(),
        "sub_goals": Goal.objects.filter(plan=plan, parent__isnull=False).count(),
        "indicators": GoalIndicator.objects.filter(goal__plan=plan).count(),
        "measures": Measure.objects.filter(plan=plan).count(),
        "implementer_links": Measure.implementers.through.objects.filter(
            measure__plan=plan
        ).count(),
    }
    assert before["implementer_links"] > 0
    # when a new version is started
    copy = plan_new_version(plan=plan)
    # then it is version 2 in planning, of the same lineage, with copies of everything
    assert (copy.version, copy.state, copy.lineage) == (2, PlanState.PLANNING, plan.lineage)
    assert copy.previous_version == plan
    assert {
        "areas": PriorityArea.objects.filter(plan=copy).count(),
        "goals": Goal.objects.filter(plan=copy).count(),
        "sub_goals": Goal.objects.filter(plan=copy, parent__isnull=False).count(),
        "indicators": GoalIndicator.objects.filter(goal__plan=copy).count(),
        "measures": Measure.objects.filter(plan=copy).count(),
        "implementer_links": Measure.implementers.through.objects.filter(
            measure__plan=copy
        ).count(),
    } == before
    # sub-goals point at the copied goals, measures at the copied goals
    assert not Goal.objects.filter(plan=copy, parent__plan=plan).exists()
    assert not Measure.objects.filter(plan=copy, goal__plan=plan).exists()
    # the old version is untouched and still frozen
    old = Plan.objects.get(pk=plan.pk)
    assert old.is_frozen and Measure.objects.filter(plan=old).count() == before["measures"]
    # and the copy can be edited while the original cannot be copied twice
    priority_area_save(area=PriorityArea(plan=copy, title="Uusi kärki"))
    with pytest.raises(ValidationError) as twice:
        plan_new_version(plan=old)
    assert twice.value.code == "newer_version_exists"


def test_plan_new_version__draft__refused(vaala_plan):
    with pytest.raises(ValidationError) as refused:
        plan_new_version(plan=vaala_plan)
    assert refused.value.code == "not_frozen"


def test_plan_create__overlapping_period__refused_naming_the_other_plan(vaala):
    make_plan(municipality=vaala, title="Suunnitelma 2030", start_year=2029, end_year=2031)
    overlapping = Plan(
        municipality=vaala,
        kind=PlanKind.WELFARE_PLAN,
        title="Toinen",
        start_year=2031,
        end_year=2032,
    )
    with pytest.raises(ValidationError) as refused:
        plan_create(plan=overlapping)
    assert "Suunnitelma 2030" in refused.value.error_dict["start_year"][0].messages[0]
    # another kind of plan, or the next years, are fine
    plan_create(
        plan=Plan(
            municipality=vaala,
            kind=PlanKind.WELFARE_PLAN,
            title="Seuraava",
            start_year=2032,
            end_year=2033,
        )
    )


def test_plan_create__last_year_before_first__refused(vaala):
    with pytest.raises(ValidationError) as refused:
        plan_create(
            plan=Plan(
                municipality=vaala,
                kind=PlanKind.WELFARE_PLAN,
                title="x",
                start_year=2031,
                end_year=2030,
            )
        )
    assert "end_year" in refused.value.error_dict


def test_plan_update__someone_saved_meanwhile__refused(vaala_plan):
    loaded_at = vaala_plan.updated_at.isoformat()
    other = Plan.objects.get(pk=vaala_plan.pk)
    other.description = "toisen muutos"
    plan_update(plan=other, loaded_at=loaded_at)
    vaala_plan.description = "minun muutokseni"
    with pytest.raises(ValidationError) as refused:
        plan_update(plan=vaala_plan, loaded_at=loaded_at)
    assert refused.value.code == "conflict"  # elinvoima.core.concurrency.ensure_unchanged
    assert Plan.objects.get(pk=vaala_plan.pk).description == "toisen muutos"


def test_goal_save__target_without_year__refused(vaala_plan):
    goal = Goal.objects.filter(plan=vaala_plan, parent=None).first()
    link = GoalIndicator(
        indicator=GoalIndicator.objects.first().indicator,
        direction="decrease",
        target_value=20,
    )
    with pytest.raises(ValidationError) as refused:
        goal_save(goal=goal, indicators=[link])
    assert refused.value.error_dict["target_year"][0].code == "target_without_year"
    assert GoalIndicator.objects.filter(goal=goal).count() == 1


def test_goal_delete__with_measures__asks_and_never_cascades_silently(vaala_plan):
    goal = Goal.objects.filter(plan=vaala_plan, parent=None).first()
    measures = Measure.objects.filter(goal=goal).count()
    assert measures
    with pytest.raises(ValidationError) as refused:
        goal_delete(goal=goal)
    assert refused.value.code == "has_measures"
    assert Goal.objects.filter(pk=goal.pk).exists()
    assert Measure.objects.filter(goal=goal).count() == measures
    # when confirmed, the goal, its sub-goal and its measures go
    goal_pk = goal.pk
    assert goal_delete(goal=goal, delete_measures=True) == measures
    assert not Goal.objects.filter(pk=goal_pk).exists()
    assert not Goal.objects.filter(parent_id=goal_pk).exists()


def test_priority_area_delete__with_goals__refused(vaala_plan):
    area = PriorityArea.objects.filter(plan=vaala_plan).first()
    with pytest.raises(ValidationError) as refused:
        priority_area_delete(area=area)
    assert refused.value.code == "has_goals"
    empty = priority_area_save(area=PriorityArea(plan=vaala_plan, title="Tyhjä"))
    priority_area_delete(area=empty)
    assert not PriorityArea.objects.filter(pk=empty.pk).exists()


def test_goal_save__sub_goal__takes_parent_area_and_refuses_foreign_parent(vaala_plan, vaala):
    parent = Goal.objects.filter(plan=vaala_plan, parent=None).first()
    sub = goal_save(
        goal=Goal(plan=vaala_plan, priority_area=parent.priority_area, parent=parent, title="a")
    )
    assert sub.priority_area_id == parent.priority_area_id
    other = make_plan(municipality=vaala, kind=PlanKind.WELFARE_REPORT, title="Kertomus")
    fill_plan(other)
    foreign = Goal.objects.filter(plan=other, parent=None).first()
    with pytest.raises(ValidationError):
        goal_save(
            goal=Goal(
                plan=vaala_plan, priority_area=parent.priority_area, parent=foreign, title="b"
            )
        )


def test_plan_stage__evaluation_then_planning__moves_and_refuses_when_frozen_or_in_decision(demo):
    draft = Plan.objects.get(title_fi="Vaalan hyvinvointisuunnitelma")
    approved = Plan.objects.get(title_fi="Vaalan laaja hyvinvointikertomus")

    assert (
        services.plan_stage_set(plan=draft, state=PlanState.EVALUATION).state
        == PlanState.EVALUATION
    )
    assert services.plan_stage_set(plan=draft, state=PlanState.PLANNING).state == PlanState.PLANNING
    with pytest.raises(ValidationError):
        services.plan_stage_set(plan=approved, state=PlanState.EVALUATION)
    services.plan_send_to_decision(plan=draft)
    with pytest.raises(ValidationError):
        services.plan_stage_set(plan=draft, state=PlanState.EVALUATION)

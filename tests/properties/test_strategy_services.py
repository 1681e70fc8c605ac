"""Property tests of the strategy app's writes (plans, priority areas, goals, measures and
their reports, goal cards): whatever the input and whoever calls, a service either refuses
(ValidationError, PermissionDenied, Http404) with the database exactly as it was, or returns
and the database changed as it promises. A user without the permission never changes
anything. See tests/properties/support.py."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elinvoima.core.concurrency import ANY
from elinvoima.strategy.enums import (
    DecisionBody,
    DecisionOutcome,
    MeasureStatus,
    PlanKind,
    PlanState,
    StatusLevel,
    Tertial,
)
from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardUpdate
from elinvoima.strategy.goal_cards.services import (
    GoalCardTaskData,
    goal_card_save,
    goal_card_update_save,
    goal_card_version,
    period_current,
)
from elinvoima.strategy.measures.services import (
    measure_create,
    measure_delete,
    measure_report_save,
    measure_update,
)
from elinvoima.strategy.models import Goal, Measure, MeasureReport, Plan, PriorityArea
from elinvoima.strategy.plans.services import (
    goal_delete,
    goal_save,
    plan_create,
    plan_decision_record,
    plan_delete,
    plan_new_version,
    plan_send_to_decision,
    plan_stage_set,
    plan_update,
    priority_area_delete,
    priority_area_save,
    version_of,
)
from tests.factories import (
    AdminFactory,
    GoalCardFactory,
    GoalFactory,
    GoalIndicatorFactory,
    MeasureFactory,
    MunicipalityFactory,
    OrganisationFactory,
    PlanFactory,
    PriorityAreaFactory,
    UserFactory,
    WellbeingCountyFactory,
    coordinator_of,
    councillor_of,
    county_official_of,
    official_of,
    representative_of,
)

from .support import (
    anonymous,
    examples,
    filled_texts,
    ints,
    maybe,
    models_of,
    refused_or_kept,
    texts,
    years,
)

pytestmark = pytest.mark.both_databases

TABLES = models_of("strategy")
PLAN_TABLES = {"strategy.Plan", "strategy.Plan_indicator_sets"}


@pytest.fixture
def world(db):
    county = WellbeingCountyFactory()
    home = MunicipalityFactory(wellbeing_county=county)
    elsewhere = MunicipalityFactory()
    implementer = OrganisationFactory(municipality=home, is_published=True)
    bystander = OrganisationFactory(municipality=home, is_published=True)
    plan = PlanFactory(municipality=home, start_year=2024, end_year=2027)
    area = PriorityAreaFactory(plan=plan)
    goal = GoalFactory(priority_area=area)
    GoalIndicatorFactory(goal=goal)
    measure = MeasureFactory(goal=goal, implementers=[implementer])
    card = GoalCardFactory(goal=goal)
    empty_plan = PlanFactory(municipality=home, kind=PlanKind.OTHER, start_year=2030, end_year=2031)
    approved = PlanFactory(
        municipality=home,
        kind=PlanKind.WELFARE_REPORT,
        start_year=2020,
        end_year=2023,
        approved=True,
    )
    approved_goal = GoalFactory(priority_area=PriorityAreaFactory(plan=approved))
    approved_measure = MeasureFactory(goal=approved_goal, implementers=[implementer])
    hidden = PlanFactory(municipality=elsewhere)
    users = {
        "admin": AdminFactory(),
        "coordinator": coordinator_of(home),
        "official": official_of(home),
        "councillor": councillor_of(home),
        "county_official": county_official_of(county),
        "representative": representative_of(implementer),
        "other_coordinator": coordinator_of(elsewhere),
        "no_rights": UserFactory(),
        "anonymous": anonymous(),
        "trusted": None,
    }
    return {
        "home": home,
        "elsewhere": elsewhere,
        "implementer": implementer,
        "bystander": bystander,
        "plan": plan,
        "area": area,
        "goal": goal,
        "measure": measure,
        "card": card,
        "empty_plan": empty_plan,
        "approved": approved,
        "approved_goal": approved_goal,
        "approved_measure": approved_measure,
        "hidden": hidden,
        "users": users,
    }


def _user(data, world):
    return data.draw(st.sampled_from(sorted(world["users"].items(), key=lambda i: i[0])))[1]


def _may(user, permission, obj) -> bool:
    return user is None or user.has_perm(permission, obj)


def _fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


DATES = st.one_of(
    st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
    st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 12, 31)),
)


# --- Plans ------------------------------------------------------------------------------------


def _plan_fields(data):
    return data.draw(
        st.fixed_dictionaries(
            {
                "title_fi": filled_texts(),
                "kind": st.one_of(st.sampled_from(PlanKind.values), texts(40)),
                "start_year": years(),
                "end_year": years(),
            },
            optional={"title_sv": texts(), "description_fi": texts(), "description_sv": texts()},
        )
    )


def _assert_plan_saved(plan, fields):
    saved = Plan.objects.get(pk=plan.pk)
    for name, value in fields.items():
        assert getattr(saved, name) == value, name


@examples(40)
@given(data=st.data())
def test_plan_create__any_input_any_user__refused_unchanged_or_created_as_given(world, data):
    user = _user(data, world)
    owner = data.draw(st.sampled_from([world["home"], world["elsewhere"], None]))
    fields = _plan_fields(data)
    plan = Plan(municipality=owner, **fields)

    def promise(created, before, after):
        assert after["strategy.Plan"][0] == before["strategy.Plan"][0] + 1
        _assert_plan_saved(created, fields)
        saved = Plan.objects.get(pk=created.pk)
        assert (saved.version, saved.state, saved.approved_on) == (1, PlanState.PLANNING, None)

    refused, _ = refused_or_kept(
        lambda: plan_create(plan=plan, user=user), TABLES, may_change=PLAN_TABLES, promise=promise
    )
    if owner is None or not _may(user, "strategy.add_municipality_plan", owner):
        assert refused


@examples(40)
@given(data=st.data())
def test_plan_update__any_input_any_user__refused_unchanged_or_saved_as_given(world, data):
    user = _user(data, world)
    target = data.draw(st.sampled_from([world["plan"], world["approved"], world["hidden"]]))
    plan = _fresh(target)
    loaded = data.draw(st.sampled_from([version_of(plan), None, ANY, "stale"]))
    fields = _plan_fields(data)
    for name, value in fields.items():
        setattr(plan, name, value)

    def promise(saved, before, after):
        assert after["strategy.Plan"][0] == before["strategy.Plan"][0]
        _assert_plan_saved(saved, fields)

    refused, _ = refused_or_kept(
        lambda: plan_update(plan=plan, user=user, loaded_at=loaded),
        TABLES,
        may_change=PLAN_TABLES,
        promise=promise,
    )
    if not _may(user, "strategy.change_plan", target) or target.is_frozen:
        assert refused


@examples(20)
@given(data=st.data())
def test_plan_delete__any_plan_any_user__refused_unchanged_or_only_the_empty_plan_gone(world, data):
    user = _user(data, world)
    target = data.draw(
        st.sampled_from([world["plan"], world["empty_plan"], world["approved"], world["hidden"]])
    )

    def promise(_result, before, after):
        assert not Plan.objects.filter(pk=target.pk).exists()
        assert target in (world["empty_plan"], world["hidden"])  # the plans without goals

    refused, _ = refused_or_kept(
        lambda: plan_delete(plan=_fresh(target), user=user),
        TABLES,
        may_change=PLAN_TABLES,
        promise=promise,
    )
    if not _may(user, "strategy.change_plan", target):
        assert refused


@examples(10)
@given(data=st.data())
def test_plan_new_version__only_an_approved_version_once(world, data):
    target = data.draw(st.sampled_from([world["plan"], world["approved"]]))

    def promise(copy, before, after):
        assert target.is_frozen
        assert copy.version == target.version + 1 and copy.state == PlanState.PLANNING
        assert copy.previous_version_id == target.pk
        assert Goal.objects.filter(plan=copy).count() == Goal.objects.filter(plan=target).count()
        # Once: the next copy of the same version is refused and writes nothing.
        refused, _ = refused_or_kept(lambda: plan_new_version(plan=target), TABLES, may_change=())
        assert refused

    refused, _ = refused_or_kept(
        lambda: plan_new_version(plan=_fresh(target)),
        TABLES,
        may_change=set(_strategy_labels()) - {"strategy.PlanDecision"},
        promise=promise,
    )
    assert refused is not target.is_frozen


def _strategy_labels():
    return [model._meta.label for model in TABLES]


@examples(10)
@given(data=st.data())
def test_plan_send_to_decision__a_frozen_plan_refused_else_processing(world, data):
    target = data.draw(st.sampled_from([world["plan"], world["approved"]]))

    def promise(plan, before, after):
        assert Plan.objects.get(pk=target.pk).state == PlanState.PROCESSING

    refused, _ = refused_or_kept(
        lambda: plan_send_to_decision(plan=target), TABLES, may_change=PLAN_TABLES, promise=promise
    )
    assert refused is target.is_frozen


@examples(20)
@given(data=st.data(), state=st.sampled_from(PlanState.values))
def test_plan_stage_set__any_state__refused_unchanged_or_set(world, data, state):
    target = data.draw(st.sampled_from([world["plan"], world["approved"]]))
    if state not in (PlanState.EVALUATION, PlanState.PLANNING):
        # A programming error, not an input: the pages offer only the two stages.
        with pytest.raises(ValueError, match="not a preparation stage"):
            plan_stage_set(plan=target, state=state)
        return

    def promise(plan, before, after):
        assert Plan.objects.get(pk=target.pk).state == state

    refused, _ = refused_or_kept(
        lambda: plan_stage_set(plan=target, state=state),
        TABLES,
        may_change=PLAN_TABLES,
        promise=promise,
    )
    assert refused is target.is_frozen


@examples(40)
@given(
    data=st.data(),
    body=st.one_of(st.sampled_from(DecisionBody.values), texts(40)),
    outcome=st.one_of(st.sampled_from(DecisionOutcome.values), texts(20)),
    decided_on=DATES,
    reference=texts(),
    note=texts(),
)
def test_plan_decision_record__any_input__refused_unchanged_or_recorded_as_given(
    world, data, body, outcome, decided_on, reference, note
):
    target = data.draw(st.sampled_from([world["plan"], world["approved"]]))
    user = data.draw(st.sampled_from([world["users"]["coordinator"], None]))

    def promise(decision, before, after):
        assert after["strategy.PlanDecision"][0] == before["strategy.PlanDecision"][0] + 1
        saved = type(decision).objects.get(pk=decision.pk)
        assert (saved.body, saved.outcome, saved.decided_on, saved.reference, saved.note) == (
            body,
            outcome,
            decided_on,
            reference,
            note,
        )
        assert outcome in DecisionOutcome.values, "an unknown outcome was recorded"

    refused_or_kept(
        lambda: plan_decision_record(
            plan=target,
            body=body,
            outcome=outcome,
            decided_on=decided_on,
            reference=reference,
            note=note,
            user=user,
        ),
        TABLES,
        may_change={"strategy.PlanDecision", "strategy.Plan"},
        promise=promise,
    )


# --- Priority areas and goals -----------------------------------------------------------------


@examples(30)
@given(data=st.data(), title=filled_texts(), description=texts(), position=ints())
def test_priority_area_save__any_input__refused_unchanged_or_saved_as_given(
    world, data, title, description, position
):
    target = data.draw(st.sampled_from([world["plan"], world["approved"]]))
    area = PriorityArea(plan=target, title_fi=title, description_fi=description, position=position)

    def promise(saved, before, after):
        row = PriorityArea.objects.get(pk=saved.pk)
        assert (row.title_fi, row.description_fi) == (title, description)
        assert row.position == (position or row.position)

    refused, _ = refused_or_kept(
        lambda: priority_area_save(area=area),
        TABLES,
        may_change={"strategy.PriorityArea"},
        promise=promise,
    )
    if target.is_frozen:
        assert refused


@examples(10)
@given(data=st.data())
def test_priority_area_delete__an_area_with_goals_or_of_a_frozen_plan_is_kept(world, data):
    area = data.draw(
        st.sampled_from(
            [world["area"], world["approved_goal"].priority_area, PriorityAreaFactory.build()]
        )
    )
    if area.pk is None:
        area = PriorityArea.objects.create(plan=world["plan"], title_fi="Tyhjä", position=9)

    def promise(_result, before, after):
        assert not PriorityArea.objects.filter(pk=area.pk).exists()

    refused, _ = refused_or_kept(
        lambda: priority_area_delete(area=area),
        TABLES,
        may_change={"strategy.PriorityArea"},
        promise=promise,
    )
    assert refused is (area.pk in (world["area"].pk, world["approved_goal"].priority_area_id))


GOAL_TABLES = {
    "strategy.Goal",
    "strategy.Goal_owner_users",
    "strategy.Goal_owner_organisations",
    "strategy.Goal_target_groups",
    "strategy.Goal_indicator_sets",
    "strategy.GoalIndicator",
}


@examples(40)
@given(
    data=st.data(),
    title=filled_texts(),
    owner_names=texts(),
    position=ints(),
    new=st.booleans(),
    baseline_year=maybe(years()),
    target_year=maybe(years()),
    target_value=maybe(st.floats(allow_nan=True, allow_infinity=True)),
)
def test_goal_save__any_input_any_user__refused_unchanged_or_saved_as_given(
    world, data, title, owner_names, position, new, baseline_year, target_year, target_value
):
    user = _user(data, world)
    plan = data.draw(st.sampled_from([world["plan"], world["approved"], world["hidden"]]))
    if new:
        area = data.draw(st.sampled_from([world["area"], world["approved_goal"].priority_area]))
        goal = Goal(plan=plan, priority_area=area)
    else:
        goal = _fresh(data.draw(st.sampled_from([world["goal"], world["approved_goal"]])))
        plan = goal.plan
    goal.title_fi, goal.owner_names, goal.position = title, owner_names, position
    link = _fresh(world["goal"].goal_indicators.first())
    link.baseline_year, link.target_year, link.target_value = (
        baseline_year,
        target_year,
        target_value,
    )
    indicators = [link] if goal.pk == world["goal"].pk else []

    def promise(saved, before, after):
        row = Goal.objects.get(pk=saved.pk)
        assert (row.title_fi, row.owner_names) == (title, owner_names)
        assert row.plan_id == plan.pk and row.priority_area.plan_id == plan.pk
        for link in indicators:
            stored = type(link).objects.get(pk=link.pk)
            assert (stored.baseline_year, stored.target_year) == (baseline_year, target_year)

    refused, _ = refused_or_kept(
        lambda: goal_save(goal=goal, user=user, indicators=indicators),
        TABLES,
        may_change=GOAL_TABLES,
        promise=promise,
    )
    if not _may(user, "strategy.change_plan", plan) or plan.is_frozen:
        assert refused


@examples(20)
@given(data=st.data(), delete_measures=st.booleans())
def test_goal_delete__any_user__refused_unchanged_or_goal_and_confirmed_measures_gone(
    world, data, delete_measures
):
    user = _user(data, world)
    goal = data.draw(st.sampled_from([world["goal"], world["approved_goal"]]))

    def promise(count, before, after):
        assert not Goal.objects.filter(pk=goal.pk).exists()
        assert delete_measures and count == 1

    refused, _ = refused_or_kept(
        lambda: goal_delete(goal=_fresh(goal), user=user, delete_measures=delete_measures),
        TABLES,
        may_change=set(_strategy_labels()) - {"strategy.Plan", "strategy.PlanDecision"},
        promise=promise,
    )
    if not _may(user, "strategy.change_plan", goal.plan) or goal.plan.is_frozen:
        assert refused


# --- Measures ---------------------------------------------------------------------------------

MEASURE_TABLES = {"strategy.Measure", "strategy.Measure_implementers"}


def _measure_fields(data):
    return data.draw(
        st.fixed_dictionaries(
            {"title_fi": filled_texts()},
            optional={
                "title_sv": texts(),
                "description_fi": texts(),
                "responsible_names": texts(),
                "resources": texts(),
                "budget": maybe(
                    st.decimals(allow_nan=False, allow_infinity=False)
                    | st.sampled_from([Decimal("0"), Decimal("-1"), Decimal("1e20")])
                ),
                "starts_on": maybe(DATES),
                "ends_on": maybe(DATES),
                "expected_output": texts(),
                "status": st.one_of(st.sampled_from(MeasureStatus.values), texts(20)),
                "position": ints(),
            },
        )
    )


def _assert_measure_saved(measure, fields):
    row = Measure.objects.get(pk=measure.pk)
    for name, value in fields.items():
        stored = getattr(row, name)
        if name == "budget" and value is not None:
            assert Decimal(stored) == Decimal(value), name
        else:
            assert stored == value, name


@examples(40)
@given(data=st.data())
def test_measure_create__any_input_any_user__refused_unchanged_or_created_as_given(world, data):
    user = _user(data, world)
    goal = data.draw(st.sampled_from([world["goal"], world["approved_goal"]]))
    fields = _measure_fields(data)

    def promise(created, before, after):
        assert after["strategy.Measure"][0] == before["strategy.Measure"][0] + 1
        _assert_measure_saved(created, fields)

    refused, _ = refused_or_kept(
        lambda: measure_create(goal=goal, user=user, implementers=[world["implementer"]], **fields),
        TABLES,
        may_change=MEASURE_TABLES,
        promise=promise,
    )
    if not _may(user, "strategy.change_plan", goal.plan) or goal.plan.is_frozen:
        assert refused


@examples(40)
@given(data=st.data())
def test_measure_update__any_input_any_user__refused_unchanged_or_saved_as_given(world, data):
    user = _user(data, world)
    measure = _fresh(data.draw(st.sampled_from([world["measure"], world["approved_measure"]])))
    fields = _measure_fields(data)
    loaded = data.draw(st.sampled_from([version_of(measure), None, ANY, "stale"]))

    def promise(saved, before, after):
        assert after["strategy.Measure"][0] == before["strategy.Measure"][0]
        _assert_measure_saved(saved, fields)

    refused, _ = refused_or_kept(
        lambda: measure_update(measure=measure, user=user, loaded_version=loaded, **fields),
        TABLES,
        may_change=MEASURE_TABLES,
        promise=promise,
    )
    if not _may(user, "strategy.change_plan", measure.plan) or measure.plan.is_frozen:
        assert refused


@examples(15)
@given(data=st.data())
def test_measure_delete__any_user__refused_unchanged_or_only_that_measure_gone(world, data):
    user = _user(data, world)
    measure = data.draw(st.sampled_from([world["measure"], world["approved_measure"]]))

    def promise(_count, before, after):
        assert not Measure.objects.filter(pk=measure.pk).exists()

    refused, _ = refused_or_kept(
        lambda: measure_delete(measure=measure, user=user),
        TABLES,
        may_change=MEASURE_TABLES | {"strategy.MeasureReport"},
        promise=promise,
    )
    if not _may(user, "strategy.change_plan", measure.plan) or measure.plan.is_frozen:
        assert refused


@examples(40)
@given(
    data=st.data(),
    year=years(),
    tertial=ints(),
    status=st.one_of(st.sampled_from(MeasureStatus.values), texts(20)),
    realisation=filled_texts(),
    notes=texts(),
)
def test_measure_report_save__any_input_any_user__refused_unchanged_or_reported_as_given(
    world, data, year, tertial, status, realisation, notes
):
    user = _user(data, world)
    measure = data.draw(st.sampled_from([world["measure"], world["approved_measure"]]))
    organisation = data.draw(st.sampled_from([world["implementer"], world["bystander"]]))
    loaded = data.draw(st.sampled_from(["", None, ANY, "stale"]))

    def promise(report, before, after):
        row = MeasureReport.objects.get(pk=report.pk)
        assert (row.year, row.tertial, row.status, row.realisation, row.notes) == (
            year,
            tertial,
            status,
            realisation,
            notes,
        )
        assert (year, tertial) <= period_current()

    refused, _ = refused_or_kept(
        lambda: measure_report_save(
            measure=measure,
            user=user,
            organisation=organisation,
            year=year,
            tertial=tertial,
            status=status,
            realisation=realisation,
            notes=notes,
            loaded_version=loaded,
        ),
        TABLES,
        may_change={"strategy.MeasureReport", "strategy.Measure"},
        promise=promise,
    )
    if not _may(user, "strategy.report_measure", measure):
        assert refused


# --- Goal cards -------------------------------------------------------------------------------

TASKS = st.lists(st.builds(GoalCardTaskData, text=filled_texts(), schedule=texts()), max_size=3)


@examples(40)
@given(
    data=st.data(),
    data_content=texts(),
    intermediate_year=maybe(years()),
    intermediate_value=maybe(st.floats()),
    partners=texts(),
    tasks=st.one_of(st.none(), TASKS),
)
def test_goal_card_save__any_input_any_user__refused_unchanged_or_saved_as_given(
    world, data, data_content, intermediate_year, intermediate_value, partners, tasks
):
    user = _user(data, world)
    goal = data.draw(st.sampled_from([world["goal"], world["approved_goal"]]))
    card = GoalCard.objects.filter(goal=goal).first()
    loaded = data.draw(st.sampled_from([goal_card_version(card), None, ANY, "stale"]))

    def promise(saved, before, after):
        row = GoalCard.objects.get(pk=saved.pk)
        assert (row.data_content, row.intermediate_year, row.partners) == (
            data_content,
            intermediate_year,
            partners,
        )
        if tasks is not None:
            assert [t.text for t in row.tasks.order_by("position")] == [
                t.text for t in tasks if t.text.strip()
            ]

    refused, _ = refused_or_kept(
        lambda: goal_card_save(
            goal=goal,
            user=user,
            loaded_version=loaded,
            data_content=data_content,
            intermediate_year=intermediate_year,
            intermediate_value=intermediate_value,
            partners=partners,
            tasks=tasks,
        ),
        TABLES,
        may_change={
            "strategy.GoalCard",
            "strategy.GoalCardTask",
            "strategy.GoalCard_dependent_plans",
        },
        promise=promise,
    )
    if not _may(user, "strategy.update_goal_card", goal) or goal.plan.is_frozen:
        assert refused


@examples(40)
@given(
    data=st.data(),
    year=years(),
    tertial=ints(),
    status=ints(),
    status_reasons=filled_texts(),
    achieved=texts(),
    risks=texts(),
)
def test_goal_card_update_save__any_input_any_user__refused_unchanged_or_saved_as_given(
    world, data, year, tertial, status, status_reasons, achieved, risks
):
    user = _user(data, world)
    card = world["card"]
    loaded = data.draw(st.sampled_from(["", None, ANY, "stale"]))

    def promise(update, before, after):
        row = GoalCardUpdate.objects.get(pk=update.pk)
        assert (row.year, row.tertial, row.status) == (year, tertial, status)
        assert (row.status_reasons, row.achieved, row.risks) == (status_reasons, achieved, risks)
        assert tertial in Tertial.values and status in StatusLevel.values
        assert (year, tertial) <= period_current()

    refused, _ = refused_or_kept(
        lambda: goal_card_update_save(
            card=card,
            user=user,
            year=year,
            tertial=tertial,
            status=status,
            status_reasons=status_reasons,
            achieved=achieved,
            risks=risks,
            loaded_version=loaded,
        ),
        TABLES,
        may_change={"strategy.GoalCardUpdate"},
        promise=promise,
    )
    if not _may(user, "strategy.update_goal_card", card.goal):
        assert refused

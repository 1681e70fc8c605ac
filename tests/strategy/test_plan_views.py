# ruff: noqa: F811 (fixtures imported from test_plan_fixtures)
"""The plan pages for each role: the one-page plan, creating and editing a plan, the
approval chain, frozen versions, new versions, priority areas and goals."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elinvoima.strategy.enums import DecisionBody, DecisionOutcome, PlanState
from elinvoima.strategy.models import Goal, GoalIndicator, Measure, Plan, PriorityArea
from elinvoima.strategy.plans.services import plan_decision_record, plan_send_to_decision

from .test_plan_fixtures import fill_plan, make_plan, vaala, vaala_plan  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def approve(plan: Plan) -> Plan:
    import datetime

    plan_send_to_decision(plan=plan)
    for body in plan.approval_chain:
        plan_decision_record(
            plan=plan,
            body=body,
            outcome=DecisionOutcome.APPROVED,
            decided_on=datetime.date(2030, 3, 1),
        )
    return Plan.objects.get(pk=plan.pk)


def detail(plan: Plan) -> str:
    return reverse("strategy:plan-detail", kwargs={"pk": plan.pk})


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 302),
        ("hyte.vaala", 200),
        ("valtuutettu.vaala", 200),
        ("admin", 200),
        # A draft is not even shown to exist to others: 404, as from the API.
        ("yhdistys.mll", 404),
        ("hyte.utajarvi", 404),
        ("hva.paijathame", 404),
    ],
)
def test_plan_detail__draft__readable_by_those_who_work_on_it(
    client_for, vaala_plan, role, expected
):
    assert client_for(role).get(detail(vaala_plan)).status_code == expected


@pytest.mark.parametrize("role", [None, "yhdistys.mll", "hyte.utajarvi", "hyte.vaala"])
def test_plan_detail__approved__public(client_for, vaala_plan, role):
    plan = approve(vaala_plan)
    response = client_for(role).get(detail(plan))
    assert response.status_code == 200
    html = response.content.decode()
    # then the one page shows goals, indicators, measures with status text and implementers
    assert "Tavoite 1.1" in html and "Alatavoite 1.1" in html
    assert "Toimenpide 1.1.1" in html
    assert 'class="plan-status plan-status--done"' in html
    assert "24,8 (2021)" in html and "(2025)" in html
    assert 'id="who-does-what"' in html


def test_plan_detail__coordinator_of_draft__sees_edit_controls(client_for, vaala_plan):
    html = client_for("hyte.vaala").get(detail(vaala_plan)).content.decode()
    goal = Goal.objects.filter(plan=vaala_plan, parent=None).first()
    assert reverse("strategy:goal-edit", kwargs={"pk": goal.pk}) in html
    assert reverse("strategy:plan-send-to-decision", kwargs={"pk": vaala_plan.pk}) in html
    # a councillor reads the same page without them
    html = client_for("valtuutettu.vaala").get(detail(vaala_plan)).content.decode()
    assert reverse("strategy:goal-edit", kwargs={"pk": goal.pk}) not in html


def test_plan_detail__frozen__edit_controls_disabled_with_the_reason(client_for, vaala_plan):
    plan = approve(vaala_plan)
    html = client_for("hyte.vaala").get(detail(plan)).content.decode()
    assert 'id="frozen-reason"' in html
    assert "disabled" in html
    assert reverse("strategy:plan-new-version", kwargs={"pk": plan.pk}) in html
    goal = Goal.objects.filter(plan=plan, parent=None).first()
    assert reverse("strategy:goal-edit", kwargs={"pk": goal.pk}) not in html


def test_plan_edit__frozen__post_refused_with_the_reason(client_for, vaala_plan):
    plan = approve(vaala_plan)
    client = client_for("hyte.vaala")
    url = reverse("strategy:plan-edit", kwargs={"pk": plan.pk})
    # the form opens with its fields disabled and the reason
    page = client.get(url).content.decode()
    assert 'id="frozen-reason"' in page and "disabled" in page
    # a POST is refused with the reason, not a 500
    goal = Goal.objects.filter(plan=plan, parent=None).first()
    for target, data in [
        (url, {"title_fi": "Muutettu"}),
        (reverse("strategy:goal-edit", kwargs={"pk": goal.pk}), {"title_fi": "x"}),
        (reverse("strategy:goal-delete", kwargs={"pk": goal.pk}), {"delete_measures": "on"}),
        (reverse("strategy:priority-area-create", kwargs={"pk": plan.pk}), {"title_fi": "x"}),
        (reverse("strategy:plan-send-to-decision", kwargs={"pk": plan.pk}), {}),
        (reverse("strategy:plan-decision", kwargs={"pk": plan.pk}), {}),
    ]:
        response = client.post(target, data)
        assert response.status_code == 409, target
        assert "new version" in response.content.decode() or "uusi versio" in (
            response.content.decode()
        )
    assert Plan.objects.get(pk=plan.pk).title == vaala_plan.title
    assert Goal.objects.filter(pk=goal.pk).exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 302),
        # sees the draft but may not change it: 403
        ("valtuutettu.vaala", 403),
        # may not even see the draft: 404, as the API answers
        ("yhdistys.mll", 404),
        ("hyte.utajarvi", 404),
    ],
)
def test_plan_edit_pages__others__refused(client_for, vaala_plan, role, expected):
    goal = Goal.objects.filter(plan=vaala_plan, parent=None).first()
    client = client_for(role)
    for url in [
        reverse("strategy:plan-edit", kwargs={"pk": vaala_plan.pk}),
        reverse("strategy:goal-edit", kwargs={"pk": goal.pk}),
        reverse("strategy:goal-delete", kwargs={"pk": goal.pk}),
        reverse("strategy:plan-decision", kwargs={"pk": vaala_plan.pk}),
    ]:
        assert client.get(url).status_code == expected, url
        assert client.post(url, {}).status_code == expected, url
    # The municipality itself is public: adding a plan to it is refused with 403.
    create = reverse("strategy:plan-create-municipality", kwargs={"code": "785"})
    forbidden = 302 if role is None else 403
    assert client.get(create).status_code == forbidden
    assert client.post(create, {}).status_code == forbidden


def test_plan_create__coordinator__creates_and_overlap_refused(client_for, vaala):
    client = client_for("hyte.vaala")
    url = reverse("strategy:plan-create-municipality", kwargs={"code": "785"})
    data = {
        "kind": "welfare_plan",
        "title_fi": "Hyvinvointisuunnitelma 2031",
        "start_year": "2031",
        "end_year": "2031",
    }
    response = client.post(url, data)
    plan = Plan.objects.get(title_fi="Hyvinvointisuunnitelma 2031")
    assert response.status_code == 302 and response["Location"] == detail(plan)
    assert (plan.municipality, plan.state, plan.version) == (vaala, PlanState.PLANNING, 1)
    # the same years again: refused, naming the other plan
    response = client.post(url, {**data, "title_fi": "Toinen"})
    assert response.status_code == 200
    assert "Hyvinvointisuunnitelma 2031" in response.content.decode()
    assert not Plan.objects.filter(title_fi="Toinen").exists()


def test_plan_create__county_official__county_plan(client_for, demo):
    client = client_for("hva.paijathame")
    response = client.post(
        reverse("strategy:plan-create-county", kwargs={"code": "9"}),
        {
            "kind": "nutrition",
            "title_fi": "Ravitsemussuunnitelma",
            "start_year": "2031",
            "end_year": "2034",
        },
    )
    assert response.status_code == 302
    assert Plan.objects.get(title_fi="Ravitsemussuunnitelma").wellbeing_county.code == "9"


def goal_data(area: PriorityArea, **indicator) -> dict:
    data = {
        "priority_area": area.pk,
        "title_fi": "Lasten liikunta lisääntyy",
        "owner_names": "Johanna Huttunen",
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "20",
    }
    data.update({f"indicators-0-{key}": value for key, value in indicator.items()})
    return data


def test_goal_create__target_without_year__refused_on_the_field(client_for, vaala_plan):
    area = PriorityArea.objects.filter(plan=vaala_plan).first()
    indicator = GoalIndicator.objects.filter(goal__plan=vaala_plan).first().indicator
    client = client_for("hyte.vaala")
    url = reverse("strategy:goal-create", kwargs={"pk": area.pk})
    response = client.post(
        url,
        goal_data(
            area,
            indicator=indicator.pk,
            direction="increase",
            target_comparison="ge",
            target_value="50",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_indicators-0-target_year_error"' in html
    assert not Goal.objects.filter(title_fi="Lasten liikunta lisääntyy").exists()
    # with the year it is saved, with its indicator
    response = client.post(
        url,
        goal_data(
            area,
            indicator=indicator.pk,
            direction="increase",
            target_comparison="ge",
            target_value="50",
            target_year="2030",
        ),
    )
    assert response.status_code == 302
    goal = Goal.objects.get(title_fi="Lasten liikunta lisääntyy")
    link = goal.goal_indicators.get()
    assert (link.target_year, link.target_value, link.direction) == (2030, 50, "increase")


def test_goal_edit__someone_saved_meanwhile__told_not_overwritten(client_for, vaala_plan):
    goal = Goal.objects.filter(plan=vaala_plan, parent=None).first()
    client = client_for("hyte.vaala")
    url = reverse("strategy:goal-edit", kwargs={"pk": goal.pk})
    page = client.get(url).content.decode()
    loaded_at = re.search(r'name="loaded_at" value="([^"]+)"', page)[1]
    Goal.objects.filter(pk=goal.pk).update(title_fi="Toisen muutos")
    Goal.objects.get(pk=goal.pk).save()  # bumps updated_at
    data = goal_data(goal.priority_area)
    data.update(
        {"loaded_at": loaded_at, "title_fi": "Minun muutokseni", "indicators-TOTAL_FORMS": "0"}
    )
    response = client.post(url, data)
    assert response.status_code == 409
    assert Goal.objects.get(pk=goal.pk).title_fi == "Toisen muutos"


def test_goal_delete__with_measures__lists_them_and_needs_confirmation(client_for, vaala_plan):
    goal = Goal.objects.filter(plan=vaala_plan, parent=None).first()
    titles = list(Measure.objects.filter(goal=goal).values_list("title_fi", flat=True))
    client = client_for("hyte.vaala")
    url = reverse("strategy:goal-delete", kwargs={"pk": goal.pk})
    page = client.get(url).content.decode()
    assert all(title in page for title in titles)
    assert 'name="delete_measures"' in page
    # without the confirmation nothing is deleted
    response = client.post(url, {})
    assert response.status_code == 409
    assert Goal.objects.filter(pk=goal.pk).exists()
    assert Measure.objects.filter(goal=goal).count() == len(titles)
    # with it, the goal and its measures go
    response = client.post(url, {"delete_measures": "on"})
    assert response.status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()


def test_plan_decision__coordinator__records_the_chain_to_approval(client_for, vaala_plan):
    client = client_for("hyte.vaala")
    client.post(reverse("strategy:plan-send-to-decision", kwargs={"pk": vaala_plan.pk}))
    assert Plan.objects.get(pk=vaala_plan.pk).state == PlanState.PROCESSING
    url = reverse("strategy:plan-decision", kwargs={"pk": vaala_plan.pk})
    assert "Hyvinvointiryhmä" in client.get(url).content.decode() or True
    for _body in (
        DecisionBody.WELFARE_GROUP,
        DecisionBody.MUNICIPAL_BOARD,
        DecisionBody.MUNICIPAL_COUNCIL,
    ):
        response = client.post(
            url, {"outcome": "approved", "decided_on": "2030-03-01", "reference": "§ 1"}
        )
        assert response.status_code == 302
    plan = Plan.objects.get(pk=vaala_plan.pk)
    assert plan.state == PlanState.APPROVED
    assert [d.body for d in plan.decisions.all()] == [
        DecisionBody.WELFARE_GROUP,
        DecisionBody.MUNICIPAL_BOARD,
        DecisionBody.MUNICIPAL_COUNCIL,
    ]
    # then a new version is started as a copy
    response = client.post(reverse("strategy:plan-new-version", kwargs={"pk": plan.pk}))
    copy = Plan.objects.get(lineage=plan.lineage, version=2)
    assert response.status_code == 302 and response["Location"] == detail(copy)
    assert Measure.objects.filter(plan=copy).count() == Measure.objects.filter(plan=plan).count()


def test_plan_lists__municipality_county_network__drafts_only_for_those_who_may(
    client_for, vaala_plan
):
    url = reverse("strategy:municipality-plans", kwargs={"code": "785"})
    assert vaala_plan.title in client_for("hyte.vaala").get(url).content.decode()
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 200
    assert f'href="{detail(vaala_plan)}"' not in anonymous.content.decode()
    assert (
        client_for(None).get(reverse("strategy:county-plans", kwargs={"code": "9"})).status_code
        == 200
    )


def test_plan_detail__queries__same_for_small_and_large_plan(client, vaala):
    small = make_plan(municipality=vaala, start_year=2040, end_year=2040, title="Pieni")
    fill_plan(small, areas=1, goals=1, measures=1)
    large = make_plan(municipality=vaala, start_year=2041, end_year=2041, title="Suuri")
    fill_plan(large, areas=4, goals=5, measures=6)
    small, large = approve(small), approve(large)
    counts = []
    for plan in (small, large):
        client.get(detail(plan))  # warm
        with CaptureQueriesContext(connection) as queries:
            assert client.get(detail(plan)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_plan_stage__coordinator_posts_evaluation__plan_shows_the_stage(client_for):
    plan = Plan.objects.get(title_fi="Vaalan hyvinvointisuunnitelma")

    response = client_for("hyte.vaala").post(
        reverse("strategy:plan-stage", kwargs={"pk": plan.pk}), {"state": "evaluation"}
    )
    other = client_for("hyte.utajarvi").post(
        reverse("strategy:plan-stage", kwargs={"pk": plan.pk}), {"state": "planning"}
    )

    assert response.status_code == 302
    assert other.status_code == 404  # Vaala's draft is not Utajärvi's to see
    plan.refresh_from_db()
    assert plan.state == PlanState.EVALUATION


def test_plan_edit__coordinator_attaches_an_indicator_set__shown_on_the_plan(client_for):
    from elinvoima.indicators.models import IndicatorSet

    plan = Plan.objects.get(title_fi="Vaalan hyvinvointisuunnitelma")
    indicator_set = IndicatorSet.objects.filter(is_preset=True).first()
    client = client_for("hyte.vaala")
    page = client.get(reverse("strategy:plan-edit", kwargs={"pk": plan.pk})).content.decode()
    loaded_at = re.search(r'name="loaded_at" value="([^"]*)"', page).group(1)

    response = client.post(
        reverse("strategy:plan-edit", kwargs={"pk": plan.pk}),
        {
            "kind": plan.kind,
            "title_fi": plan.title_fi,
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "indicator_sets": [indicator_set.pk],
            "loaded_at": loaded_at,
        },
    )

    assert response.status_code == 302
    assert list(plan.indicator_sets.all()) == [indicator_set]
    detail = client.get(plan.get_absolute_url()).content.decode()
    assert reverse("indicators:indicator-set-detail", kwargs={"pk": indicator_set.pk}) in detail

"""The API of plans, goals, measures and goal cards: reads by visibility, writes by the named
predicates, frozen plans refused with a JSON error, ETag / If-Match on goal cards."""

import html
import json

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from elinvoima.actors.models import Municipality, Organisation, User
from elinvoima.indicators.models import Indicator
from elinvoima.strategy.api import PlanSerializer
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.goal_cards.models import GoalCardUpdate
from elinvoima.strategy.goal_cards.services import period_current
from elinvoima.strategy.models import Goal, Measure, MeasureReport, Plan, PriorityArea
from elinvoima.strategy.plans.services import (
    goal_save,
    plan_create,
    plan_validate_period,
    priority_area_save,
)

CARD_GOAL = "Nuorten kokema terveydentila kohenee."


@pytest.fixture
def api(demo):
    return APIClient()


def _client(username: str) -> APIClient:
    client = APIClient()
    token = client.post(
        "/api/v1/auth/token/", {"username": username, "password": "elinvoima-demo"}, format="json"
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def _card_goal() -> Goal:
    return Goal.objects.get(title_fi=CARD_GOAL)


def _vaala_plan() -> Plan:
    return Plan.objects.get(municipality__code="785", state=PlanState.PLANNING)


def _mll() -> Organisation:
    return Organisation.objects.get(name_fi="MLL Vaalan yhdistys ry")


def _mll_measure() -> Measure:
    return Measure.objects.filter(plan=_vaala_plan(), implementers=_mll()).order_by("pk").first()


# --- Plans ----------------------------------------------------------------------------------


def test_plans__anonymous__approved_only_paginated(api):
    body = api.get("/api/v1/plans/?page_size=100").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["results"]
    assert {plan["state"] for plan in body["results"]} == {"approved"}
    assert _vaala_plan().pk not in {plan["id"] for plan in body["results"]}


def test_plans__filters__municipality_county_kind_state_year(api):
    def ids(query, client=api):
        return {p["id"] for p in client.get(f"/api/v1/plans/?{query}").json()["results"]}

    regional = Plan.objects.get(pk=_card_goal().plan_id)
    assert regional.pk in ids("county=9&kind=regional_welfare_plan&year=2023")
    assert regional.pk not in ids("county=9&year=2019")
    assert ids("municipality=785&state=approved")
    coordinator = _client("hyte.vaala")
    assert _vaala_plan().pk in ids("municipality=785&state=planning", coordinator)


def test_plans__draft__visible_to_coordinator_not_to_association(api):
    url = f"/api/v1/plans/{_vaala_plan().pk}/"
    assert api.get(url).status_code == 404
    assert _client("yhdistys.reuma").get(url).status_code == 404
    assert _client("hyte.vaala").get(url).status_code == 200


def test_plans__update_draft__coordinator_saves(api):
    plan = _vaala_plan()
    response = _client("hyte.vaala").patch(
        f"/api/v1/plans/{plan.pk}/", {"description_fi": "Päivitetty"}, format="json"
    )
    assert response.status_code == 200, response.json()
    plan.refresh_from_db()
    assert plan.description_fi == "Päivitetty"


def test_plans__update_frozen__409_json_with_reason(api):
    plan = Plan.objects.get(pk=_card_goal().plan_id)
    response = _client("hva.paijathame").patch(
        f"/api/v1/plans/{plan.pk}/", {"description_fi": "x"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "frozen"
    assert "13.06.2022" in response.json()["detail"]  # when it was approved


def test_plans__update__other_municipality_coordinator_403(api):
    plan = Plan.objects.filter(state="approved", municipality__code="785").first()
    response = _client("hyte.utajarvi").patch(
        f"/api/v1/plans/{plan.pk}/",
        {"description_fi": "x"},
        format="json",
    )
    assert response.status_code == 403


def test_plans__create__coordinator_own_municipality_only(api):
    payload = {
        "kind": "welfare_plan",
        "title_fi": "Utajärven hyvinvointisuunnitelma 2031",
        "municipality": "889",
        "start_year": 2031,
        "end_year": 2031,
    }
    created = _client("hyte.utajarvi").post("/api/v1/plans/", payload, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["state"] == "planning"
    refused = _client("hyte.vaala").post(
        "/api/v1/plans/", {**payload, "start_year": 2032, "end_year": 2032}, format="json"
    )
    assert refused.status_code == 403


def test_plans__create__overlapping_years_and_two_owners__field_errors(api):
    client = _client("hyte.utajarvi")
    payload = {
        "kind": "welfare_plan",
        "title_fi": "A",
        "municipality": "889",
        "start_year": 2031,
        "end_year": 2031,
    }
    assert client.post("/api/v1/plans/", payload, format="json").status_code == 201
    overlap = client.post("/api/v1/plans/", payload, format="json")
    assert overlap.status_code == 400
    assert "start_year" in overlap.json()
    two_owners = client.post(
        "/api/v1/plans/", {**payload, "wellbeing_county": "19", "start_year": 2040}, format="json"
    )
    assert two_owners.status_code == 400
    assert "municipality" in two_owners.json()


# --- Goals ----------------------------------------------------------------------------------


def test_goals__approved_goal__public_with_indicator_and_change_target(api):
    body = api.get(f"/api/v1/goals/{_card_goal().pk}/").json()
    assert body["owner_names"] == "Johanna Huttunen ja Marja Koivisto"
    [link] = body["goal_indicators"]
    assert link["baseline_value"] == 24.8 and link["target_comparison"] == "lt"
    assert "24" in link["change_target"]
    assert body["card"] == _card_goal().card.pk


def test_goals__create_on_frozen_plan__409(api):
    goal = _card_goal()
    response = _client("hva.paijathame").post(
        "/api/v1/goals/",
        {"plan": goal.plan_id, "priority_area": goal.priority_area_id, "title_fi": "Uusi"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "frozen"


def test_goals__delete_with_measures__refused_until_confirmed(api):
    goal = _mll_measure().goal
    client = _client("hyte.vaala")
    refused = client.delete(f"/api/v1/goals/{goal.pk}/")
    assert refused.status_code == 409
    assert refused.json()["code"] == "has_measures"
    assert Goal.objects.filter(pk=goal.pk).exists()
    assert client.delete(f"/api/v1/goals/{goal.pk}/?delete_measures=true").status_code == 204
    assert not Goal.objects.filter(pk=goal.pk).exists()


# --- Measures -------------------------------------------------------------------------------


def test_measures__filters__implementer_and_status(api):
    client = _client("hyte.vaala")
    body = client.get(f"/api/v1/measures/?implementer={_mll().pk}&plan={_vaala_plan().pk}").json()
    assert body["count"] >= 1
    assert all(_mll().pk in measure["implementers"] for measure in body["results"])
    first = body["results"][0]
    assert {"title", "implementers", "resources", "starts_on", "ends_on", "reports"} <= set(first)
    done = client.get(f"/api/v1/measures/?plan={_vaala_plan().pk}&status=done").json()
    assert done["count"] == 0


def test_measures__draft__association_sees_only_what_it_implements(api):
    client = _client("yhdistys.mll")
    ids = {m["id"] for m in client.get("/api/v1/measures/?page_size=500").json()["results"]}
    assert _mll_measure().pk in ids
    others = Measure.objects.filter(plan=_vaala_plan()).exclude(implementers=_mll())
    assert not ids & set(others.values_list("pk", flat=True))


def test_measures__create_and_update__coordinator(api):
    goal = _mll_measure().goal
    client = _client("hyte.vaala")
    created = client.post(
        "/api/v1/measures/",
        {
            "goal": goal.pk,
            "title_fi": "Vauvaperhekahvila",
            "implementers": [_mll().pk],
            "starts_on": "2025-02-01",
            "ends_on": "2025-11-30",
            "resources": "Seurakuntatalon tilat",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["plan"] == goal.plan_id
    bad = client.patch(
        f"/api/v1/measures/{created.json()['id']}/",
        {"starts_on": "2025-12-01", "ends_on": "2025-01-01"},
        format="json",
    )
    assert bad.status_code == 400
    assert "ends_on" in bad.json()


def test_measures__write__association_403(api):
    response = _client("yhdistys.mll").patch(
        f"/api/v1/measures/{_mll_measure().pk}/", {"resources": "x"}, format="json"
    )
    assert response.status_code == 403


def test_measures__frozen_plan__update_409_but_reports_go_on(api):
    measure = Measure.objects.filter(goal=_card_goal()).first()
    client = _client("hva.paijathame")
    refused = client.patch(f"/api/v1/measures/{measure.pk}/", {"resources": "x"}, format="json")
    assert refused.status_code == 409
    year, tertial = period_current()
    county_unit = Organisation.objects.get(name_fi__startswith="Päijät-Hämeen hyvinvointialue,")
    report = client.post(
        f"/api/v1/measures/{measure.pk}/reports/",
        {
            "year": year,
            "tertial": tertial,
            "organisation": county_unit.pk,
            "status": "in_progress",
            "realisation": "Vertaisryhmät käynnissä kolmessa koulussa.",
        },
        format="json",
    )
    assert report.status_code == 201, report.json()


def test_measure_reports__association_own_part_ok_other_implementer_403(api):
    measure = _mll_measure()
    client = _client("yhdistys.mll")
    year, tertial = period_current()
    payload = {
        "year": year,
        "tertial": tertial,
        "organisation": _mll().pk,
        "status": "in_progress",
        "realisation": "Kerho kokoontui 8 kertaa.",
    }
    own = client.post(f"/api/v1/measures/{measure.pk}/reports/", payload, format="json")
    assert own.status_code == 201, own.json()
    assert MeasureReport.objects.get(pk=own.json()["id"]).reported_by.username == "yhdistys.mll"
    other = measure.implementers.exclude(pk=_mll().pk).first()
    if other is not None:
        refused = client.post(
            f"/api/v1/measures/{measure.pk}/reports/",
            {**payload, "organisation": other.pk},
            format="json",
        )
        assert refused.status_code == 403
    not_mine = Measure.objects.filter(plan=_vaala_plan()).exclude(implementers=_mll()).first()
    response = client.post(f"/api/v1/measures/{not_mine.pk}/reports/", payload, format="json")
    assert response.status_code == 404  # not even visible to the association


def test_measure_reports__future_period__400_field_error(api):
    client = _client("yhdistys.mll")
    year, _tertial = period_current()
    response = client.post(
        f"/api/v1/measures/{_mll_measure().pk}/reports/",
        {
            "year": year + 1,
            "tertial": 1,
            "organisation": _mll().pk,
            "status": "in_progress",
            "realisation": "x",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["year"][0]


# --- Goal cards -----------------------------------------------------------------------------


def test_goal_cards__public_card_with_updates_and_etag(api):
    card = _card_goal().card
    response = api.get(f"/api/v1/goal-cards/{card.pk}/")
    assert response.status_code == 200
    assert response["ETag"].startswith('"card-')
    body = response.json()
    assert body["owner_names"] == "Johanna Huttunen ja Marja Koivisto"
    assert body["change_target"].startswith("24,8 % (2021) → 25,7 % (2023)")
    assert [(u["year"], u["tertial"]) for u in body["updates"]] == [(2024, 1)]
    assert body["updates"][0]["status"] == 2
    assert len(body["tasks"]) == 3


def test_goal_cards__static_change_on_frozen_plan__409(api):
    card = _card_goal().card
    response = _client("hyte.asikkala").patch(
        f"/api/v1/goal-cards/{card.pk}/", {"partners": "x"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "frozen"


def _update_payload(**changes) -> dict:
    year, tertial = period_current()
    return {
        "year": year,
        "tertial": tertial,
        "status": 2,
        "status_reasons": "Tuki ei vielä tavoita.",
        "achieved": "Puheeksiotto kouluissa aloitettu.",
        "planned": "Vertaisryhmät.",
        "risks": "",
        **changes,
    }


def test_goal_card_updates__owner_adds_new_period__201_and_history(api):
    card = _card_goal().card
    client = _client("hyte.asikkala")
    response = client.post(
        f"/api/v1/goal-cards/{card.pk}/updates/", _update_payload(), format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["author"] == "Minna Salonen"
    history = client.get(f"/api/v1/goal-cards/{card.pk}/updates/").json()
    assert [(u["year"], u["tertial"]) for u in history] == [period_current(), (2024, 1)]


def test_goal_card_updates__same_period_twice__409_then_if_match_412_and_ok(api):
    card = _card_goal().card
    owner, planner = _client("hyte.asikkala"), _client("hva.paijathame")
    url = f"/api/v1/goal-cards/{card.pk}/updates/"
    first = owner.post(url, _update_payload(), format="json")
    etag = first.json()["etag"]
    # Without If-Match the second poster is told the period has an update and shown it.
    blind = planner.post(url, _update_payload(achieved="Toinen"), format="json")
    assert blind.status_code == 409
    assert blind.json()["current"]["achieved"] == "Puheeksiotto kouluissa aloitettu."
    # The owner changes it again; the planner's ETag is now stale: 412.
    changed = owner.post(
        url, _update_payload(achieved="Omistajan muutos"), HTTP_IF_MATCH=etag, format="json"
    )
    assert changed.status_code == 200
    stale = planner.post(url, _update_payload(achieved="Toinen"), HTTP_IF_MATCH=etag, format="json")
    assert stale.status_code == 412
    assert stale.json()["code"] == "precondition_failed"
    fresh = planner.post(
        url, _update_payload(achieved="Toinen"), HTTP_IF_MATCH=changed["ETag"], format="json"
    )
    assert fresh.status_code == 200
    year, tertial = period_current()
    assert GoalCardUpdate.objects.get(card=card, year=year, tertial=tertial).achieved == "Toinen"


def test_goal_card_updates__roles(api):
    card = _card_goal().card
    url = f"/api/v1/goal-cards/{card.pk}/updates/"
    assert api.post(url, _update_payload(), format="json").status_code == 401
    assert _client("yhdistys.mll").post(url, _update_payload(), format="json").status_code == 403
    assert _client("hyte.vaala").post(url, _update_payload(), format="json").status_code == 403
    assert _client("admin").post(url, _update_payload(), format="json").status_code == 201


def test_goal_card_updates__bad_input__field_errors_not_500(api):
    card = _card_goal().card
    client = _client("hyte.asikkala")
    url = f"/api/v1/goal-cards/{card.pk}/updates/"
    response = client.post(url, {"year": "x", "tertial": 7, "status": 9}, format="json")
    assert response.status_code == 400
    assert {"year", "tertial", "status", "status_reasons"} <= set(response.json())
    future = client.post(url, _update_payload(year=period_current()[0] + 1), format="json")
    assert future.status_code == 400
    assert "year" in future.json()


def test_goal_cards__draft_card_if_match__412_on_stale(api):
    goal = _mll_measure().goal
    client = _client("hyte.vaala")
    created = client.post(
        "/api/v1/goal-cards/",
        {"goal": goal.pk, "partners": "MLL", "tasks": [{"text": "Kahvila", "schedule": "2025"}]},
        format="json",
    )
    assert created.status_code == 201, created.json()
    card_id, etag = created.json()["id"], created["ETag"]
    again = client.post("/api/v1/goal-cards/", {"goal": goal.pk}, format="json")
    assert again.status_code == 409
    ok = client.patch(
        f"/api/v1/goal-cards/{card_id}/",
        {"partners": "MLL, seurakunta"},
        HTTP_IF_MATCH=etag,
        format="json",
    )
    assert ok.status_code == 200, ok.json()
    assert ok.json()["tasks"] == [{"text": "Kahvila", "schedule": "2025"}]
    stale = _client("admin").patch(
        f"/api/v1/goal-cards/{card_id}/", {"partners": "x"}, HTTP_IF_MATCH=etag, format="json"
    )
    assert stale.status_code == 412
    assert stale.json()["code"] == "precondition_failed"


def test_goal_cards__draft__hidden_from_association(api):
    goal = _mll_measure().goal
    _client("hyte.vaala").post("/api/v1/goal-cards/", {"goal": goal.pk}, format="json")
    ids = {c["id"] for c in _client("yhdistys.reuma").get("/api/v1/goal-cards/").json()["results"]}
    assert goal.card.pk not in ids


def test_schema__strategy_collections__generated_without_warnings(db):
    call_command("spectacular", "--fail-on-warn", "--file", "/dev/null")


# --- One write path: the API refuses what the form refuses, with the same message ----------


def _hidden_goal() -> Goal:
    """A goal of a draft plan of Utajärvi: hidden from Vaala's coordinator."""
    plan = plan_create(
        plan=Plan(
            municipality=Municipality.objects.get(code="889"),
            kind="welfare_plan",
            title="Utajärven salainen luonnos",
            title_fi="Utajärven salainen luonnos",
            start_year=2036,
            end_year=2036,
        )
    )
    area = priority_area_save(area=PriorityArea(plan=plan, title="Kärki", title_fi="Kärki"))
    return goal_save(
        goal=Goal(plan=plan, priority_area=area, title="Piilossa", title_fi="Piilossa")
    )


def _goal_form(area: PriorityArea, **indicator) -> dict:
    data = {
        "priority_area": area.pk,
        "title_fi": "Lasten liikunta lisääntyy",
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "20",
    }
    data.update({f"indicators-0-{key}": value for key, value in indicator.items()})
    return data


def test_goals__target_without_year__form_and_api_refuse_with_the_same_message(api, client_for):
    plan = _vaala_plan()
    area = PriorityArea.objects.filter(plan=plan).first()
    indicator = Indicator.objects.order_by("pk").first()
    target = {"direction": "increase", "target_comparison": "ge", "target_value": 50}
    form = client_for("hyte.vaala").post(
        reverse("strategy:goal-create", kwargs={"pk": area.pk}),
        _goal_form(area, indicator=indicator.pk, **target),
    )
    assert form.status_code == 200
    refused = _client("hyte.vaala").post(
        "/api/v1/goals/",
        {
            "plan": plan.pk,
            "priority_area": area.pk,
            "title_fi": "Lasten liikunta lisääntyy",
            "goal_indicators": [{"indicator": indicator.pk, **target}],
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert refused.status_code == 400, refused.json()
    [message] = refused.json()["target_year"]
    assert html.escape(message) in form.content.decode()
    assert not Goal.objects.filter(title_fi="Lasten liikunta lisääntyy").exists()
    # With the year the API saves the goal and its indicator, as the form does.
    saved = _client("hyte.vaala").post(
        "/api/v1/goals/",
        {
            "plan": plan.pk,
            "priority_area": area.pk,
            "title_fi": "Lasten liikunta lisääntyy",
            "goal_indicators": [{"indicator": indicator.pk, "target_year": 2030, **target}],
        },
        format="json",
    )
    assert saved.status_code == 201, saved.json()
    assert [link["target_year"] for link in saved.json()["goal_indicators"]] == [2030]


def test_plans__overlapping_years__form_and_api_refuse_with_the_same_message(api, client_for):
    payload = {"kind": "welfare_plan", "start_year": 2031, "end_year": 2032}
    client = _client("hyte.utajarvi")
    created = client.post(
        "/api/v1/plans/",
        {**payload, "title_fi": "Ensimmäinen 2031", "municipality": "889"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    form = client_for("hyte.utajarvi").post(
        reverse("strategy:plan-create-municipality", kwargs={"code": "889"}),
        {**payload, "title_fi": "Toinen", "start_year": 2032, "end_year": 2033},
    )
    assert form.status_code == 200
    refused = client.post(
        "/api/v1/plans/",
        {**payload, "title_fi": "Toinen", "municipality": "889", "start_year": 2032},
        format="json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert refused.status_code == 400
    [message] = refused.json()["start_year"]
    assert "Ensimmäinen 2031" in message
    assert html.escape(message) in form.content.decode()
    assert not Plan.objects.filter(title_fi="Toinen").exists()


# --- Permission before validation: nothing leaks about rows the user may not see -------------


def test_plans__create_for_another_owner__403_before_the_years_are_checked(api):
    payload = {"kind": "welfare_plan", "municipality": "889", "start_year": 2031, "end_year": 2031}
    mine = _client("hyte.utajarvi").post(
        "/api/v1/plans/", {**payload, "title_fi": "Utajärven luonnos 2031"}, format="json"
    )
    assert mine.status_code == 201
    # Vaala's coordinator may not add Utajärvi's plans: refused before the overlap is seen.
    response = _client("hyte.vaala").post(
        "/api/v1/plans/", {**payload, "title_fi": "Toinen"}, format="json"
    )
    assert response.status_code == 403
    assert "Utajärven luonnos" not in response.content.decode()


def test_plan_validate_period__other_plan_hidden_from_the_user__not_named(api):
    hidden = _hidden_goal().plan
    probe = Plan(
        municipality=hidden.municipality,
        kind=hidden.kind,
        start_year=hidden.start_year,
        end_year=hidden.end_year,
    )
    with pytest.raises(DjangoValidationError) as refused:
        plan_validate_period(plan=probe, user=User.objects.get(username="hyte.vaala"))
    assert hidden.title not in str(refused.value.message_dict)
    with pytest.raises(DjangoValidationError) as named:
        plan_validate_period(plan=probe, user=User.objects.get(username="hyte.utajarvi"))
    assert hidden.title in str(named.value.message_dict)


def test_goals_and_measures__hidden_goal_id__same_error_as_an_id_that_does_not_exist(api):
    hidden = _hidden_goal()
    missing = Goal.objects.order_by("-pk").first().pk + 1000
    goal = Goal.objects.filter(plan=_vaala_plan(), parent=None).first()
    client = _client("hyte.vaala")

    def refusal(url: str, payload: dict, pk: int) -> str:
        response = client.post(url, payload, format="json")
        assert response.status_code == 400, response.json()
        return json.dumps(response.json()).replace(str(pk), "<id>")

    def sub_goal(pk):
        return {
            "plan": goal.plan_id,
            "priority_area": goal.priority_area_id,
            "parent": pk,
            "title_fi": "Alatavoite",
        }

    assert refusal("/api/v1/goals/", sub_goal(hidden.pk), hidden.pk) == refusal(
        "/api/v1/goals/", sub_goal(missing), missing
    )
    assert refusal("/api/v1/measures/", {"goal": hidden.pk, "title_fi": "x"}, hidden.pk) == refusal(
        "/api/v1/measures/", {"goal": missing, "title_fi": "x"}, missing
    )
    for method in ("get", "patch", "delete"):
        hidden_response = getattr(client, method)(f"/api/v1/goals/{hidden.pk}/", format="json")
        missing_response = getattr(client, method)(f"/api/v1/goals/{missing}/", format="json")
        assert hidden_response.status_code == missing_response.status_code == 404
        assert hidden_response.json() == missing_response.json()


def test_hidden_and_visible_rows__html_pages_answer_as_the_api(api, client_for):
    hidden = _hidden_goal()
    vaala_api, vaala_html = _client("hyte.vaala"), client_for("hyte.vaala")
    assert vaala_api.get(f"/api/v1/plans/{hidden.plan_id}/").status_code == 404
    assert vaala_api.patch(f"/api/v1/goals/{hidden.pk}/", {}, format="json").status_code == 404
    for name, pk in [
        ("strategy:plan-detail", hidden.plan_id),
        ("strategy:plan-edit", hidden.plan_id),
        ("strategy:goal-edit", hidden.pk),
        ("strategy:goal-card", hidden.pk),
        ("strategy:goal-card-edit", hidden.pk),
        ("strategy:measure-create", None),
    ]:
        kwargs = {"goal_pk": hidden.pk} if pk is None else {"pk": pk}
        assert vaala_html.get(reverse(name, kwargs=kwargs)).status_code == 404, name
    # Visible but not theirs to change: 403 from both.
    approved = Plan.objects.filter(state="approved", municipality__code="785").first()
    assert (
        _client("hyte.utajarvi")
        .patch(f"/api/v1/plans/{approved.pk}/", {"description_fi": "x"}, format="json")
        .status_code
        == 403
    )
    edit = reverse("strategy:plan-edit", kwargs={"pk": approved.pk})
    assert client_for("hyte.utajarvi").get(edit).status_code == 403


# --- If-Match compared in the service, under the row lock ----------------------------------


def test_plans__two_updates_with_the_same_if_match__second_412(api):
    url = f"/api/v1/plans/{_vaala_plan().pk}/"
    client = _client("hyte.vaala")
    etag = client.get(url)["ETag"]
    first = client.patch(url, {"description_fi": "Ensimmäinen"}, HTTP_IF_MATCH=etag, format="json")
    assert first.status_code == 200, first.json()
    assert first["ETag"] != etag
    second = client.patch(url, {"description_fi": "Toinen"}, HTTP_IF_MATCH=etag, format="json")
    assert second.status_code == 412
    assert second.json()["code"] == "precondition_failed"
    assert Plan.objects.get(pk=_vaala_plan().pk).description_fi == "Ensimmäinen"
    fresh = client.patch(
        url, {"description_fi": "Toinen"}, HTTP_IF_MATCH=first["ETag"], format="json"
    )
    assert fresh.status_code == 200


def test_goals__two_updates_with_the_same_if_match__second_412(api):
    goal = Goal.objects.filter(plan=_vaala_plan(), parent=None).first()
    url = f"/api/v1/goals/{goal.pk}/"
    client = _client("hyte.vaala")
    etag = client.get(url)["ETag"]
    assert (
        client.patch(url, {"owner_names": "A"}, HTTP_IF_MATCH=etag, format="json").status_code
        == 200
    )
    stale = client.patch(url, {"owner_names": "B"}, HTTP_IF_MATCH=etag, format="json")
    assert stale.status_code == 412
    assert Goal.objects.get(pk=goal.pk).owner_names == "A"


def test_plans__someone_saves_after_the_api_loaded_the_plan__412_from_the_locked_check(
    api, monkeypatch
):
    """Another save lands between the view loading the plan and the service locking it: an
    If-Match compared with the plan the view loaded would pass; the service's check under
    its lock refuses."""
    plan = _vaala_plan()
    url = f"/api/v1/plans/{plan.pk}/"
    client = _client("hyte.vaala")
    etag = client.get(url)["ETag"]
    parse = PlanSerializer.is_valid

    def parse_then_someone_saves(self, *args, **kwargs):
        valid = parse(self, *args, **kwargs)
        Plan.objects.get(pk=plan.pk).save()
        return valid

    monkeypatch.setattr(PlanSerializer, "is_valid", parse_then_someone_saves)
    response = client.patch(url, {"description_fi": "Minun"}, HTTP_IF_MATCH=etag, format="json")
    assert response.status_code == 412
    assert Plan.objects.get(pk=plan.pk).description_fi != "Minun"


def test_if_match_star__accepted_for_plans_goals_cards_and_updates(api):
    client = _client("hyte.vaala")
    plan = _vaala_plan()
    goal = Goal.objects.filter(plan=plan, parent=None).first()
    star = {"HTTP_IF_MATCH": "*", "format": "json"}
    assert (
        client.patch(f"/api/v1/plans/{plan.pk}/", {"description_fi": "x"}, **star).status_code
        == 200
    )
    assert (
        client.patch(f"/api/v1/goals/{goal.pk}/", {"owner_names": "x"}, **star).status_code == 200
    )
    card = client.post("/api/v1/goal-cards/", {"goal": goal.pk}, format="json").json()
    changed = client.patch(f"/api/v1/goal-cards/{card['id']}/", {"partners": "MLL"}, **star)
    assert changed.status_code == 200, changed.json()
    # A period's update: `*` matches one that is saved, and nothing when there is none.
    card_url = f"/api/v1/goal-cards/{_card_goal().card.pk}/updates/"
    owner = _client("hyte.asikkala")
    assert owner.post(card_url, _update_payload(), **star).status_code == 412
    assert owner.post(card_url, _update_payload(), format="json").status_code == 201
    again = owner.post(card_url, _update_payload(achieved="Muutettu"), **star)
    assert again.status_code == 200, again.json()

"""Values no user meant are refused wherever they come from: the API, a filter, or straight
into the database (issue 11, kind 5)."""

import pytest
from django.db import IntegrityError, transaction
from rest_framework.test import APIClient

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.strategy.models import Plan

pytestmark = pytest.mark.both_databases


def _token_client(username: str) -> APIClient:
    client = APIClient()
    token = client.post(
        "/api/v1/auth/token/", {"username": username, "password": "elinvoima-demo"}, format="json"
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def _new_plan(**changes) -> dict:
    return {
        "kind": "welfare_plan",
        "title_fi": "Uusi suunnitelma",
        "start_year": 2040,
        "end_year": 2041,
        "municipality": "889",
        **changes,
    }


@pytest.mark.parametrize("year", [0, 1000, 1e3, "1e3", 32768, 9223372036854775807, -1, 2026.5])
def test_plan_year__outside_the_years_anyone_means__refused_nothing_saved(demo, year):
    client = _token_client("hyte.utajarvi")
    before = Plan.objects.count()
    response = client.post(
        "/api/v1/plans/", _new_plan(start_year=year, end_year=2041), format="json"
    )
    assert response.status_code == 400, response.content
    assert "start_year" in response.json()
    assert Plan.objects.count() == before


def test_plan_title__null_finnish_title__refused_not_stored_empty(demo):
    client = _token_client("hyte.utajarvi")
    response = client.post("/api/v1/plans/", _new_plan(title_fi=None), format="json")
    assert response.status_code == 400
    assert "title_fi" in response.json()


@pytest.mark.parametrize("year", ["1e3", "2025.5", "0x7e9", "99999999999999999999"])
def test_year_filter__not_a_whole_year__400_json(demo, year):
    response = APIClient().get("/api/v1/plans/", {"year": year})
    assert response.status_code == 400
    assert "year" in response.json()


@pytest.mark.parametrize(
    ("model", "changes"),
    [
        (Plan, {"start_year": 0}),
        (Plan, {"end_year": 32767}),
        (Plan, {"title_fi": ""}),
        (Plan, {"title_fi": None}),
        (Organisation, {"name_fi": ""}),
        (Municipality, {"population_year": 1}),
    ],
)
def test_database__checks_the_same_bounds(demo, model, changes):
    row = model.objects.order_by("pk").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**changes)


def test_year_select__years_without_thousands_separator(demo, client_for):
    from elinvoima.strategy.models import Goal

    goal = Goal.objects.get(title_fi="Nuorten kokema terveydentila kohenee.")
    page = client_for("hyte.asikkala").get(f"/fi/goals/{goal.pk}/card/update/").content.decode()
    assert ">2026</option>" in page
    assert "2\xa0026" not in page and "2 026" not in page

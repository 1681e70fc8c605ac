import pytest
from rest_framework.test import APIClient

from elinvoima.actors.models import Municipality
from elinvoima.actors.services import reference_data_load
from tests.factories import coordinator_of


@pytest.fixture
def api(db):
    """The reference data (all counties and municipalities: what these endpoints serve) and
    Utajärvi's coordinator `hyte.utajarvi`; no demo data."""
    reference_data_load()
    user = coordinator_of(Municipality.objects.get(code="889"), username="hyte.utajarvi")
    user.set_password("elinvoima-demo")
    user.save(update_fields=["password"])
    return APIClient()


def test_api_token__valid_credentials__token_that_authenticates(api):
    response = api.post(
        "/api/v1/auth/token/",
        {"username": "hyte.utajarvi", "password": "elinvoima-demo"},
        format="json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/v1/").status_code == 200


def test_api_token__wrong_password__field_errors_in_users_language(api):
    response = api.post(
        "/api/v1/auth/token/",
        {"username": "hyte.utajarvi", "password": "wrong"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_api_token__missing_fields__field_level_messages(api):
    response = api.post("/api/v1/auth/token/", {}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"username", "password"}


def test_api_token__malformed_json__json_error_not_500(api):
    response = api.post("/api/v1/auth/token/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert "detail" in response.json()


def test_api_root__anonymous__401_json(api):
    response = api.get("/api/v1/")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_municipality__by_code__returns_utajarvi(api):
    response = api.get("/api/v1/municipalities/889/")
    assert response.status_code == 200
    body = response.json()
    assert body["name_fi"] == "Utajärvi"
    assert body["wellbeing_county"] == "19"


def test_municipality__unknown_code__404_json(api):
    response = api.get("/api/v1/municipalities/999/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_municipality__malformed_code__404_json(api):
    response = api.get("/api/v1/municipalities/abc/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_municipality_list__paginated__count_next_previous_results(api):
    body = api.get("/api/v1/municipalities/?page_size=10").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 309
    assert len(body["results"]) == 10
    assert body["previous"] is None and "page=2" in body["next"]


def test_municipality_list__page_size_above_limit__capped_at_500(api):
    body = api.get("/api/v1/municipalities/?page_size=5000").json()
    assert len(body["results"]) == 309  # all of them fit in one capped page
    from elinvoima.core.api import Pagination

    assert Pagination.max_page_size == 500


def test_municipality_list__page_out_of_range__404_json(api):
    response = api.get("/api/v1/municipalities/?page=999")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_municipality_list__search__by_name_in_either_language(api):
    finnish = api.get("/api/v1/municipalities/?search=Lapinjärvi").json()
    swedish = api.get("/api/v1/municipalities/?search=Lappträsk").json()
    assert [m["code"] for m in finnish["results"]] == ["407"]
    assert [m["code"] for m in swedish["results"]] == ["407"]


def test_municipality_list__county_filter__only_that_county(api):
    body = api.get("/api/v1/municipalities/?wellbeing_county__code=9&page_size=500").json()
    assert body["count"] == 10
    assert all(m["wellbeing_county"] == "9" for m in body["results"])


def test_wellbeing_county__by_code__lists_its_municipality_codes(api):
    body = api.get("/api/v1/wellbeing-counties/9/").json()
    assert body["name_sv"] == "Päijänne-Tavastlands välfärdsområde"
    assert "016" in body["municipalities"]


def test_wellbeing_county_list__all_23(api):
    assert api.get("/api/v1/wellbeing-counties/").json()["count"] == 23


def test_reference_data__write_methods__not_allowed(api):
    api.force_authenticate(user=None)
    response = api.post("/api/v1/municipalities/", {"code": "999"}, format="json")
    assert response.status_code in (401, 405)


def test_schema__openapi3__lists_reference_resources(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/municipalities/{code}/" in schema["paths"]
    assert "/api/v1/auth/token/" in schema["paths"]

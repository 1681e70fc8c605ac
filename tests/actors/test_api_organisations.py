import html

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from rest_framework.test import APIClient

from elinvoima.actors.api_organisations import OrganisationSerializer
from elinvoima.actors.models import Organisation
from tests.actors.forms_data import EMPTY_FORMSETS
from tests.factories.actors import OrganisationFactory, representative_of


@pytest.fixture
def api(demo):
    return APIClient()


def _token_client(username: str) -> APIClient:
    client = APIClient()
    token = client.post(
        "/api/v1/auth/token/", {"username": username, "password": "elinvoima-demo"}, format="json"
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def _reuma() -> Organisation:
    return Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")


def test_list__anonymous__published_organisations_with_contract_fields(api):
    body = api.get("/api/v1/organisations/?municipality=889").json()
    assert set(body) == {"count", "next", "previous", "results"}
    reuma = next(o for o in body["results"] if o["name_fi"] == "Utajärven reumayhdistys ry")
    assert reuma["kind"] == "association"
    assert reuma["register_number"] == "148.512"
    assert reuma["municipalities"] == ["889"]
    assert "peer_support" in reuma["themes"]


def test_list__filters_as_on_the_page(api):
    def names(query):
        return [o["name_fi"] for o in api.get(f"/api/v1/organisations/?{query}").json()["results"]]

    assert names("municipality=889&theme=peer_support") == ["Utajärven reumayhdistys ry"]
    assert names("county=19&kind=association&search=MLL") == ["MLL Vaalan yhdistys ry"]
    # an age group also finds what is for everyone (the village association of Oterma)
    assert names("target_group=children_and_families&municipality=785") == [
        "MLL Vaalan yhdistys ry",
        "Oterman kyläyhdistys ry",
        "Vaalan Urheilijat ry",
    ]


def test_list__unpublished__hidden_from_public_shown_to_member(api):
    Organisation.objects.filter(pk=_reuma().pk).update(is_published=False)
    assert api.get(f"/api/v1/organisations/{_reuma().pk}/").status_code == 404
    member = _token_client("yhdistys.reuma")
    assert member.get(f"/api/v1/organisations/{_reuma().pk}/").status_code == 200


def test_municipality__links_to_its_organisations(api):
    body = api.get("/api/v1/municipalities/889/").json()
    assert body["organisations"].endswith("/api/v1/organisations/?municipality=889")


def test_update__representative__own_organisation_saved_and_audited(api):
    client = _token_client("yhdistys.reuma")
    response = client.patch(
        f"/api/v1/organisations/{_reuma().pk}/",
        {"description_fi": "Päivitetty rajapinnasta", "themes": ["culture"]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["themes"] == ["culture"]
    entry = LogEntry.objects.get_for_object(_reuma()).latest("timestamp")
    assert entry.actor.username == "yhdistys.reuma"


def test_update__representative__other_organisation_403(api):
    mll = Organisation.objects.get(name_fi="MLL Vaalan yhdistys ry")
    client = _token_client("yhdistys.reuma")
    response = client.patch(
        f"/api/v1/organisations/{mll.pk}/", {"description_fi": "x"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_update__anonymous__401(api):
    response = api.patch(
        f"/api/v1/organisations/{_reuma().pk}/", {"email": "x@y.fi"}, format="json"
    )
    assert response.status_code == 401


def test_update__invalid_business_id__field_error_in_users_language(api):
    client = _token_client("yhdistys.reuma")
    response = client.patch(
        f"/api/v1/organisations/{_reuma().pk}/",
        {"business_id": "1234567-8", "email": "ei-osoite"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 400
    body = response.json()
    assert "FO-nummer" in body["business_id"][0]
    assert "email" in body


@pytest.mark.both_databases
def test_update__stale_if_match__412_and_nothing_overwritten(api):
    client = _token_client("yhdistys.reuma")
    url = f"/api/v1/organisations/{_reuma().pk}/"
    etag = client.get(url)["ETag"]
    assert (
        client.patch(url, {"phone": "040 100 0001"}, format="json", HTTP_IF_MATCH=etag).status_code
        == 200
    )
    response = client.patch(url, {"phone": "040 100 0002"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert _reuma().phone == "040 100 0001"


def test_create__coordinator__in_own_municipality_only(api):
    client = _token_client("hyte.utajarvi")
    new = {"name_fi": "Utajärven Kuoro ry", "kind": "association", "municipality": "889"}
    response = client.post("/api/v1/organisations/", new, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["municipalities"] == ["889"]
    elsewhere = {**new, "name_fi": "Vaalan Kuoro ry", "municipality": "785"}
    assert client.post("/api/v1/organisations/", elsewhere, format="json").status_code == 403


def test_create__duplicate_name_or_business_id__refused(api):
    client = _token_client("hyte.utajarvi")
    same_name = {
        "name_fi": "UTAJÄRVEN REUMAYHDISTYS RY",
        "kind": "association",
        "municipality": "889",
    }
    response = client.post("/api/v1/organisations/", same_name, format="json")
    assert response.status_code == 400 and "name_fi" in response.json()
    same_id = {
        "name_fi": "Uusi Oy",
        "kind": "company",
        "municipality": "889",
        "business_id": "0205401-0",
    }
    response = client.post("/api/v1/organisations/", same_id, format="json")
    assert response.status_code == 400 and "business_id" in response.json()


def test_create__municipality_kind__refused(api):
    client = _token_client("admin")
    response = client.post(
        "/api/v1/organisations/", {"name_fi": "Uusikunta", "kind": "municipality"}, format="json"
    )
    assert response.status_code == 400 and "kind" in response.json()


def test_delete__representative_no_coordinator_yes(api):
    # A new association of Utajärvi: the demo's rheumatism association has records that keep
    # it (its grant application: 409, as for MLL below).
    association = OrganisationFactory(kind="association", municipality=_reuma().municipality)
    representative = APIClient()
    representative.force_authenticate(representative_of(association))
    url = f"/api/v1/organisations/{association.pk}/"
    assert representative.delete(url).status_code == 403
    assert _token_client("hyte.utajarvi").delete(url).status_code == 204


@pytest.mark.both_databases
def test_delete__organisation_with_reports__409_in_its_language_and_kept(api):
    """MLL Vaala has reported a measure: the report keeps it on record (a 500 before)."""
    from elinvoima.strategy.models import MeasureReport

    mll = Organisation.objects.get(name_fi="MLL Vaalan yhdistys ry")
    assert MeasureReport.objects.filter(organisation=mll).exists()
    response = _token_client("admin").delete(f"/api/v1/organisations/{mll.pk}/")
    assert response.status_code == 409
    assert response.json()["code"] == "in_use"
    assert "Poista se sen sijaan julkaisusta" in response.json()["detail"]
    assert Organisation.objects.filter(pk=mll.pk).exists()


def test_list__many_rows__same_number_of_queries(api, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        api.get("/api/v1/organisations/?page_size=10")
    with CaptureQueriesContext(connection) as many:
        api.get("/api/v1/organisations/?page_size=500")
    assert len(few) == len(many)


# --- Through the services: If-Match compared under the row lock, the form's messages --------


@pytest.mark.both_databases
def test_update__two_updates_with_the_same_if_match__second_412(api):
    client = _token_client("yhdistys.reuma")
    url = f"/api/v1/organisations/{_reuma().pk}/"
    etag = client.get(url)["ETag"]
    first = client.patch(url, {"phone": "040 100 0001"}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200, first.json()
    assert first["ETag"] != etag
    second = client.patch(url, {"phone": "040 100 0002"}, format="json", HTTP_IF_MATCH=etag)
    assert second.status_code == 412
    assert second.json()["code"] == "precondition_failed"
    assert _reuma().phone == "040 100 0001"
    fresh = client.patch(url, {"phone": "040 100 0002"}, format="json", HTTP_IF_MATCH=first["ETag"])
    assert fresh.status_code == 200, fresh.json()
    assert _reuma().phone == "040 100 0002"


@pytest.mark.both_databases
def test_update__someone_saves_after_the_api_loaded_the_row__412_from_the_locked_check(
    api, monkeypatch
):
    """Another save lands between the view loading the organisation and the service locking
    it: an If-Match compared with the row the view loaded would pass; the service's check
    under its lock refuses."""
    reuma = _reuma()
    url = f"/api/v1/organisations/{reuma.pk}/"
    client = _token_client("yhdistys.reuma")
    etag = client.get(url)["ETag"]
    parse = OrganisationSerializer.is_valid

    def parse_then_someone_saves(self, *args, **kwargs):
        valid = parse(self, *args, **kwargs)
        Organisation.objects.get(pk=reuma.pk).save()
        return valid

    monkeypatch.setattr(OrganisationSerializer, "is_valid", parse_then_someone_saves)
    response = client.patch(url, {"phone": "040 100 0009"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert response.json()["code"] == "precondition_failed"
    assert _reuma().phone != "040 100 0009"


def test_update__if_match_star__accepted(api):
    client = _token_client("yhdistys.reuma")
    url = f"/api/v1/organisations/{_reuma().pk}/"
    response = client.patch(url, {"phone": "040 100 0003"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 200, response.json()
    assert response["ETag"]
    assert _reuma().phone == "040 100 0003"


def test_update__name_of_another_in_the_municipality__form_and_api_refuse_with_the_same_message(
    api, client_for
):
    reuma = _reuma()
    taken = "juorkunan KYLÄYHDISTYS ry"
    form = client_for("yhdistys.reuma").post(
        reverse("actors:organisation-edit", kwargs={"pk": reuma.pk}),
        {
            "name_fi": taken,
            "name_sv": reuma.name_sv,
            "business_id": reuma.business_id,
            "register_number": reuma.register_number,
            "loaded_at": reuma.updated_at.isoformat(),
            **EMPTY_FORMSETS,
        },
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert form.status_code == 200
    refused = _token_client("yhdistys.reuma").patch(
        f"/api/v1/organisations/{reuma.pk}/",
        {"name_fi": taken},
        format="json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert refused.status_code == 400
    [message] = refused.json()["name_fi"]
    assert "Juorkunan kyläyhdistys ry" in message
    assert html.escape(message) in form.content.decode()
    assert _reuma().name_fi == "Utajärven reumayhdistys ry"


def test_create__unpublished__its_creator_reads_changes_and_deletes_it(api):
    # Issue 11, kind 6: the coordinator who created it got 404 on everything after.
    coordinator = _token_client("hyte.utajarvi")
    created = coordinator.post(
        "/api/v1/organisations/",
        {"name_fi": "Uusi kyläyhdistys ry", "kind": "association", "municipality": "889"},
        format="json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    Organisation.objects.filter(pk=pk).update(is_published=False)
    assert coordinator.get(f"/api/v1/organisations/{pk}/").status_code == 200
    listed = coordinator.get("/api/v1/organisations/", {"search": "Uusi kyläyhdistys"}).json()
    assert [row["id"] for row in listed["results"]] == [pk]
    changed = coordinator.patch(f"/api/v1/organisations/{pk}/", {"name_sv": "Ny"}, format="json")
    assert changed.status_code == 200, changed.content
    # ... while the public and another municipality's coordinator do not see it at all.
    assert APIClient().get(f"/api/v1/organisations/{pk}/").status_code == 404
    other = _token_client("hyte.vaala")
    assert other.patch(f"/api/v1/organisations/{pk}/", {}, format="json").status_code == 404
    assert coordinator.delete(f"/api/v1/organisations/{pk}/").status_code == 204


def test_update__representative_moves_home_municipality__refused_nothing_changed(api):
    # Issue 11, kind 4: the home municipality decides whose coordinator governs the row.
    representative = _token_client("yhdistys.reuma")
    response = representative.patch(
        f"/api/v1/organisations/{_reuma().pk}/", {"municipality": "785"}, format="json"
    )
    assert response.status_code == 403
    assert _reuma().municipality.code == "889"


def test_update__null_finnish_name__refused_not_ignored(api):
    representative = _token_client("yhdistys.reuma")
    response = representative.patch(
        f"/api/v1/organisations/{_reuma().pk}/", {"name_fi": None}, format="json"
    )
    assert response.status_code == 400
    assert "name_fi" in response.json()

import pytest
from django.urls import reverse

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Organisation
from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    client_for_username,
    municipality_organisation,
    reference_target_groups,
    reference_themes,
)


@pytest.fixture
def client_for(db):
    """Utajärvi's and Vaala's organisations as the seeds have them, built by factories;
    clients of the users made here (this module needs no demo data)."""
    themes, groups = reference_themes(), reference_target_groups()
    utajarvi = MunicipalityFactory(
        code="889", name_fi="Utajärvi", name_sv="Utajärvi", name_en="Utajärvi"
    )
    vaala = MunicipalityFactory(code="785", name_fi="Vaala", name_sv="Vaala", name_en="Vaala")
    for municipality in (utajarvi, vaala):
        municipality_organisation(municipality)
    OrganisationFactory(
        name_fi="Utajärven reumayhdistys ry",
        municipality=utajarvi,
        themes=[themes["peer_support"], themes["physical_activity"]],
        target_groups=[groups["older_people"], groups["working_age"]],
    )
    for name_fi in ("Juorkunan kyläyhdistys ry", "Ahmaksen kyläyhdistys ry"):
        OrganisationFactory(
            name_fi=name_fi,
            kind=OrganisationKind.VILLAGE_ASSOCIATION,
            municipality=utajarvi,
            themes=[themes["village_development"]],
            target_groups=[groups["everyone"]],
        )
    OrganisationFactory(
        name_fi="MLL Vaalan yhdistys ry",
        name_sv="MLL Vaala förening rf",
        municipality=vaala,
        regular_activities_fi="Perhekahvila perjantaisin klo 9.30–11.",
        themes=[themes["inclusion"]],
        target_groups=[groups["children_and_families"]],
    )
    return client_for_username


def test_embed_listing__frameable_cached_and_filtered(client_for):
    url = reverse("actors:embed-listing", kwargs={"code": "889"})
    response = client_for(None).get(url, {"theme": "peer_support"})
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert "Utajärven reumayhdistys ry" in response.text
    assert "Juorkunan kyläyhdistys ry" not in response.text
    assert '<base target="_blank">' in response.text


def test_embed_listing__other_pages__still_not_frameable(client_for):
    response = client_for(None).get(reverse("actors:municipality-directory", args=["889"]))
    assert response["X-Frame-Options"] == "DENY"


def test_embed_feed__json_in_both_languages_with_cors_and_cache(client_for):
    response = client_for(None).get("/embed/municipalities/785/organisations.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=300" in response["Cache-Control"]
    body = response.json()
    assert body["municipality"] == {"code": "785", "name_fi": "Vaala", "name_sv": "Vaala"}
    mll = next(o for o in body["organisations"] if o["name_fi"] == "MLL Vaalan yhdistys ry")
    assert mll["name_sv"] == "MLL Vaala förening rf"
    assert mll["target_groups"] == ["children_and_families"]
    assert mll["regular_activities_fi"].startswith("Perhekahvila")
    assert mll["profile_url"].endswith(f"/organisations/{mll['id']}/")


def test_embed_feed__unchanged__304_changed__new_content(client_for):
    client = client_for(None)
    url = "/embed/municipalities/889/organisations.json"
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    Organisation.objects.filter(name_fi="Ahmaksen kyläyhdistys ry").update(is_published=False)
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Ahmaksen kyläyhdistys ry" not in response.text


def test_embed_feed__unknown_municipality__404(client_for):
    assert client_for(None).get("/embed/municipalities/999/organisations.json").status_code == 404


def test_embed_instructions__snippet_with_chosen_filters(client_for):
    url = reverse("actors:embed-instructions", kwargs={"code": "889"})
    response = client_for(None).get(url, {"target_group": "older_people"})
    assert response.status_code == 200
    assert "&lt;iframe src=&quot;http://testserver/fi/embed/municipalities/889/organisations/" in (
        response.text
    )
    assert "target_group=older_people" in response.text
    assert "/embed/municipalities/889/organisations.json?target_group=older_people" in response.text


def test_embed_listing__unpublished_and_municipality_itself__not_shown(client_for):
    Organisation.objects.filter(name_fi="Utajärven reumayhdistys ry").update(is_published=False)
    response = client_for(None).get(reverse("actors:embed-listing", kwargs={"code": "889"}))
    assert "Utajärven reumayhdistys ry" not in response.text
    assert ">Utajärvi<" not in response.text

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, TargetGroup, Theme
from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    client_for_username,
    municipality_organisation,
    reference_target_groups,
    reference_themes,
)


@pytest.fixture
def utajarvi(db):
    """Utajärvi with all themes and target groups, its own organisation (never on the map),
    the rheumatism association (peer support for working-age and older people) and a
    village association."""
    themes, groups = reference_themes(), reference_target_groups()
    utajarvi = MunicipalityFactory(
        code="889", name_fi="Utajärvi", name_sv="Utajärvi", name_en="Utajärvi"
    )
    municipality_organisation(utajarvi)
    OrganisationFactory(
        name_fi="Utajärven reumayhdistys ry",
        municipality=utajarvi,
        themes=[themes["peer_support"], themes["physical_activity"], themes["inclusion"]],
        target_groups=[groups["older_people"], groups["working_age"]],
    )
    OrganisationFactory(
        name_fi="Juorkunan kyläyhdistys ry",
        kind=OrganisationKind.VILLAGE_ASSOCIATION,
        municipality=utajarvi,
        themes=[themes["village_development"], themes["inclusion"]],
        target_groups=[groups["everyone"]],
    )
    return utajarvi


@pytest.fixture
def client_for(utajarvi):
    """Clients of the users made here by factories (this module needs no demo data)."""
    return client_for_username


def _map(client, code="889"):
    return client.get(reverse("actors:actor-map", kwargs={"code": code}))


def test_actor_map__utajarvi__themes_with_and_without_actors(client_for):
    response = _map(client_for(None))
    rows = {row.theme.code: row for row in response.context["rows"]}
    assert [o.name_fi for o in rows["peer_support"].actors] == ["Utajärven reumayhdistys ry"]
    cells = {group.code: count for group, count in rows["peer_support"].cells}
    assert cells == {
        "children_and_families": 0,
        "young_people": 0,
        "working_age": 1,
        "older_people": 1,
        "everyone": 0,
    }
    gaps = {theme.code for theme in response.context["themes_without_actors"]}
    assert "integration" in gaps and "peer_support" not in gaps


def test_actor_map__links_to_the_directory_filtered(client_for):
    response = _map(client_for(None))
    assert "?theme=peer_support&amp;target_group=older_people" in response.text


def test_actor_map__unpublished_not_counted(client_for):
    Organisation.objects.filter(name_fi="Utajärven reumayhdistys ry").update(is_published=False)
    gaps = {t.code for t in _map(client_for(None)).context["themes_without_actors"]}
    assert "peer_support" in gaps


def test_actor_map__many_organisations__same_number_of_queries(client_for):
    client = client_for(None)
    with CaptureQueriesContext(connection) as few:
        _map(client)
    utajarvi = Municipality.objects.get(code="889")
    theme, group = Theme.objects.get(code="culture"), TargetGroup.objects.get(code="young_people")
    for n in range(40):
        organisation = Organisation.objects.create(
            name_fi=f"Nuorisoseura {n} ry", kind="association", municipality=utajarvi
        )
        organisation.municipalities.add(utajarvi)
        organisation.themes.add(theme)
        organisation.target_groups.add(group)
    with CaptureQueriesContext(connection) as many:
        response = _map(client)
    assert len(many) == len(few)
    rows = {row.theme.code: row for row in response.context["rows"]}
    assert dict((g.code, n) for g, n in rows["culture"].cells)["young_people"] == 40

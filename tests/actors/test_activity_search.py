"""Find activities: the public search of the whole country by what, for whom and where,
and its form on the front page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from elinvoima.actors.models import Municipality, Organisation, TargetGroup, Village
from tests.factories.actors import OrganisationFactory

pytestmark = pytest.mark.both_databases

URL = "/fi/activities/"
NAME = re.compile(r'<h2 class="activity__name"><a href="[^"]*">([^<]*)</a></h2>')


def _names(response) -> list[str]:
    assert response.status_code == 200
    return NAME.findall(response.text)


def test_front_page__has_the_search_form_pointing_to_find_activities(client_for):
    html = client_for(None).get("/fi/").text
    assert 'role="search"' in html
    assert f'action="{URL}"' in html
    assert 'name="q"' in html and 'name="target_group"' in html and 'name="municipality"' in html


@pytest.mark.parametrize("text", ["ikäihmiset", "ikä", "vanhu", "jumppa", "tuolijumppaa"])
def test_search__finds_the_chair_gym_of_utajarvi_from_the_whole_country(client_for, text):
    assert "Utajärven reumayhdistys ry" in _names(client_for(None).get(URL, {"q": text}))


def test_search__in_utajarvi_for_older_people__best_match_first(client_for):
    names = _names(
        client_for(None).get(
            URL, {"q": "jumppa", "target_group": "older_people", "municipality": "889"}
        )
    )
    assert names[0] == "Utajärven reumayhdistys ry"


def test_nothing_asked__nothing_listed_and_a_hint(client_for):
    response = client_for(None).get(URL)
    assert _names(response) == []
    assert 'role="status"' not in response.text


def test_where__a_village_of_the_chosen_municipality(client_for):
    client = client_for(None)
    assert 'name="village"' not in client.get(URL, {"q": "kylä"}).text
    response = client.get(URL, {"municipality": "889"})
    assert 'name="village"' in response.text
    juorkuna = Village.objects.get(municipality__code="889", name_fi="Juorkuna")
    names = _names(client.get(URL, {"municipality": "889", "village": juorkuna.pk}))
    assert names == ["Juorkunan kyläyhdistys ry"]


def test_for_whom__an_age_group_also_finds_what_is_for_everyone(client_for):
    names = _names(
        client_for(None).get(URL, {"target_group": "older_people", "municipality": "889"})
    )
    assert "Utajärven reumayhdistys ry" in names  # older people
    assert "Juorkunan kyläyhdistys ry" in names  # everyone


def test_unpublished__never_found(client_for):
    Organisation.objects.filter(name_fi="Utajärven reumayhdistys ry").update(is_published=False)
    assert "Utajärven reumayhdistys ry" not in _names(client_for(None).get(URL, {"q": "jumppa"}))


def test_swedish__labels_and_results(client_for):
    response = client_for(None).get("/sv/activities/", {"q": "äldre", "municipality": "889"})
    assert "Utajärvi reumaförening rf" in _names(response)
    assert "Vad söker du?" in response.text


def test_too_many_words__a_message_not_an_error(client_for):
    response = client_for(None).get(URL, {"q": " ".join(["sana"] * 11)})
    assert response.status_code == 200
    assert 'class="form-field__error"' in response.text


def test_a_page__same_queries_however_many_rows_match(client_for):
    client = client_for(None)
    search = {"q": "jumppa", "municipality": "889"}
    client.get(URL, search)
    with CaptureQueriesContext(connection) as few:
        client.get(URL, search)
    utajarvi = Municipality.objects.get(code="889")
    older = TargetGroup.objects.get(code="older_people")
    village = Village.objects.filter(municipality=utajarvi).first()
    for n in range(30):
        OrganisationFactory(
            name_fi=f"Jumppaseura {n} ry",
            municipality=utajarvi,
            target_groups=[older],
            villages=[village],
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, search)
    assert len(_names(response)) == 20  # a full page
    assert len(many) == len(few)

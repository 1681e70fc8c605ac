"""The practice library (issue 20, items 1–2): records with every field of seed 003, kept as
drafts until complete and published only after an editor's review; search in Finnish and
Swedish with filters; the municipalities that use a practice; practices from neighbours."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from elinvoima.core.text_search import TextSearch
from elinvoima.practices.enums import PracticeState
from elinvoima.practices.models import Practice
from elinvoima.practices.selectors import (
    PracticeFilters,
    practice_search,
    practices_from_neighbours,
)
from elinvoima.practices.services import (
    AdoptionData,
    PracticeData,
    adoption_save,
    practice_review,
    practice_save,
    practice_submit,
)
from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    WellbeingCountyFactory,
    client_of,
    coordinator_of,
    county_official_of,
    member_of,
)

pytestmark = pytest.mark.django_db

COMPLETE = {
    "name_fi": "Kyläillat",
    "summary_fi": "Kyläillat kokoavat kylän asukkaat kuulemaan ja keskustelemaan.",
    "core_idea_fi": "Kunta tulee kylään.",
    "environment_fi": "Harvaan asuttu maaseutukunta.",
    "target_group_fi": "Kylien asukkaat ja yhdistykset.",
    "conditions_fi": "Kylätalo ja kahvit.",
    "evaluation_fi": "Illat ovat täynnä.",
    "tips_fi": "Kysy ensin, kerro sitten.",
}


def _data(**texts) -> PracticeData:
    return PracticeData(
        texts={**COMPLETE, **texts},
        facts={"kind": "record", "phase": "ready", "region": "Vaala"},
        topics=["participation", "villages"],
        audiences=["whole_population"],
    )


@pytest.fixture
def keeper(db):
    return member_of(OrganisationFactory(name_fi="Vaalan kyläyhdistys"))


@pytest.fixture
def editor(db):
    return county_official_of(WellbeingCountyFactory())


@pytest.mark.both_databases
def test_review__a_record_is_published_only_complete_and_by_another_editor(keeper, editor):
    draft = practice_save(user=keeper, data=_data(tips_fi="", evaluation_fi=""))
    with pytest.raises(ValidationError, match="(?i)vinkit|tips") as refused:
        practice_submit(user=keeper, practice=draft)
    assert refused.value.code == "incomplete"
    assert Client().get(draft.get_absolute_url()).status_code == 302  # a draft: log in first
    practice_save(user=keeper, practice=draft, data=_data())
    practice_submit(user=keeper, practice=draft)
    with pytest.raises(PermissionDenied):
        practice_review(user=keeper, practice=draft, publish=True)  # not an editor
    own = practice_save(user=editor, data=_data(name_fi="Toimittajan oma"))
    practice_submit(user=editor, practice=own)
    with pytest.raises(PermissionDenied):
        practice_review(user=editor, practice=own, publish=True)  # never one's own record
    published = practice_review(user=editor, practice=draft, publish=True)
    assert published.state == PracticeState.PUBLISHED and published.reviewed_by == editor
    assert Client().get(published.get_absolute_url()).status_code == 200
    with pytest.raises(PermissionDenied):  # published: its keepers no longer change it
        practice_save(user=keeper, practice=published, data=_data(name_fi="Muutettu"))


@pytest.mark.both_databases
def test_drafts__hidden_from_others_in_pages_search_and_api(keeper):
    draft = practice_save(user=keeper, data=_data(name_fi="Salainen luonnos"))
    stranger = member_of(OrganisationFactory())
    assert client_of(stranger).get(draft.get_absolute_url()).status_code == 404
    with pytest.raises(Http404):
        practice_submit(user=stranger, practice=draft)
    listing = Client().get(reverse("practices:list"), {"q": "salainen"}).content.decode()
    assert "Salainen luonnos" not in listing
    api = Client().get(reverse("api:practice-list"), {"search": "Salainen"}).json()
    assert api["count"] == 0
    assert client_of(keeper).get(reverse("api:practice-list")).json()["count"] == 1


@pytest.mark.both_databases
def test_texts__html_and_scripts_are_shown_as_text(keeper):
    practice = practice_save(
        user=keeper, data=_data(summary_fi="<script>alert('x')</script> <b>lihava</b>")
    )
    page = client_of(keeper).get(practice.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


@pytest.mark.both_databases
def test_trial__needs_its_follow_up_date(keeper):
    data = _data()
    data.facts["phase"] = "trial"
    with pytest.raises(ValidationError) as refused:
        practice_save(user=keeper, data=data)
    assert "follow_up_on" in refused.value.error_dict


@pytest.mark.both_databases
def test_search__finnish_words_and_filters(keeper, editor):
    for name, topic, summary in (
        ("Kyläillat", "villages", "Kunta tulee kylään kuulemaan."),
        ("Liikuntaneuvonnan polku", "physical_activity", "Lähetteellä liikuntaneuvojalle."),
    ):
        data = _data(name_fi=name, summary_fi=summary, core_idea_fi=summary)
        data.topics = [topic]
        practice = practice_save(user=keeper, data=data)
        practice_submit(user=keeper, practice=practice)
        practice_review(user=editor, practice=practice, publish=True)
    anonymous = Client().get("/").wsgi_request.user

    def names(**filters):
        return [p.name for p in practice_search(anonymous, PracticeFilters(**filters))]

    assert names(words=TextSearch("kyläilloissa")) == ["Kyläillat"]  # inflected
    assert names(words=TextSearch("liikuntaneuvonta")) == ["Liikuntaneuvonnan polku"]
    assert names(topic="villages") == ["Kyläillat"]
    assert names(phase="trial") == []


@pytest.mark.both_databases
def test_adoption__recorded_by_the_municipalitys_coordinator_for_a_published_practice(
    keeper, editor
):
    municipality = MunicipalityFactory(name_fi="Vaala")
    practice = practice_save(user=keeper, data=_data())
    with pytest.raises(PermissionDenied):
        adoption_save(
            user=keeper, practice=practice, municipality=municipality, data=AdoptionData()
        )
    coordinator = coordinator_of(municipality)
    with pytest.raises(ValidationError):  # not published yet
        adoption_save(
            user=coordinator, practice=practice, municipality=municipality, data=AdoptionData()
        )
    practice_submit(user=keeper, practice=practice)
    practice_review(user=editor, practice=practice, publish=True)
    with pytest.raises(ValidationError):
        adoption_save(
            user=coordinator,
            practice=practice,
            municipality=municipality,
            data=AdoptionData(since=2999),
        )
    adoption_save(
        user=coordinator,
        practice=practice,
        municipality=municipality,
        data=AdoptionData(
            since=2019, learned="Kahvit ratkaisevat.", contact_name="Hyvinvointikoordinaattori"
        ),
    )
    page = Client().get(practice.get_absolute_url()).content.decode()
    assert "Kahvit ratkaisevat." in page and "Vaala" in page


@pytest.mark.both_databases
def test_neighbours__practices_of_the_county_not_yet_used_here_with_who_to_ask(keeper, editor):
    county = WellbeingCountyFactory()
    here = MunicipalityFactory(wellbeing_county=county, population=3000)
    neighbour = MunicipalityFactory(wellbeing_county=county, population=90000)
    far_peer = MunicipalityFactory(population=3200)  # another county, a similar size
    far_big = MunicipalityFactory(population=600000)  # neither
    used = {}
    for name, users in (
        ("Naapurin käytäntö", [neighbour]),
        ("Samankokoisten käytäntö", [far_peer]),
        ("Suurkaupungin käytäntö", [far_big]),
        ("Jo käytössä", [neighbour, here]),
    ):
        practice = practice_save(user=keeper, data=_data(name_fi=name))
        practice_submit(user=keeper, practice=practice)
        practice_review(user=editor, practice=practice, publish=True)
        for municipality in users:
            adoption_save(
                user=None,
                practice=practice,
                municipality=municipality,
                data=AdoptionData(contact_name=f"Koordinaattori, {municipality.name_fi}"),
            )
        used[name] = practice
    found = practices_from_neighbours(here)
    assert [entry.practice.name for entry in found] == [
        "Naapurin käytäntö",
        "Samankokoisten käytäntö",
    ]
    assert found[0].adoptions[0].contact_name.startswith("Koordinaattori")


def test_seed__the_workshop_record_with_every_field_used_in_keski_suomi(demo):
    practice = Practice.objects.get(name_fi="Järjestö-kuntayhteistyön alueelliset elinvoimapajat")
    assert practice.state == PracticeState.PUBLISHED
    assert practice.author == "Anu Hätinen" and practice.funder.endswith("(STEA)")
    assert practice.recorded_on.isoformat() == "2020-03-31"
    assert {t.code for t in practice.topics.all()} == {
        "associations",
        "municipalities",
        "cooperation",
        "health_promotion",
        "regions",
    }
    users = set(practice.adoptions.values_list("municipality__wellbeing_county__code", flat=True))
    assert users == {"15"} and practice.adoptions.count() >= 20
    soini = Practice.objects.get(name_fi="Seura- ja yhdistysfoorumi")
    assert soini.source == "J-P News 30.11.2017" and soini.kind == "example"


@pytest.mark.both_databases
def test_trials__a_due_follow_up_is_shown_to_editors_and_on_the_page(keeper, editor):
    from elinvoima.practices.models import Practice as PracticeModel

    trial = practice_save(user=keeper, data=_data(name_fi="Rohkea kokeilu"))
    practice_submit(user=keeper, practice=trial)
    practice_review(user=editor, practice=trial, publish=True)
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    PracticeModel.objects.filter(pk=trial.pk).update(phase="trial", follow_up_on=yesterday)
    dashboard = client_of(editor).get(reverse("portal:dashboard")).content.decode()
    assert "1 kokeilu" in dashboard
    page = Client().get(trial.get_absolute_url()).content.decode()
    assert 'role="status"' in page
    PracticeModel.objects.filter(pk=trial.pk).update(trial_result="Jatketaan.")
    assert "1 kokeilu" not in client_of(editor).get(reverse("portal:dashboard")).content.decode()

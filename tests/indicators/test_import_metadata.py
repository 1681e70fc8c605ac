"""Importing Sotkanet's regions, indicator list and indicator metadata."""

import json

import pytest
from django.utils import translation

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.services import reference_data_load
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator, Region
from elinvoima.indicators.sotkanet.importing import (
    indicator_list_import,
    indicator_metadata_import,
    regions_import,
)
from elinvoima.indicators.sotkanet.problems import ImportRefused, problem_text

from .test_sotkanet_helpers import METADATA_FILE, REGIONS_FILE, source

pytestmark = pytest.mark.both_databases


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def reference(db):
    reference_data_load()


def _regions():
    return json.loads(REGIONS_FILE.read_text())


def test_regions_import__file__regions_linked_by_official_code(reference):
    summary = regions_import(source=source(_regions()))

    assert (summary.total, summary.added) == (7, 7)
    utajarvi = Region.objects.get(pk=1889)
    assert utajarvi.municipality == Municipality.objects.get(code="889")
    assert utajarvi.title_sv == "Utajärvi"
    assert Region.objects.get(pk=1016).municipality.code == "016"  # the code keeps its zeros
    pohjois_pohjanmaa = Region.objects.get(pk=973)
    assert pohjois_pohjanmaa.wellbeing_county == WellbeingCounty.objects.get(code="19")
    country = Region.objects.get(pk=658)
    assert (country.category, country.municipality, country.wellbeing_county) == ("MAA", None, None)


def test_regions_import__twice__nothing_changes(reference):
    regions_import(source=source(_regions()))

    summary = regions_import(source=source(_regions()))

    assert (summary.added, summary.changed, summary.unchanged) == (0, 0, 7)


def test_regions_import__renamed_region__changed(reference):
    regions_import(source=source(_regions()))
    regions = _regions()
    regions[3]["title"]["en"] = "Utajärvi municipality"

    summary = regions_import(source=source(regions))

    assert (summary.changed, summary.unchanged) == (1, 6)
    assert Region.objects.get(pk=1889).title_en == "Utajärvi municipality"


def test_regions_import__municipality_linked_elsewhere__link_moves(reference):
    old = Region.objects.create(
        id=990889,
        category="KUNTA",
        code="889",
        title_fi="Utajärvi",
        municipality=Municipality.objects.get(code="889"),
    )

    regions_import(source=source(_regions()))

    old.refresh_from_db()
    assert old.municipality is None
    assert Region.objects.get(pk=1889).municipality.code == "889"


def test_regions_import__repeated_id__refused_nothing_written(reference):
    regions = _regions()
    regions.append(dict(regions[0]))

    with pytest.raises(ImportRefused) as refused:
        regions_import(source=source(regions))

    assert problem_text(refused.value.problems[0]) == (
        "Element 8, field “id” repeats the id 658 of element 1."
    )
    assert not Region.objects.exists()


def test_regions_import__two_regions_one_municipality__refused(reference):
    regions = _regions()
    regions.append({"id": 5, "title": {"fi": "Utajärvi"}, "code": "889", "category": "KUNTA"})

    with pytest.raises(ImportRefused) as refused:
        regions_import(source=source(regions))

    assert "the official code 889 is also the code of element 4" in problem_text(
        refused.value.problems[0]
    )
    assert not Region.objects.exists()


def test_indicator_metadata_import__real_file__catalogue_filled(db):
    with METADATA_FILE.open("rb") as metadata:
        summary = indicator_metadata_import(source=metadata)

    assert (summary.total, summary.added) == (2, 2)
    indicator = Indicator.objects.get(sotkanet_id=186)
    assert indicator.source == IndicatorSource.SOTKANET
    assert indicator.title_fi == "Kuolleisuus / 100 000 asukasta"
    assert indicator.title_en == "Mortality per 100 000 inhabitants"
    assert indicator.description_sv.startswith("Indikatorn visar antalet")
    assert indicator.value_type_fi == "Sataa tuhatta asukasta kohden"
    assert indicator.organization_sv == "Statistikcentralen"
    assert indicator.metadata["id"] == 186
    with translation.override("sv"):
        assert Indicator.objects.get(sotkanet_id=322).title.startswith("Dödlighet")


def test_indicator_metadata_import__twice__nothing_changes(db):
    for _ in range(2):
        with METADATA_FILE.open("rb") as metadata:
            summary = indicator_metadata_import(source=metadata)

    assert (summary.added, summary.changed, summary.unchanged) == (0, 0, 2)


def test_indicator_metadata_import__updated_text__changed(db):
    with METADATA_FILE.open("rb") as metadata:
        indicator_metadata_import(source=metadata)
    documents = json.loads(METADATA_FILE.read_text())
    documents[0]["title"]["fi"] = "Kuolleisuus / 100 000 asukasta (uusi)"
    documents[0]["data-updated"] = "2026-01-15"

    summary = indicator_metadata_import(source=source(documents))

    assert (summary.changed, summary.unchanged) == (1, 1)
    indicator = Indicator.objects.get(sotkanet_id=186)
    assert indicator.title_fi.endswith("(uusi)")
    assert str(indicator.data_updated) == "2026-01-15"
    with translation.override("fi"):
        assert Indicator.objects.filter(title__endswith="(uusi)").count() == 1


def test_indicator_list_import__keeps_metadata_adds_missing(db):
    with METADATA_FILE.open("rb") as metadata:
        indicator_metadata_import(source=metadata)
    items = [
        {
            "id": 186,
            "title": {
                "fi": "Kuolleisuus / 100 000 asukasta",
                "sv": "Dödlighet / 100 000 invånare",
                "en": "Mortality per 100 000 inhabitants",
            },
            "organization": {
                "id": 3,
                "title": {
                    "fi": "Tilastokeskus",
                    "sv": "Statistikcentralen",
                    "en": "Statistics Finland",
                },
            },
        },
        {
            "id": 5,
            "title": {"fi": "Uusi indikaattori"},
            "organization": {"id": 1, "title": {"fi": "THL"}},
        },
    ]

    summary = indicator_list_import(source=source(items))

    assert (summary.added, summary.changed, summary.unchanged) == (1, 0, 1)
    assert Indicator.objects.get(sotkanet_id=186).description_fi.startswith("Indikaattori")
    assert Indicator.objects.get(sotkanet_id=5).title_sv == "Uusi indikaattori"


def test_indicator_metadata_import__bad_element__refused_nothing_written(db):
    documents = json.loads(METADATA_FILE.read_text())
    documents[1]["decimals"] = "yksi"

    with pytest.raises(ImportRefused) as refused:
        indicator_metadata_import(source=source(documents))

    assert problem_text(refused.value.problems[0]) == (
        "Element 2, field “decimals”: “yksi” is not a whole number."
    )
    assert not Indicator.objects.exists()

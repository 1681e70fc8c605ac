"""Indicator sets: presets copied to a municipality and edited there (add from the
catalogue, remove, order), the owner rules, and the sets listed per municipality."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from elinvoima.actors.models import Municipality
from elinvoima.indicators.enums import IndicatorSetKind, IndicatorSource
from elinvoima.indicators.indicator_sets.selectors import (
    indicator_set_candidates,
    indicator_set_presets,
)
from elinvoima.indicators.indicator_sets.services import (
    indicator_set_create,
    indicator_set_item_add,
    indicator_set_item_move,
    indicator_set_item_remove,
)
from elinvoima.indicators.models import Indicator, IndicatorSet

VAALA, UTAJARVI = "785", "889"


def _url(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def _indicator(title: str, sotkanet_id: int | None = None) -> Indicator:
    return Indicator.objects.create(
        title=title,
        title_fi=title,
        source=IndicatorSource.SOTKANET if sotkanet_id else IndicatorSource.OWN,
        sotkanet_id=sotkanet_id,
    )


@pytest.fixture
def indicators(demo) -> list[Indicator]:
    return [
        _indicator("Alpha-testimittari", 990_011),
        _indicator("Beta-testimittari", 990_012),
        _indicator("Gamma-testimittari", 990_013),
    ]


@pytest.fixture
def thl_preset(indicators) -> IndicatorSet:
    preset = IndicatorSet.objects.get(name="THL:n minimilista", is_preset=True)
    for indicator in indicators[:2]:
        indicator_set_item_add(indicator_set=preset, indicator=indicator)
    return preset


def _titles(indicator_set: IndicatorSet) -> list[str]:
    return [item.indicator.title for item in indicator_set.items.order_by("position", "id")]


# Services --------------------------------------------------------------------------------


def test_indicator_set_presets__demo__three_presets_without_owner(demo):
    presets = {preset.kind: preset for preset in indicator_set_presets()}
    assert set(presets) >= {
        IndicatorSetKind.THL_MINIMUM,
        IndicatorSetKind.HYTE_COEFFICIENT,
        IndicatorSetKind.OWN,
    }
    assert all(p.municipality is None and p.wellbeing_county is None for p in presets.values())


def test_indicator_set_create__copy_of_preset__same_items_and_kind_preset_unchanged(thl_preset):
    vaala = Municipality.objects.get(code=VAALA)
    copy = indicator_set_create(
        name="Vaalan minimilista",
        kind=thl_preset.kind,
        municipality=vaala,
        copy_from=thl_preset,
    )
    assert not copy.is_preset and copy.municipality == vaala
    assert _titles(copy) == _titles(thl_preset) == ["Alpha-testimittari", "Beta-testimittari"]
    indicator_set_item_remove(indicator_set=copy, item_id=copy.items.first().pk)
    assert _titles(thl_preset) == ["Alpha-testimittari", "Beta-testimittari"]


def test_indicator_set_items__add_move_remove__positions_stay_in_order(indicators):
    indicator_set = indicator_set_create(
        name="Oma", kind=IndicatorSetKind.OWN, municipality=Municipality.objects.get(code=VAALA)
    )
    for indicator in indicators:
        indicator_set_item_add(indicator_set=indicator_set, indicator=indicator)
    gamma = indicator_set.items.get(indicator=indicators[2])
    indicator_set_item_move(indicator_set=indicator_set, item_id=gamma.pk, offset=-1)
    indicator_set_item_move(indicator_set=indicator_set, item_id=gamma.pk, offset=-1)
    indicator_set_item_move(indicator_set=indicator_set, item_id=gamma.pk, offset=-1)  # stays
    assert _titles(indicator_set) == [
        "Gamma-testimittari",
        "Alpha-testimittari",
        "Beta-testimittari",
    ]
    indicator_set_item_remove(
        indicator_set=indicator_set, item_id=indicator_set.items.get(indicator=indicators[0]).pk
    )
    assert list(indicator_set.items.values_list("position", flat=True)) == [0, 1]


@pytest.mark.both_databases
def test_indicator_set_item_add__twice__refused(indicators):
    indicator_set = IndicatorSet.objects.get(name="THL:n minimilista")
    indicator_set_item_add(indicator_set=indicator_set, indicator=indicators[0])
    with translation.override("en"), pytest.raises(ValidationError, match="already in the set"):
        indicator_set_item_add(indicator_set=indicator_set, indicator=indicators[0])


def test_indicator_set_candidates__title_or_id__excludes_those_in_the_set(thl_preset):
    assert {i.title for i in indicator_set_candidates(query="testimittari")} == {
        "Alpha-testimittari",
        "Beta-testimittari",
        "Gamma-testimittari",
    }
    assert [i.title for i in indicator_set_candidates(query="990012")] == ["Beta-testimittari"]
    found = indicator_set_candidates(query="testimittari", indicator_set=thl_preset)
    assert [i.title for i in found] == ["Gamma-testimittari"]
    assert indicator_set_candidates(query="  ") == []


# Pages -------------------------------------------------------------------------------------


def test_indicator_set_list__municipality__lists_its_sets_and_presets(client_for, thl_preset):
    vaala = Municipality.objects.get(code=VAALA)
    own = indicator_set_create(name="Vaalan oma lista", kind="own", municipality=vaala)
    indicator_set_create(
        name="Utajärven lista", kind="own", municipality=Municipality.objects.get(code=UTAJARVI)
    )
    response = client_for(None).get(_url("indicators:indicator-set-list", code=VAALA))
    assert response.status_code == 200
    assert "Vaalan oma lista" in response.text
    assert _url("indicators:indicator-set-detail", pk=own.pk) in response.text
    assert "Utajärven lista" not in response.text
    assert "THL:n minimilista" in response.text
    assert "Copy to the municipality" not in response.text


def test_indicator_set_copy__coordinator__copies_preset_and_edits(
    client_for, thl_preset, indicators
):
    client = client_for("hyte.vaala")
    # given the coordinator copies the THL preset to Vaala
    response = client.post(
        _url("indicators:indicator-set-add", code=VAALA),
        {"copy_from": str(thl_preset.pk), "name": "Vaalan minimilista", "kind": "", "year": ""},
    )
    assert response.status_code == 302
    copy = IndicatorSet.objects.get(name="Vaalan minimilista")
    assert copy.kind == IndicatorSetKind.THL_MINIMUM and copy.municipality.code == VAALA
    edit = _url("indicators:indicator-set-edit", pk=copy.pk)
    assert response["Location"] == edit

    # when they search the catalogue and add Gamma
    page = client.get(edit + "?q=Gamma")
    assert "Gamma-testimittari" in page.text
    response = client.post(edit, {"action": "add", "indicator": indicators[2].pk, "q": "Gamma"})
    assert response.status_code == 302
    # and move it to the top, remove Alpha
    gamma = copy.items.get(indicator=indicators[2])
    client.post(edit, {"action": "up", "item": gamma.pk})
    client.post(edit, {"action": "up", "item": gamma.pk})
    client.post(edit, {"action": "remove", "item": copy.items.get(indicator=indicators[0]).pk})
    # and rename it
    client.post(
        edit,
        {"action": "save", "name": "Vaalan seurantalista", "kind": "own", "year": "2025"},
    )

    # then the set is what they made, the preset as it was
    copy.refresh_from_db()
    assert copy.name == "Vaalan seurantalista" and copy.year == 2025
    assert _titles(copy) == ["Gamma-testimittari", "Beta-testimittari"]
    assert _titles(thl_preset) == ["Alpha-testimittari", "Beta-testimittari"]
    detail = client_for(None).get(_url("indicators:indicator-set-detail", pk=copy.pk))
    assert detail.text.index("Gamma-testimittari") < detail.text.index("Beta-testimittari")


def test_indicator_set_edit__bad_year__form_error_nothing_saved(client_for):
    indicator_set = indicator_set_create(
        name="Oma", kind="own", municipality=Municipality.objects.get(code=VAALA)
    )
    response = client_for("hyte.vaala").post(
        _url("indicators:indicator-set-edit", pk=indicator_set.pk),
        {"action": "save", "name": "", "kind": "own", "year": "1800"},
    )
    assert response.status_code == 200
    assert "Give a year between 2000 and" in response.text
    indicator_set.refresh_from_db()
    assert indicator_set.name == "Oma"


def test_indicator_set_create__neither_kind_nor_preset__refused(client_for):
    response = client_for("hyte.vaala").post(
        _url("indicators:indicator-set-add", code=VAALA),
        {"copy_from": "", "name": "Lista", "kind": ""},
    )
    assert response.status_code == 200
    assert "Choose the kind of the set, or start from a preset." in response.text
    assert not IndicatorSet.objects.filter(name="Lista").exists()


@pytest.mark.parametrize("username", ["hyte.utajarvi", "valtuutettu.vaala", "hva.paijathame"])
def test_indicator_set_edit__not_the_owner__403(client_for, username):
    indicator_set = indicator_set_create(
        name="Oma", kind="own", municipality=Municipality.objects.get(code=VAALA)
    )
    client = client_for(username)
    url = _url("indicators:indicator-set-edit", pk=indicator_set.pk)
    assert client.get(url).status_code == 403
    assert client.post(url, {"action": "save", "name": "X", "kind": "own"}).status_code == 403
    assert (
        client.post(_url("indicators:indicator-set-delete", pk=indicator_set.pk)).status_code == 403
    )
    assert IndicatorSet.objects.get(pk=indicator_set.pk).name == "Oma"


def test_indicator_set_preset__only_admin_edits(client_for, thl_preset):
    url = _url("indicators:indicator-set-edit", pk=thl_preset.pk)
    assert client_for("hyte.vaala").get(url).status_code == 403
    assert client_for("admin").get(url).status_code == 200
    response = client_for("admin").post(
        _url("indicators:indicator-set-preset-add"),
        {"name": "Uusi pohja", "kind": "other", "year": "", "description": ""},
    )
    assert response.status_code == 302
    assert IndicatorSet.objects.get(name="Uusi pohja").is_preset


def test_indicator_set_county_set__county_official_edits(client_for):
    county_set = IndicatorSet.objects.get(wellbeing_county__code="9")
    url = _url("indicators:indicator-set-edit", pk=county_set.pk)
    assert client_for("hva.paijathame").get(url).status_code == 200
    assert client_for("hyte.asikkala").get(url).status_code == 403


def test_indicator_set_delete__owner__deleted(client_for):
    indicator_set = indicator_set_create(
        name="Poistettava", kind="own", municipality=Municipality.objects.get(code=VAALA)
    )
    response = client_for("hyte.vaala").post(
        _url("indicators:indicator-set-delete", pk=indicator_set.pk)
    )
    assert response.status_code == 302
    assert not IndicatorSet.objects.filter(pk=indicator_set.pk).exists()

"""National-scale indicator data, here in small numbers: regions, indicators and values,
deterministic, reusing existing regions; and the chart page's queries on it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale import indicators as scale
from elinvoima.indicators import regions
from elinvoima.indicators.enums import RegionCategory
from elinvoima.indicators.models import Indicator, IndicatorValue, Region

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

INDICATORS, VALUES = 12, 12_000


def generated_values() -> list[tuple]:
    """Every generated value, with the indicator as its Sotkanet number (ids vary)."""
    return list(
        IndicatorValue.objects.filter(indicator__sotkanet_id__gte=scale.SCALE_SOTKANET_ID_BASE)
        .order_by("indicator__sotkanet_id", "region_id", "year", "gender")
        .values_list("indicator__sotkanet_id", "region_id", "year", "gender", "value")
    )


@pytest.fixture
def reference(db):
    reference_data_load()


def test_indicator_scale_generate__small__regions_indicators_and_values(reference):
    result = scale.indicator_scale_generate(seed=1, indicators=INDICATORS, values=VALUES)

    # Every municipality, county and the whole country, linked by official code.
    assert Region.objects.filter(category=RegionCategory.MUNICIPALITY).count() == 309
    assert Region.objects.filter(category=RegionCategory.WELLBEING_COUNTY).count() == 23
    assert Region.objects.filter(category=RegionCategory.COUNTRY).count() == 1
    utajarvi = Region.objects.get(municipality__code="889")
    assert (utajarvi.code, utajarvi.title) == ("889", "Utajärvi")
    assert utajarvi.id == regions.SYNTHETIC_REGION_BASE + 889
    county = WellbeingCounty.objects.get(code="19")
    assert Region.objects.get(wellbeing_county=county).id == county.sotkanet_region_id == 973
    # Indicators in three languages; values near the asked number, ten years each.
    assert result.indicators == Indicator.objects.count() == INDICATORS
    assert result.values == IndicatorValue.objects.count()
    assert VALUES * 0.6 < result.values < VALUES * 1.4
    indicator = Indicator.objects.order_by("sotkanet_id").first()
    assert indicator.sotkanet_id == scale.SCALE_SOTKANET_ID_BASE + 1
    assert indicator.title_fi and indicator.title_sv and indicator.title_en
    assert set(IndicatorValue.objects.values_list("year", flat=True)) == set(scale.YEARS)
    # Some have values for municipalities, the others only for counties and the country.
    municipal = Indicator.objects.filter(values__region=utajarvi).distinct().count()
    assert 0 < municipal == result.municipal_indicators < INDICATORS


def test_indicator_scale_generate__same_seed__same_values_other_seed_other(reference):
    scale.indicator_scale_generate(seed=1, indicators=INDICATORS, values=VALUES)
    first = generated_values()
    scale.indicator_scale_generate(seed=1, indicators=INDICATORS, values=VALUES, replace=True)
    again = generated_values()
    scale.indicator_scale_generate(seed=2, indicators=INDICATORS, values=VALUES, replace=True)
    other = generated_values()

    assert first == again
    assert first != other


def test_indicator_scale_generate__second_run__refused_without_replace(reference):
    scale.indicator_scale_generate(seed=1, indicators=3, values=1_000)

    with pytest.raises(scale.IndicatorScaleError, match="--replace"):
        scale.indicator_scale_generate(seed=1, indicators=3, values=1_000)


def test_indicator_scale_generate__existing_regions_and_values__kept(demo):
    """The demo's regions (and a real import's) are reused; other values stay."""
    regions_before = dict(Region.objects.values_list("id", "title"))
    demo_values = IndicatorValue.objects.count()

    scale.indicator_scale_generate(seed=1, indicators=5, values=3_000)
    scale.indicator_scale_generate(seed=1, indicators=5, values=3_000, replace=True)

    regions_after = dict(Region.objects.values_list("id", "title"))
    assert all(regions_after[pk] == title for pk, title in regions_before.items())
    assert Region.objects.filter(category=RegionCategory.COUNTRY).count() == 1
    assert (
        IndicatorValue.objects.exclude(
            indicator__sotkanet_id__gte=scale.SCALE_SOTKANET_ID_BASE
        ).count()
        == demo_values
    )


def test_regions_ensure__real_sotkanet_region__reused_and_linked(reference):
    Region.objects.create(id=123, code="889", category="KUNTA", title="Utajärvi")

    ids = scale.regions_ensure(municipality_codes=["889"])

    assert ids.municipalities == {"889": 123}
    assert Region.objects.get(pk=123).municipality == Municipality.objects.get(code="889")


def test_generate_scale_data__indicators_option__generates_them(reference):
    out = StringIO()

    call_command(
        "generate_scale_data", seed=1, organisations=30, people=0, indicators=4, stdout=out
    )

    assert "Wrote 4 indicators" in out.getvalue()
    assert scale.indicator_scale_exists()


def test_generate_scale_data__small_actor_run__no_indicators(reference):
    call_command("generate_scale_data", seed=1, organisations=30, people=0, stdout=StringIO())

    assert not scale.indicator_scale_exists()


def test_indicator_scale_generate__bulk_load_on_postgresql__indexes_and_keys_restored(
    reference, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("the bulk path drops and rebuilds PostgreSQL indexes and keys")
    monkeypatch.setattr(scale, "BULK_LOAD_MIN_ROWS", 0)

    def schema() -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
                "UNION ALL SELECT tablename, indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = 'public' ORDER BY 1, 2, 3"
            )
            return cursor.fetchall()

    before = schema()
    result = scale.indicator_scale_generate(seed=1, indicators=INDICATORS, values=VALUES)

    assert schema() == before
    assert IndicatorValue.objects.count() == result.values


def test_municipality_indicators__demo_and_scale_data__same_number_of_queries(client, demo):
    """Utajärvi's page with the demo's few charts, then with 20 charts among generated
    national-scale-shaped data (all regions, thousands of values): the same queries."""
    url = reverse("indicators:municipality-indicators", kwargs={"code": "889"})
    query = {"peer": ["785"]}
    client.get(url, query)  # sessions, translations loaded; charts drawn
    with CaptureQueriesContext(connection) as few:
        client.get(url, query)

    scale.indicator_scale_generate(seed=1, indicators=20, values=200_000)  # all municipal
    client.get(url, query)  # the new charts drawn and stored
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, query)

    assert response.content.decode().count('<section class="chart"') == 20
    assert len(many) == len(few), [q["sql"][:80] for q in many.captured_queries]

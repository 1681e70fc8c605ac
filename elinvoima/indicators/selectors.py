"""Reads of the chart pages, shared by the charts and the catalogue's indicator page:
exactly what a page shows, as plain tuples; and the active language's texts.

The municipality's indicator page (charts/views.py) draws up to 20 charts of up to 8 regions each
out of millions of values (docs/performance.md, national scale); its selectors run a fixed number
of queries however much data there is: the compared regions in one, the chosen indicators
in one, all their values in one (`values_list`, no model instances), answered by the
unique index on (indicator, region, year, gender)."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, OuterRef, Q

from elinvoima.actors.models import Municipality
from elinvoima.core.translation import active_language, text_in, translated_field_names
from elinvoima.indicators.enums import Gender, RegionCategory
from elinvoima.indicators.models import (
    Indicator,
    IndicatorSet,
    IndicatorSetItem,
    IndicatorValue,
    Region,
)

MAX_CHARTS = 20
MAX_PEERS = 5
# Set in Indicator.metadata by the demo data (demo.py): its values are invented.
DEMO_VALUES_FLAG = "elinvoima_demo_values"


# --- Municipalities -------------------------------------------------------------------------
MUNICIPALITIES_CACHE_KEY = "indicators:municipality-choices:{language}"
MUNICIPALITIES_CACHE_SECONDS = 3600


def municipality_choices() -> list[tuple[str, str]]:
    """Every municipality (code, name in the user's language), by name: reference data,
    read once an hour rather than on every chart page."""
    lang = active_language()
    key = MUNICIPALITIES_CACHE_KEY.format(language=lang)
    choices = cache.get(key)
    if choices is None:
        rows = Municipality.objects.values_list("code", "name_fi", "name_sv", "name_en")
        names = [(code, text_in((fi, sv, en), lang)) for code, fi, sv, en in rows]
        choices = sorted(names, key=lambda item: (item[1].casefold(), item[0]))
        if choices:
            cache.set(key, choices, MUNICIPALITIES_CACHE_SECONDS)
    return choices


# --- Regions --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChartRegion:
    id: int
    title: str
    role: str  # "municipality", "county", "country" or "peer"
    code: str = ""


def chart_regions(*, municipality: Municipality, peer_codes: list[str]) -> list[ChartRegion]:
    """The regions a municipality's charts compare, in the charts' order: the municipality,
    its wellbeing county, the whole country, then the peers in the order asked. One query.
    A region missing from the data (no Sotkanet region yet) is simply left out."""
    peers = [code for code in dict.fromkeys(peer_codes) if code != municipality.code][:MAX_PEERS]
    rows = Region.objects.filter(
        Q(municipality__code__in=[municipality.code, *peers])
        | Q(wellbeing_county_id=municipality.wellbeing_county_id)
        | Q(category=RegionCategory.COUNTRY)
    ).values_list("id", *translated_field_names("title"), "category", "municipality__code")
    lang = active_language()
    own = county = country = None
    by_code: dict[str, ChartRegion] = {}
    for region_id, title_fi, title_sv, title_en, category, code in sorted(rows):
        title = text_in((title_fi, title_sv, title_en), lang)
        if code == municipality.code and own is None:
            own = ChartRegion(region_id, title, "municipality", code)
        elif code in peers and code not in by_code:
            by_code[code] = ChartRegion(region_id, title, "peer", code)
        elif category == RegionCategory.COUNTRY and country is None:
            # Sorted by id: a real Sotkanet id comes before a generated one
            # (bench/scale/indicators.py).
            country = ChartRegion(region_id, title, "country")
        elif category == RegionCategory.WELLBEING_COUNTY and county is None and code is None:
            county = ChartRegion(region_id, title, "county")
    found = [own, county, country, *(by_code[code] for code in peers if code in by_code)]
    return [region for region in found if region is not None]


# --- Indicators -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ChartIndicator:
    id: int
    title: str
    decimals: int
    value_type: str
    value_type_code: str
    source: str
    demo_values: bool


INDICATOR_FIELDS = (
    "id",
    *translated_field_names("title"),
    "decimals",
    *translated_field_names("value_type"),
    "value_type_code",
    "source",
    f"metadata__{DEMO_VALUES_FLAG}",
)


def _chart_indicator(row: tuple, lang: str) -> ChartIndicator:
    pk, t_fi, t_sv, t_en, decimals, v_fi, v_sv, v_en, code, source, demo = row
    return ChartIndicator(
        id=pk,
        title=text_in((t_fi, t_sv, t_en), lang),
        decimals=decimals,
        value_type=text_in((v_fi, v_sv, v_en), lang),
        value_type_code=code,
        source=source,
        demo_values=demo is True,
    )


@dataclass(frozen=True)
class SetChoice:
    id: int
    name: str
    own: bool  # the municipality's own list


def indicator_set_choices(*, municipality: Municipality) -> list[SetChoice]:
    """The sets a municipality's page may show: its own, its county's and the presets."""
    rows = (
        IndicatorSet.objects.filter(
            Q(municipality=municipality)
            | Q(wellbeing_county_id=municipality.wellbeing_county_id)
            | Q(is_preset=True)
        )
        .order_by("name", "id")
        .values_list("id", "name", "municipality_id")
    )
    choices = [SetChoice(pk, name, owner == municipality.pk) for pk, name, owner in rows]
    return sorted(choices, key=lambda choice: not choice.own)  # its own lists first


def chart_indicators(
    *, indicator_set_id: int | None, region_id: int | None
) -> list[ChartIndicator]:
    """The indicators to chart, at most MAX_CHARTS: those of the set in its order or,
    without a set, the first indicators that have values for the region, by title. One
    query: the EXISTS is answered by the unique index (indicator, region, …), a probe per
    indicator, however many values there are."""
    lang = active_language()
    if indicator_set_id is not None:
        rows = (
            IndicatorSetItem.objects.filter(indicator_set_id=indicator_set_id)
            .order_by("position", "id")
            .values_list(*(f"indicator__{field}" for field in INDICATOR_FIELDS))
        )[:MAX_CHARTS]
    elif region_id is not None:
        # The first 20 in the order of their ids, then by title: walking the primary key,
        # PostgreSQL stops after the 20th match (about 100 probes at national scale, where
        # one in five indicators has municipal values); in title order it would have to
        # probe all 3,000 first (240 ms).
        with_data = IndicatorValue.objects.filter(indicator=OuterRef("pk"), region_id=region_id)
        first_with_data = (
            Indicator.objects.filter(Exists(with_data))
            .order_by("id")
            .values_list(*INDICATOR_FIELDS)
        )[:MAX_CHARTS]
        found = [_chart_indicator(row, lang) for row in first_with_data]
        return sorted(found, key=lambda indicator: (indicator.title.casefold(), indicator.id))
    else:
        return []
    return [_chart_indicator(row, lang) for row in rows]


def chart_indicator(*, pk: int) -> ChartIndicator | None:
    row = Indicator.objects.filter(pk=pk).values_list(*INDICATOR_FIELDS).first()
    return _chart_indicator(row, active_language()) if row else None


def chart_indicators_by_id(ids: list[int]) -> list[ChartIndicator]:
    """The indicators `ids`, in that order, in the active language (one query)."""
    lang = active_language()
    rows = {
        row[0]: row for row in Indicator.objects.filter(pk__in=ids).values_list(*INDICATOR_FIELDS)
    }
    return [_chart_indicator(rows[pk], lang) for pk in ids if pk in rows]


# --- Values ---------------------------------------------------------------------------------
# indicator id → region id → year → value
Series = dict[int, dict[int, dict[int, float]]]


def chart_values(*, indicator_ids: list[int], region_ids: list[int], gender: str) -> Series:
    """All values of the charts in one query, as plain numbers.

    Written as SQL, one condition per indicator, `(indicator = i AND region IN (…))`, OR'd:
    PostgreSQL then reads each from the unique index on (indicator, region, year, gender).
    Given `indicator IN (…) AND region IN (…)`, as the ORM writes it, PostgreSQL 15 prefers
    the index on the indicator alone and filters out every other region's values: 105,000
    rows read for 1,000 at national scale, 35 ms instead of 1. (The ORM could write the OR
    too, but compiling twenty conditions costs it more than running the query.)"""
    series: Series = defaultdict(lambda: defaultdict(dict))
    indicator_ids = list(dict.fromkeys(indicator_ids))
    region_ids = list(dict.fromkeys(region_ids))
    if not indicator_ids or not region_ids:
        return series
    regions = ", ".join(["%s"] * len(region_ids))
    wanted = " OR ".join([f"(indicator_id = %s AND region_id IN ({regions}))"] * len(indicator_ids))
    statement = (
        "SELECT indicator_id, region_id, year, value FROM "  # noqa: S608 (no input in it)
        f"{connection.ops.quote_name(IndicatorValue._meta.db_table)} "
        f"WHERE gender = %s AND ({wanted})"
    )
    params: list = [gender]
    for pk in indicator_ids:
        params.append(pk)
        params.extend(region_ids)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    for indicator_id, region_id, year, value in rows:
        series[indicator_id][region_id][year] = value
    return series


def gender_or_total(value: str | None) -> str:
    return value if value in Gender.values else Gender.TOTAL

"""indicator_chart_page_pg and indicator_chart_page_cold_pg: a municipality's indicator page
with 20 charts at national scale (3,000 indicators, ~4,000,000 values).

A: the whole request of Tampere's page through Django's test client — the 20 indicators of
its list (an indicator set), each a chart against Pirkanmaa, the whole country and two
peers (Jyväskylä, Oulu), with its summary and data table.
  - indicator_chart_page_pg: warm steady state, the charts drawn and stored already.
  - indicator_chart_page_cold_pg: the first view after the data changed: the stored charts
    of the page are deleted before each run, so all 20 are drawn (~60 ms each).
B: the best hand-written SQL for the page's data, through psycopg — one statement
giving the set's 20 indicators in order with their titles, decimals, units and all their
values for the five regions (region ids looked up once beforehand), and one reading the
stored charts' ids and fingerprints by key — plus the same client's time for a trivial
endpoint (`/healthz`), the fixed cost of a request (docs/performance.md, "What the baseline is").
For the cold page B also draws the same series with matplotlib alone: 20 plain line charts
of the page's size as SVG, which is what drawing them costs at least.
Before measuring, the national-scale data is generated (seed 1) unless it is there, and
analysed. A and B are checked to show the same indicators and values.
"""

import html
import io
import re

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import translation

from elinvoima.actors.models import Municipality
from elinvoima.bench.scale.actors import scale_data_exists
from elinvoima.bench.scale.indicators import (
    SCALE_SOTKANET_ID_BASE,
    indicator_scale_exists,
    indicator_scale_generate,
)
from elinvoima.indicators.charts.drawing import FIGURE_INCHES, NumberFormat, chart_key
from elinvoima.indicators.enums import Gender, IndicatorSetKind, RegionCategory
from elinvoima.indicators.models import (
    ChartImage,
    Indicator,
    IndicatorSet,
    IndicatorSetItem,
    IndicatorValue,
    Region,
)

from .harness import Result, alternate, progress, require_postgres, result_from_samples

NAME = "indicator_chart_page_pg"
COLD_NAME = "indicator_chart_page_cold_pg"
SEED = 1
PAIRS = 40
COLD_PAIRS = 15
CHARTS = 20
MUNICIPALITY = "837"  # Tampere
PEERS = ("179", "564")  # Jyväskylä, Oulu
SET_NAME = "Tampereen hyvinvointimittarit (benchmark)"
LANGUAGE = "fi"

CHART = re.compile(r'<section class="chart".*?</section>', re.DOTALL)
TITLE = re.compile(r'class="chart__title"><a href="[^"]*">(.*?)</a>')
CELL = re.compile(r"<td>([^<]*)</td>")
IMAGE = re.compile(r'<img src="/fi/indicators/charts/(\d+)/([0-9a-f]+)\.svg"')

# The page's data in one statement: the set's indicators in order, each with its values
# for the regions (LEFT JOIN LATERAL: an indicator without values still has its chart), read
# pair by pair from the unique index on (indicator, region, year, gender): 100 index scans.
RAW_PAGE_SQL = """
WITH items AS (
  SELECT i.id, i.title_fi, i.title_sv, i.title_en, i.decimals, i.value_type_fi,
         i.value_type_code, i.source, it.position, it.id AS item_id
  FROM indicators_indicatorsetitem it
  JOIN indicators_indicator i ON i.id = it.indicator_id
  WHERE it.indicator_set_id = %(set)s
  ORDER BY it.position, it.id
  LIMIT %(limit)s
)
SELECT items.id, items.title_fi, items.title_sv, items.title_en, items.decimals,
       items.value_type_fi, items.value_type_code, items.source, v.region_id, v.year, v.value
FROM items
LEFT JOIN LATERAL (
  SELECT v.region_id, v.year, v.value
  FROM unnest(%(regions)s::integer[]) AS r(id)
  JOIN indicators_indicatorvalue v
    ON v.indicator_id = items.id AND v.region_id = r.id AND v.gender = %(gender)s
) v ON true
ORDER BY items.position, items.item_id, v.region_id, v.year
"""
RAW_CHARTS_SQL = "SELECT key, id, fingerprint FROM indicators_chartimage WHERE key = ANY(%s)"


def warm_page_pg() -> Result:
    page, raw, keys = _setup(NAME)
    page()  # the charts drawn and stored: the steady state
    _check_same_data(page(), raw())
    for _ in range(3):  # warm: templates compiled, plans and pages cached
        page()
        raw()
    a, b = alternate(page, raw, pairs=PAIRS, label=NAME)
    return result_from_samples(
        NAME, a, b, unit="ms", baseline="raw SQL", scale=1000, notes=_notes(keys)
    )


def cold_page_pg() -> Result:
    page, raw, keys = _setup(COLD_NAME)

    def forget_charts() -> None:
        ChartImage.objects.filter(key__in=keys).delete()

    def raw_and_drawn():
        rows, images = raw()
        _draw_plain(rows)
        return rows, images

    forget_charts()
    _check_same_data(page(), raw())
    a, b = alternate(page, raw_and_drawn, before_a=forget_charts, pairs=COLD_PAIRS, label=COLD_NAME)
    drawn = ChartImage.objects.filter(key__in=keys).count()
    if drawn != CHARTS:
        raise RuntimeError(f"the cold page stored {drawn} charts, not {CHARTS}")
    return result_from_samples(
        COLD_NAME,
        a,
        b,
        unit="ms",
        baseline="raw SQL and matplotlib drawing the series alone",
        scale=1000,
        notes=_notes(keys) + f"; all {CHARTS} charts drawn in each A run",
    )


def _draw_plain(rows: list[tuple]) -> list[bytes]:
    """The cold page's floor for drawing: each indicator's five series as a plain matplotlib
    line chart of the page's size, saved as SVG with text as text (as the page's are), with
    a legend, and nothing else: no titles, number formats, styles or accessible texts."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    series: dict[int, dict[int, tuple[list[int], list[float]]]] = {}
    for pk, *_columns, region_id, year, value in rows:
        regions = series.setdefault(pk, {})
        if region_id is not None:
            years, values = regions.setdefault(region_id, ([], []))
            years.append(year)
            values.append(value)
    drawn = []
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        for regions in series.values():
            figure = Figure(figsize=FIGURE_INCHES)
            axes = figure.add_subplot()
            for region_id, (years, values) in regions.items():
                axes.plot(years, values, marker="o", label=str(region_id))
            axes.legend(loc="upper left")
            buffer = io.BytesIO()
            figure.savefig(buffer, format="svg")
            drawn.append(buffer.getvalue())
    return drawn


def _notes(keys) -> str:
    return (
        f"GET /fi/municipalities/{MUNICIPALITY}/indicators/ ({len(keys)} charts, "
        f"peers {', '.join(PEERS)}), {IndicatorValue.objects.count()} values, "
        f"DEBUG={settings.DEBUG}"
    )


def _ensure_data() -> None:
    require_postgres()
    if not scale_data_exists():
        progress(f"{NAME}: generating the national-scale data (seed {SEED})")
        output = io.StringIO()  # stdout carries only the result line
        call_command("generate_scale_data", seed=SEED, stdout=output)
        progress(output.getvalue().strip())
    elif not indicator_scale_exists():
        progress(f"{NAME}: generating the national-scale indicator data (seed {SEED})")
        result = indicator_scale_generate(seed=SEED)
        progress(f"{NAME}: {result.values} values in {result.seconds:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _benchmark_set(municipality: Municipality, region_id: int) -> IndicatorSet:
    """Tampere's list of 20 generated indicators that have values for it."""
    indicator_set, _created = IndicatorSet.objects.get_or_create(
        name=SET_NAME,
        municipality=municipality,
        defaults={"kind": IndicatorSetKind.OWN, "description": "For indicator_chart_page_pg."},
    )
    if indicator_set.items.count() != CHARTS:
        indicator_set.items.all().delete()
        with_values = (
            Indicator.objects.filter(
                sotkanet_id__gte=SCALE_SOTKANET_ID_BASE,
                values__region_id=region_id,
                values__gender=Gender.TOTAL,
            )
            .distinct()
            .order_by("sotkanet_id")
            .values_list("id", flat=True)[: CHARTS * 7 : 7]  # spread over the whole list
        )
        IndicatorSetItem.objects.bulk_create(
            IndicatorSetItem(indicator_set=indicator_set, indicator_id=pk, position=position)
            for position, pk in enumerate(with_values)
        )
    return indicator_set


def _setup(name: str):
    _ensure_data()
    municipality = Municipality.objects.select_related("wellbeing_county").get(code=MUNICIPALITY)
    own = Region.objects.get(municipality=municipality).id
    county = Region.objects.get(wellbeing_county=municipality.wellbeing_county).id
    country = Region.objects.filter(category=RegionCategory.COUNTRY).order_by("id")[0].id
    peers = [Region.objects.get(municipality__code=code).id for code in PEERS]
    regions = [own, county, country, *peers]
    indicator_set = _benchmark_set(municipality, own)
    with connection.cursor() as cursor:  # the set's items too, for the hand-written SQL's plan
        cursor.execute("ANALYZE indicators_indicatorset, indicators_indicatorsetitem")
    indicator_ids = list(
        indicator_set.items.order_by("position", "id").values_list("indicator_id", flat=True)
    )
    keys = [chart_key(pk, regions, Gender.TOTAL, LANGUAGE) for pk in indicator_ids]
    url = f"/{LANGUAGE}/municipalities/{MUNICIPALITY}/indicators/"
    query = {"set": indicator_set.pk, "peer": list(PEERS)}
    client = Client()
    params = {"set": indicator_set.pk, "limit": CHARTS, "regions": regions, "gender": "total"}
    progress(f"{name}: {len(indicator_ids)} charts of {len(regions)} regions")

    def page() -> str:
        response = client.get(url, query)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response.content.decode()

    def raw() -> tuple[list[tuple], list[tuple]]:
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            cursor.execute(RAW_PAGE_SQL, params)
            rows = cursor.fetchall()
            cursor.execute(RAW_CHARTS_SQL, [keys])
            images = cursor.fetchall()
        if client.get("/healthz").status_code != 200:
            raise RuntimeError("/healthz failed")
        return rows, images

    return page, raw, keys


def _check_same_data(page_html: str, raw_result: tuple[list[tuple], list[tuple]]) -> None:
    """The page and the SQL show the same indicators in the same order, each with the same
    values (as the page formats them), and the page shows the stored charts."""
    rows, images = raw_result
    with translation.override(LANGUAGE):
        number = NumberFormat()
    expected: dict[int, tuple[str, list[str]]] = {}
    for pk, title_fi, _sv, _en, decimals, *_rest, region_id, _year, value in rows:
        title, values = expected.setdefault(pk, (title_fi, []))
        if region_id is not None:
            values.append(number(value, decimals))
    charts = CHART.findall(page_html)
    shown = [
        (html.unescape(TITLE.search(chart)[1]), sorted(CELL.findall(chart))) for chart in charts
    ]
    wanted = [(title, sorted(values)) for title, values in expected.values()]
    if shown != wanted:
        raise RuntimeError(f"the page shows {shown[:1]}…, the SQL {wanted[:1]}…")
    if len(charts) != CHARTS or sum(len(values) for _t, values in wanted) < CHARTS * 5:
        raise RuntimeError(f"not a full page: {len(charts)} charts")
    shown_images = {(int(pk), fingerprint) for pk, fingerprint in IMAGE.findall(page_html)}
    stored = {(pk, fingerprint) for _key, pk, fingerprint in images}
    if shown_images != stored or len(stored) != CHARTS:
        raise RuntimeError(f"the page shows {len(shown_images)} charts, {len(stored)} stored")
    progress(f"{NAME}: {len(charts)} charts, {sum(len(v) for _t, v in wanted)} values")

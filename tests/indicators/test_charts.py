"""A municipality's indicator charts: what the page shows, how charts are kept, the SVG."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from elinvoima.indicators.charts import drawing as charts
from elinvoima.indicators.charts.drawing import NumberFormat, chart_svg
from elinvoima.indicators.enums import Gender, IndicatorSetKind
from elinvoima.indicators.models import (
    ChartImage,
    Indicator,
    IndicatorSet,
    IndicatorSetItem,
    IndicatorValue,
    Region,
)

pytestmark = pytest.mark.django_db

IMAGE = re.compile(r'<img src="([^"]+\.svg)"')
TITLES = re.compile(r'class="chart__title"><a href="[^"]*">([^<]*)</a>')


def page_url(code: str = "889", language: str = "fi") -> str:
    with translation.override(language):
        return reverse("indicators:municipality-indicators", kwargs={"code": code})


@pytest.fixture
def draws(monkeypatch):
    """Counts the charts drawn (the costly part), drawing them as usual."""
    drawn: list[int] = []
    draw = charts.chart_draw

    def counting(spec):
        drawn.append(spec.indicator.id)
        return draw(spec)

    monkeypatch.setattr(charts, "chart_draw", counting)
    return drawn


def with_values_for(code: str) -> int:
    """How many indicators have values for the municipality (the demo's, and any other)."""
    return Indicator.objects.filter(values__region__municipality__code=code).distinct().count()


def mortality() -> Indicator:
    return Indicator.objects.get(sotkanet_id=186)


# --- The page -------------------------------------------------------------------------------
def test_municipality_indicators__utajarvi__charts_against_county_and_country(client, demo):
    response = client.get(page_url())

    assert response.status_code == 200
    html = response.content.decode()
    titles = TITLES.findall(html)
    assert "Kuolleisuus / 100 000 asukasta" in titles
    assert "Kuolleisuus 65 vuotta täyttäneillä / 100 000 vastaavan ikäistä" in titles
    # Each chart: the image, its summary and the data table with the three regions.
    charted = with_values_for("889")
    assert len(IMAGE.findall(html)) == len(titles) == charted >= 3
    assert html.count('<figcaption class="chart__summary">') == charted
    assert html.count('<table class="chart__table">') == charted
    assert '<th scope="col">Utajärvi</th>' in html
    assert '<th scope="col">Pohjois-Pohjanmaan hyvinvointialue</th>' in html
    assert '<th scope="col">Koko maa</th>' in html
    # The demo's values are labelled as such, and THL is credited.
    assert "chart-demo-note" in html
    assert "THL, Sotkanet" in html and "CC BY 4.0" in html


def test_municipality_indicators__values__with_the_indicators_decimals_in_finnish(client, demo):
    value = IndicatorValue.objects.get(
        indicator=mortality(), region__municipality__code="889", year=2024, gender="total"
    )
    value.value = 1234.56
    value.save()

    html = client.get(page_url()).content.decode()

    assert "<td>1\u00a0234,6</td>" in html  # one decimal, a comma, a no-break space
    with translation.override("fi"):
        sentence = gettext("In %(year)s the value for %(region)s was %(value)s.") % {
            "year": 2024,
            "region": "Utajärvi",
            "value": "1\u00a0234,6",
        }
    assert sentence in html  # the summary, in Finnish


def test_municipality_indicators__in_english__english_names_and_number_format(client, demo):
    value = IndicatorValue.objects.get(
        indicator=mortality(), region__municipality__code="889", year=2024, gender="total"
    )
    value.value = 1234.56
    value.save()

    html = client.get(page_url(language="en")).content.decode()

    assert "Mortality per 100 000 inhabitants" in html
    assert '<th scope="col">Whole country</th>' in html
    assert "<td>1,234.6</td>" in html


def test_municipality_indicators__peers_and_gender__compared_and_chosen(client, demo):
    html = client.get(page_url(), {"peer": ["785", "407", "889", "x"], "gender": "female"})
    html = html.content.decode()

    # Vaala and Lapinjärvi are compared; Utajärvi itself and a bad code are ignored.
    assert '<th scope="col">Vaala</th>' in html
    assert '<th scope="col">Lapinjärvi</th>' in html
    assert html.count('<th scope="col">Utajärvi</th>') == with_values_for("889")
    assert '<input type="hidden" name="peer" value="785">' in html  # Vaala's chip
    assert '<option value="female" selected>' in html
    female = IndicatorValue.objects.get(
        indicator=mortality(), region__municipality__code="785", year=2024, gender="female"
    )
    with translation.override("fi"):
        assert f"<td>{NumberFormat()(female.value, 1)}</td>" in html


def test_municipality_indicators__peer_added_by_name__in_finnish_or_swedish(client, demo):
    for typed in ("vaala", "Vaala", " 785 "):
        html = client.get(page_url(), {"peer": ["407"], "add_peer": typed}).content.decode()
        assert '<th scope="col">Vaala</th>' in html, typed
        assert '<th scope="col">Lapinjärvi</th>' in html, typed
    html = client.get(page_url(), {"add_peer": "Lappträsk"}).content.decode()
    assert '<th scope="col">Lapinjärvi</th>' in html
    html = client.get(page_url(), {"add_peer": "ei tällaista kuntaa"}).content.decode()
    assert html.count('<input type="hidden" name="peer"') == 0


def test_municipality_indicators__indicator_set__its_indicators_in_its_order(client, demo):
    utajarvi = Region.objects.get(municipality__code="889").municipality
    own_set = IndicatorSet.objects.create(
        name="Utajärven seurantamittarit", kind=IndicatorSetKind.OWN, municipality=utajarvi
    )
    IndicatorSetItem.objects.create(indicator_set=own_set, indicator=mortality(), position=1)
    IndicatorSetItem.objects.create(
        indicator_set=own_set, indicator=Indicator.objects.get(sotkanet_id=322), position=0
    )

    chosen = TITLES.findall(client.get(page_url(), {"set": own_set.pk}).content.decode())
    by_default = TITLES.findall(client.get(page_url()).content.decode())
    everything = TITLES.findall(client.get(page_url(), {"set": "all"}).content.decode())

    assert chosen == [
        "Kuolleisuus 65 vuotta täyttäneillä / 100 000 vastaavan ikäistä",
        "Kuolleisuus / 100 000 asukasta",
    ]
    # Without ?set= the municipality's own list; "all" shows every indicator with values.
    if IndicatorSet.objects.filter(municipality=utajarvi).count() == 1:
        assert by_default == chosen
    assert len(everything) == with_values_for("889")


def test_municipality_indicators__html_page__keeps_the_strict_policy(client, demo):
    response = client.get(page_url())

    policy = response["Content-Security-Policy"]
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_municipality_indicators__unknown_municipality__404(client, demo):
    assert client.get(page_url("999")).status_code == 404


# --- Drawn once, kept, redrawn when the data changes -----------------------------------------
def test_charts__second_view__nothing_drawn_again(client, demo, draws):
    client.get(page_url())
    first = list(draws)
    client.get(page_url())

    assert len(first) == with_values_for("889")
    assert draws == first  # nothing more drawn
    assert ChartImage.objects.count() == len(first)


def test_charts__a_value_changes__that_chart_redrawn_and_its_old_url_moves_on(client, demo, draws):
    old_html = client.get(page_url()).content.decode()
    value = IndicatorValue.objects.get(
        indicator=mortality(), region__municipality__code="889", year=2020, gender="total"
    )
    value.value += 10
    value.save()
    draws.clear()

    new_html = client.get(page_url()).content.decode()

    assert draws == [mortality().pk]  # only the chart whose data changed
    assert ChartImage.objects.count() == with_values_for("889")  # replaced, not added
    changed = set(IMAGE.findall(new_html)) - set(IMAGE.findall(old_html))
    assert len(changed) == 1
    (stale,) = set(IMAGE.findall(old_html)) - set(IMAGE.findall(new_html))
    response = client.get(stale)
    assert response.status_code == 302
    assert response["Location"] == changed.pop()


def test_charts__other_language__its_own_chart(client, demo, draws):
    client.get(page_url())
    client.get(page_url(language="sv"))

    assert len(draws) == 2 * with_values_for("889")
    assert set(ChartImage.objects.values_list("language", flat=True)) == {"fi", "sv"}


# --- The SVG --------------------------------------------------------------------------------
def test_chart_svg_view__svg_with_title_desc_and_cache_headers(client, demo):
    html = client.get(page_url()).content.decode()
    url = IMAGE.findall(html)[1]

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    svg = response.content.decode()
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in svg
    assert re.search(r'<title id="chart-title">Kuolleisuus / 100 000 asukasta: Utajärvi', svg)
    description = re.search(r'<desc id="chart-desc">([^<]*)</desc>', svg).group(1)
    assert "2024" in description and "Utajärvi" in description
    assert "<script" not in svg
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    etag = response["ETag"]
    # Its own policy: the inline styles of matplotlib's SVG, nothing else.
    policy = response["Content-Security-Policy"]
    assert "style-src 'unsafe-inline'" in policy
    assert "default-src 'none'" in policy and "script-src 'none'" in policy

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


def test_chart_svg_view__unknown_chart__404(client, db):
    url = reverse("indicators:chart-svg", kwargs={"pk": 12345, "fingerprint": "abc"})
    assert client.get(url).status_code == 404


def test_chart_svg__for_reports__the_same_stored_svg_bytes(demo, draws):
    utajarvi = Region.objects.get(municipality__code="889")
    finland = Region.objects.get(category="MAA")

    first = chart_svg(indicator=mortality(), regions=[utajarvi, finland])
    second = chart_svg(indicator=mortality().pk, regions=[utajarvi, finland], gender="male")
    third = chart_svg(indicator=mortality(), regions=[utajarvi, finland])

    assert first.startswith(b"<?xml") and b"<svg" in first
    assert b"<title" in first and b"<desc" in first
    assert first == third and first != second
    assert len(draws) == 2


# --- Summaries and numbers ------------------------------------------------------------------
def test_number_format__each_language__its_separators():
    with translation.override("fi"):
        assert NumberFormat()(1234567.891, 2) == "1\u00a0234\u00a0567,89"
        assert NumberFormat()(-3.25, 1) == "−3,2"
        assert NumberFormat()(-0.01, 1) == "0,0"
        assert NumberFormat()(5, 1, sign=True) == "+5,0"
    with translation.override("en"):
        assert NumberFormat()(1234567.891, 2) == "1,234,567.89"
    with translation.override("sv"):
        assert NumberFormat()(1234.5, 1) == "1\u00a0234,5"


def test_chart_summary__latest_change_and_comparison(demo):
    from elinvoima.indicators.selectors import ChartIndicator, ChartRegion

    indicator = ChartIndicator(1, "Työttömät", 1, "Prosentti", "PERCENTAGE", "sotkanet", False)
    spec = charts.ChartSpec(
        indicator=indicator,
        regions=[
            ChartRegion(1, "Utajärvi", "municipality"),
            ChartRegion(2, "Pohjois-Pohjanmaa", "county"),
            ChartRegion(3, "Koko maa", "country"),
        ],
        gender=Gender.TOTAL,
        language="fi",
        series={1: {2015: 12.0, 2024: 9.5}, 2: {2024: 8.25}, 3: {}},
    )

    with translation.override("fi"):
        summary = charts.chart_summary(spec)

    assert "2024" in summary and "Utajärvi" in summary and "9,5\u00a0%" in summary
    assert "2015" in summary and "12,0\u00a0%" in summary and "−2,5\u00a0%" in summary
    assert "Pohjois-Pohjanmaa 8,2\u00a0%" in summary or "Pohjois-Pohjanmaa 8,3\u00a0%" in summary
    assert "Koko maa" in summary


# English words that a Finnish or Swedish chart text must never contain (issue 12: "In 2019
# it was 61 %…" on fi and sv pages: three of the summary's sentences were never extracted
# for translation).
ENGLISH = re.compile(r"\b(in|it|was|the|value|for|change|comparison|unit|no|has|there|are)\b", re.I)


def _summary_spec(language: str, series: dict, unit: str = "Prosentti"):
    from elinvoima.indicators.selectors import ChartIndicator, ChartRegion

    indicator = ChartIndicator(1, "Työttömät", 1, unit, "PERCENTAGE", "sotkanet", False)
    return charts.ChartSpec(
        indicator=indicator,
        regions=[
            ChartRegion(1, "Utajärvi", "municipality"),
            ChartRegion(2, "Pohjois-Pohjanmaa", "county"),
            ChartRegion(3, "Koko maa", "country"),
        ],
        gender=Gender.TOTAL,
        language=language,
        series=series,
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize(
    "series",
    [
        {1: {2015: 12.0, 2024: 9.5}, 2: {2024: 8.25}, 3: {}},  # change, comparison, no value
        {1: {}, 2: {}, 3: {}},  # no values at all
    ],
    ids=["values", "none"],
)
def test_chart_texts__finnish_and_swedish__no_english_words(demo, language, series):
    spec = _summary_spec(language, series, unit="henkilöä")
    with translation.override(language):
        texts = [charts.chart_summary(spec), charts.chart_title_text(spec)]
    for text in texts:
        assert not ENGLISH.search(text), (language, text)


# --- Queries --------------------------------------------------------------------------------
def test_municipality_indicators__three_or_twenty_charts__same_number_of_queries(
    client, demo, monkeypatch
):
    """The page reads the same few queries for the demo's 3 charts as for 20 charts of 5
    regions with many more values elsewhere, warm (charts stored) and cold (drawn)."""
    client.get(page_url())  # sessions, translations and the like loaded; charts drawn
    with CaptureQueriesContext(connection) as few:
        client.get(page_url())

    utajarvi = Region.objects.get(municipality__code="889")
    regions = list(Region.objects.all())
    created = Indicator.objects.bulk_create(
        Indicator(source="own", title=f"Mittari {n:02}", title_fi=f"Mittari {n:02}", decimals=1)
        for n in range(30)
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=i, region=r, year=y, gender=g, value=y + n)
        for n, i in enumerate(created)
        for r in regions
        for y in range(2010, 2025)
        for g in ("total", "male")
    )
    assert utajarvi in regions
    query = {"peer": ["785", "407"]}
    with monkeypatch.context() as patched:
        # Cold: all drawn, whatever this page loads once loaded. Drawn by a stand-in (the
        # images are deleted next): the cold request below draws all 20 for real.
        patched.setattr(charts, "chart_draw", lambda spec: "<svg></svg>")
        client.get(page_url(), query)
    ChartImage.objects.all().delete()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(page_url(), query)
    with CaptureQueriesContext(connection) as many:
        response = client.get(page_url(), query)

    assert len(TITLES.findall(response.content.decode())) == 20
    assert len(many) == len(few), [q["sql"][:80] for q in many.captured_queries]
    assert len(cold) == len(few) + 1  # the one upsert of the drawn charts

"""Indicator charts in the browser: Utajärvi's trends against Pohjois-Pohjanmaa and the
whole country, the catalogue, and the chart images under the site's Content-Security-Policy
(matplotlib's SVG has inline styles; served as images with a policy of their own)."""

import pytest

pytestmark = pytest.mark.browser

CHARTS = "main section.chart"


def all_images_loaded(page) -> bool:
    """Every chart image scrolled into view (they load lazily) and decoded."""
    images = page.locator(f"{CHARTS} img")
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('main section.chart img')].every(img => img.complete)"
    )
    return page.evaluate(
        "() => [...document.querySelectorAll('main section.chart img')]"
        ".every(img => img.naturalWidth > 0)"
    )


def test_municipality_indicators__anonymous__sees_utajarvis_charts(site):
    page = site.page
    # given anyone on Utajärvi's indicator page
    site.visit("/fi/municipalities/889/indicators/")
    # then the charts are there, each with its summary and data table, and they render
    charts = page.locator(CHARTS)
    assert charts.count() >= 3
    first = charts.filter(has_text="Kuolleisuus / 100 000 asukasta")
    summary = first.locator("figcaption").inner_text()
    assert "2024" in summary and "Utajärvi" in summary and "Koko maa" in summary
    headers = first.locator("table thead th").all_inner_texts()
    assert headers[1:] == ["Utajärvi", "Pohjois-Pohjanmaan hyvinvointialue", "Koko maa"]
    assert first.locator("table tbody tr").count() == 10
    assert "Kuolleisuus / 100 000 asukasta" in first.locator("img").get_attribute("alt")
    assert page.locator(".chart-demo-note").is_visible()  # the demo's values are made up
    assert all_images_loaded(page)
    site.check_origin_and_csp()

    # when Vaala is added for comparison by typing its name, with women's values
    page.locator("#chart-add-peer").fill("Vaala")
    page.locator("#chart-gender").select_option("female")
    site.follow(page.locator("main form.chart-filters button[type=submit]"))
    # then each chart has Vaala's column too, and Vaala is a chip that can be removed
    first = page.locator(CHARTS).filter(has_text="Kuolleisuus / 100 000 asukasta")
    assert first.locator("table thead th").last.inner_text() == "Vaala"
    chip = page.locator("main .chips .chip", has_text="Vaala")
    assert chip.count() == 1
    assert all_images_loaded(page)
    site.check_origin_and_csp()
    # when a second one is added, the first stays
    page.locator("#chart-add-peer").fill("Lapinjärvi")
    site.follow(page.locator("main form.chart-filters button[type=submit]"))
    headers = page.locator(CHARTS).filter(has_text="Kuolleisuus / 100 000 asukasta")
    assert headers.locator("table thead th").all_inner_texts()[-2:] == ["Vaala", "Lapinjärvi"]
    # when Vaala's chip is removed, only Lapinjärvi is compared
    site.follow(page.locator("main .chips .chip", has_text="Vaala").locator("a"))
    assert page.locator("main .chips .chip").all_inner_texts()[0].startswith("Lapinjärvi")
    first = page.locator(CHARTS).filter(has_text="Kuolleisuus / 100 000 asukasta")
    assert first.locator("table thead th").last.inner_text() == "Lapinjärvi"

    # when a chart's title is followed, the indicator's metadata page opens with THL's credit
    site.follow(first.locator("h2 a"))
    assert page.locator("h1").inner_text() == "Kuolleisuus / 100 000 asukasta"
    assert "THL, Sotkanet" in page.locator("main .attribution").inner_text()


def test_chart_image__opened_on_its_own__svg_with_title_and_no_csp_violation(site):
    page = site.page
    site.visit("/fi/municipalities/889/indicators/")
    url = page.locator(f"{CHARTS} img").first.get_attribute("src")
    # when the image is opened as a document of its own (its inline styles apply)
    response = page.goto(site.url(url))
    assert response is not None and response.status == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    # then it shows, titled, and its own policy lets its styles through without a violation
    assert page.locator("svg > title").count() == 1
    assert page.locator("svg > desc").count() == 1
    site.check_origin_and_csp()


def test_municipality_indicators__councillor__sees_own_municipalitys_charts(site):
    page = site.page
    site.login("valtuutettu.vaala")
    site.visit("/sv/municipalities/785/indicators/")
    first = page.locator(CHARTS).filter(has_text="Dödlighet / 100 000 invånare")
    assert first.count() == 1
    assert first.locator("table thead th").all_inner_texts()[1] == "Vaala"
    assert "Hela landet" in first.locator("table thead").inner_text()
    assert all_images_loaded(page)
    site.check_origin_and_csp()


def test_indicator_catalogue__search_and_open__in_english(site):
    page = site.page
    site.visit("/en/indicators/")
    page.locator("#id_q").fill("mortality")
    site.follow(page.locator("main form.filters button[type=submit]"))
    assert page.locator("main .directory__name").count() == 2
    site.follow(page.locator("main .directory__name a", has_text="per 100 000 inhabitants"))
    assert page.locator("h1").inner_text() == "Mortality per 100 000 inhabitants"
    # a chart for a municipality on the indicator's own page
    page.locator("#chart-municipality").select_option("889")
    site.follow(page.locator("main section form button[type=submit]"))
    assert page.locator(CHARTS).count() == 1
    assert all_images_loaded(page)
    site.check_origin_and_csp()


def test_indicator_page__thl_html__links_lists_and_entities_shown_script_gone(site_without_data):
    from tests.factories import IndicatorFactory

    # given one of Sotkanet's indicators whose texts carry THL's small HTML (issue 11)
    indicator = IndicatorFactory(
        sotkanet=True,
        description_fi=(
            'Lisätietoja: <a href="https://thl.fi" onclick="window.pwned = 1">THL</a>.<br>'
            "Ikäryhmät &#8594; 65 &amp; yli.<ul><li>Kuolleet</li><li>Väestö</li></ul>"
            "<script>window.pwned = 2</script>"
        ),
        metadata={"legislation": {"fi": "Laki <em>terveydenhuollosta</em>"}},
    )
    page = site_without_data.page

    # when anyone opens its page (axe checks it)
    site_without_data.visit(f"/fi/indicators/{indicator.pk}/")

    # then the link is a link to THL, safe to follow; the list a list; the arrow an arrow
    description = page.locator("section[aria-labelledby=indicator-description]")
    link = description.get_by_role("link", name="THL")
    assert link.get_attribute("href") == "https://thl.fi"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("onclick") is None
    assert description.locator("ul li").all_inner_texts() == ["Kuolleet", "Väestö"]
    assert "Ikäryhmät → 65 & yli." in description.inner_text()
    # and the script is gone: not in the page, never run
    assert description.locator("script").count() == 0
    assert page.evaluate("() => window.pwned === undefined")
    # and the legislation, never shown before, is
    legislation = page.locator("section[aria-labelledby=indicator-legislation]")
    assert legislation.locator("em").inner_text() == "terveydenhuollosta"

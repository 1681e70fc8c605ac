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

    # when Vaala is added for comparison, with women's values
    page.locator("#chart-peers").select_option(["785"])
    page.locator("#chart-gender").select_option("female")
    site.follow(page.locator("main form.chart-filters button[type=submit]"))
    # then each chart has Vaala's column too
    first = page.locator(CHARTS).filter(has_text="Kuolleisuus / 100 000 asukasta")
    assert first.locator("table thead th").last.inner_text() == "Vaala"
    assert all_images_loaded(page)
    site.check_origin_and_csp()

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

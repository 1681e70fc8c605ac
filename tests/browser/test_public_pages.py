"""Public pages in a real browser: languages, keyboard access, phones, errors, API docs."""

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ("fi", "sv", "en")
PHONE = {
    "viewport": {"width": 375, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}


def test_front_page__each_language__lang_attribute_and_skip_link(site_without_data):
    site = site_without_data
    page = site.page
    for language in LANGUAGES:
        # given the front page in one language
        site.visit(f"/{language}/")
        assert page.locator("html").get_attribute("lang") == language
        # when a keyboard user presses Tab once
        page.keyboard.press("Tab")
        # then the skip link has the focus and is shown on screen
        assert page.evaluate("document.activeElement.classList.contains('skip-link')")
        box = page.locator(".skip-link").bounding_box()
        assert box is not None and box["x"] >= 0 and box["y"] >= 0
        if language == "fi":  # the shown skip link is the same markup in every language
            site.check_accessibility(f"/{language}/ with the skip link focused")
        # and following it moves the focus to the main content
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        assert page.url.endswith("#main")


def test_language_switcher__switch__same_page_in_other_language(site):
    page = site.page

    def switch_to(language: str) -> None:
        site.follow(page.locator(f".language-switcher a[hreflang='{language}']"))
        assert page.locator("html").get_attribute("lang") == language
        current = page.locator(".language-switcher a[aria-current='true']")
        assert current.get_attribute("hreflang") == language

    # given the Finnish front page
    site.visit("/fi/")
    # when switching to Swedish, then English, then back to Finnish
    # then each is the front page in that language
    for language in ("sv", "en", "fi"):
        switch_to(language)
        assert page.url == site.url(f"/{language}/")

    # given a deeper page with a query string
    site.visit("/fi/municipalities/?q=Uta&sort=code")
    # when switching language, then the page and its query are kept
    for language in ("sv", "en", "fi"):
        switch_to(language)
        assert page.url == site.url(f"/{language}/municipalities/?q=Uta&sort=code")
        assert page.locator("#id_q").input_value() == "Uta"


def test_public_pages__phone_viewport__no_sideways_scroll_and_navigation_usable(make_site, demo):
    site = make_site(**PHONE)
    page = site.page

    def assert_no_sideways_scroll() -> None:
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert inner_width == 375
        assert scroll_width <= inner_width, f"{page.url}: {scroll_width}px wide on 375px"

    # given a phone-sized screen, when the front page is opened
    site.visit("/fi/")
    # then the page body does not scroll sideways
    assert_no_sideways_scroll()
    # and the header's controls and every main navigation link are on the screen
    controls = page.locator(
        ".language-switcher a, .site-header__account a, .site-header__account button, .main-nav a"
    )
    assert controls.count() >= 6
    for control in controls.all():
        assert control.is_visible()
        box = control.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, control.inner_text()

    # when the municipalities link is tapped
    with page.expect_navigation():
        page.locator(".main-nav a[href='/fi/municipalities/']").tap()
    # then the list opens, marked as the current page, without sideways scrolling either
    assert page.url == site.url("/fi/municipalities/")
    assert page.locator(".main-nav a[aria-current='page']").get_attribute("href") == (
        "/fi/municipalities/"
    )
    site.check_origin_and_csp()
    site.check_accessibility("/fi/municipalities/ on a phone")
    assert_no_sideways_scroll()
    # and its wide table scrolls inside its own keyboard-reachable region instead
    table_region = page.locator("main .table-scroll")
    assert table_region.get_attribute("tabindex") == "0"

    # when the login button in the header is tapped, then the login form opens
    with page.expect_navigation():
        page.locator(".site-header__account a").tap()
    assert page.url == site.url("/fi/accounts/login/")
    site.check_origin_and_csp()
    site.check_accessibility("/fi/accounts/login/ on a phone")
    assert_no_sideways_scroll()


def test_error_page__unknown_path__localized_404(site_without_data):
    site = site_without_data
    page = site.page
    for language, heading in [
        ("fi", "Sivua ei löytynyt"),
        ("sv", "Sidan hittades inte"),
        ("en", "Page not found"),
    ]:
        # when a page that does not exist is opened (visit also runs axe on it)
        site.visit(f"/{language}/no-such-page/", status=404)
        # then the error page is in the language of the URL
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("main h1").inner_text() == heading
        assert page.title().startswith(heading)
        # and leads back to the front page
        assert page.locator(f"main a[href='/{language}/']").count() == 1


def open_api_docs(site) -> None:
    # axe is not run here: /api/docs/ is Swagger UI, third-party markup from
    # drf-spectacular's sidecar package, not a page of the project's own templates.
    # The same-origin check still applies.
    site.visit("/api/docs/", axe=False)
    title = site.page.locator(".swagger-ui .info .title")
    title.wait_for()
    assert "Elinvoima API" in title.inner_text()
    site.page.locator(".swagger-ui .opblock").first.wait_for()  # the operations rendered
    site.page.wait_for_load_state("networkidle")


def test_api_docs__open__swagger_ui_from_the_project_itself_without_csp_violations(
    site_without_data,
):
    site = site_without_data
    # when the API docs are opened, Swagger UI renders the project's OpenAPI schema
    open_api_docs(site)
    # and everything it needed came from the live server, none from a CDN
    assert any(url.startswith(site.url("/api/schema/")) for url in site.requests)
    assert any(
        url.startswith(site.url("/static/drf_spectacular_sidecar/")) for url in site.requests
    )
    foreign = [url for url in site.requests if not url.startswith(site.base_url + "/")]
    assert not foreign, f"Swagger UI loaded from elsewhere: {foreign}"
    # and the Content-Security-Policy refused nothing on the way
    site.check_origin_and_csp()

"""Browser tests: one headless Chromium per session, a fresh context and page per test, the
live server with the demo data, and an axe-core check on every kind of page a test visits.

Every test's `site` also fails when a request leaves the live server's origin (nothing may
come from a CDN) or when Chromium reports a Content-Security-Policy violation."""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.urls import Resolver404, resolve
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Response, sync_playwright

# Playwright's sync API runs an asyncio event loop in this thread; Django refuses ORM calls
# from a thread with a running loop unless told that this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"  # Debian's Chromium: Playwright's own builds cannot be fetched
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# How long a step may wait. A page here answers in well under a second; the margin is for
# a busy two-core CI machine, where a navigation once waited over 10 s for the live server
# (the strategy plan test). A real hang still fails, only later.
TIMEOUT_MS = 30_000
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Violations in full; passes and the rest with one example node each: the same
    # verdict, half the time on long pages (axe's result object is otherwise huge).
    "resultTypes": ["violations"],
}
# Schemes that never reach the network.
LOCAL_SCHEMES = ("data:", "blob:", "about:")

_axe = Axe()
_seen: set[tuple] = set()  # the kinds of page axe-core has checked in this session


def _first_time(key: tuple) -> bool:
    first = key not in _seen
    _seen.add(key)
    return first


_CALL_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Remember whether the test itself failed: the teardown checks of `make_site` then do
    # not report the same problem a second time as an error.
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed or hasattr(report, "wasxfail")
    return report


def axe_violations_report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [
            " ".join(str(part) for part in node["target"])
            if isinstance(node["target"], list)
            else str(node["target"])
            for node in violation["nodes"]
        ]
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    targets: {'; '.join(targets)}"
        )
    return "\n".join(lines)


@dataclass
class Site:
    """A browser page on the live server, with the checks every page must pass."""

    base_url: str
    page: Page
    requests: list[str] = field(default_factory=list)
    csp_errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path

    # --- checks --------------------------------------------------------------------------

    def check_accessibility(self, what: str = "") -> dict:
        """Run axe-core on the page as it is now; fail listing every violation."""
        results = _axe.run(self.page, options=AXE_OPTIONS).response
        where = what or self.page.url
        # axe really ran (CSP does not block page.evaluate, but a broken injection would
        # silently find nothing): it must have checked something.
        assert results["passes"], f"axe-core checked nothing on {where}"
        assert not results["violations"], (
            f"axe-core found accessibility violations on {where}:\n"
            + axe_violations_report(results["violations"])
        )
        return results

    def check_origin_and_csp(self) -> None:
        foreign = [
            url
            for url in self.requests
            if not url.startswith(self.base_url + "/") and not url.startswith(LOCAL_SCHEMES)
        ]
        assert not foreign, f"requests left the live server ({self.base_url}): {foreign}"
        assert not self.csp_errors, (
            f"Content-Security-Policy violations on {self.page.url}: {self.csp_errors}"
        )

    # --- navigation ----------------------------------------------------------------------

    def visit(self, path: str, *, status: int = 200, axe: bool = True) -> Response:
        """Open a path of the live server, check its status, origin, CSP and accessibility."""
        response = self.page.goto(self.url(path))
        assert response is not None
        assert response.status == status, f"{path}: HTTP {response.status}, expected {status}"
        self._checked(axe)
        return response

    def follow(self, locator: Locator, *, status: int = 200, axe: bool = True) -> Response:
        """Click a link or submit button that loads a new page, then check that page."""
        with self.page.expect_navigation() as navigation:
            locator.click()
        response = navigation.value
        assert response is not None
        assert response.status == status, (
            f"{response.url}: HTTP {response.status}, expected {status}"
        )
        self._checked(axe)
        return response

    def _checked(self, axe: bool) -> None:
        self.check_origin_and_csp()
        if axe and _first_time(self._page_kind()):
            self.check_accessibility()

    def _page_kind(self) -> tuple:
        """What axe-core's verdict depends on: the view, the language, the viewport's width,
        the query's parameters and whether the page shows form errors. The same kind of page
        is checked once in the session (axe takes ~0.5 s a page); the tests' explicit
        `check_accessibility` calls always run."""
        url = urlsplit(self.page.url)
        try:
            view = resolve(url.path).view_name
        except Resolver404:
            view = url.path
        viewport = self.page.viewport_size or {}
        errors = self.page.locator(".error-summary, [aria-invalid='true']").count() > 0
        parameters = tuple(sorted({name for name, _ in parse_qsl(url.query)}))
        return ("axe", view, url.path.split("/")[1], viewport.get("width"), parameters, errors)

    # --- the usual steps -----------------------------------------------------------------

    def login(self, username: str, password: str | None = None, *, language: str = "fi"):
        """Log in through the login form; the dashboard follows. The login page and each
        user's dashboard are checked by axe-core the first time in the session only: most
        tests start here, and the same page checked again would find nothing new."""
        self.visit(f"/{language}/accounts/login/", axe=_first_time(("login", language)))
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(password or settings.ELINVOIMA_DEMO_PASSWORD)
        return self.follow(
            self.page.locator("main form button[type=submit]"),
            axe=_first_time(("dashboard", language, username)),
        )

    def second_factor(self, username: str, *, language: str = "fi") -> Response:
        """Pass the login's second factor with the code of an authenticator app linked for
        the user (made here, as if linked before), as counselling's pages ask."""
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from elinvoima.actors.models import User

        app = TOTPDevice.objects.create(user=User.objects.get(username=username), name="app")
        self.visit(f"/{language}/accounts/second-factor/", axe=False)
        self.page.locator("#id_token").fill(f"{totp(app.bin_key):06d}")
        return self.follow(self.page.locator("main form button[type=submit]"), axe=False)

    def logout(self) -> Response:
        return self.follow(self.page.locator(".site-header__account button[type=submit]"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def make_site(request, browser, live_server, transactional_db) -> Iterator[Callable[..., Site]]:
    """`make_site(**context_options)`: a fresh browser context and page on the live server.

    The server runs in another thread, so what a test puts in the database must be
    committed: transactional_db, which empties the database again after each test."""
    contexts = []
    sites: list[Site] = []

    def make(**context_options) -> Site:
        context = browser.new_context(base_url=live_server.url, **context_options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        site = Site(base_url=live_server.url, page=page)

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error" and "content security policy" in message.text.lower():
                site.csp_errors.append(message.text)

        page.on("request", lambda sent: site.requests.append(sent.url))
        page.on("console", on_console)
        sites.append(site)
        return site

    yield make
    try:
        # Whatever happened after the test's last check: still no foreign request, no CSP
        # violation.
        if not request.node.stash.get(_CALL_FAILED, False):
            for site in sites:
                site.check_origin_and_csp()
    finally:
        for context in contexts:
            context.close()


DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "fi-FI"}


@pytest.fixture
def site(make_site, demo) -> Site:
    """A desktop browser page on the live server with the demo data."""
    return make_site(**DESKTOP)


@pytest.fixture
def site_without_data(make_site) -> Site:
    """A desktop browser page on the live server, for pages that show no data: saves
    loading the demo data (all municipalities) for nothing."""
    return make_site(**DESKTOP)

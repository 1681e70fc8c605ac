"""No sideways scrolling at 375 px (issue 12): every page of the role × URL table, opened on
a phone-sized screen by one role that may see it, fits the screen's width — neither the
page nor any element reaches past its right edge, except inside the containers made to
scroll sideways (wide tables, code)."""

import pytest
from django.urls import reverse

from elinvoima.counselling.demo import KEEPER
from tests.conftest import DEMO_USERNAMES
from tests.core.test_access_matrix import ANONYMOUS, EXPECTATIONS, OK

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 375, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}
# Each URL is opened once, by the first of these that may see it.
ROLES = [ANONYMOUS, "hyte.utajarvi", "hva.paijathame", "yhdistys.reuma", *DEMO_USERNAMES, KEEPER]
# Counselling's pages are shown only after the login's second factor.
SECOND_FACTOR = {"laakari.lapinjarvi", "liikuntaneuvoja.lapinjarvi", KEEPER}
NOT_PAGES = ("api", "svg", "pdf", "export", "healthz", "embed-script")
# Files sent as downloads or PDFs, not pages.
DOWNLOADS = {
    "grants:attachment",
    "networks:agenda-document",
    "networks:agenda-pdf",
    "networks:minutes-pdf",
    "networks:municipality-clock-feed",
    "networks:network-clock-feed",
    "practices:file",
    "workshops:table-lists-pdf",
    "workshops:badges-pdf",
    "workshops:news-rss",
    "workshops:news-atom",
}

PAST_THE_EDGE = """() => {
  const edge = document.documentElement.clientWidth;
  const scroller = ".table-scroll, .chart__table-wrap, .code, .visually-hidden, .skip-link";
  const past = Array.from(document.querySelectorAll("body *")).filter((element) =>
    element.getBoundingClientRect().right > edge + 1 && !element.closest(scroller)
    && getComputedStyle(element).visibility !== "hidden");
  return {
    page: document.documentElement.scrollWidth > edge,
    elements: past.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  };
}"""


def _pages_by_role(objects) -> dict[str, list[str]]:
    chosen: dict[str, list[str]] = {}
    for name, (kwargs_for, expected) in EXPECTATIONS.items():
        if any(part in name for part in NOT_PAGES) or name in DOWNLOADS:
            continue
        role = next((role for role in ROLES if expected[role] == OK), None)
        if role is not None:
            url = reverse(name, kwargs=kwargs_for(objects) if kwargs_for else None)
            chosen.setdefault(role, []).append(url)
    return chosen


# The longest browser test (half a minute): started first, while the other worker goes
# through the rest, instead of last, when the other would wait for it.
@pytest.mark.runs_first
def test_every_page__fits_a_375px_phone(make_site, demo):
    from elinvoima.actors.models import Organisation

    objects = {"reuma": Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")}
    too_wide = []
    visited = 0
    for role, urls in _pages_by_role(objects).items():
        site = make_site(**PHONE)
        if role != ANONYMOUS:
            site.login(role)
        if role in SECOND_FACTOR:
            site.second_factor(role)
        for url in urls:
            response = site.page.goto(url)
            if response is None or "html" not in response.headers.get("content-type", ""):
                continue
            visited += 1
            found = site.page.evaluate(PAST_THE_EDGE)
            if found["page"] or found["elements"]:
                too_wide.append(f"{role} {url}: {found}")
    assert visited > 80, visited
    assert not too_wide, "\n".join(too_wide)

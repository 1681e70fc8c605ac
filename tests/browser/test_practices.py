"""The practice library in a browser (issue 20): anyone finds seed 003's record of the
regional workshops by searching in Finnish, reads where it is used and downloads its
attachment; an association's volunteer records a practice on a phone, told at the top what is
missing, and attaches a file to it; Utajärvi's coordinator updates its partnership roadmap on
a phone (axe on each page)."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from elinvoima.practices.models import Practice
from elinvoima.practices.roadmap.models import RoadmapStep
from elinvoima.practices.seed_data import ELINVOIMAPAJAT_FILE
from tests.browser.test_phone_width import PAST_THE_EDGE

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
OUTLINE, OUTLINE_PDF = ELINVOIMAPAJAT_FILE  # the demo's attachment of seed 003's record


def test_search__the_workshop_record_and_where_it_is_used(site):
    page = site.page
    site.visit("/fi/practices/")
    page.locator("#id_q").fill("elinvoimapajoista")
    site.follow(page.locator("main form[role=search] button[type=submit]"))
    site.follow(
        page.get_by_role("link", name="Järjestö-kuntayhteistyön alueelliset elinvoimapajat")
    )
    expect(page.locator("main")).to_contain_text("Anu Hätinen")
    expect(page.locator("main section", has_text="Jyväskylä")).to_have_count(1)
    # its outline attached: a download listed with its kind and size (axe checked the page)
    attachment = page.locator("main .attachments li")
    expect(attachment).to_have_count(1)
    expect(attachment).to_contain_text(f"{OUTLINE} (PDF, ")
    with page.expect_download() as download:
        attachment.get_by_role("link", name=OUTLINE).click()
    assert download.value.suggested_filename == OUTLINE


def test_record__a_volunteer_drafts_a_practice_on_a_phone(make_site, demo):
    site = make_site(**PHONE)
    page = site.page
    site.login("yhdistys.reuma")
    site.visit("/fi/practices/new/")
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator(".error-summary")).to_be_focused()
    page.locator("#id_name_fi").fill("Reumajumppa kylätalolla")
    page.locator("#id_summary_fi").fill("Viikoittainen jumppa kylätalolla.")
    page.locator("#id_topics_0").check()
    page.locator("#id_audiences_0").check()
    site.follow(page.locator("main form button[type=submit]"))
    practice = Practice.objects.get(name_fi="Reumajumppa kylätalolla")
    assert practice.state == "draft"
    expect(page.locator("main")).to_contain_text("ratkaisun perusidea")  # still missing
    # and attaches its instructions from the phone: a text file refused, said at the top
    site.follow(page.locator("main a[href$='/files/']"))
    text = {"name": "jumppa.txt", "mimeType": "text/plain", "buffer": b"Jumppa"}
    page.locator("#id_file").set_input_files(text)
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#id_file_error")).to_contain_text("PDF")
    pdf = {"name": "Jumppaohje.pdf", "mimeType": "application/pdf", "buffer": OUTLINE_PDF}
    page.locator("#id_file").set_input_files(pdf)
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main .attachments")).to_contain_text("Jumppaohje.pdf")
    assert page.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}
    assert [f.name for f in practice.files.all()] == ["Jumppaohje.pdf"]


def test_roadmap__the_coordinator_records_a_step_done_on_a_phone(make_site, demo):
    site = make_site(**PHONE)
    page = site.page
    site.login("hyte.utajarvi")
    site.visit("/fi/municipalities/889/")
    site.follow(page.locator("main .quick-links a[href$='/partnership-roadmap/']"))
    steps = page.locator("main ol.roadmap > li")
    expect(steps).to_have_count(5)
    expect(steps.locator("h2")).to_have_count(5)
    statuses = steps.locator(".roadmap-status")
    for n, status in enumerate(["done", "done", "due", "not_started", "not_started"]):
        expect(statuses.nth(n)).to_have_class(re.compile(f"roadmap-status--{status}"))
        expect(statuses.nth(n)).not_to_be_empty()  # said in words, not only by its colour
    assert page.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}
    site.follow(steps.nth(2).locator("a[href$='/new_ways/']"))
    today = timezone.localdate()
    page.locator("#id_done_on").fill((today + datetime.timedelta(days=1)).isoformat())
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator(".error-summary")).to_be_focused()
    page.locator("#id_done_on").fill(today.isoformat())
    site.follow(page.locator("main form button[type=submit]"))
    expect(statuses.nth(2)).to_have_class(re.compile("roadmap-status--done"))
    assert RoadmapStep.objects.get(municipality__code="889", step="new_ways").done_on == today

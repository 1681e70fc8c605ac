"""The practice library in a browser (issue 20): anyone finds seed 003's record of the
regional workshops by searching in Finnish and reads where it is used; an association's
volunteer records a practice on a phone, told at the top what is missing (axe on each
page)."""

import pytest
from playwright.sync_api import expect

from elinvoima.practices.models import Practice

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


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

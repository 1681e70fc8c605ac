"""Utajärvi's grant rounds in a browser: the coordinator prepares an event grant round tied
to the Ikäihmiset-kortti's goal and publishes it; anyone reads it (axe on each page)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from elinvoima.grants.models import GrantRound

pytestmark = pytest.mark.browser


def test_grant_round__coordinator_prepares_and_publishes__the_public_reads_it(site):
    page = site.page
    today = timezone.localdate()
    # given Utajärvi's coordinator at the municipality's grants
    site.login("hyte.utajarvi")
    site.visit("/fi/municipalities/889/grants/")
    # when a round is prepared, first with the applications closing before they open
    site.follow(page.locator("main a[href='/fi/municipalities/889/grants/new/']"))
    page.locator("#id_name_fi").fill("Kesätapahtumien avustukset")
    page.locator("#id_name_sv").fill("Bidrag för sommarevenemang")
    page.locator("#id_kind").select_option("event")
    page.locator("#id_budget").fill("3 000,00")
    page.locator("#id_period_starts_on").fill(f"{today.year + 1}-05-01")
    page.locator("#id_period_ends_on").fill(f"{today.year + 1}-08-31")
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_closes_on").fill((today - datetime.timedelta(days=1)).isoformat())
    page.locator("main form input[name='goals']").first.check()
    site.follow(page.locator("main form button[type=submit]"))
    # then the error is shown at its field, and the corrected round is saved as a draft
    expect(page.locator("#id_closes_on_error")).to_be_visible()
    page.locator("#id_closes_on").fill((today + datetime.timedelta(days=21)).isoformat())
    site.follow(page.locator("main form button[type=submit]"))
    grant_round = GrantRound.objects.get(name_fi="Kesätapahtumien avustukset")
    expect(page.locator("main")).to_contain_text("luonnos, ei julkaistu")
    # and published, after which an anonymous visitor reads it among Utajärvi's grants
    site.follow(page.locator("main form button[type=submit]"))
    grant_round.refresh_from_db()
    assert grant_round.published_at is not None
    site.logout()
    site.visit("/fi/municipalities/889/grants/")
    site.follow(page.locator(f"main a[href='/fi/grant-rounds/{grant_round.pk}/']"))
    expect(page.locator("main h1")).to_have_text("Kesätapahtumien avustukset")

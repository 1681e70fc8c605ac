"""Exercise counselling in a browser (issue 19's "done when", axe on each page): the doctor
refers a client and books the counsellor's time; the counsellor records the plan and two
visits on a phone and ends the period; the doctor reads the summary."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from elinvoima.counselling.enums import AuditAction
from elinvoima.counselling.models import AuditEntry, Period
from tests.browser.test_phone_width import PAST_THE_EDGE

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def test_counselling__refer_book_record_close_and_read_the_summary(make_site, demo):
    doctor = make_site()
    page = doctor.page
    doctor.login("laakari.lapinjarvi")
    doctor.visit("/fi/counselling/")
    doctor.follow(page.get_by_role("link", name="Tee lähete"))
    page.locator("#id_identity_code").fill("010101A123N")
    page.locator("#id_name").fill("Kaija Kokeilija")
    page.locator("#id_reason").fill("Liikkumattomuus, tyypin 2 diabeteksen riski.")
    page.locator("#id_slot").select_option(index=1)
    doctor.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main h1")).to_have_text("Kaija Kokeilija")
    period = Period.objects.order_by("-pk").first()

    counsellor = make_site(**PHONE)
    phone = counsellor.page
    counsellor.login("liikuntaneuvoja.lapinjarvi")
    counsellor.visit(f"/fi/counselling/periods/{period.pk}/")
    counsellor.follow(phone.get_by_role("link", name="Liikuntasuunnitelma"))
    phone.locator("#id_exercise_plan").fill("Kävely 3 x 30 min viikossa.")
    counsellor.follow(phone.locator("main form button[type=submit]"))
    today = timezone.localdate().isoformat()
    for minutes in ("60", "150"):
        counsellor.follow(phone.get_by_role("link", name="Kirjaa käynti"))
        phone.locator("#id_visited_on").fill(today)
        phone.locator("#id_m_activity_minutes").fill(minutes)
        counsellor.follow(phone.locator("main form button[type=submit]"))
    assert phone.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}
    counsellor.follow(phone.get_by_role("link", name="Päätä neuvontajakso"))
    phone.locator("#id_outcome").select_option("goals_met")
    phone.locator("#id_summary").fill("Liikuntaa nyt 150 minuuttia viikossa.")
    counsellor.follow(phone.locator("main form button[type=submit]"))

    doctor.visit(f"/fi/counselling/periods/{period.pk}/")
    expect(page.locator("main")).to_contain_text("Liikuntaa nyt 150 minuuttia viikossa.")
    reads = AuditEntry.objects.filter(client=period.client, action=AuditAction.READ)
    assert reads.values("user").distinct().count() == 2


def test_counselling__the_municipality_sees_its_numbers_without_anyone_in_them(make_site, demo):
    site = make_site(**PHONE)
    site.login("hyte.lapinjarvi")
    site.visit("/fi/municipalities/407/exercise-counselling/")
    expect(site.page.locator("main")).to_contain_text("alle 5")  # the demo's one client
    expect(site.page.locator("main")).not_to_contain_text("Demo Asiakas")
    assert site.page.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}

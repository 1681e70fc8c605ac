"""Workshops in a browser (issue 17): a person registers for Keski-Suomi's next workshop on
a phone, without an account; the page opens with last time's cooperation plans; the
organiser sees the last workshop's tables of three rounds and how well they mix (axe on
each page)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from elinvoima.workshops.models import Registration, Workshop

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def test_registration__on_a_phone_without_an_account(make_site, demo):
    workshop = Workshop.objects.get(theme_fi="Yhteistyön suunnitelmat käytäntöön")
    site = make_site(**PHONE)
    page = site.page
    # given the public event page, which opens with last time's plans
    site.visit(f"/fi/workshops/{workshop.pk}/")
    expect(page.locator("main")).to_contain_text("Yhdistysinfo kaupungin kotisivuille")
    # when a person registers without agreeing to the use of the data
    page.locator("#id_name").fill("Liisa Virtanen")
    page.locator("#id_email").fill("liisa@example.invalid")
    page.locator("#id_background").select_option("association")
    page.locator("#id_diet").select_option("vegan")
    site.follow(page.locator("main form button[type=submit]"))
    # then the missing consent is summed up at the top, and with it the registration is made
    expect(page.locator(".error-summary")).to_be_focused()
    page.locator("#id_consent").check()
    site.follow(page.locator("main form button[type=submit]"))
    registration = Registration.objects.get(email="liisa@example.invalid")
    expect(page.locator("main [role=status]")).to_contain_text("Ilmoittautunut")
    assert page.url.endswith(f"/workshop-registrations/{registration.token}/")


def test_tables__organiser_sees_the_three_rounds_and_the_mixing(site):
    previous = Workshop.objects.get(theme_fi="Järjestöt kunnan kumppanina")
    assert previous.starts_at < timezone.now() - datetime.timedelta(days=300)
    page = site.page
    site.login("pajat.keskisuomi")
    site.visit(f"/fi/workshops/{previous.pk}/tables/")
    expect(page.locator("main h2", has_text="Kierros")).to_have_count(3)
    expect(page.locator("main table")).to_contain_text("0")

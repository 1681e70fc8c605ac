"""The welfare report in a browser (issue 18): Päijät-Häme's HYTE official reads the report
being written with Asikkala's card, writes its summary and has the PDF made; Asikkala's
welfare coordinator changes the municipality's card on a phone (axe on each page)."""

import pytest
from playwright.sync_api import expect

from elinvoima.reports.welfare.models import Contribution, Report

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_report__the_county_writes_the_summary_and_makes_the_pdf(
    site, settings, tmp_path, immediate_tasks
):
    settings.PRIVATE_ROOT = tmp_path
    report = Report.objects.get(wellbeing_county__code="9")
    page = site.page
    site.login("hva.paijathame")
    site.visit(f"/fi/welfare-reports/{report.pk}/")
    expect(page.locator("main")).to_contain_text("Liikuntaneuvonnan ohjausprosessi tehtiin")
    site.follow(page.locator("main a[href$='/sections/summary/']"))
    page.locator("#id_text_fi").fill("Vähän liikkuvat tavoitetaan, ja yhteistyötä vahvistetaan.")
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Vähän liikkuvat tavoitetaan, ja yhteistyötä")
    site.visit(f"/fi/welfare-reports/{report.pk}/files/")
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("#report-files a")).to_have_count(1)
    assert report.files.get().state == "done"


def test_card__asikkalas_coordinator_changes_it_on_a_phone(make_site, demo):
    card = Contribution.objects.get(organisation__municipality__code="016")
    site = make_site(**PHONE)
    page = site.page
    site.login("hyte.asikkala")
    site.visit(f"/fi/welfare-report-cards/{card.pk}/")
    page.locator("#id_done").fill("")
    page.locator("#id_successes").fill("")
    page.locator("#id_challenges").fill("")
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator(".error-summary")).to_be_focused()
    page.locator("#id_done").fill("Liikuntaneuvonnan ajanvaraus on Lifecaressa.")
    site.follow(page.locator("main form button[type=submit]"))
    card.refresh_from_db()
    assert card.done == "Liikuntaneuvonnan ajanvaraus on Lifecaressa."

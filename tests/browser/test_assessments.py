"""Ex-ante impact assessment and hearing residents in a browser (issue 20's "done when"):
Utajärvi's coordinator asks residents in a consultation, a resident answers on a phone
without an account, and the coordinator runs an assessment of the decision through its
checklist, links the consultation, and publishes it with the decision — after which
anyone reads it (axe on each page)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from elinvoima.practices.assessments.models import Assessment
from elinvoima.practices.hearings import forms as hearing_forms
from elinvoima.practices.hearings.models import Consultation
from tests.browser.test_phone_width import PAST_THE_EDGE

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
TITLE = "Uimahallin aukioloajat"


def _consultation_opened(site) -> Consultation:
    page = site.page
    site.visit("/fi/municipalities/889/hearing-residents/")
    site.follow(page.get_by_role("link", name="Uusi kysely"))
    page.locator("#id_title").fill(TITLE)
    today = timezone.localdate()
    page.locator("#id_starts_on").fill(today.isoformat())
    page.locator("#id_ends_on").fill((today + datetime.timedelta(days=14)).isoformat())
    page.locator("#id_questions-0-text").fill("Milloin kävisit uimassa?")
    site.follow(page.locator("main form button[type=submit]").last)
    site.follow(page.get_by_role("link", name="Avaa vastattavaksi"))
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Ottaa vastaan vastauksia")
    return Consultation.objects.get(title=TITLE)


def test_eva__a_coordinator_hears_residents_and_publishes_the_assessment(
    make_site, demo, monkeypatch
):
    coordinator = make_site()
    page = coordinator.page
    coordinator.login("hyte.utajarvi")
    consultation = _consultation_opened(coordinator)
    assert consultation.calendar_item is not None  # in the participation plan

    monkeypatch.setattr(hearing_forms, "MIN_SECONDS_TO_ANSWER", -1)
    resident = make_site(**PHONE)
    resident.visit(consultation.get_absolute_url())
    resident.page.get_by_label("Milloin kävisit uimassa?").fill("Lauantaiaamuisin lasten kanssa.")
    resident.follow(resident.page.locator("main form button[type=submit]"))
    expect(resident.page.locator("main")).to_contain_text("Kiitos")
    assert resident.page.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}
    assert consultation.responses.count() == 1

    coordinator.visit("/fi/municipalities/889/impact-assessments/")
    coordinator.follow(page.get_by_role("link", name="Aloita arviointi"))
    page.locator("#id_title").fill("Uimahallin aukioloaikojen muutos")
    page.locator("#id_plan").select_option(index=1)  # the plan of Utajärvi
    coordinator.follow(page.locator("main form button[type=submit]"))
    page.locator("#id_proposal").fill("Uimahalli auki lauantaiaamuisin, suljettu maanantaisin.")
    page.locator("#id_deciding_body").fill("Hyvinvointivaliokunta")
    page.locator("#id_group_children_effect").select_option("positive")
    page.locator("#id_domain_leisure_effect").select_option("positive")
    page.locator("select[id^='id_goal_'][id$='_effect']").first.select_option("positive")
    page.locator("#id_alternatives").fill("Nykyiset aukioloajat.")
    page.get_by_label(TITLE).check()
    page.locator("#id_views_summary").fill("Perheet toivovat lauantaiaamuja.")
    page.locator("#id_summary").fill("Muutos palvelee lapsiperheitä; maanantain käyttäjiä vähän.")
    coordinator.follow(page.locator("main form button[type=submit]").last)
    checklist = page.locator("main ol.checklist > li")
    expect(checklist).to_have_count(7)
    expect(page.locator("main ol.checklist .checklist__step--done")).to_have_count(7)

    coordinator.follow(page.get_by_role("link", name="Kirjaa päätös ja julkaise"))
    page.locator("#id_decided_on").fill(timezone.localdate().isoformat())
    page.locator("#id_decision").fill("Hyvinvointivaliokunta 7.12.2026 § 5")
    coordinator.follow(page.locator("main form button[type=submit]"))
    assessment = Assessment.objects.get(title="Uimahallin aukioloaikojen muutos")
    assert assessment.state == "published"

    resident.visit(assessment.get_absolute_url())
    expect(resident.page.locator("main")).to_contain_text("Hyvinvointivaliokunta 7.12.2026 § 5")
    expect(resident.page.locator("main")).to_contain_text(TITLE)
    assert resident.page.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}


def test_eva__a_child_impact_assessment_shows_its_questions(make_site, demo):
    site = make_site(**PHONE)
    site.login("hyte.utajarvi")
    draft = Assessment.objects.get(title="Koulukuljetusten uudistaminen")
    site.visit(draft.get_absolute_url())
    expect(site.page.locator("main")).to_contain_text("Lapsen näkökulma")
    site.follow(site.page.get_by_role("link", name="Täytä arviointi"))
    expect(site.page.locator("#step-child")).to_be_visible()
    assert site.page.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}

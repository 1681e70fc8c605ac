"""The goal owner updates the Päijät-Häme goal tracking card of seed 001 for a new four-month
period and sees its history; an association representative reports its measure on a phone."""

import pytest

from elinvoima.strategy.goal_cards.models import GoalCardUpdate
from elinvoima.strategy.goal_cards.selectors import status_text
from elinvoima.strategy.goal_cards.services import period_current, period_label
from elinvoima.strategy.models import Goal, Measure, MeasureReport

pytestmark = pytest.mark.browser

CARD_GOAL = "Nuorten kokema terveydentila kohenee."
FAMILY_CAFE = "Perhekahvila kerran viikossa seurakuntatalolla"
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}


def test_goal_card__owner_adds_update_for_new_period__history_shows_both(site):
    page = site.page
    goal = Goal.objects.get(title_fi=CARD_GOAL)
    card_url = f"/fi/goals/{goal.pk}/card/"

    # given the goal's owner, logged in, on "My measures"
    site.login("hyte.asikkala")
    site.follow(page.locator("nav.main-nav a[href='/fi/my/measures/']"))
    # the owned goal is due for this period's update
    site.follow(page.locator(f"main a[href='{card_url}']").first)
    assert page.locator("main h1").inner_text().endswith(CARD_GOAL)
    assert (
        "Johanna Huttunen ja Marja Koivisto" in page.locator("#card-s3").locator("..").inner_text()
    )
    assert "24,8 % (2021) → 25,7 % (2023)" in page.locator(".goal-card__target").inner_text()

    # when they open this period's update and save it
    site.follow(page.locator(f"main a[href='/fi/goals/{goal.pk}/card/update/']").first)
    page.locator("label[for='id_status_2']").click()  # level 3 of 4
    page.locator("#id_status_reasons").fill("Tuki ei vieläkään tavoita tyttöjä.")
    page.locator("#id_achieved").fill("Puheeksiotto aloitettu kolmessa koulussa.")
    page.locator("#id_planned").fill("Vertaisryhmät kaikkiin kuntiin.")
    page.locator("#id_risks").fill("Henkilöstövaihdokset.")
    site.follow(page.locator("main form[method=post] button[type=submit]"))

    # then the card shows the new status and both periods, newest first
    assert page.url == site.url(card_url)
    year, tertial = period_current()
    history = page.locator(".card-history__item h3").all_inner_texts()
    assert history == [period_label(year, tertial), period_label(2024, 1)]
    status = page.locator("#card-s9").locator("..")
    assert status_text(3) in status.inner_text()  # the level in words, not only a dot
    assert "Puheeksiotto aloitettu kolmessa koulussa." in status.inner_text()
    update = GoalCardUpdate.objects.get(card=goal.card, year=year, tertial=tertial)
    assert update.author.username == "hyte.asikkala"

    # and the printable card has the whole history
    site.follow(page.locator(f"main a[href='/fi/goals/{goal.pk}/card/print/']"))
    assert "Ilmiö ja siihen vaikuttavat tekijät" in page.locator("main").inner_text()


def test_measure__association_reports_its_part_on_a_phone(make_site, demo):
    site = make_site(**PHONE)
    page = site.page
    measure = Measure.objects.get(title_fi=FAMILY_CAFE)

    # given MLL Vaalan yhdistys' representative on a phone, on "My measures"
    site.login("yhdistys.mll")
    site.visit("/fi/my/measures/")
    # when they follow the measure's "report for" link and tell what was done
    site.follow(page.locator(f"main a[href^='/fi/measures/{measure.pk}/report/']").first)
    assert page.locator("#id_organisation option").all_inner_texts() == ["MLL Vaalan yhdistys ry"]
    page.locator("#id_realisation").fill("Perhekahvila kokoontui 15 kertaa, 11 perhettä.")
    site.follow(page.locator("main form button[type=submit]"))

    # then the measure's page shows the report, and it is the association's own
    assert page.url == site.url(f"/fi/measures/{measure.pk}/")
    assert "Perhekahvila kokoontui 15 kertaa, 11 perhettä." in page.locator("main").inner_text()
    year, tertial = period_current()
    report = MeasureReport.objects.get(measure=measure, year=year, tertial=tertial)
    assert report.organisation.name_fi == "MLL Vaalan yhdistys ry"
    assert report.reported_by.username == "yhdistys.mll"


def test_planner_pages__attention_measure_forms_and_card_set_up__accessible(site):
    page = site.page
    measure = Measure.objects.get(title_fi=FAMILY_CAFE)
    goal = measure.goal

    # given Vaala's welfare coordinator
    site.login("hyte.vaala")
    # what needs attention in Vaala: the measure without an implementer is listed
    site.visit("/fi/measures/attention/")
    assert "Nuorisovaltuuston osallistuva budjetointi" in page.locator("main table").inner_text()
    site.visit("/fi/measures/attention/?municipality=785&reason=no_implementer")
    # the measure's forms
    site.visit(f"/fi/measures/{measure.pk}/edit/")
    site.visit(f"/fi/measures/{measure.pk}/delete/")
    site.visit(f"/fi/goals/{goal.pk}/measures/new/")
    page.locator("#id_title_fi").fill("Isä-lapsi-liikunta")
    page.locator("#id_starts_on").fill("2025-05-01")
    page.locator("#id_ends_on").fill("2025-03-01")
    site.follow(page.locator("main form button[type=submit]"))  # the form with its error
    assert page.locator("#id_ends_on_error").inner_text().strip()

    # setting up the goal's card, then an update with a missing reason
    site.visit(f"/fi/goals/{goal.pk}/card/edit/")
    page.locator("#id_card-partners").fill("MLL Vaalan yhdistys, Vaalan seurakunta")
    page.locator("#id_tasks-0-text").fill("Perhekahvila joka viikko")
    site.follow(page.locator("main form button[type=submit]"))
    assert page.url == site.url(f"/fi/goals/{goal.pk}/card/")
    site.follow(page.locator(f"main a[href='/fi/goals/{goal.pk}/card/update/']").first)
    page.locator("label[for='id_status_0']").click()
    site.follow(page.locator("main form[method=post] button[type=submit]"))
    assert page.locator("#id_status_reasons_error").inner_text().strip()


def test_frozen_card_edit__county_official_sees_the_reason(site):
    goal = Goal.objects.get(title_fi=CARD_GOAL)
    site.login("hva.paijathame")
    site.visit(f"/fi/goals/{goal.pk}/card/edit/")
    assert "13.06.2022" in site.page.locator("main .hds-notification").inner_text()
    assert site.page.locator("main form[method=post]").count() == 0

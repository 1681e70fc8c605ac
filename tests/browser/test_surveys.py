"""The cooperation survey in a browser (issue 18): a municipal leader answers Päijät-Häme's
survey on a phone through the personal link, without an account; the county's HYTE
official reads last year's results, compared between groups (axe on each page)."""

import pytest
from playwright.sync_api import expect

from elinvoima.reports.surveys.models import Survey, SurveyInvitation, SurveyResponse
from elinvoima.reports.surveys.services import invitation_token

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def test_answer__on_a_phone_through_the_personal_link(make_site, demo):
    invitation = SurveyInvitation.objects.get(answered=False)
    before = SurveyResponse.objects.filter(survey=invitation.survey).count()
    site = make_site(**PHONE)
    page = site.page
    # given the link of the invitation mail
    site.visit(f"/fi/survey-answers/{invitation_token(invitation)}/")
    expect(page.locator("main h1")).to_contain_text("tilannekuvakysely")
    # when the leader answers two statements, a theme and the maturity scale
    statements = page.locator("main fieldset")
    statements.nth(0).get_by_label("Melko hyvin").check()
    statements.nth(1).get_by_label("Erittäin huonosti").check()
    page.locator("main fieldset", has_text="Hyvinvoinnin ja terveyden edistäminen").get_by_label(
        "Melko selkeä"
    ).check()
    page.get_by_label("Kuntien ja hyvinvointialueen välillä on vuorovaikutusta, mutta").check()
    site.follow(page.locator("main form button[type=submit]"))
    # then the answer is saved without a trace of the link, which cannot be used again
    expect(page.locator("main h1")).to_contain_text("Kiitos")
    assert SurveyResponse.objects.filter(survey=invitation.survey).count() == before + 1
    site.visit(f"/fi/survey-answers/{invitation_token(invitation)}/")
    expect(page.locator("main")).to_contain_text("jo vastattu")


def test_results__the_county_reads_last_years_comparison_between_groups(site):
    survey = Survey.objects.get(wellbeing_county__code="9", results_published=True)
    page = site.page
    site.login("hva.paijathame")
    site.visit(f"/fi/surveys/{survey.pk}/")
    expect(page.locator("main table").first).to_contain_text("Hyvinvointialuejohto")
    expect(page.locator("main")).to_contain_text("alle viisi: ei näytetä")
    expect(
        page.locator("main caption", has_text="Yhteinen tietopohja ja tilannekuva")
    ).to_have_count(1)


def test_impact__utajarvi_coordinator_links_residents_views_to_a_goal(site):
    page = site.page
    site.login("hyte.utajarvi")
    site.visit("/fi/municipalities/889/impact/")
    goal = page.locator("main article", has_text="Aktiivinen ja turvallinen ikääntyminen").first
    expect(goal.locator("h3", has_text="Indikaattorit")).to_have_count(1)
    site.follow(goal.get_by_role("link", name="Valitse tavoitteen kokemustieto"))
    page.get_by_label("Ihmissuhteet, osallisuus ja elämänmuutokset").check()
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main [role=status]")).to_contain_text("tallennettiin")


def test_impact__paijat_hame_across_its_municipalities(site):
    page = site.page
    site.visit("/fi/counties/9/impact/")
    expect(page.locator("main table").first).to_contain_text("Asikkala")
    expect(page.locator("main")).to_contain_text("Elintavat ovat terveellisiä.")

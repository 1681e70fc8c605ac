"""Vaala's participatory budget in a browser: MLL's representative votes on a phone, first
over the budget (told how far over), then within it; the coordinator closes the vote,
publishes the result and records the welfare committee's approval, after which the funded
proposals are grants on their measures (axe on each page)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 375, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}


def test_budget__association_votes_on_a_phone__coordinator_publishes_and_decides(make_site, demo):
    from elinvoima.budgeting.models import Ballot, Budget, Proposal
    from elinvoima.grants.models import GrantApplication

    budget = Budget.objects.get(phase="voting")
    site = make_site(**PHONE)
    page = site.page
    # given MLL's representative at the dashboard, with a vote waiting
    site.login("yhdistys.mll")
    site.visit("/fi/dashboard/")
    waiting = page.locator(f"main a[href='/fi/budgets/{budget.pk}/']").first
    expect(waiting).to_contain_text("äänestämättä")
    site.follow(waiting)
    # when it votes for all three proposals, 6,700 € of 6,000 €
    site.follow(page.locator(f"main a[href^='/fi/budgets/{budget.pk}/vote/']"))
    for checkbox in page.locator("main input[name='proposals']").all():
        checkbox.check()
    site.follow(page.locator("main form button[type=submit]"))
    # then it is told how far over, and its corrected ballot is cast
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("main .form-errors")).to_contain_text("700,00")
    liikunta = Proposal.objects.get(budget=budget, title_fi__startswith="Perheiden liikunta")
    page.locator(f"main input[name='proposals'][value='{liikunta.pk}']").uncheck()
    site.follow(page.locator("main form button[type=submit]"))
    assert Ballot.objects.filter(budget=budget).count() == 2
    # when the coordinator closes the vote and publishes the result
    desk = make_site(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    desk.login("hyte.vaala")
    desk.visit(f"/fi/budgets/{budget.pk}/")
    desk.follow(desk.page.locator("main form button[type=submit]"))
    expect(desk.page.locator("main .budget-phase")).to_have_text("Ääniä lasketaan")
    desk.follow(desk.page.locator("main form button[type=submit]"))
    # then the result is published with the votes: the cheaper of two with one vote first
    expect(desk.page.locator("main .budget-result")).to_contain_text("4 300")
    # and the welfare committee's approval turns the funded proposals into grants
    desk.follow(desk.page.locator(f"main a[href='/fi/budgets/{budget.pk}/decision/']"))
    desk.page.locator("#id_outcome_0").check()
    desk.page.locator("#id_body").fill("Hyvinvointilautakunta § 3")
    desk.page.locator("#id_decided_on").fill(timezone.localdate().isoformat())
    desk.follow(desk.page.locator("main form button[type=submit]"))
    expect(desk.page.locator("main .budget-decision")).to_contain_text("Hyvinvointilautakunta § 3")
    grants = GrantApplication.objects.filter(budget_proposals__budget=budget).distinct()
    assert sorted(grant.decision.granted_amount for grant in grants) == [1800, 2500]


def test_budget__residents_vote_with_codes_on_a_phone(make_site, demo):
    from elinvoima.budgeting.models import Ballot, Budget

    budget = Budget.objects.get(phase="voting")
    Budget.objects.filter(pk=budget.pk).update(voters="residents", min_age=13, max_age=20)
    # given the coordinator makes two voting codes for the youth's vote
    desk = make_site(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    desk.login("hyte.vaala")
    desk.visit(f"/fi/budgets/{budget.pk}/codes/")
    desk.page.locator("#id_count").fill("2")
    desk.follow(desk.page.locator("main form button[type=submit]"))
    codes = desk.page.locator("main .voting-codes__list code").all_inner_texts()
    assert len(codes) == 2
    # when a young resident, without an account, votes with one on a phone
    site = make_site(**PHONE)
    page = site.page
    site.visit(f"/fi/budgets/{budget.pk}/")
    site.follow(page.locator(f"main a[href='/fi/budgets/{budget.pk}/code/']"))
    page.locator("#id_code").fill(codes[0].lower())
    page.locator("#id_birth_year").fill(str(timezone.localdate().year - 15))
    site.follow(page.locator("main form button[type=submit]"))
    page.locator("main input[name='proposals']").nth(0).check()
    page.locator("main input[name='proposals']").nth(1).check()
    site.follow(page.locator("main form button[type=submit]"))
    # then the ballot is the code's, not tied to any name
    assert Ballot.objects.filter(budget=budget, voter_key__startswith="code:").count() == 1

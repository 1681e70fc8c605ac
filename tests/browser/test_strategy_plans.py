"""A welfare coordinator creates a plan, adds a priority area and a goal with an indicator
target, sends it to decision-making and records the approval chain; the approved version is
frozen and a new version starts as a copy. The public reads an approved plan on a phone."""

import pytest

from elinvoima.indicators.models import Indicator
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal, Plan, PriorityArea

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}
TITLE = "Vaalan hyvinvointisuunnitelma 2031"


def submit(site):
    site.follow(site.page.locator("main form[method=post] button[type=submit]").last)


def test_plan__coordinator_creates_sends_to_decision_approves_and_starts_new_version(site):
    page = site.page
    indicator = Indicator.objects.order_by("pk").first() or Indicator.objects.create(
        title="Liikkuu riittävästi, %", title_fi="Liikkuu riittävästi, %", decimals=1
    )

    # given Vaala's welfare coordinator on the municipality's plans
    site.login("hyte.vaala")
    site.visit("/fi/municipalities/785/plans/")
    site.follow(page.locator("main a[href='/fi/municipalities/785/plans/new/']"))

    # when they create a plan for 2031
    page.locator("#id_kind").select_option("welfare_plan")
    page.locator("#id_title_fi").fill(TITLE)
    page.locator("#id_start_year").fill("2031")
    page.locator("#id_end_year").fill("2031")
    submit(site)
    plan = Plan.objects.get(title_fi=TITLE)
    assert page.url == site.url(f"/fi/plans/{plan.pk}/")

    # and add a priority area
    site.follow(page.locator(f"main a[href='/fi/plans/{plan.pk}/priority-areas/new/']"))
    page.locator("#id_title_fi").fill("Lapset ja lapsiperheet")
    submit(site)
    area = PriorityArea.objects.get(plan=plan)
    assert "Lapset ja lapsiperheet" in page.locator(f"#area-{area.pk}").inner_text()

    # and a goal whose indicator target lacks its year: refused on the field
    site.follow(page.locator(f"main a[href='/fi/priority-areas/{area.pk}/goals/new/']"))
    page.locator("#id_title_fi").fill("Lasten liikkuminen lisääntyy")
    page.locator("#id_indicators-0-indicator").select_option(str(indicator.pk))
    page.locator("#id_indicators-0-direction").select_option("increase")
    page.locator("#id_indicators-0-baseline_year").fill("2029")
    page.locator("#id_indicators-0-baseline_value").fill("38.5")
    page.locator("#id_indicators-0-target_comparison").select_option("ge")
    page.locator("#id_indicators-0-target_value").fill("45")
    submit(site)  # axe on the form with its error
    assert page.locator("#id_indicators-0-target_year_error").inner_text().strip()
    assert not Goal.objects.filter(plan=plan).exists()
    # with the year it is saved
    page.locator("#id_indicators-0-target_year").fill("2031")
    submit(site)
    goal = Goal.objects.get(plan=plan)
    goal_text = page.locator(f"#goal-{goal.pk}").inner_text()
    assert "Lasten liikkuminen lisääntyy" in goal_text
    assert "38,5 (2029)" in goal_text and "45,0 (2031)" in goal_text

    # when they send it to decision-making and record welfare group → board → council
    site.follow(page.locator(f"main a[href='/fi/plans/{plan.pk}/send-to-decision/']"))
    submit(site)
    assert Plan.objects.get(pk=plan.pk).state == PlanState.PROCESSING
    for day in ("2031-01-10", "2031-01-20", "2031-02-01"):
        site.follow(page.locator(f"main a[href='/fi/plans/{plan.pk}/decision/']"))
        assert page.locator(".chain__step--next").count() == 1
        page.locator("#id_decided_on").fill(day)
        page.locator("#id_reference").fill("§ 12")
        submit(site)

    # then the version is approved and frozen: edit controls disabled with the reason
    plan.refresh_from_db()
    assert plan.state == PlanState.APPROVED and plan.is_frozen
    assert page.locator("#frozen-reason").is_visible()
    disabled = page.locator(".plan-toolbar button[disabled]")
    assert disabled.count() == 2
    assert disabled.first.get_attribute("aria-describedby") == "frozen-reason"
    assert page.locator(f"main a[href='/fi/goals/{goal.pk}/edit/']").count() == 0
    assert page.locator(".chain__step--done").count() == 3

    # when they start a new version
    site.follow(page.locator(f"main a[href='/fi/plans/{plan.pk}/new-version/']"))
    submit(site)
    copy = Plan.objects.get(lineage=plan.lineage, version=2)
    assert page.url == site.url(f"/fi/plans/{copy.pk}/")
    assert copy.state == PlanState.PLANNING
    # then the copy has the goal and is editable; the approved version stays readable
    copy_goal = Goal.objects.get(plan=copy)
    assert page.locator(f"main a[href='/fi/goals/{copy_goal.pk}/edit/']").count() == 1
    site.visit(f"/fi/plans/{plan.pk}/")
    assert "Lasten liikkuminen lisääntyy" in page.locator("main").inner_text()


def test_plan__approved_regional_plan__readable_on_a_phone_without_logging_in(make_site, demo):
    site = make_site(**PHONE)
    page = site.page
    plan = Plan.objects.get(wellbeing_county__code="9", kind="regional_welfare_plan", version=1)
    site.visit("/fi/counties/9/plans/")
    site.follow(page.locator(f"main a[href='/fi/plans/{plan.pk}/']"))
    # the status of every measure is told in words, not by colour alone
    statuses = page.locator(".plan-status")
    assert statuses.count() > 0
    assert all(text.strip() for text in statuses.all_inner_texts())
    # no edit controls for the public, and the page fits the phone's width
    assert page.locator(".plan-toolbar").count() == 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width

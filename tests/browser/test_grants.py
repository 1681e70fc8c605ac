"""Utajärvi's grant rounds in a browser: the coordinator prepares an event grant round tied
to the Ikäihmiset-kortti's goal and publishes it; anyone reads it; the rheumatism
association applies on a phone; the coordinator, the round's reviewer, scores the
application, decides it and publishes the decision, which the association reads (axe on
each page)."""

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


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PHONE = {
    "viewport": {"width": 375, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}


def test_grant_application__association_applies_on_a_phone__coordinator_reads_it(make_site, demo):
    from elinvoima.actors.models import Organisation
    from elinvoima.grants.applications.models import GrantApplication
    from elinvoima.grants.enums import ApplicationState

    reuma = Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")
    grant_round = GrantRound.objects.get(municipality__code="889", decisions_published_at=None)
    # The demo's application to the open round, applied anew.
    GrantApplication.objects.filter(organisation=reuma, grant_round=grant_round).delete()
    goal = grant_round.goals.get()
    site = make_site(**PHONE)
    page = site.page
    # given the rheumatism association's representative on a phone, at the round
    site.login("yhdistys.reuma")
    site.visit(f"/fi/grant-rounds/{grant_round.pk}/")
    # when it applies, first asking for more than its budget's costs
    site.follow(page.locator(f"main a[href$='/apply/?organisation={reuma.pk}']"))
    page.locator("#id_action_plan").fill("Tuolijumppa palvelutalolla joka tiistai.")
    page.locator("#id_requested_amount").fill("1 500")
    page.locator("#id_contact_person").fill("Pertti Honkanen")
    page.locator(f"#id_goal_{goal.pk}").fill("Jumppa ehkäisee kaatumisia.")
    question = grant_round.questions.get()  # the round's own question
    page.locator(f"#id_question_{question.pk}").fill("Marssi on avoin kaikille.")
    add_cost = page.locator("main .formset__add")  # the budget's rows come on demand
    add_cost.click()
    page.locator("#id_line-0-description").fill("Ohjaajan palkkiot")
    page.locator("#id_line-0-amount").fill("900")
    add_cost.click()
    page.locator("#id_line-1-description").fill("Tilavuokrat")
    page.locator("#id_line-1-amount").fill("400,50")
    site.follow(page.locator("main form button[type=submit]"))
    # then the error is summed up at the top and the corrected application saved as a draft
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#id_requested_amount_error")).to_contain_text("199,50")
    page.locator("#id_requested_amount").fill("1 200")
    site.follow(page.locator("main form button[type=submit]"))
    application = GrantApplication.objects.get(organisation=reuma, grant_round=grant_round)
    expect(page.locator("main .application-state")).to_have_text("Luonnos")
    expect(page.locator("main table")).to_contain_text("1 300,50")
    # and a PDF attached from the phone
    site.follow(
        page.locator(f"main a[href='/fi/grant-applications/{application.pk}/attachments/']")
    )
    page.locator("#id_file").set_input_files(
        {"name": "Toimintasuunnitelma.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main .attachments")).to_contain_text("Toimintasuunnitelma.pdf")
    site.follow(page.locator(f"main a[href='/fi/grant-applications/{application.pk}/']").last)
    # and submitted: the municipality has it, and it cannot be changed any more
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main .application-state")).to_have_text("Jätetty")
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED
    assert application.requested_amount == 1200
    expect(
        page.locator(f"main a[href$='/grant-applications/{application.pk}/edit/']")
    ).to_have_count(0)

    # when Utajärvi's coordinator opens the round's applications on a desktop
    desk = make_site(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    desk.login("hyte.utajarvi")
    desk.visit(f"/fi/grant-rounds/{grant_round.pk}/")
    desk.follow(
        desk.page.locator(f"main a[href='/fi/grant-rounds/{grant_round.pk}/applications/']")
    )
    # then the application is listed with its sum, and its page shows the commitment
    expect(desk.page.locator("main table")).to_contain_text("1 200")
    desk.follow(desk.page.locator(f"main a[href='/fi/grant-applications/{application.pk}/']"))
    expect(desk.page.locator("main")).to_contain_text("Jumppa ehkäisee kaatumisia.")


def test_review_and_decision__the_reviewer_scores__the_coordinator_decides_and_publishes(
    site,
):
    from elinvoima.grants.applications.models import GrantApplication

    page = site.page
    today = timezone.localdate()
    grant_round = GrantRound.objects.get(municipality__code="889", decisions_published_at=None)
    application = GrantApplication.objects.get(grant_round=grant_round)  # the association's
    # given the round has closed, and Utajärvi's coordinator (its reviewer) at the dashboard
    GrantRound.objects.filter(pk=grant_round.pk).update(
        opens_on=today - datetime.timedelta(days=20), closes_on=today - datetime.timedelta(days=1)
    )
    site.login("hyte.utajarvi")
    site.visit("/fi/dashboard/")
    listing = f"/fi/grant-rounds/{grant_round.pk}/applications/"
    expect(page.locator(f"main a[href='{listing}']").first).to_contain_text("pisteyttämättä")
    # when the application is scored, first without the goal's points
    site.follow(page.locator(f"main a[href='{listing}']").first)
    site.follow(page.locator(f"main a[href='/fi/grant-applications/{application.pk}/review/']"))
    page.locator("#id_criteria_points_4").check()
    page.locator("#id_comment").fill("Tavoittaa yksin asuvia.")
    site.follow(page.locator("main form button[type=submit]"))
    # then the missing points are summed up at the top, and the corrected review is saved
    expect(page.locator(".error-summary")).to_be_focused()
    goal = grant_round.goals.get()
    page.locator(f"#id_goal_{goal.pk}_5").check()
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main table")).to_contain_text("4,50 pistettä")
    # when the coordinator decides, first more than the association applied for
    site.follow(page.locator(f"main a[href='/fi/grant-applications/{application.pk}/decision/']"))
    expect(page.locator("main")).to_contain_text("Tavoittaa yksin asuvia.")
    page.locator("#id_granted_amount").fill("2 000")
    page.locator("#id_reasons").fill("Tukee ikäihmisten toimintakykyä.")
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("#id_granted_amount_error")).to_contain_text("1 200,00")
    page.locator("#id_granted_amount").fill("1 000")
    site.follow(page.locator("main form button[type=submit]"))
    # then the sum of the decisions is shown against the budget, and they are published
    expect(page.locator("main .granted-in-all")).to_contain_text("1 000")
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main .granted-in-all")).to_contain_text("Julkaistu")
    application.refresh_from_db()
    assert application.state == "decided"
    # and the association reads its decision on its application's page
    site.logout()
    site.login("yhdistys.reuma")
    site.visit(f"/fi/grant-applications/{application.pk}/")
    expect(page.locator("main .decision__amount")).to_have_text("1 000 €")
    expect(page.locator("main .application-state")).to_have_text("Päätetty")


def test_grant_report__association_reports_on_a_phone__coordinator_receives(make_site, demo):
    from elinvoima.grants.models import GrantReport

    GrantReport.objects.all().delete()  # the demo's report of this year's grant, written anew
    site = make_site(**PHONE)
    page = site.page
    # given the rheumatism association's representative, whose grant's report is due
    site.login("yhdistys.reuma")
    site.visit("/fi/dashboard/")
    due = page.locator("main a[href$='/report/']").first
    expect(due).to_contain_text("avustusselvitys kirjoittamatta")
    # when the report is written: the chair exercise meetings are chosen to start with
    site.follow(due)
    expect(page.locator("main input[name='activities']:checked")).to_have_count(2)
    page.locator("#id_summary").fill("Tuolijumppa kokoontui joka tiistai.")
    page.locator("#id_used_amount").fill("900")
    site.follow(page.locator("main form button[type=submit]").first)
    # then it is saved as a draft and sent, its participants counted in
    site.follow(page.locator("main form:has(input[value='submit']) button"))
    expect(page.locator("main .report-state")).to_contain_text("Lähetetty")
    report = GrantReport.objects.get()
    assert report.activity_count == 2 and report.participants == 24
    # and Utajärvi's coordinator receives it from the dashboard
    desk = make_site(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    desk.login("hyte.utajarvi")
    desk.visit("/fi/dashboard/")
    desk.follow(desk.page.locator("main a[href$='/report/']").first)
    expect(desk.page.locator("main")).to_contain_text("Tuolijumppa kokoontui joka tiistai.")
    desk.follow(desk.page.locator("main form:has(input[value='receive']) button"))
    expect(desk.page.locator("main .report-state")).to_contain_text("Vastaanotettu")


def test_support_in_kind_and_the_money_view(site):
    page = site.page
    year = timezone.localdate().year
    # given Utajärvi's coordinator at the municipality's grants
    site.login("hyte.utajarvi")
    site.visit("/fi/municipalities/889/grants/")
    # when a free turn in the meeting room is recorded as support in kind
    site.follow(page.locator("main a[href='/fi/municipalities/889/grants/support/']"))
    site.follow(page.locator("main a[href^='/fi/municipalities/889/grants/support/new/']"))
    page.locator("#id_organisation").select_option(label="Utajärven reumayhdistys ry")
    page.locator("#id_kind").select_option("facility_use")
    page.locator("#id_description").fill("Kokoustila kuukausittain")
    page.locator("#id_estimated_value").fill("240")
    site.follow(page.locator("main form button[type=submit]"))
    # then it is listed with the year's total, the demo's sports hall turn beside it
    expect(page.locator("main table caption")).to_contain_text("1 240")
    # and the money view shows the goal's grant and support in kind
    site.visit(f"/fi/municipalities/889/grants/money/?year={year}")
    expect(page.locator("main .money-goal").first).to_contain_text("900")
    expect(page.locator("main .money-total")).to_contain_text("1 240")

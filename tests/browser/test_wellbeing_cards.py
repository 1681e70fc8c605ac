"""Utajärvi's wellbeing cards in a browser: the rheumatism association answers the
Ikäihmiset-kortti and reports an activity on a phone, its activity report survives a lost
connection (sent once when the connection returns) and a page left unsent, and the welfare
coordinator reviews the answer and reads the council's summary."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from elinvoima.actors.models import Organisation
from elinvoima.cards.enums import ActivityKind, ResponseState
from elinvoima.cards.models import Activity, CardComment, CardResponse, CardTemplate
from elinvoima.cards.services import RowAnswer, card_response_save
from elinvoima.strategy.models import Goal
from tests.browser.test_phone_width import PAST_THE_EDGE

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 375, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}
REUMA = "Utajärven reumayhdistys ry"
CARD = "Ikäihmiset-kortti"
FALLS = "Kaatumisten ehkäisy"
SAFE_HOME = "Turvallinen asuminen ja turvallisuudentunne"
LONELINESS = "Yksinäisyyden vähentäminen"
MARCH = "Rollaattorimarssi laidunkauden avajaisiin"


def _card() -> CardTemplate:
    return CardTemplate.objects.get(
        name_fi=CARD, decision__municipality__code="889", decision__year=timezone.localdate().year
    )


def _row(card: CardTemplate, title: str) -> Goal:
    return card.goal.sub_goals.get(title_fi=title)


def _fits_the_phone(site) -> None:
    found = site.page.evaluate(PAST_THE_EDGE)
    assert not found["page"] and not found["elements"], f"wider than 375 px: {found}"


def _activity_form_filled(page, falls: Goal, name: str) -> None:
    page.locator("#id_name").fill(name)
    page.locator("label[for='id_kind_0']").click()  # Tapahtuma (the first kind: an event)
    page.locator("#id_participants").fill("40")
    page.locator("#id_in_target_group").fill("31")
    page.locator("#id_beyond_members").fill("22")
    page.locator("#id_volunteers").fill("6")
    page.locator("#id_volunteer_hours").fill("18,5")
    page.locator(f"label[for='id_sub_goals_{falls.pk}']").click()


def test_card_answer_and_activity__association_on_a_phone__sent_and_listed(make_site, demo):
    site = make_site(**PHONE)
    page = site.page
    card = _card()
    falls = _row(card, FALLS)
    reuma = Organisation.objects.get(name_fi=REUMA)

    # given the rheumatism association's representative on a phone, on the dashboard
    site.login("yhdistys.reuma")
    _fits_the_phone(site)
    # the card waiting for its answer: from the dashboard to the card, from there to the form
    site.follow(page.locator(f"main .work-list a[href='/fi/cards/{card.pk}/']"))
    assert "ei vielä vastattu" in page.locator("main .own-answer").inner_text()
    site.follow(page.locator(f"main .own-answer a[href^='/fi/cards/{card.pk}/answer/']"))
    _fits_the_phone(site)
    assert page.locator("main fieldset legend").all_inner_texts() == [
        SAFE_HOME,
        LONELINESS,
        FALLS,
    ]

    # when it tells what it does for the falls and sends the answer
    page.locator(f"#id_what_{falls.pk}").fill("Tuolijumppa tiistaisin palvelutalolla")
    page.locator(f"#id_how_{falls.pk}").fill("Kaatumiset vähenevät, 12 osallistujaa")
    site.follow(page.locator("main button[name=action][value=send]"))

    # then it is thanked on the card's page, and the municipality has the answer
    assert page.url == site.url(f"/fi/cards/{card.pk}/")
    assert "Kiitos! Vastaus lähetettiin kunnalle." in page.locator(".messages").inner_text()
    response = CardResponse.objects.get(template=card, organisation=reuma)
    assert response.state == ResponseState.SUBMITTED
    answer = response.answers.get(sub_goal=falls)
    assert answer.what_we_do == "Tuolijumppa tiistaisin palvelutalolla"
    assert answer.how_we_succeed == "Kaatumiset vähenevät, 12 osallistujaa"

    # when it reports the walker march from its activities
    activities_url = f"/fi/organisations/{reuma.pk}/activities/"
    site.visit(activities_url)
    site.follow(page.locator(f"main a[href='{activities_url}new/']"))
    _fits_the_phone(site)
    _activity_form_filled(page, falls, MARCH)
    # sent by drafts.js (fetch, then the address the server gave): a new page all the same
    site.follow(page.locator("main form[data-keep-draft] button[type=submit]"))

    # then the activities of the year list it, with thanks
    year = timezone.localdate().year
    assert page.url == site.url(f"{activities_url}?year={year}")
    assert f"Kiitos! ”{MARCH}” on kirjattu." in page.locator(".messages").inner_text()
    listed = page.locator("main .activity-list li", has_text=MARCH)
    assert FALLS in listed.inner_text()
    _fits_the_phone(site)
    activity = Activity.objects.get(organisation=reuma, name=MARCH)
    assert activity.kind == ActivityKind.EVENT
    assert activity.starts_on == timezone.localdate()
    assert (
        activity.participants,
        activity.in_target_group,
        activity.beyond_members,
        activity.volunteers,
    ) == (40, 31, 22, 6)
    assert activity.volunteer_hours == Decimal("18.5")
    assert list(activity.sub_goals.all()) == [falls]
    assert activity.municipality.code == "889"
    assert activity.created_by.username == "yhdistys.reuma"


def test_activity_draft__connection_lost_on_a_phone__kept_and_sent_once_when_back(make_site, demo):
    site = make_site(**PHONE)
    page = site.page
    context = page.context
    falls = _row(_card(), FALLS)
    reuma = Organisation.objects.get(name_fi=REUMA)
    form_url = f"/fi/organisations/{reuma.pk}/activities/new/"
    status = page.locator("main form[data-keep-draft] .draft-status")

    # given the association's representative who starts a report and leaves the page unsent
    site.login("yhdistys.reuma")
    site.visit(form_url)
    assert status.inner_text() == ""
    page.locator("#id_name").fill(MARCH)
    page.locator("#id_participants").fill("40")
    page.reload()

    # when the form is opened again: what was typed is back, and the phone says so
    expect(status).to_contain_text("palautettiin")
    assert page.locator("#id_name").input_value() == MARCH
    assert page.locator("#id_participants").input_value() == "40"
    site.check_accessibility("the activity form with its restored draft")

    # when the rest is filled in and sent with the connection gone
    _activity_form_filled(page, falls, MARCH)
    context.set_offline(True)
    page.locator("main form[data-keep-draft] button[type=submit]").click()

    # then the phone tells there is no connection, and nothing reached the server
    expect(status).to_have_text(re.compile(r"^Ei yhteyttä\."))
    assert page.url == site.url(form_url)
    assert not Activity.objects.filter(name=MARCH).exists()
    site.check_accessibility("the activity form, offline")
    _fits_the_phone(site)

    # when the connection returns, the form is sent by itself and the activities follow
    with page.expect_navigation(url=f"**/fi/organisations/{reuma.pk}/activities/?year=*"):
        context.set_offline(False)
    site.check_origin_and_csp()
    assert f"Kiitos! ”{MARCH}” on kirjattu." in page.locator(".messages").inner_text()

    # then exactly one activity was made, and the draft kept in the phone is gone
    activity = Activity.objects.get(name=MARCH)
    assert activity.organisation == reuma
    assert activity.volunteer_hours == Decimal("18.5")
    assert list(activity.sub_goals.all()) == [falls]
    assert page.evaluate(f"localStorage.getItem('elinvoima-draft:activity-new-{reuma.pk}')") is None


def test_card_review_and_summary__coordinator__accepts_and_sees_who_works_on_what(site):
    page = site.page
    card = _card()
    falls = _row(card, FALLS)
    reuma = Organisation.objects.get(name_fi=REUMA)
    # given the rheumatism association's sent answer for the falls
    response = card_response_save(
        user=None,
        template=card,
        organisation=reuma,
        answers={
            falls.pk: RowAnswer(
                "Tuolijumppa tiistaisin palvelutalolla", "Kaatumiset vähenevät, 12 osallistujaa"
            )
        },
        submit=True,
    )

    # when Utajärvi's welfare coordinator follows "card answers to review" to the cards,
    # the card, and the association's answer
    site.login("hyte.utajarvi")
    site.follow(page.locator("main .work-list a[href='/fi/municipalities/889/cards/']"))
    site.follow(page.locator(f"main .card-list a[href='/fi/cards/{card.pk}/']"))
    reuma_on_card = page.locator("main table tbody tr", has_text=REUMA)
    assert reuma_on_card.locator("td").nth(1).inner_text() == "Lähetetty"
    site.follow(page.locator(f"main table a[href='/fi/card-answers/{response.pk}/']"))
    assert page.locator("main h1").inner_text() == REUMA
    answered = page.locator(f"main section[aria-labelledby='row-{falls.pk}']").inner_text()
    assert "Tuolijumppa tiistaisin palvelutalolla" in answered
    # comments on it and accepts it
    page.locator("#id_text").fill(
        "Hieno tavoite! Kertokaa syksyllä, montako kaatumista vältettiin."
    )
    site.follow(page.locator("main button[name=action][value=comment]"))
    assert "Kommentti tallennettiin" in page.locator(".messages").inner_text()
    site.follow(page.locator("main button[name=action][value=accept]"))

    # then the answer is accepted, by the coordinator, with the comment, and on the card
    assert "Vastaus hyväksyttiin" in page.locator(".messages").inner_text()
    response.refresh_from_db()
    assert response.state == ResponseState.ACCEPTED
    assert response.accepted_by.username == "hyte.utajarvi"
    comment = CardComment.objects.get(response=response)
    assert comment.text.startswith("Hieno tavoite!")
    assert comment.author.username == "hyte.utajarvi"
    site.follow(page.locator(f".hds-breadcrumb a[href='/fi/cards/{card.pk}/']"))
    assert reuma_on_card.locator("td").nth(1).inner_text() == "Hyväksytty"
    public = page.locator(f"main section[aria-labelledby='row-{falls.pk}'] .card-answer")
    assert public.locator("h3").inner_text() == REUMA
    assert "Kaatumiset vähenevät, 12 osallistujaa" in public.inner_text()

    # when they open the year's summary for the council
    site.follow(page.locator(".hds-breadcrumb a[href='/fi/municipalities/889/cards/']"))
    site.follow(page.locator(f"main a[href$='/cards/{card.decision.year}/summary/']"))

    # then the association works on the falls (its answer, its club's meetings); nobody yet
    # on safe homes nor on loneliness
    falls_row = page.locator("main .summary-table tbody tr", has_text=FALLS)
    assert REUMA in falls_row.locator("td").first.inner_text()
    nobody = page.locator("main .hds-notification--alert").inner_text()
    assert nobody.startswith("Näiden eteen ei vielä tee työtä kukaan:")
    assert SAFE_HOME in nobody and LONELINESS in nobody and FALLS not in nobody
    # and the association is no longer among the invited ones that have not answered
    silent = page.locator("main section h3 + p").inner_text()
    assert silent and REUMA not in silent


def test_community_card__vaala_coordinator_on_a_phone__reads_it_and_adds_a_summary(make_site, demo):
    from elinvoima.cards.models import CommunityCard

    site = make_site(**PHONE)
    page = site.page
    card = CommunityCard.objects.get(name="Säräisniemi")
    # given Vaala's coordinator on a phone, at the municipality's cards
    site.login("hyte.vaala")
    site.visit("/fi/municipalities/785/cards/")
    # the village's card: its picture described, the six domains
    site.follow(page.locator(f"main a[href='/fi/community-cards/{card.pk}/']"))
    _fits_the_phone(site)
    assert (
        page.locator("main img.community-card__picture")
        .get_attribute("alt")
        .startswith("Piirroskuva")
    )
    assert page.locator("main .community-card__domains li").count() == 6
    # when the coordinator changes a summary on the form
    site.follow(page.locator(f"main a[href='/fi/community-cards/{card.pk}/edit/']"))
    _fits_the_phone(site)
    page.locator("#id_summary_leisure").fill("Uimaranta, latu ja uusi nuorisotila.")
    site.follow(page.locator("main form button[type=submit]"))
    # then the card shows it
    assert "Uimaranta, latu ja uusi nuorisotila." in page.locator("main").inner_text()
    assert card.summaries.get(domain="leisure").text == "Uimaranta, latu ja uusi nuorisotila."


def test_help_request__coordinator_asks_and_sends__association_offers_on_a_phone(make_site, demo):
    from elinvoima.cards.help.models import HelpOffer, HelpRequest

    site = make_site(**PHONE)
    page = site.page
    reuma = Organisation.objects.get(name=REUMA)
    # given Utajärvi's coordinator on a phone, at the municipality's help requests
    site.login("hyte.utajarvi")
    site.visit("/fi/municipalities/889/help-requests/")
    _fits_the_phone(site)
    # when the coordinator asks for help, first with the answers' date after the help
    site.follow(page.locator("main a[href='/fi/municipalities/889/help-requests/new/']"))
    _fits_the_phone(site)
    day = timezone.localdate() + datetime.timedelta(days=10)
    page.locator("#id_title").fill("Laidunkauden avajaisten rollaattorimarssi")
    page.locator("#id_starts_on").fill(day.isoformat())
    page.locator("#id_answer_by").fill((day + datetime.timedelta(days=1)).isoformat())
    page.locator("#id_place").fill("Utajärven palvelutalo")
    site.follow(page.locator("main form button[type=submit]"))
    # then the error is summed up at the top, and the corrected request is saved as a draft
    expect(page.locator("#id_answer_by_error")).to_be_visible()
    page.locator("#id_answer_by").fill(day.isoformat())
    site.follow(page.locator("main form button[type=submit]"))
    help_request = HelpRequest.objects.get(title="Laidunkauden avajaisten rollaattorimarssi")
    _fits_the_phone(site)
    # and sent to the fitting associations (all of them: the request names no theme)
    expect(page.locator(f"input[name='recipients'][value='{reuma.pk}']")).to_be_checked()
    site.follow(page.locator("main form button[type=submit]:has-text('Lähetä pyyntö')"))
    assert help_request.recipients.filter(pk=reuma.pk).exists()
    site.logout()
    # when the association's volunteer opens it from the dashboard and offers help
    site.login("yhdistys.reuma")
    site.follow(page.locator(f"main a[href='/fi/help-requests/{help_request.pk}/']").first)
    _fits_the_phone(site)
    page.locator(f"#id_offer-{reuma.pk}-text").fill("Neljä vapaaehtoista työntää pyörätuoleja.")
    page.locator(f"#id_offer-{reuma.pk}-helpers").fill("4")
    site.follow(page.locator("main form button[type=submit]"))
    # then the offer is there for the municipality
    offer = HelpOffer.objects.get(request=help_request, organisation=reuma)
    assert (offer.text, offer.helpers) == ("Neljä vapaaehtoista työntää pyörätuoleja.", 4)
    expect(page.locator("main")).to_contain_text("Tarjottu")


def test_annual_report__association_on_a_phone__made_from_its_answer_and_activities(
    make_site, demo
):
    from elinvoima.cards.annual.models import AnnualDocument

    card = _card()
    falls = _row(card, FALLS)
    reuma = Organisation.objects.get(name_fi=REUMA)
    card_response_save(
        user=None,
        template=card,
        organisation=reuma,
        answers={falls.pk: RowAnswer("Tuolijumppa tiistaisin", "12 osallistujaa joka viikko")},
    )
    from elinvoima.cards.activities.services import club_meeting_report
    from elinvoima.cards.models import Club

    today = timezone.localdate()
    club_meeting_report(
        user=None, club=Club.objects.get(name="Tuolijumppa"), starts_on=today, participants=10
    )
    year = today.year
    meetings = Activity.objects.filter(organisation=reuma, starts_on__year=year, sub_goals=falls)
    count = meetings.count()  # the demo's two of the last two weeks, if in this year, and today's
    site = make_site(**PHONE)
    page = site.page
    # given the rheumatism association's volunteer on a phone, at its plans and reports
    site.login("yhdistys.reuma")
    site.visit(f"/fi/organisations/{reuma.pk}/annual/")
    _fits_the_phone(site)
    # when the volunteer makes this year's annual report
    site.follow(page.locator("main form button", has_text=f"Toimintakertomus {year}"))
    report = AnnualDocument.objects.get(organisation=reuma, year=year, kind="report")
    _fits_the_phone(site)
    # then its row starts from the answer, with the club's meetings counted beside it
    section = report.sections.get(goal=falls)
    expect(page.locator(f"#id_section_{section.pk}")).to_have_value("12 osallistujaa joka viikko")
    expect(page.locator("main")).to_contain_text(f"{count} toiminta")
    page.locator("#id_introduction").fill("Reumayhdistyksen vuosi Utajärvellä.")
    page.locator("label[for='id_share']").click()
    site.follow(page.locator("main form button[type=submit]"))
    # and the saved report reads as a document, shared with the municipality
    expect(page.locator("main h1")).to_have_text(f"Toimintakertomus {year}")
    expect(page.locator("main")).to_contain_text(
        f"Tuolijumppa ×{count}" if count > 1 else "Tuolijumppa"
    )
    report.refresh_from_db()
    assert report.shared_at is not None


def test_card_changed__coordinator__renames_in_swedish_and_extends_the_dates(site):
    page = site.page
    card = _card()
    # given Utajärvi's coordinator at the card
    site.login("hyte.utajarvi")
    site.visit(f"/fi/cards/{card.pk}/")
    # when the card is changed: its Swedish name, one more month to answer
    site.follow(page.locator(f"main a[href='/fi/cards/{card.pk}/edit/']"))
    page.locator("#id_name_sv").fill("Äldrekortet")
    page.locator("#id_opens_on").fill(card.opens_on.isoformat())
    page.locator("#id_closes_on").fill((card.opens_on - datetime.timedelta(days=1)).isoformat())
    site.follow(page.locator("main form button[type=submit]"))
    # then the date before the opening is refused at its field, and the corrected card saved
    expect(page.locator("#id_closes_on_error")).to_be_visible()
    later = card.closes_on + datetime.timedelta(days=31)
    page.locator("#id_closes_on").fill(later.isoformat())
    site.follow(page.locator("main form button[type=submit]"))
    card.refresh_from_db()
    assert (card.name_sv, card.closes_on) == ("Äldrekortet", later)

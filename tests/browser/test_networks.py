"""Networks in a browser (issue 16): Utajärvi's coordinator, who runs the vitality group,
plans a meeting, puts an item on its agenda and sends the invitation, after which an
association's representative reads the agenda; the annual clock's wheel leads to a month
of the participation plan; the public reads the partnership document and the network
project (axe on each page)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from elinvoima.networks.meetings.models import Meeting
from elinvoima.networks.models import Agreement, Network

pytestmark = pytest.mark.browser


def test_meeting__coordinator_plans_and_invites__member_reads_the_agenda(site):
    page = site.page
    group = Network.objects.get(name_fi="Utajärven elinvoimaryhmä")
    start = timezone.localtime() + datetime.timedelta(days=30)
    # given the coordinator on the group's page
    site.login("hyte.utajarvi")
    site.visit(f"/fi/networks/{group.pk}/")
    expect(page.locator("main")).to_contain_text("Kokoaa kuntalaisnäkemyksiä.")
    # when a meeting is planned, first ending before it starts
    site.follow(page.locator(f"main a[href='/fi/networks/{group.pk}/meetings/new/']"))
    page.locator("#id_title").fill("Elinvoimaryhmän kokous 4")
    page.locator("#id_starts_at").fill(start.strftime("%Y-%m-%dT17:00"))
    page.locator("#id_ends_at").fill(start.strftime("%Y-%m-%dT16:00"))
    site.follow(page.locator("main form button[type=submit]"))
    # then the error is summed up at the top, and the corrected meeting is saved
    expect(page.locator(".error-summary")).to_be_focused()
    page.locator("#id_ends_at").fill(start.strftime("%Y-%m-%dT19:00"))
    site.follow(page.locator("main form button[type=submit]"))
    meeting = Meeting.objects.get(title="Elinvoimaryhmän kokous 4")
    # and an item presented by the culture secretary goes on the agenda
    site.follow(page.locator(f"main a[href='/fi/meetings/{meeting.pk}/items/new/']"))
    page.locator("#id_title").fill("Kesäasukkaiden ilta")
    page.locator("#id_presenter").select_option(label="Eeva Keränen")
    site.follow(page.locator("main form button[type=submit]"))
    # and the invitation is sent, asked first
    site.follow(page.locator(f"main a[href='/fi/meetings/{meeting.pk}/invite/']"))
    site.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Kokouskutsu lähetetty")
    # then the association's representative, a member, reads the agenda
    site.logout()
    site.login("yhdistys.reuma")
    site.visit(f"/fi/meetings/{meeting.pk}/")
    expect(page.locator("main .agenda-item h3")).to_have_text("1. Kesäasukkaiden ilta")
    expect(page.locator("main")).to_contain_text("Esittelijä: Eeva Keränen")


def test_annual_clock__wheel_leads_to_the_month__participation_plan(site):
    page = site.page
    group = Network.objects.get(name_fi="Utajärven elinvoimaryhmä")
    site.visit(f"/fi/networks/{group.pk}/annual-clock/?year=2019")
    expect(page.locator("main svg .clock__sector")).to_have_count(12)
    page.locator("main a.clock__sector[href='#month-6']").click()
    expect(page.locator("#month-6 + article h3")).to_have_text("Kesäasukkaiden ilta")
    page.locator("#clock-participation").check()
    site.follow(page.locator("main form.filters button[type=submit]"))
    expect(page.locator("main")).not_to_contain_text("Yhdistysten toimintakertomukset")
    expect(page.locator("main")).to_contain_text("Yhdistys- ja kyläillat")


def test_agreement_and_project__public_pages(site):
    page = site.page
    document = Agreement.objects.get(kind="partnership_document", municipality__code="889")
    site.visit("/sv/municipalities/889/agreements/")
    site.follow(page.locator(f"main a[href='/sv/agreements/{document.pk}/']"))
    expect(page.locator("main h1")).to_have_text(
        "Partnerskapsdokument mellan Utajärvi kommun och föreningarna"
    )
    expect(page.locator("main")).to_contain_text("Partnerskap bygger på jämlikhet")
    project = Network.objects.get(kind="network_project")
    site.visit(f"/fi/networks/{project.pk}/project/")
    expect(page.locator("main")).to_contain_text("Hyvinvointijohtaminen")
    expect(page.locator("main")).to_contain_text("Oulu")

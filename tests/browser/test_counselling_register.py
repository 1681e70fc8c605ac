"""The county's register of exercise counselling in a browser (issue 19, axe on each page):
the keeper of the register, on a phone, records an agreement (a wrong one first), grants,
changes and ends access, opens the care teams and the demo team (a member's removal asked
first), the erasure list, the research extract and a client's access log; the counsellor
records a consent and withdraws one, and the doctor sees them without the means to change
them."""

import datetime
import json

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from elinvoima.actors.models import Municipality
from elinvoima.counselling.demo import KEEPER, LAPINJARVI
from elinvoima.counselling.enums import AccessRole
from elinvoima.counselling.models import AccessAgreement, Client, Consent, Period, StaffAccess
from tests.browser.conftest import DESKTOP
from tests.browser.test_counselling import PHONE
from tests.browser.test_phone_width import PAST_THE_EDGE

pytestmark = pytest.mark.browser

COUNSELLOR = "liikuntaneuvoja.lapinjarvi"
DOCTOR = "laakari.lapinjarvi"
TEAM = "Lapinjärven terveysaseman hoitotiimi"


def _fits(page: Page) -> None:
    """Nothing reaches past the right edge of the screen."""
    assert page.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}, page.url


def _day(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def test_keeper__agreements_grants_erasure_extract_and_access_log_on_a_phone(make_site, demo):
    county = Municipality.objects.get(code=LAPINJARVI).wellbeing_county
    doctor_now = StaffAccess.objects.get(user__username=DOCTOR, role=AccessRole.REFERRER)
    site = make_site(**PHONE, locale="fi-FI")
    page = site.page
    main = page.locator("main")
    site.login(KEEPER)
    site.second_factor(KEEPER)
    site.visit("/fi/counselling/")
    _fits(page)

    # agreements: one that ends before it begins is refused, summed up at the top
    site.follow(main.get_by_role("link", name=f"Sopimukset: {county.name}"))
    expect(main.locator("h1")).to_have_text("Sopimukset liikuntaneuvonnan kirjaamisoikeudesta")
    _fits(page)
    page.locator("#id_municipality").select_option(label="Loviisa")
    page.locator("#id_reference").fill("Loviisan liikuntaneuvonnan kirjaamissopimus")
    page.locator("#id_valid_from").fill(_day(0))
    page.locator("#id_valid_until").fill(_day(-1))
    site.follow(main.get_by_role("button", name="Kirjaa", exact=True))
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#id_valid_until")).to_have_attribute("aria-invalid", "true")
    _fits(page)
    assert not AccessAgreement.objects.filter(municipality__name="Loviisa").exists()
    # then, with a valid last day, it is recorded and listed in force
    page.locator("#id_valid_until").fill(_day(365))
    site.follow(main.get_by_role("button", name="Kirjaa", exact=True))
    expect(main.locator(".messages")).to_contain_text("Sopimus kirjattiin.")
    loviisa = main.locator("tbody tr").filter(has_text="Loviisan liikuntaneuvonnan")
    expect(loviisa).to_contain_text("Voimassa")
    _fits(page)

    # grants: the doctor's next year granted ahead (a coming grant)
    site.follow(main.get_by_role("link", name="Käyttöoikeudet", exact=True))
    _fits(page)
    # The filters above ask for a role and a municipality too: each field has its own
    # label (the filters' ids differ), so a screen reader names the grant's selects.
    grant = main.get_by_role("form", name="Myönnä käyttöoikeus")
    grant.locator("#id_person").select_option(label=f"Helena Virtanen ({DOCTOR})")
    grant.get_by_label("Tehtävänimike").select_option(AccessRole.REFERRER)
    grant.locator("#id_valid_from").fill(_day(366))
    grant.locator("#id_valid_until").fill(_day(730))
    site.follow(grant.get_by_role("button", name="Myönnä", exact=True))
    expect(main.locator(".messages")).to_contain_text("Käyttöoikeus myönnettiin.")
    coming = StaffAccess.objects.get(user__username=DOCTOR, valid_from=_day(366))
    _fits(page)

    # the doctor's grant in force: its last day changed
    doctors = main.locator("tbody tr").filter(has_text="Helena Virtanen")
    expect(doctors).to_have_count(2)
    site.follow(doctors.filter(has_text="Voimassa").get_by_role("link", name="Muuta"))
    expect(main.locator("h1")).to_contain_text("Helena Virtanen")
    _fits(page)
    page.locator("#id_valid_until").fill(_day(200))
    site.follow(main.get_by_role("button", name="Tallenna"))
    expect(main.locator(".messages")).to_contain_text("Käyttöoikeutta muutettiin.")
    doctor_now.refresh_from_db()
    assert doctor_now.valid_until.isoformat() == _day(200)

    # the coming grant ended, asked first on a page of its own
    site.follow(doctors.filter(has_text="Tulevat").get_by_role("link", name="Päätä nyt"))
    expect(main.locator("h1")).to_have_text("Päätä käyttöoikeus")
    _fits(page)
    site.follow(main.get_by_role("button", name="Päätä käyttöoikeus"))
    expect(main.locator(".messages")).to_contain_text("Käyttöoikeus päätettiin.")
    coming.refresh_from_db()
    assert coming.valid_until.isoformat() == _day(-1)
    expect(doctors.filter(has_text="Päättynyt")).to_have_count(1)

    # the clients due for erasure (none: the demo client's period is open)
    site.follow(main.get_by_role("link", name="Poistettavat asiakkaat"))
    expect(main.locator("h1")).to_have_text("Poistettavat asiakkaat")
    _fits(page)

    # the care teams, and the demo team with the doctor as its member (its removal asked)
    site.visit("/fi/counselling/")
    teams_url = f"/fi/counselling/county/{county.code}/care-teams/"
    site.follow(main.locator(f"a[href='{teams_url}']"))
    team = main.locator(".card").filter(has_text=TEAM)
    expect(team).to_contain_text("Helena Virtanen")
    _fits(page)
    site.follow(team.get_by_role("link", name=TEAM))
    expect(main.locator("h1")).to_have_text(TEAM)
    _fits(page)
    site.follow(main.locator(f"a[href^='{page.url.removeprefix(site.base_url)}members/']"))
    expect(main.locator(".lead")).to_contain_text("Helena Virtanen")
    _fits(page)

    # the research extract offers the use the demo client has consented to
    site.visit(f"/fi/counselling/county/{county.code}/research-extract/")
    expect(main.locator("h1")).to_have_text("Tutkimusaineisto")
    expect(page.locator("#id_use option")).to_contain_text(
        ["Liikuntaneuvonnan seurantakysely 12 kuukauden kuluttua"]
    )
    _fits(page)

    # the demo client's access log, with the export of all of their data
    client = Client.objects.get()
    site.visit(f"/fi/counselling/clients/{client.pk}/access-log/")
    expect(main.locator("h1")).to_have_text("Ketkä ovat käsitelleet asiakkaan tietoja")
    expect(main.locator("tbody tr")).not_to_have_count(0)
    export = main.get_by_role("link", name="Lataa asiakkaan kaikki tiedot (JSON)")
    expect(export).to_have_attribute("href", f"/fi/counselling/clients/{client.pk}/export/")
    _fits(page)
    with page.expect_download() as download:
        export.click()
    path = download.value.path()
    assert json.loads(path.read_text(encoding="utf-8"))


def test_consents__the_counsellor_records_and_withdraws_the_doctor_only_reads(make_site, demo):
    period = Period.objects.get()
    counsellor = make_site(**DESKTOP)
    page = counsellor.page
    main = page.locator("main")
    counsellor.login(COUNSELLOR)
    counsellor.second_factor(COUNSELLOR)
    counsellor.visit("/fi/counselling/")
    counsellor.follow(main.locator(".card-list").get_by_role("link").first)
    assert page.url.endswith(f"/fi/counselling/periods/{period.pk}/")

    # a consent recorded on the record page
    page.locator("#id_purpose").select_option("research")
    page.locator("#id_description").fill("Liikkuvat lapinjärveläiset -tutkimus")
    page.locator("#id_given_on").fill(_day(0))
    counsellor.follow(main.get_by_role("button", name="Kirjaa suostumus"))
    expect(main.locator(".messages")).to_contain_text("Suostumus kirjattiin.")
    consents = main.locator("section[aria-labelledby=consents] tbody tr")
    study = consents.filter(has_text="Liikkuvat lapinjärveläiset")
    expect(study).to_contain_text("Voimassa")

    # and withdrawn, asked first: it stays on record, withdrawn today
    counsellor.follow(study.get_by_role("link", name="Peru"))
    expect(main.locator("h1")).to_have_text("Peru suostumus")
    counsellor.follow(main.get_by_role("button", name="Peru suostumus"))
    expect(main.locator(".messages")).to_contain_text("Suostumus peruttiin.")
    expect(study).to_contain_text("Peruttu")
    withdrawn = Consent.objects.get(description="Liikkuvat lapinjärveläiset -tutkimus")
    assert withdrawn.withdrawn_on == timezone.localdate()

    # the doctor reads both, with no withdrawing and no recording
    doctor = make_site(**DESKTOP)
    doctor.login(DOCTOR)
    doctor.second_factor(DOCTOR)
    doctor.visit(f"/fi/counselling/periods/{period.pk}/")
    section = doctor.page.locator("main section[aria-labelledby=consents]")
    expect(section.locator("tbody tr")).to_have_count(2)
    expect(section.locator("tbody tr").filter(has_text="seurantakysely")).to_contain_text(
        "Voimassa"
    )
    expect(section.locator("tbody tr").filter(has_text="Liikkuvat")).to_contain_text("Peruttu")
    expect(section.get_by_role("link")).to_have_count(0)
    expect(section.locator("form")).to_have_count(0)

"""Exercise counselling in a browser (issue 19's "done when", axe on each page): the doctor
refers a client and books the counsellor's time; the counsellor records the plan and two
visits on a phone and ends the period; the doctor reads the summary."""

import base64

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from elinvoima.actors.models import User
from elinvoima.counselling.enums import AuditAction
from elinvoima.counselling.models import AuditEntry, Period
from tests.browser.test_phone_width import PAST_THE_EDGE

pytestmark = pytest.mark.browser


def _code(key: bytes) -> str:
    """The code an authenticator app with this key shows now."""
    return f"{totp(key):06d}"


PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def test_counselling__refer_book_record_close_and_read_the_summary(make_site, demo):
    doctor = make_site()
    page = doctor.page
    doctor.login("laakari.lapinjarvi")
    doctor.visit("/fi/counselling/")
    # The first time: link an authenticator app by its key, then give its code.
    expect(page.locator("main h1")).to_have_text("Toinen tunnistautumistekijä")
    key = page.locator(".otp-key").inner_text().replace(" ", "")
    page.locator("#id_token").fill(_code(base64.b32decode(key + "=" * (-len(key) % 8))))
    doctor.follow(page.locator("main form button[type=submit]"))
    doctor.follow(page.get_by_role("link", name="Tee lähete"))
    page.locator("#id_identity_code").fill("010101A123N")
    page.locator("#id_name").fill("Kaija Kokeilija")
    page.locator("#id_reason").fill("Liikkumattomuus, tyypin 2 diabeteksen riski.")
    page.locator("#id_slot").select_option(index=1)
    doctor.follow(page.locator("main form button[type=submit]"))
    expect(page.locator("main h1")).to_have_text("Kaija Kokeilija")
    period = Period.objects.order_by("-pk").first()

    counsellor = make_site(**PHONE)
    phone = counsellor.page
    app = TOTPDevice.objects.create(
        user=User.objects.get(username="liikuntaneuvoja.lapinjarvi"), name="puhelin"
    )
    counsellor.login("liikuntaneuvoja.lapinjarvi")
    counsellor.visit(f"/fi/counselling/periods/{period.pk}/")
    phone.locator("#id_token").fill(_code(app.bin_key))
    counsellor.follow(phone.locator("main form button[type=submit]"))
    counsellor.follow(phone.get_by_role("link", name="Liikuntasuunnitelma"))
    phone.locator("#id_exercise_plan").fill("Kävely 3 x 30 min viikossa.")
    counsellor.follow(phone.locator("main form button[type=submit]"))
    today = timezone.localdate().isoformat()
    for minutes in ("60", "150"):
        counsellor.follow(phone.get_by_role("link", name="Kirjaa käynti"))
        phone.locator("#id_visited_on").fill(today)
        phone.locator("#id_m_activity_minutes").fill(minutes)
        counsellor.follow(phone.locator("main form button[type=submit]"))
    assert phone.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}
    counsellor.follow(phone.get_by_role("link", name="Päätä neuvontajakso"))
    phone.locator("#id_outcome").select_option("goals_met")
    phone.locator("#id_summary").fill("Liikuntaa nyt 150 minuuttia viikossa.")
    counsellor.follow(phone.locator("main form button[type=submit]"))

    doctor.visit(f"/fi/counselling/periods/{period.pk}/")
    expect(page.locator("main")).to_contain_text("Liikuntaa nyt 150 minuuttia viikossa.")
    reads = AuditEntry.objects.filter(client=period.client, action=AuditAction.READ)
    assert reads.values("user").distinct().count() == 2


def test_counselling__the_municipality_sees_its_numbers_without_anyone_in_them(make_site, demo):
    site = make_site(**PHONE)
    site.login("hyte.lapinjarvi")
    site.visit("/fi/municipalities/407/exercise-counselling/")
    expect(site.page.locator("main")).to_contain_text("alle 5")  # the demo's one client
    expect(site.page.locator("main")).not_to_contain_text("Demo Asiakas")
    assert site.page.evaluate(PAST_THE_EDGE) == {"page": False, "elements": []}


def test_counselling__a_security_key_links_and_then_passes_the_second_factor(
    make_site, demo, settings, live_server
):
    """WebAuthn (django-otp-webauthn) with Chromium's virtual authenticator: the counsellor
    links a key the first time, and on the next login touches it instead of a code."""
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    site = make_site()
    page = site.page
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    site.login("liikuntaneuvoja.lapinjarvi")
    site.visit("/fi/counselling/")
    page.get_by_role("button", name="Liitä turva-avain").click()
    expect(page.locator("#passkey-register-status-message")).not_to_be_empty()
    assert WebAuthnCredential.objects.filter(
        user__username="liikuntaneuvoja.lapinjarvi", confirmed=True
    ).exists()
    site.follow(page.get_by_role("link", name="Jatka, kun avain on liitetty"))
    expect(page.locator("main h1")).to_have_text("Liikuntaneuvonta")

    site.logout()
    site.login("liikuntaneuvoja.lapinjarvi")
    site.visit("/fi/counselling/")
    expect(page.locator("main h1")).to_have_text("Toinen tunnistautumistekijä")
    page.get_by_role("button", name="Käytä turva-avainta").click()
    page.wait_for_url("**/fi/counselling/")
    expect(page.locator("main h1")).to_have_text("Liikuntaneuvonta")

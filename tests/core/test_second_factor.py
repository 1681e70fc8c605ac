"""The second factor (issue 19): counselling's pages ask for it; the first time the user
links an authenticator app, after that gives its code; a wrong code is refused and repeated
wrong codes make the next try wait; `next` never leads off the site."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from elinvoima.actors.models import User
from elinvoima.core.models import SecondFactorLinking

pytestmark = pytest.mark.django_db

COUNSELLOR = "liikuntaneuvoja.lapinjarvi"


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def _unverified(client_for):
    client = client_for(COUNSELLOR, second_factor=False)
    TOTPDevice.objects.filter(user__username=COUNSELLOR).delete()
    return client


def test_counselling_asks_for_the_second_factor_and_the_first_time_links_an_app(client_for):
    client = _unverified(client_for)
    home = reverse("counselling:home")
    asked = client.get(home)
    assert asked.status_code == 302
    assert asked["Location"] == f"{reverse('second-factor')}?next={home.replace('/', '%2F')}"

    page = client.get(asked["Location"])
    assert page.status_code == 200 and page.context["linking"]
    assert page.context["qr"].startswith("data:image/svg+xml;base64,")
    device = TOTPDevice.objects.get(user__username=COUNSELLOR, confirmed=False)
    assert page.context["key"].replace(" ", "") in device.config_url
    assert client.get(asked["Location"]).context["key"] == page.context["key"]  # same key

    wrong = client.post(asked["Location"], {"token": "000000", "next": home})
    assert wrong.status_code == 200 and wrong.context["form"].errors["token"]
    assert client.get(home).status_code == 302

    device.refresh_from_db()
    device.throttling_failure_timestamp = None  # the wrong code's one-second wait
    device.save()
    linked = client.post(asked["Location"], {"token": _code(device), "next": home})
    assert linked.status_code == 302 and linked["Location"] == home
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(home).status_code == 200
    assert not SecondFactorLinking.objects.filter(user=device.user).exists()  # used up


def test_without_leave_to_link_no_app_or_key_is_linked(client_for):
    """Someone who has (or has reset) the password of a person without a second factor
    cannot link their own phone or key: linking needs the leave the keeper gives."""
    client = _unverified(client_for)
    SecondFactorLinking.objects.filter(user__username=COUNSELLOR).delete()
    url = reverse("second-factor")
    page = client.get(url)
    assert page.status_code == 200 and page.context["linking"] and not page.context["may_link"]
    assert "qr" not in page.context and "rekisterin" in page.content.decode()
    assert not TOTPDevice.objects.filter(user__username=COUNSELLOR).exists()
    # Even a right code of a device made behind the page's back is refused.
    device = TOTPDevice.objects.create(
        user=User.objects.get(username=COUNSELLOR), name="x", confirmed=False
    )
    refused = client.post(url, {"token": _code(device)})
    assert refused.status_code == 200 and refused.context["form"].errors
    key = client.post(
        reverse("otp_webauthn:credential-registration-begin"), content_type="application/json"
    )
    assert key.status_code == 403 and key.json()["code"] == "linking_not_allowed"
    assert client.get(reverse("counselling:home")).status_code == 302


def test_a_linked_app_gives_its_code_and_wrong_codes_make_the_next_try_wait(client_for):
    client = _unverified(client_for)
    device = TOTPDevice.objects.create(
        user=User.objects.get(username=COUNSELLOR), name="phone", confirmed=True
    )
    url = reverse("second-factor")
    page = client.get(url)
    assert page.status_code == 200 and not page.context["linking"]
    assert "qr" not in page.context  # a linked user is never shown a new key

    for _ in range(3):
        assert client.post(url, {"token": "123456"}).context["form"].errors
    # Three failures: the device refuses even the right code for the next 4 seconds.
    refused = client.post(url, {"token": _code(device)})
    assert refused.status_code == 200
    assert "Liian monta väärää koodia" in refused.content.decode()
    assert client.get(reverse("counselling:home")).status_code == 302

    device.throttling_failure_timestamp = None
    device.save()
    passed = client.post(url, {"token": _code(device)})
    assert passed.status_code == 302 and passed["Location"] == reverse("portal:dashboard")
    assert client.get(reverse("counselling:home")).status_code == 200


def test_next_never_leads_off_the_site(client_for):
    client = _unverified(client_for)
    device = TOTPDevice.objects.create(
        user=User.objects.get(username=COUNSELLOR), name="phone", confirmed=True
    )
    url = reverse("second-factor")
    passed = client.post(url, {"token": _code(device), "next": "https://evil.example/"})
    assert passed["Location"] == reverse("portal:dashboard")


def test_the_code_of_one_user_does_not_pass_another(client_for):
    client = _unverified(client_for)
    other = TOTPDevice.objects.create(
        user=User.objects.get(username="laakari.lapinjarvi"), name="phone", confirmed=True
    )
    TOTPDevice.objects.create(
        user=User.objects.get(username=COUNSELLOR), name="phone", confirmed=True
    )
    refused = client.post(reverse("second-factor"), {"token": _code(other)})
    assert refused.status_code == 200 and refused.context["form"].errors


def test_the_page_is_for_those_logged_in(client):
    response = client.get(reverse("second-factor"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_every_counselling_page_with_client_data_asks_for_the_second_factor(client_for):
    """Every counselling URL but the aggregated statistics, opened by the counsellor or
    the doctor without the second factor, sends them to it first: before any refusal, so
    not even a 403 or 404 is told to a login that has not passed it."""
    from tests.core.test_access_matrix import EXPECTATIONS

    names = [
        name
        for name in EXPECTATIONS
        if name.startswith("counselling:") and not name.endswith("-statistics")
    ]
    assert "counselling:period" in names and "counselling:access-log" in names
    for username in ("liikuntaneuvoja.lapinjarvi", "laakari.lapinjarvi"):
        client = client_for(username, second_factor=False)
        for name in names:
            kwargs_for = EXPECTATIONS[name][0]
            url = reverse(name, kwargs=kwargs_for({}) if kwargs_for else None)
            response = client.get(url)
            assert response.status_code == 302, (username, url, response.status_code)
            assert response["Location"].startswith(reverse("second-factor")), (username, url)


def test_the_platform_admin_has_no_pages_for_anyones_second_factor(client_for):
    from django.contrib import admin

    assert not admin.site.is_registered(TOTPDevice)
    assert not admin.site.is_registered(WebAuthnCredential)
    index = client_for("admin").get(reverse("admin:index")).content.decode()
    assert "/admin/otp_totp/" not in index and "/admin/django_otp_webauthn/" not in index

"""The second factor of a login (django-otp): the pages that hold health data ask for it
(issue 19: counsellors and referrers log in with a second factor). A user passes it with a
code of an authenticator app (TOTP) or with a security key (WebAuthn, django-otp-webauthn);
the first time, the user links an app or a key here — only with leave to link
(`SecondFactorLinking`), given by someone who vouches for the person: the keeper of the
counselling register, when granting access or when resetting a lost phone or key. The
platform's admin neither sees nor removes anyone's app or key (no admin pages for them): an
admin who resets a password still cannot pass another person's second factor."""

import base64
import datetime
import io

import qrcode
import qrcode.image.svg
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from elinvoima.core.models import SecondFactorLinking

LINKING_DAYS = 14
LINKING_NOT_ALLOWED = _(
    "You have no leave to link a second factor. Ask the keeper of the register of your"
    " wellbeing services county to give it (it is given with the access, and again when a"
    " phone or a key is lost)."
)


def user_verified(user) -> bool:
    """Did this login pass a second factor? A user authenticated some other way (an API
    token) has no `is_verified` and has not."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def second_factor_redirect(request: HttpRequest) -> HttpResponseRedirect | None:
    """None when the login has passed its second factor; else the way to pass it."""
    if user_verified(request.user):
        return None
    query = urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(f"{reverse('second-factor')}?{query}")


def has_second_factor(user) -> bool:
    """Has the user linked an authenticator app or a security key?"""
    return any(True for _ in devices_for_user(user, confirmed=True))


def totp_device_to_link(user) -> TOTPDevice:
    """The authenticator app being linked: one unconfirmed device a user, kept until its
    first right code confirms it, so reloading the page shows the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Elinvoima", confirmed=False)


def totp_key_text(device: TOTPDevice) -> str:
    """The key as the apps take it typed in: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def totp_qr_data_uri(device: TOTPDevice) -> str:
    """The key's otpauth:// address as a QR code, an SVG image in a data: address (the
    content security policy lets no inline markup style itself, and images of data: are
    allowed)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def linking_allowed(user) -> bool:
    """May the user link a second factor now (their leave has not run out)?"""
    return SecondFactorLinking.objects.filter(user=user, allowed_until__gt=timezone.now()).exists()


def linking_allow(user, *, by, days: int = LINKING_DAYS) -> None:
    """Give the user leave to link a second factor for `days` days (a new leave replaces
    the old)."""
    SecondFactorLinking.objects.update_or_create(
        user=user,
        defaults={
            "allowed_until": timezone.now() + datetime.timedelta(days=days),
            "allowed_by": by,
        },
    )


def linking_done(user) -> None:
    """The leave is used up by the first link."""
    SecondFactorLinking.objects.filter(user=user).delete()


def second_factor_reset(user, *, by) -> None:
    """A lost phone or key: remove every app and key of the user and give leave to link a
    new one (the caller has checked that `by` may vouch for the user)."""
    TOTPDevice.objects.filter(user=user).delete()
    WebAuthnCredential.objects.filter(user=user).delete()
    linking_allow(user, by=by)

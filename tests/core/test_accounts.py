import re

import pytest
from django.core import mail
from django.urls import reverse

from elinvoima.actors.models import User

PASSWORD = "elinvoima-demo"


def test_login__demo_account__lands_on_dashboard(client, demo):
    response = client.post(
        reverse("login"), {"username": "hyte.vaala", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("portal:dashboard")
    assert "Jukka Leinonen" in response.text


def test_login__wrong_password__form_error_in_finnish(client, demo):
    response = client.post(reverse("login"), {"username": "hyte.vaala", "password": "nope"})
    assert response.status_code == 200
    assert "syötä kelvollinen käyttäjätunnus" in response.text  # Django in Finnish


def test_login__repeated_failures__account_locked_out(client, demo, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "yhdistys.mll", "password": "nope"})
    # even the right password is refused while the lockout lasts
    response = client.post(reverse("login"), {"username": "yhdistys.mll", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_password__stored_with_argon2(demo, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = User.objects.get(username="hyte.vaala")
    user.set_password("a-new-long-password")
    assert user.password.startswith("argon2")


def test_password_reset__known_address__email_with_working_link(client, demo):
    response = client.post(
        reverse("password_reset"), {"email": "yhdistys.reuma@example.invalid"}, follow=True
    )
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": "Kahvi-ja-pulla-2026", "new_password2": "Kahvi-ja-pulla-2026"},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == reverse("password_reset_complete")
    assert User.objects.get(username="yhdistys.reuma").check_password("Kahvi-ja-pulla-2026")


def test_password_reset__unknown_address__same_answer_no_email(client, demo):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.invalid"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_change__too_short__explained(client_for):
    client = client_for("yhdistys.reuma")
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "abc", "new_password2": "abc"},
    )
    assert response.status_code == 200
    assert "liian lyhyt" in response.text  # "This password is too short" in Finnish


def test_logout__post__signed_out(client_for):
    client = client_for("hyte.vaala")
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("portal:dashboard")).status_code == 302


@pytest.mark.django_db
def test_oidc__off_by_default__no_provider_urls(client, settings):
    assert settings.OIDC_ENABLED is False
    assert client.get("/oidc/authenticate/").status_code == 404


def test_oidc__switched_on_by_environment__provider_login_available():
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import django; django.setup();"
        "from django.urls import reverse;"
        "from django.conf import settings;"
        "print(reverse('oidc_authentication_init'));"
        "print(settings.AUTHENTICATION_BACKENDS[-1])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "OIDC_ENABLED": "true",
            "OIDC_RP_CLIENT_ID": "elinvoima",
            "OIDC_RP_CLIENT_SECRET": "secret",
            "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example/auth",
            "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
            "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    url, backend = result.stdout.split()
    assert url == "/oidc/authenticate/"
    assert backend == "elinvoima.core.oidc.ElinvoimaOIDCBackend"


@pytest.mark.django_db
def test_oidc_backend__new_person__account_without_password_or_memberships():
    from elinvoima.core.oidc import ElinvoimaOIDCBackend

    backend = ElinvoimaOIDCBackend.__new__(ElinvoimaOIDCBackend)
    backend.UserModel = User
    claims = {"sub": "abc-123", "email": "maija@example.invalid", "given_name": "Maija"}
    user = backend.create_user(claims)
    assert user.username == "oidc:abc-123"
    assert not user.has_usable_password()
    assert not user.memberships.exists()
    assert list(backend.filter_users_by_claims(claims)) == [user]

import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz__database_answers__ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": connection.vendor}


@pytest.mark.django_db
def test_healthz__database_fails__503_not_500(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte"), ("en", "Page not found")],
)
def test_error_page__unknown_page__localized_404(client, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert f'<html lang="{language}">' in response.text
    assert text in response.text


@pytest.mark.django_db
def test_error_page__view_crashes__localized_500_page(client, settings):
    # given a view that fails unexpectedly
    from django.urls import path

    from config import urls as project_urls

    def crash(request):
        raise RuntimeError("boom")

    class Urls:
        urlpatterns = [*project_urls.urlpatterns, path("crash/", crash)]
        handler500 = project_urls.handler500

    settings.ROOT_URLCONF = Urls
    client.raise_request_exception = False
    # when it is requested
    response = client.get("/crash/", headers={"accept-language": "sv"})
    # then the user gets the Swedish error page, not a traceback
    assert response.status_code == 500
    assert "Något gick fel" in response.text
    assert "boom" not in response.text


@pytest.mark.django_db
def test_error_page__api_crash__json_500(client, settings):
    from django.urls import path

    from config import urls as project_urls

    def crash(request):
        raise RuntimeError("boom")

    class Urls:
        urlpatterns = [*project_urls.urlpatterns, path("api/crash/", crash)]
        handler500 = project_urls.handler500

    settings.ROOT_URLCONF = Urls
    client.raise_request_exception = False
    response = client.get("/api/crash/")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_startup__wrong_database_url_scheme__one_clear_line():
    result = _manage("check", env={"DATABASE_URL": "mysql://nobody@localhost/x"})
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_startup__unreachable_database__one_clear_line():
    result = _manage(
        "migrate", "--check", env={"DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"}
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("elinvoima: cannot start:"), result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr


def test_production_settings__check_deploy__no_warnings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "ELINVOIMA_ENV": "production",
            "SECRET_KEY": "x9!k2#Lq7@vZp4$Tn8&Wm3*Rb6^Yc1%Hd5(Jf0)Gs-Ua+Ee=Oi~Pl]Kj[Mh{Nz}",
            "ALLOWED_HOSTS": "elinvoima.example.fi",
            "ELINVOIMA_COUNSELLING_KEYS": "8bnky0PhmcCRPGX7lX6HNhvIyt86IqtCXM-n8obdXmI=",
            "ELINVOIMA_COUNSELLING_HASH_KEY": "a-long-random-key-for-the-identity-codes-hash",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr


def test_production_settings__missing_counselling_keys__refuses_to_start():
    result = _manage(
        "check",
        env={
            "ELINVOIMA_ENV": "production",
            "SECRET_KEY": "x9!k2#Lq7@vZp4$Tn8&Wm3*Rb6^Yc1%Hd5(Jf0)Gs-Ua+Ee=Oi~Pl]Kj[Mh{Nz}",
            "ALLOWED_HOSTS": "elinvoima.example.fi",
        },
    )
    assert result.returncode == 1
    assert "ELINVOIMA_COUNSELLING_KEYS" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_settings__missing_secret_key__refuses_to_start():
    result = _manage("check", env={"ELINVOIMA_ENV": "production"})
    assert result.returncode == 1
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_security_headers__page__csp_without_inline_scripts(client):
    response = client.get(reverse("portal:home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert "<script>" not in response.text  # no inline script blocks

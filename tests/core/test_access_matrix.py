"""Role × URL: every named URL, requested anonymously and as every demo role, against an
explicit table of who may see what. A URL without an entry in the table fails the test,
so no page ships without a decision on who may see it."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import DEMO_USERNAMES

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *DEMO_USERNAMES]

OK = "200"
LOGIN = "login"  # redirected to the login page
ADMIN_LOGIN = "admin-login"
REDIRECT = "redirect"  # redirected somewhere else
FORBIDDEN = "403"
NOT_FOUND = "404"
UNAUTHORISED = "401"
NOT_ALLOWED = "405"  # the URL answers other methods than GET

EVERYONE = dict.fromkeys(ROLES, OK)


def only(*usernames: str, anonymous: str = LOGIN, others: str = FORBIDDEN) -> dict[str, str]:
    table = dict.fromkeys(ROLES, others)
    table[ANONYMOUS] = anonymous
    table.update(dict.fromkeys(usernames, OK))
    return table


def signed_in(anonymous: str = LOGIN) -> dict[str, str]:
    return {**EVERYONE, ANONYMOUS: anonymous}


# URL name → (kwargs builder, expectation per role). Kwargs builders get the demo data.
EXPECTATIONS = {
    "healthz": (None, EVERYONE),
    "portal:home": (None, EVERYONE),
    "portal:dashboard": (None, signed_in()),
    "core:audit-log": (None, only("admin")),
    "login": (None, {**dict.fromkeys(ROLES, REDIRECT), ANONYMOUS: OK}),
    "logout": (None, dict.fromkeys(ROLES, NOT_ALLOWED)),
    "password_change": (None, signed_in()),
    "password_change_done": (None, signed_in()),
    "password_reset": (None, EVERYONE),
    "password_reset_done": (None, EVERYONE),
    "password_reset_confirm": (lambda d: {"uidb64": "MQ", "token": "set-password"}, EVERYONE),
    "password_reset_complete": (None, EVERYONE),
    "actors:municipality-list": (None, EVERYONE),
    "actors:municipality-detail": (lambda d: {"code": "889"}, EVERYONE),
    "actors:municipality-directory": (lambda d: {"municipality_code": "889"}, EVERYONE),
    "actors:municipality-directory-export": (
        lambda d: {"municipality_code": "889", "format": "csv"},
        EVERYONE,
    ),
    "actors:actor-map": (lambda d: {"code": "889"}, EVERYONE),
    "actors:organisation-invite": (
        lambda d: {"pk": d["reuma"].pk},
        only("admin", "hyte.utajarvi"),
    ),
    "actors:invitation-accept": (
        lambda d: {"token": "no-such-token"},
        dict.fromkeys(ROLES, NOT_FOUND),
    ),
    "actors:profile-status": (lambda d: {"code": "889"}, only("admin", "hyte.utajarvi")),
    "actors:embed-instructions": (lambda d: {"code": "889"}, EVERYONE),
    "actors:embed-listing": (lambda d: {"code": "889"}, EVERYONE),
    "embed-feed": (lambda d: {"code": "889"}, EVERYONE),
    "actors:county-list": (None, EVERYONE),
    "actors:county-directory": (lambda d: {"county_code": "9"}, EVERYONE),
    "actors:county-directory-export": (lambda d: {"county_code": "9", "format": "xlsx"}, EVERYONE),
    "actors:county-detail": (lambda d: {"code": "9"}, EVERYONE),
    "actors:organisation-detail": (lambda d: {"pk": d["reuma"].pk}, EVERYONE),
    "actors:organisation-edit": (
        lambda d: {"pk": d["reuma"].pk},
        only("admin", "yhdistys.reuma", "hyte.utajarvi"),
    ),
    "actors:municipality-interfaces": (
        lambda d: {"code": "016"},
        only("admin", "hva.paijathame", "hyte.asikkala"),
    ),
    "actors:municipality-interfaces-edit": (
        lambda d: {"code": "016"},
        only("admin", "hva.paijathame", "hyte.asikkala"),
    ),
    "actors:county-interfaces": (lambda d: {"code": "9"}, only("admin", "hva.paijathame")),
    "networks:municipality-networks": (lambda d: {"code": "785"}, EVERYONE),
    "networks:county-networks": (lambda d: {"code": "9"}, EVERYONE),
    "api:api-root": (None, signed_in(anonymous=UNAUTHORISED)),
    "api:auth-token": (None, dict.fromkeys(ROLES, NOT_ALLOWED)),
    "api:municipality-list": (None, EVERYONE),
    "api:municipality-detail": (lambda d: {"code": "889"}, EVERYONE),
    "api:wellbeing-county-list": (None, EVERYONE),
    "api:wellbeing-county-detail": (lambda d: {"code": "9"}, EVERYONE),
    "api:organisation-list": (None, EVERYONE),
    "api:organisation-detail": (lambda d: {"pk": d["reuma"].pk}, EVERYONE),
    "api:schema": (None, EVERYONE),
    "api:docs": (None, EVERYONE),
}

# Django's admin keeps its own staff-only permission system; its pages that need no object
# are checked below against it (only the platform admin is staff), the rest are Django's.
ADMIN_NAMESPACE = "admin"


def named_urls(resolver: URLResolver | None = None, prefix: str = "") -> dict[str, bool]:
    """Every URL name in the URLconf → whether it takes arguments."""
    resolver = resolver or get_resolver()
    names: dict[str, bool] = {}
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names.update(named_urls(pattern, namespace))
        elif isinstance(pattern, URLPattern) and pattern.name:
            takes_arguments = bool(pattern.pattern.regex.groupindex)
            names[prefix + pattern.name] = names.get(prefix + pattern.name, True) and (
                takes_arguments
            )
    return names


def outcome(response) -> str:
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith(reverse("login")):
            return LOGIN
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
        return REDIRECT
    return str(response.status_code)


def test_access_matrix__every_url_has_an_expectation():
    names = {name for name in named_urls() if not name.startswith(f"{ADMIN_NAMESPACE}:")}
    missing = sorted(names - set(EXPECTATIONS))
    stale = sorted(set(EXPECTATIONS) - names)
    assert not missing, f"URLs without an access expectation: {missing}"
    assert not stale, f"expectations for URLs that no longer exist: {stale}"


@pytest.fixture
def demo_objects(demo):
    from elinvoima.actors.models import Organisation

    return {"reuma": Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")}


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix__each_role_gets_what_the_table_says(role, client_for, demo_objects):
    client = client_for(None if role == ANONYMOUS else role)
    mismatches = []
    for name, (kwargs_for, expected) in EXPECTATIONS.items():
        url = reverse(name, kwargs=kwargs_for(demo_objects) if kwargs_for else None)
        got = outcome(client.get(url))
        if got != expected[role]:
            mismatches.append(f"{name} {url}: expected {expected[role]}, got {got}")
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix__admin_pages_are_for_staff_only(role, client_for, demo):
    client = client_for(None if role == ANONYMOUS else role)
    # Staff may be refused an add page (audit entries are never added by hand): 403.
    allowed = {OK, FORBIDDEN} if role == "admin" else {ADMIN_LOGIN}
    admin_pages = sorted(
        name
        for name, takes_arguments in named_urls().items()
        if name.startswith(f"{ADMIN_NAMESPACE}:")
        and not takes_arguments
        and name not in ("admin:login", "admin:logout")
    )
    assert "admin:index" in admin_pages
    if role == "admin":
        assert client.get(reverse("admin:index")).status_code == 200
    mismatches = [
        f"{name}: got {got}"
        for name in admin_pages
        if (got := outcome(client.get(reverse(name)))) not in allowed
    ]
    assert not mismatches, "\n".join(mismatches)

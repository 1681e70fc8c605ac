"""core.registry: apps plug themselves in; the portal renders only what they registered."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from elinvoima.actors.models import Municipality, Organisation, User, WellbeingCounty
from elinvoima.core.registry import (
    DashboardTasks,
    HomeCard,
    Link,
    NavEntry,
    Registry,
    Tab,
    registry,
)
from elinvoima.networks.models import Network

pytestmark = pytest.mark.django_db


class _User:
    """A user whose permissions are a fixed set, to test the gating alone."""

    def __init__(self, *, signed_in=True, perms=()):
        self.is_authenticated = signed_in
        self.perms = set(perms)

    def has_perm(self, perm, obj=None):
        return (perm, obj) in self.perms or perm in self.perms


def test_registry__navigation__ordered_signed_in_and_predicate_gated():
    r = Registry()
    r.add(
        NavEntry("B", "portal:home", order=20),
        NavEntry("A", "portal:dashboard", order=10, signed_in=True),
        NavEntry("Audit", "core:audit-log", order=30, predicate="core.view_audit_log"),
    )
    assert [link.label for link in r.navigation_for(_User(signed_in=False))] == ["B"]
    assert [link.label for link in r.navigation_for(_User())] == ["A", "B"]
    auditor = _User(perms={"core.view_audit_log"})
    assert [link.label for link in r.navigation_for(auditor)] == ["A", "B", "Audit"]


def test_registry__tabs__only_of_the_page_and_asked_with_the_object():
    r = Registry()
    r.add(
        Tab("county", "County tab", "portal:home", lambda obj: {}),
        Tab("municipality", "Second", "portal:home", lambda obj: {}, order=20),
        Tab("municipality", "Secret", "portal:home", lambda obj: {}, predicate="app.see"),
        Tab("municipality", "First", "portal:home", lambda obj: {}, order=10),
    )
    municipality = object()
    assert [t.label for t in r.tabs_for("municipality", _User(), municipality)] == [
        "First",
        "Second",
    ]
    allowed = _User(perms={("app.see", municipality)})
    assert "Secret" in [t.label for t in r.tabs_for("municipality", allowed, municipality)]
    assert "Secret" not in [t.label for t in r.tabs_for("municipality", allowed, object())]


def test_registry__unknown_page_or_entry__refused():
    r = Registry()
    with pytest.raises(ValueError, match="Unknown page"):
        r.add(Tab("plan", "X", "portal:home", lambda obj: {}))
    with pytest.raises(TypeError):
        r.add(Link("X", "/"))


def test_registry__dashboard_tasks__in_provider_order_without_repeats():
    r = Registry()
    r.add(
        DashboardTasks(lambda user: [Link("Late", "/b/"), Link("Same", "/s/")], order=20),
        DashboardTasks(lambda user: [Link("Early", "/a/"), Link("Same", "/s/")], order=10),
    )
    assert [task.label for task in r.dashboard_tasks_for(_User())] == ["Early", "Same", "Late"]


def test_registry__every_registered_url_name__reverses(demo):
    for entry in registry.nav_entries:
        reverse(entry.url_name)
    for card in registry.home_cards:
        reverse(card.url_name)
    objects = {
        "municipality": Municipality.objects.get(code="889"),
        "county": WellbeingCounty.objects.get(code="9"),
        "network": Network.objects.first(),
        "organisation": Organisation.objects.filter(kind="association").first(),
    }
    for tab in registry.tabs:
        reverse(tab.url_name, kwargs=tab.url_kwargs(objects[tab.page]))


def test_registry__api_routes__unique_plural_kebab_case():
    prefixes = [route.prefix for route in registry.api_routes]
    assert len(prefixes) == len(set(prefixes))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", prefix) for prefix in prefixes)
    assert {"municipalities", "organisations", "indicators", "plans", "goals"} <= set(prefixes)


def test_municipality_page__tabs_of_every_app__experiential_only_to_those_allowed(client_for):
    url = reverse("actors:municipality-detail", kwargs={"code": "889"})
    experiential = reverse("indicators:experiential-municipality", kwargs={"code": "889"})
    public = client_for(None).get(url).text
    for name in ("actors:municipality-directory", "networks:municipality-networks"):
        kwarg = "municipality_code" if name.startswith("actors") else "code"
        assert reverse(name, kwargs={kwarg: "889"}) in public
    assert reverse("strategy:municipality-plans", kwargs={"code": "889"}) in public
    assert experiential not in public
    coordinator = User.objects.get(username="hyte.utajarvi")
    assert coordinator.has_perm(
        "indicators.view_experiential_data", Municipality.objects.get(code="889")
    )
    assert experiential in client_for("hyte.utajarvi").get(url).text


def test_front_page__cards_the_apps_registered(client_for):
    response = client_for(None).get(reverse("portal:home"))
    for card in registry.home_cards:
        assert reverse(card.url_name) in response.text
    assert isinstance(registry.home_cards[0], HomeCard)


def test_portal_templates__name_no_app_url():
    """The portal's own templates link only to the portal, core and accounts: every other
    link comes from the registry."""
    root = Path(__file__).resolve().parents[2] / "elinvoima" / "templates" / "portal"
    for template in root.glob("*.html"):
        names = re.findall(r"\{% url '([a-z_]+):", template.read_text())
        assert set(names) <= {"portal", "core", "api"}, template.name


def test_anonymous_navigation__public_entries_only():
    labels = [str(link.label) for link in registry.navigation_for(AnonymousUser())]
    assert "Municipalities" in labels or "Kunnat" in labels
    assert len(labels) == len(
        [e for e in registry.nav_entries if not e.signed_in and e.predicate is None]
    )

"""The registry through which apps plug themselves into the portal (docs/architecture.md,
"The registry").

Each installed app may have a module `plugin.py` with a function `register(registry)`; core
calls them when Django starts, in the order of INSTALLED_APPS. Through it an app adds its
main navigation entries, front-page sections and cards, tabs on the pages of a
municipality, a county, a network or an organisation, dashboard tasks and panels, API
routes, URL modules and demo data. The portal and the pages that show tabs only render what
is registered, so adding an app touches no other app's code.

Every entry that a user may or may not see is gated by a named predicate (a `rules`
permission such as "indicators.view_experiential_data"), asked with `user.has_perm`, with
the page's object where there is one.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps
from django.urls import reverse
from django.utils.functional import Promise

Label = str | Promise


@dataclass(frozen=True)
class Link:
    """A rendered link: what a template shows."""

    label: Label
    url: str
    description: Label = ""


@dataclass(frozen=True)
class NavEntry:
    """An entry of the main navigation."""

    label: Label
    url_name: str
    order: int = 50
    signed_in: bool = False  # shown only to signed-in users
    predicate: str | None = None  # a permission without an object, e.g. "core.view_audit_log"


@dataclass(frozen=True)
class HomeCard:
    """A card on the public front page."""

    title: Label
    text: Label
    link_label: Label
    url_name: str
    order: int = 50


@dataclass(frozen=True)
class HomeSection:
    """A section at the top of the public front page, above the cards: a template and a
    function that gives its context (e.g. a search form)."""

    template: str
    context: Callable[[], dict[str, Any]] = dict
    order: int = 50


@dataclass(frozen=True)
class Tab:
    """A tab on the page of a municipality, county, network or organisation."""

    page: str  # one of PAGES
    label: Label
    url_name: str
    url_kwargs: Callable[[Any], dict[str, Any]]  # the page's object → the URL's kwargs
    order: int = 50
    predicate: str | None = None  # asked with the page's object


@dataclass(frozen=True)
class WorkItem:
    """Something that waits for the user, with how many: "3 goal cards to update this
    four-month period". The label is already counted (ngettext) and translated."""

    label: Label
    count: int
    url: str
    description: Label = ""


@dataclass(frozen=True)
class DashboardWork:
    """A function `user → WorkItems`: what needs the user now, at the top of the dashboard.
    Each kind of item is counted with one query (tests/portal checks the dashboard's
    queries); an item counted 0 is not shown."""

    items: Callable[[Any], Iterable[WorkItem]]
    order: int = 50


@dataclass(frozen=True)
class DashboardTasks:
    """A function that lists what a user can do now in this app, as Links. `secondary`
    tasks (the password, the API documentation) are listed last and smaller."""

    tasks: Callable[[Any], Iterable[Link]]
    order: int = 50
    secondary: bool = False


@dataclass(frozen=True)
class DashboardPanel:
    """A section of the dashboard: a template and a function that gives its context, or
    None when the panel has nothing to show this user."""

    template: str
    context: Callable[[Any], dict[str, Any] | None]
    order: int = 50
    above_tasks: bool = False  # shown above the task list (who the user is), else below


@dataclass(frozen=True)
class ApiRoute:
    """A collection under /api/v1/ (DESIGN's plural kebab-case nouns)."""

    prefix: str
    viewset: type
    basename: str


@dataclass(frozen=True)
class UrlModule:
    """A URL module of an app; i18n modules are served under /fi/, /sv/ and /en/."""

    module: str
    i18n: bool = True


@dataclass(frozen=True)
class DemoLoader:
    """Loads an app's part of the demo data (`manage.py seed_demo`); must be idempotent."""

    name: str
    load: Callable[[Any], None]  # called with a core.demo.DemoContext


@dataclass(frozen=True)
class CalendarEntry:
    """A date of another capability's process in a municipality's annual clock (a card's
    closing date, a grant round's deadline): shown on the clock and in its iCalendar feed.
    `uid` is stable across requests (the feed's UID), `kind` names the process."""

    uid: str
    title: Label
    kind: Label
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    url: str = ""
    description: Label = ""


@dataclass(frozen=True)
class CalendarSource:
    """A function `(municipality, year) → CalendarEntries`: what of an app's public
    processes falls in that year, added to the municipality's annual clock automatically.
    One query per source."""

    entries: Callable[[Any, int], Iterable[CalendarEntry]]
    order: int = 50


PAGES = ("municipality", "county", "network", "organisation")


@dataclass
class Registry:
    nav_entries: list[NavEntry] = field(default_factory=list)
    home_cards: list[HomeCard] = field(default_factory=list)
    home_sections: list[HomeSection] = field(default_factory=list)
    tabs: list[Tab] = field(default_factory=list)
    dashboard_work: list[DashboardWork] = field(default_factory=list)
    dashboard_tasks: list[DashboardTasks] = field(default_factory=list)
    dashboard_panels: list[DashboardPanel] = field(default_factory=list)
    api_routes: list[ApiRoute] = field(default_factory=list)
    url_modules: list[UrlModule] = field(default_factory=list)
    demo_loaders: list[DemoLoader] = field(default_factory=list)
    calendar_sources: list[CalendarSource] = field(default_factory=list)

    def add(self, *entries: Any) -> None:
        """Register entries of any of the kinds above."""
        for entry in entries:
            if isinstance(entry, Tab) and entry.page not in PAGES:
                raise ValueError(f"Unknown page {entry.page!r} for a tab; one of {PAGES}.")
            self._list_for(entry).append(entry)

    def _list_for(self, entry: Any) -> list:
        lists: dict[type, list[Any]] = {
            NavEntry: self.nav_entries,
            HomeCard: self.home_cards,
            HomeSection: self.home_sections,
            Tab: self.tabs,
            DashboardWork: self.dashboard_work,
            DashboardTasks: self.dashboard_tasks,
            DashboardPanel: self.dashboard_panels,
            ApiRoute: self.api_routes,
            UrlModule: self.url_modules,
            DemoLoader: self.demo_loaders,
            CalendarSource: self.calendar_sources,
        }
        try:
            return lists[type(entry)]
        except KeyError:
            raise TypeError(f"Not a registry entry: {entry!r}") from None

    # --- What the portal and the pages render -----------------------------------------------
    def navigation_for(self, user) -> list[Link]:
        return [
            Link(entry.label, reverse(entry.url_name))
            for entry in sorted(self.nav_entries, key=lambda e: e.order)
            if (not entry.signed_in or user.is_authenticated)
            and (entry.predicate is None or user.has_perm(entry.predicate))
        ]

    def home_cards_sorted(self) -> list[HomeCard]:
        return sorted(self.home_cards, key=lambda card: card.order)

    def home_sections_rendered(self) -> list[tuple[str, dict[str, Any]]]:
        """(template, context) of each front-page section, in order."""
        return [
            (section.template, section.context())
            for section in sorted(self.home_sections, key=lambda s: s.order)
        ]

    def tabs_for(self, page: str, user, obj) -> list[Link]:
        return [
            Link(tab.label, reverse(tab.url_name, kwargs=tab.url_kwargs(obj)))
            for tab in sorted(self.tabs, key=lambda t: t.order)
            if tab.page == page and (tab.predicate is None or user.has_perm(tab.predicate, obj))
        ]

    def calendar_entries_for(self, municipality, year: int) -> list[CalendarEntry]:
        """The other capabilities' dates in the municipality's year, in the sources' order."""
        return [
            entry
            for source in sorted(self.calendar_sources, key=lambda s: s.order)
            for entry in source.entries(municipality, year)
        ]

    def dashboard_work_for(self, user) -> list[WorkItem]:
        """What waits for the user in every app, in the apps' order; nothing counted 0."""
        return [
            item
            for provider in sorted(self.dashboard_work, key=lambda p: p.order)
            for item in provider.items(user)
            if item.count > 0
        ]

    def dashboard_tasks_for(self, user, *, secondary: bool = False) -> list[Link]:
        """Every app's tasks for the user, in registration order, without repeats."""
        tasks: list[Link] = []
        seen: set[tuple[str, str]] = set()
        for provider in sorted(self.dashboard_tasks, key=lambda p: p.order):
            if provider.secondary != secondary:
                continue
            for link in provider.tasks(user):
                key = (str(link.label), link.url)
                if key not in seen:
                    seen.add(key)
                    tasks.append(link)
        return tasks

    def dashboard_panels_for(self, user, *, above_tasks: bool) -> list[tuple[str, dict]]:
        """(template, context) of each panel that has something to show this user."""
        panels = []
        for panel in sorted(self.dashboard_panels, key=lambda p: p.order):
            if panel.above_tasks != above_tasks:
                continue
            context = panel.context(user)
            if context is not None:
                panels.append((panel.template, context))
        return panels


registry = Registry()


def plugins_register() -> None:
    """Call `register(registry)` of every installed app's `plugin` module, in the order of
    INSTALLED_APPS. Run once, from CoreConfig.ready()."""
    for app_config in apps.get_app_configs():
        try:
            module = import_module(f"{app_config.name}.plugin")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.plugin":
                raise
            continue
        module.register(registry)

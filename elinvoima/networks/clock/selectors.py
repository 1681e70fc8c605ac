"""Reads of an annual clock: what falls in a year for a municipality, a county or a network
— its own items (those of every year moved to the year), the meetings of its networks, and
for a municipality the dates that other capabilities register (core.registry's
CalendarSource: cards' closing dates, grant rounds' deadlines) — as one list of entries in
the order of the year.

A clock has hundreds of entries, so the rows are read as plain values, not model objects
(docs/performance.md, "Pages"; `annual_clock_pg`): one query for the items, one for the
groups they hear, one for the meetings."""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.registry import registry
from elinvoima.core.translation import text_picker, translated_field_names
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.enums import PARTICIPATION_KINDS, CalendarItemKind, Recurrence
from elinvoima.networks.meetings.models import Meeting
from elinvoima.networks.models import Network
from elinvoima.networks.permissions import networks_visible_to


@dataclass
class ClockEntry:
    uid: str  # stable: the iCalendar UID
    title: str
    kind: str  # the kind's label
    kind_code: str  # CalendarItemKind, or "meeting", or "automatic"
    month: int
    starts_on: datetime.date | None = None  # None: some time in the month
    ends_on: datetime.date | None = None
    starts_at: datetime.datetime | None = None  # a meeting's hours
    ends_at: datetime.datetime | None = None
    url: str = ""
    description: str = ""
    responsible: str = ""
    heard: list[str] = field(default_factory=list)
    how_heard: str = ""
    participation: bool = False
    item_id: int | None = None  # an item of the clock itself (editable)
    every_year: bool = False
    source: str = ""  # the network or capability it comes from

    @property
    def sort_key(self) -> tuple:
        day = self.starts_on.day if self.starts_on else 0
        return (self.month, self.starts_on is not None, day, self.title)


def _moved(day: datetime.date | None, year: int) -> datetime.date | None:
    """An every-year item's date in `year` (29 February → 28 February)."""
    if day is None:
        return None
    last = calendar.monthrange(year, day.month)[1]
    return datetime.date(year, day.month, min(day.day, last))


def items_in(year: int) -> Q:
    return Q(year=year) | Q(recurrence=Recurrence.YEARLY, year__lte=year)


ITEM_COLUMNS = (
    "id",
    "kind",
    "year",
    "month",
    "starts_on",
    "ends_on",
    "recurrence",
    "responsible",
    "network__name_fi",
    "network__name_sv",
    "network__name_en",
    *translated_field_names("title"),
    *translated_field_names("description"),
    *translated_field_names("how_heard"),
)


NAME_COLUMNS = translated_field_names("name")


def _heard(item_ids: list[int]) -> dict[int, list[str]]:
    """item id → the names of the groups it hears, in the groups' order."""
    through = CalendarItem.heard_groups.through
    pick = text_picker()
    heard: dict[int, list[str]] = defaultdict(list)
    rows: QuerySet = (
        QuerySet(model=through)
        .filter(calendaritem_id__in=item_ids)
        .order_by("targetgroup__position", "targetgroup_id")
        .values_list(
            "calendaritem_id", *(f"targetgroup__{n}" for n in translated_field_names("name"))
        )
    )
    for item_id, *names in rows:
        heard[item_id].append(pick(names))
    return heard


def _items(condition: Q, year: int) -> list[ClockEntry]:
    """Entries of the clock's own items in `year` (those of networks naming the network)."""
    pick = text_picker()
    kinds = {code: str(label) for code, label in CalendarItemKind.choices}  # translated once
    rows = list(
        QuerySet(model=CalendarItem)  # plain rows: modeltranslation's rewrite costs more
        .filter(condition & items_in(year))
        .values_list(*ITEM_COLUMNS)
    )
    heard = _heard([row[0] for row in rows]) if rows else {}
    entries = []
    for pk, kind, item_year, month, starts_on, ends_on, recurrence, responsible, *texts in rows:
        network, title, description, how_heard = texts[0:3], texts[3:6], texts[6:9], texts[9:12]
        if item_year != year:
            starts_on, ends_on = _moved(starts_on, year), _moved(ends_on, year)
            if starts_on and ends_on and ends_on < starts_on:  # across the new year
                ends_on = None
        groups = heard.get(pk, [])
        how = pick(how_heard)
        entries.append(
            ClockEntry(
                uid=f"calendar-item-{pk}-{year}",
                title=pick(title),
                kind=kinds[kind],
                kind_code=kind,
                month=month,
                starts_on=starts_on,
                ends_on=ends_on,
                description=pick(description),
                responsible=responsible,
                heard=groups,
                how_heard=how,
                participation=kind in PARTICIPATION_KINDS or bool(groups) or bool(how),
                item_id=pk,
                every_year=recurrence == Recurrence.YEARLY,
                source=pick(network) if network[0] else "",
            )
        )
    return entries


def _meetings(networks: QuerySet, year: int) -> list[ClockEntry]:
    pick = text_picker()
    kind = str(CalendarItemKind.MEETING.label)
    rows: QuerySet = (
        QuerySet(model=Meeting)
        .filter(
            network__in=networks,
            invited_at__isnull=False,
            cancelled_at__isnull=True,
            starts_at__year=year,
        )
        .values_list(
            "id",
            "title",
            "starts_at",
            "ends_at",
            "place",
            *(f"network__{n}" for n in translated_field_names("name")),
        )
    )
    url = reverse("networks:meeting", kwargs={"pk": 999999999})  # once, not per meeting
    entries = []
    for pk, title, starts_at, ends_at, place, *network in rows:
        starts = timezone.localtime(starts_at)
        entries.append(
            ClockEntry(
                uid=f"meeting-{pk}",
                title=title,
                kind=kind,
                kind_code="meeting",
                month=starts.month,
                starts_on=starts.date(),
                starts_at=starts_at,
                ends_at=ends_at,
                url=url.replace("999999999", str(pk)),
                description=place,
                source=pick(network),
            )
        )
    return entries


def _registered(municipality: Municipality, year: int) -> list[ClockEntry]:
    return [
        ClockEntry(
            uid=entry.uid,
            title=str(entry.title),
            kind=str(entry.kind),
            kind_code="automatic",
            month=entry.starts_on.month,
            starts_on=entry.starts_on,
            ends_on=entry.ends_on,
            url=entry.url,
            description=str(entry.description),
            source=str(entry.kind),
        )
        for entry in registry.calendar_entries_for(municipality, year)
    ]


def clock_entries(owner, year: int, user) -> list[ClockEntry]:
    """The year of an owner's annual clock as `user` may see it, in the order of the year.
    For a municipality or a county also the items and meetings of its networks that the
    user sees; for a municipality the other capabilities' dates."""
    if isinstance(owner, Network):
        entries = _items(Q(network=owner), year)
        entries += _meetings(Network.objects.filter(pk=owner.pk), year)
    else:
        field = "municipality" if isinstance(owner, Municipality) else "wellbeing_county"
        networks = networks_visible_to(user).filter(**{field: owner}).values("pk")
        entries = _items(Q(**{field: owner}) | Q(network__in=networks), year)
        entries += _meetings(networks, year)
        if isinstance(owner, Municipality):
            entries += _registered(owner, year)
    return sorted(entries, key=lambda entry: entry.sort_key)


def clock_years(year: int) -> list[int]:
    return [year - 1, year, year + 1]


def owner_of_clock(owner) -> str:
    if isinstance(owner, Network):
        return "network"
    return "county" if isinstance(owner, WellbeingCounty) else "municipality"


def participation_count(municipality: Municipality, year: int, user) -> int:
    """How many entries the municipality's participation plan has in `year` as `user` sees
    its clock (the clock's `?participation=1`): its own items and those of its networks the
    user sees that hear residents or associations — of a participation kind, or naming the
    groups heard or how, as `_items` marks them. One query (for the partnership roadmap)."""
    networks = networks_visible_to(user).filter(municipality=municipality).values("pk")
    heard = CalendarItem.heard_groups.through.objects.filter(calendaritem_id=OuterRef("pk"))
    how = Q()
    for name in translated_field_names("how_heard"):
        how |= Q(**{f"{name}__gt": ""})
    return (
        QuerySet(model=CalendarItem)
        .filter((Q(municipality=municipality) | Q(network__in=networks)) & items_in(year))
        .filter(Q(kind__in=PARTICIPATION_KINDS) | Exists(heard) | how)
        .count()
    )

"""Reads of an annual clock: what falls in a year for a municipality, a county or a network
— its own items (those of every year moved to the year), the meetings of its networks, and
for a municipality the dates that other capabilities register (core.registry's
CalendarSource: cards' closing dates, grant rounds' deadlines) — as one list of entries in
the order of the year."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from elinvoima.actors.models import Municipality, TargetGroup, WellbeingCounty
from elinvoima.core.registry import registry
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.enums import CalendarItemKind, Recurrence
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
    item: CalendarItem | None = None  # an item of the clock itself (editable)
    source: str = ""  # the network or capability it comes from

    @property
    def sort_key(self) -> tuple:
        first = self.starts_on or datetime.date(2000, 1, 1)
        return (self.month, self.starts_on is not None, first.day, str(self.title))


def _moved(day: datetime.date | None, year: int) -> datetime.date | None:
    """An every-year item's date in `year` (29 February → 28 February)."""
    if day is None:
        return None
    last = calendar.monthrange(year, day.month)[1]
    return datetime.date(year, day.month, min(day.day, last))


def items_in(year: int) -> Q:
    return Q(year=year) | Q(recurrence=Recurrence.YEARLY, year__lte=year)


def _items(queryset: QuerySet[CalendarItem], year: int, *, by_network=False) -> list[ClockEntry]:
    """Entries of the clock's own items in `year`; `by_network`: items of networks, each
    naming its network."""
    entries = []
    queryset = queryset.filter(items_in(year)).prefetch_related(
        Prefetch("heard_groups", queryset=TargetGroup.objects.order_by("position", "pk"))
    )
    if by_network:
        queryset = queryset.select_related("network")
    for item in queryset:
        starts_on = item.starts_on if item.year == year else _moved(item.starts_on, year)
        ends_on = item.ends_on if item.year == year else _moved(item.ends_on, year)
        if starts_on and ends_on and ends_on < starts_on:  # across the new year
            ends_on = None
        entries.append(
            ClockEntry(
                uid=f"calendar-item-{item.pk}-{year}",
                title=item.title,
                kind=item.get_kind_display(),
                kind_code=item.kind,
                month=item.month,
                starts_on=starts_on,
                ends_on=ends_on,
                description=item.description,
                responsible=item.responsible,
                heard=[group.name for group in item.heard_groups.all()],
                how_heard=item.how_heard,
                participation=item.hears_residents,
                item=item,
                source=item.network.name if by_network and item.network else "",
            )
        )
    return entries


def _meetings(networks: QuerySet[Network], year: int) -> list[ClockEntry]:
    meetings = Meeting.objects.filter(
        network__in=networks,
        invited_at__isnull=False,
        cancelled_at__isnull=True,
        starts_at__year=year,
    ).select_related("network")
    entries = []
    for meeting in meetings:
        starts = timezone.localtime(meeting.starts_at)
        entries.append(
            ClockEntry(
                uid=f"meeting-{meeting.pk}",
                title=meeting.title,
                kind=str(CalendarItemKind.MEETING.label),
                kind_code="meeting",
                month=starts.month,
                starts_on=starts.date(),
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                url=meeting.get_absolute_url(),
                description=meeting.place,
                source=meeting.network.name,
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
        entries = _items(CalendarItem.objects.filter(network=owner), year)
        entries += _meetings(Network.objects.filter(pk=owner.pk), year)
    else:
        field = "municipality" if isinstance(owner, Municipality) else "wellbeing_county"
        networks = networks_visible_to(user).filter(**{field: owner})
        entries = _items(CalendarItem.objects.filter(**{field: owner}), year)
        entries += _items(CalendarItem.objects.filter(network__in=networks), year, by_network=True)
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

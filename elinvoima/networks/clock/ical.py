"""An annual clock as an iCalendar feed (RFC 5545, built with the `icalendar` library) that
calendar programs subscribe to: a meeting at its hours in Europe/Helsinki (with the zone's
daylight saving rules in a VTIMEZONE), a dated item as whole days, an item of a month as the
whole month, free time (TRANSP:TRANSPARENT) so that it blocks nobody's calendar."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .selectors import ClockEntry

HELSINKI = ZoneInfo("Europe/Helsinki")
PRODUCT = "-//Elinvoima//Vuosikello//FI"


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _event(entry: ClockEntry, year: int, base_url: str, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", f"{entry.uid}@elinvoima")
    event.add("dtstamp", stamp)
    event.add("summary", entry.title)
    if entry.starts_at is not None:
        event.add("dtstart", entry.starts_at.astimezone(HELSINKI))
        event.add("dtend", (entry.ends_at or entry.starts_at).astimezone(HELSINKI))
    elif entry.starts_on is not None:
        event.add("dtstart", entry.starts_on)
        event.add("dtend", (entry.ends_on or entry.starts_on) + datetime.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        first = datetime.date(year, entry.month, 1)
        event.add("dtstart", first)
        event.add("dtend", _next_month(first))
        event.add("transp", "TRANSPARENT")
    text = [part for part in (entry.kind, entry.source, entry.description) if part]
    if entry.responsible:
        text.append(entry.responsible)
    if entry.heard:
        text.append(", ".join(entry.heard))
    event.add("description", "\n".join(text))
    event.add("categories", [entry.kind])
    if entry.url:
        event.add("url", base_url + entry.url)
    return event


def clock_ical(name: str, years: dict[int, list[ClockEntry]], base_url: str) -> bytes:
    """The feed of the clock's entries in each of `years` (year → entries)."""
    feed = Calendar()
    feed.add("prodid", PRODUCT)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for year, entries in years.items():
        for entry in entries:
            feed.add_component(_event(entry, year, base_url, stamp))
    feed.add_missing_timezones()
    return feed.to_ical()

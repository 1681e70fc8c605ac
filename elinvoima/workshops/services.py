"""Writes of a workshop series: its areas, hosts in turn and contact persons, and its
workshops with their programme and the timeline of telling about them. Registration is in
`registration_services.py`, the seating in `tables_services.py`, what a workshop leaves in
`outcome_services.py`. Permission first, then validation, then the write, in one
transaction (docs/architecture.md)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save

from .enums import TASK_OFFSETS, SeriesScope
from .models import Area, ContactPerson, HostYear, ProgrammeItem, Series, Workshop, WorkshopTask


def proposed_hosts(area: Area, years: list[int]) -> dict[int, Municipality]:
    """Each year's host, in turn: the municipality that has hosted least, and longest ago,
    next (seed 003: "Isäntäkunta vaihtuu vuosittain"). Years with a host keep it."""
    municipalities = list(area.municipalities.order_by("name"))
    hosted: dict[int, list[int]] = {m.pk: [] for m in municipalities}
    fixed = {host.year: host.municipality for host in area.hosts.select_related("municipality")}
    for year, municipality in fixed.items():
        hosted.setdefault(municipality.pk, []).append(year)
    result = {}
    for year in sorted(years):
        if year in fixed:
            result[year] = fixed[year]
            continue
        choice = min(
            municipalities,
            key=lambda m: (len(hosted[m.pk]), max(hosted[m.pk], default=0), m.name),
        )
        hosted[choice.pk].append(year)
        result[year] = choice
    return result


@transaction.atomic
def hosts_save(*, user, area: Area, hosts: dict[int, Municipality]) -> None:
    """Record the hosts of the years."""
    authorize(
        user,
        "workshops.organise_series",
        area.series,
        visible=("workshops.view_series", area.series),
    )
    members = set(area.municipalities.values_list("pk", flat=True))
    if any(municipality.pk not in members for municipality in hosts.values()):
        raise ValidationError(_("The host must be a municipality of the area."))
    for year, municipality in hosts.items():
        HostYear.objects.update_or_create(
            area=area, year=year, defaults={"municipality": municipality}
        )


# --- Planning a workshop ---------------------------------------------------------------------
MIN_WORKSHOP_MINUTES = 60


@dataclass(frozen=True)
class WorkshopData:
    area: Area
    theme_fi: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    registration_closes_on: datetime.date
    capacity: int
    theme_sv: str = ""
    description_fi: str = ""
    description_sv: str = ""
    venue: str = ""
    catering: str = ""
    catering_paid_by: str = ""
    is_published: bool = False


@dataclass(frozen=True)
class ProgrammeRow:
    kind: str
    title_fi: str
    minutes: int
    title_sv: str = ""


def programme_check(rows: list[ProgrammeRow], minutes_available: int) -> list[str]:
    """Why a programme does not fit the evening, as seed 003 asks: the parts add up to the
    evening, and at least an hour goes to the workshop."""
    problems = []
    total = sum(row.minutes for row in rows)
    if rows and total != minutes_available:
        problems.append(
            _("The programme takes %(total)d minutes; the evening has %(available)d.")
            % {"total": total, "available": minutes_available}
        )
    workshop = sum(row.minutes for row in rows if row.kind == "workshop")
    if rows and workshop < MIN_WORKSHOP_MINUTES:
        problems.append(
            _("Give the workshop at least an hour; it has %(minutes)d minutes.")
            % {"minutes": workshop}
        )
    return problems


@transaction.atomic
def workshop_save(
    *,
    user,
    series,
    data: WorkshopData,
    programme: list[ProgrammeRow],
    workshop: Workshop | None = None,
) -> Workshop:
    """Plan a workshop of the series, or change one: its area, theme, evening, venue,
    capacity, registration deadline and programme. The host is the area's host of the
    year."""
    authorize(user, "workshops.organise_series", series, visible=("workshops.view_series", series))
    errors: dict[str, list[str]] = {}
    if data.area.series_id != series.pk:
        errors["area"] = [_("Choose an area of the series.")]
    if data.ends_at <= data.starts_at:
        errors["ends_at"] = [_("The workshop must end after it starts.")]
    elif data.registration_closes_on > data.starts_at.date():
        errors["registration_closes_on"] = [_("Registration must close by the workshop's day.")]
    if not errors:
        minutes = int((data.ends_at - data.starts_at).total_seconds() // 60)
        problems = programme_check(programme, minutes)
        if problems:
            errors["programme"] = problems
    if errors:
        raise ValidationError(errors)
    if workshop is None:
        workshop = Workshop(series=series)
    else:
        workshop = Workshop.objects.select_for_update().get(pk=workshop.pk, series=series)
    for name in (
        "area",
        "theme_fi",
        "theme_sv",
        "description_fi",
        "description_sv",
        "starts_at",
        "ends_at",
        "registration_closes_on",
        "capacity",
        "venue",
        "catering",
        "catering_paid_by",
        "is_published",
    ):
        value = getattr(data, name)
        setattr(workshop, name, value.strip() if isinstance(value, str) else value)
    setattr(workshop, "theme_en", data.theme_fi.strip())  # noqa: B010 (a translation column)
    host = data.area.hosts.filter(year=timezone.localtime(data.starts_at).year).first()
    workshop.host = host.municipality if host else None
    validate_for_save(workshop)
    workshop.save()
    timeline_set(workshop)
    workshop.programme.all().delete()
    for position, row in enumerate(programme):
        item = ProgrammeItem(
            workshop=workshop, kind=row.kind, minutes=row.minutes, position=position
        )
        for language, text in (("fi", row.title_fi), ("sv", row.title_sv), ("en", row.title_fi)):
            setattr(item, f"title_{language}", text.strip())
        validate_for_save(item)
        item.save()
    return workshop


def timeline_set(workshop: Workshop) -> None:
    """The workshop's tasks, each due at its default distance from the workshop's day; the
    undone ones move with the workshop."""
    day = timezone.localdate(workshop.starts_at)
    for kind, offset in TASK_OFFSETS.items():
        due = day + datetime.timedelta(days=offset)
        task, created = WorkshopTask.objects.get_or_create(
            workshop=workshop, kind=kind, defaults={"due_on": due}
        )
        if not created and not task.done and task.due_on != due:
            WorkshopTask.objects.filter(pk=task.pk).update(due_on=due)


@transaction.atomic
def task_done(*, user, task: WorkshopTask, done: bool) -> None:
    authorize(
        user,
        "workshops.organise_workshop",
        task.workshop,
        visible=("workshops.view_workshop", task.workshop),
    )
    WorkshopTask.objects.filter(pk=task.pk).update(done=done)


# --- The series and its areas ------------------------------------------------------------------
@transaction.atomic
def series_save(*, user, organiser, data: dict, series=None):
    """Found a series of the organiser, or change one: names, description, funder, scope,
    planning partners and whether it is published."""
    if series is None:
        authorize(user, "workshops.add_series", organiser)
        series = Series(organiser=organiser)
    else:
        authorize(
            user, "workshops.organise_series", series, visible=("workshops.view_series", series)
        )
        series = Series.objects.select_for_update().get(pk=series.pk)
    for name in (
        "name_fi",
        "name_sv",
        "description_fi",
        "description_sv",
        "funder",
        "scope",
        "planning_partners",
        "is_published",
    ):
        value = data.get(name, getattr(series, name))
        setattr(series, name, value.strip() if isinstance(value, str) else value)
    setattr(series, "name_en", getattr(series, "name_fi"))  # noqa: B009, B010
    validate_for_save(series)
    series.save()
    return series


@transaction.atomic
def area_save(*, user, series, name: str, municipalities: list, area: Area | None = None) -> Area:
    """An area of the series: 3–5 municipalities agreed with their managers (seed 003), or
    for one municipality's departments its one municipality."""
    authorize(user, "workshops.organise_series", series, visible=("workshops.view_series", series))
    low, high = (1, 1) if series.scope == SeriesScope.MUNICIPAL else (3, 5)
    if not low <= len(municipalities) <= high:
        raise ValidationError(
            {
                "municipalities": _("Choose %(low)d to %(high)d municipalities.")
                % {"low": low, "high": high}
                if low != high
                else _("Choose the one municipality.")
            }
        )
    if area is None:
        area = Area(series=series, position=series.areas.count())
    elif area.series_id != series.pk:
        raise ValidationError(_("The area is of another series."))
    area.name = name.strip()
    validate_for_save(area)
    area.save()
    area.municipalities.set(municipalities)
    return area


@transaction.atomic
def contact_save(
    *, user, area: Area, municipality: Municipality, name: str, title: str = "", email: str = ""
) -> ContactPerson:
    """The contact person a municipality of the area names (replacing an earlier one)."""
    authorize(
        user,
        "workshops.organise_series",
        area.series,
        visible=("workshops.view_series", area.series),
    )
    if not area.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError({"municipality": _("Choose a municipality of the area.")})
    contact = ContactPerson.objects.filter(area=area, municipality=municipality).first()
    contact = contact or ContactPerson(area=area, municipality=municipality)
    contact.name, contact.title, contact.email = name.strip(), title.strip(), email.strip()
    validate_for_save(contact, constraints=False)
    contact.save()
    return contact

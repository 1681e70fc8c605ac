"""Writes of workshops: the host rotation, registration without an account (capacity and a
waiting list, the same person once), cancellation by the registration's link (the first on
the waiting list gets the seat), and erasing personal data after its retention date.
Permission first where there is a user, then validation, then the write, in one
transaction (docs/architecture.md)."""

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.strategy.models import Measure

from .enums import TASK_OFFSETS, ActionStatus, Diet, RegistrationState, SeriesScope
from .jobs import erasure_schedule
from .mail import invitation_mail, registration_mail, thanks_mail
from .mixing import Mixing, Participant, mix
from .models import (
    Area,
    CarpoolEntry,
    ContactPerson,
    CooperationAction,
    FeedbackAnswer,
    HostYear,
    Invitation,
    NewsItem,
    Nomination,
    ProgrammeItem,
    Registration,
    Series,
    TableSeat,
    Workshop,
    WorkshopTask,
)

MAX_RETENTION_DAYS = 3 * 365


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
def hosts_save(*, area: Area, hosts: dict[int, Municipality]) -> None:
    """Record the hosts of the years (a trusted caller: the organiser's page asks first)."""
    members = set(area.municipalities.values_list("pk", flat=True))
    if any(municipality.pk not in members for municipality in hosts.values()):
        raise ValidationError(_("The host must be a municipality of the area."))
    for year, municipality in hosts.items():
        HostYear.objects.update_or_create(
            area=area, year=year, defaults={"municipality": municipality}
        )


@dataclass(frozen=True)
class RegistrationData:
    name: str
    email: str
    background: str
    municipality: Municipality | None = None
    organisation_name: str = ""
    diet: str = Diet.ANY
    allergies: str = ""
    accessibility: str = ""
    consent: bool = False
    retain_until: datetime.date | None = None


def registration_open(workshop: Workshop, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        workshop.is_published
        and workshop.series.is_published
        and today <= workshop.registration_closes_on
        and workshop.starts_at > timezone.now()
    )


@transaction.atomic
def registration_create(
    *, workshop: Workshop, data: RegistrationData, urls: tuple[str, str] | None = None
) -> Registration:
    """Register for a published workshop without an account: a seat while there is one,
    else a place on the waiting list. With `urls` (the registration's page without its
    token, and the workshop's page), a confirmation is e-mailed (a background task)."""
    workshop = Workshop.objects.select_for_update().select_related("series").get(pk=workshop.pk)
    if not registration_open(workshop):
        raise ValidationError(_("Registration for this workshop has closed."), code="closed")
    errors: dict[str, list[str]] = {}
    if not data.consent:
        errors["consent"] = [_("Agree to the use of your data to register.")]
    today = timezone.localdate()
    retain = data.retain_until
    if retain is None or retain < workshop.starts_at.date():
        errors["retain_until"] = [_("Keep the data at least until the workshop.")]
    elif retain > today + datetime.timedelta(days=MAX_RETENTION_DAYS):
        errors["retain_until"] = [_("Personal data is kept at most three years.")]
    active = workshop.registrations.exclude(state=RegistrationState.CANCELLED).filter(erased=False)
    if active.annotate(lower=Lower("email")).filter(lower=data.email.strip().lower()).exists():
        errors["email"] = [_("This e-mail address is already registered.")]
    if errors or retain is None:
        raise ValidationError(errors)
    seats_taken = active.filter(state=RegistrationState.CONFIRMED).count()
    registration = Registration(
        workshop=workshop,
        name=data.name.strip(),
        email=data.email.strip(),
        organisation_name=data.organisation_name.strip(),
        background=data.background,
        municipality=data.municipality,
        diet=data.diet,
        allergies=data.allergies.strip(),
        accessibility=data.accessibility.strip(),
        consent=True,
        retain_until=retain,
        state=RegistrationState.CONFIRMED
        if seats_taken < workshop.capacity
        else RegistrationState.WAITING,
    )
    validate_for_save(registration, constraints=False)
    registration.save()
    transaction.on_commit(lambda: erasure_schedule(registration.pk, registration.retain_until))
    if urls is not None:
        page, workshop_page = urls
        link = page + registration.token + "/"
        transaction.on_commit(
            lambda: registration_mail.enqueue(registration.pk, link, workshop_page)
        )
    return registration


@transaction.atomic
def registration_cancel(*, token: str) -> Registration:
    """Cancel by the registration's own link; the first on the waiting list gets the seat."""
    registration = Registration.objects.select_for_update().get(token=token)
    if registration.state == RegistrationState.CANCELLED:
        return registration
    Workshop.objects.select_for_update().get(pk=registration.workshop_id)
    had_seat = registration.state == RegistrationState.CONFIRMED
    registration.state = RegistrationState.CANCELLED
    registration.save(update_fields=["state"])
    if had_seat:
        waiting = (
            Registration.objects.filter(
                workshop_id=registration.workshop_id, state=RegistrationState.WAITING
            )
            .order_by("created_at", "pk")
            .first()
        )
        if waiting is not None:
            waiting.state = RegistrationState.CONFIRMED
            waiting.save(update_fields=["state"])
    return registration


def catering_counts(workshop: Workshop) -> list[tuple[str, int]]:
    """How many of those registered (with a seat) eat what, for the catering quote."""
    counts = Counter(
        workshop.registrations.filter(state=RegistrationState.CONFIRMED).values_list(
            "diet", flat=True
        )
    )
    return [(str(label), counts[value]) for value, label in Diet.choices if counts[value]]


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


# --- Mixing the participants at tables --------------------------------------------------------
def participants_of(workshop: Workshop) -> list[Participant]:
    """Those registered with a seat, as the mixing sees them."""
    return [
        Participant(
            key=registration.pk,
            municipality=registration.municipality.code if registration.municipality else "",
            background=registration.background,
            organisation=registration.organisation_name.strip().casefold(),
            needs_access=bool(registration.accessibility),
            facilitator_of=None
            if registration.facilitator_table is None
            else registration.facilitator_table - 1,
        )
        for registration in workshop.registrations.filter(
            state=RegistrationState.CONFIRMED
        ).select_related("municipality")
    ]


@transaction.atomic
def tables_mix(
    *,
    user,
    workshop: Workshop,
    rounds: int,
    table_size: int,
    accessible_tables: set[int] | None = None,
) -> Mixing:
    """Seat those registered at tables for each round (again after late cancellations),
    replacing the earlier seating. Tables are numbered from 1 on the page."""
    authorize(
        user,
        "workshops.organise_workshop",
        workshop,
        visible=("workshops.view_workshop", workshop),
    )
    participants = participants_of(workshop)
    if not participants:
        raise ValidationError(_("No one has registered yet."))
    try:
        mixing = mix(
            participants,
            rounds=rounds,
            table_size=table_size,
            accessible_tables=None
            if accessible_tables is None
            else {number - 1 for number in accessible_tables},
        )
    except ValueError as error:
        raise ValidationError(
            _("A facilitator's table does not exist at this table size: %(error)s")
            % {"error": error}
        ) from error
    TableSeat.objects.filter(workshop=workshop).delete()
    TableSeat.objects.bulk_create(
        TableSeat(workshop=workshop, round=number, table=index + 1, registration_id=key)
        for number, tables in enumerate(mixing.rounds, start=1)
        for index, table in enumerate(tables)
        for key in table
    )
    return mixing


# --- The municipalities' cooperation plans ---------------------------------------------------
@dataclass(frozen=True)
class ActionData:
    municipality: Municipality
    title: str
    owner: str = ""
    due_on: datetime.date | None = None
    measure: Measure | None = None  # a measure of the municipality's welfare plan


@transaction.atomic
def cooperation_action_add(*, user, workshop: Workshop, data: ActionData) -> CooperationAction:
    """Record an action of a municipality's cooperation plan written in the workshop."""
    authorize(
        user,
        "workshops.organise_workshop",
        workshop,
        visible=("workshops.view_workshop", workshop),
    )
    if not workshop.area.municipalities.filter(pk=data.municipality.pk).exists():
        raise ValidationError({"municipality": _("Choose a municipality of the area.")})
    if data.measure is not None and (
        data.measure.plan.municipality_id != data.municipality.pk
        or not (user is None or user.has_perm("strategy.view_measure", data.measure))
    ):
        raise ValidationError({"measure": _("Choose a measure of the municipality's plan.")})
    action = CooperationAction(
        measure=data.measure,
        workshop=workshop,
        municipality=data.municipality,
        title=data.title.strip(),
        owner=data.owner.strip(),
        due_on=data.due_on,
    )
    validate_for_save(action)
    action.save()
    return action


@transaction.atomic
def cooperation_action_status(*, user, action: CooperationAction, status: str) -> None:
    """How far an action has got: the next workshop shows it."""
    authorize(
        user,
        "workshops.organise_workshop",
        action.workshop,
        visible=("workshops.view_workshop", action.workshop),
    )
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    CooperationAction.objects.filter(pk=action.pk).update(status=status)


# --- Campaigns: the carpool contest and the "Hyvän kierre" award ------------------------------
@dataclass(frozen=True)
class CarpoolData:
    group: str
    driver: str
    passengers: int
    distance_km: Decimal


@transaction.atomic
def carpool_register(*, workshop: Workshop, data: CarpoolData) -> CarpoolEntry:
    """A group registers its car for a published workshop, until the day after it."""
    if not (workshop.is_published and workshop.series.is_published):
        raise ValidationError(_("The workshop is not published."))
    if timezone.localdate() > timezone.localdate(workshop.ends_at) + datetime.timedelta(days=1):
        raise ValidationError(_("The carpool contest of this workshop is over."))
    entry = CarpoolEntry(
        workshop=workshop,
        group=data.group.strip(),
        driver=data.driver.strip(),
        passengers=data.passengers,
        distance_km=data.distance_km,
    )
    validate_for_save(entry)
    entry.save()
    return entry


def carpool_ranking(workshop: Workshop) -> list[CarpoolEntry]:
    """The cars by the longest combined distance travelled together."""
    return sorted(workshop.carpools.all(), key=lambda entry: (-entry.combined_km, entry.created_at))


@dataclass(frozen=True)
class NominationData:
    nominee: str
    reason: str
    nominated_by: str = ""


@transaction.atomic
def nomination_create(*, series, data: NominationData) -> Nomination:
    """Anyone nominates a person or a deed of the last year. Kept as plain text: shown
    escaped, links never made clickable."""
    if not series.is_published:
        raise ValidationError(_("The series is not published."))
    nomination = Nomination(
        series=series,
        year=timezone.localdate().year,
        nominee=data.nominee.strip(),
        reason=data.reason.strip(),
        nominated_by=data.nominated_by.strip(),
    )
    validate_for_save(nomination)
    nomination.save()
    return nomination


@transaction.atomic
def nomination_judge(*, user, nomination: Nomination, shortlisted: bool, winner: bool) -> None:
    """The jury shortlists a nomination and picks the winner (a winner is shortlisted)."""
    authorize(
        user,
        "workshops.organise_series",
        nomination.series,
        visible=("workshops.view_series", nomination.series),
    )
    Nomination.objects.filter(pk=nomination.pk).update(
        shortlisted=shortlisted or winner, winner=winner
    )


# --- Feedback and news -----------------------------------------------------------------------
FEEDBACK_DAYS = 30


def feedback_open(workshop: Workshop) -> bool:
    """From the start of the workshop until a month after it."""
    now = timezone.now()
    return (
        workshop.is_published
        and workshop.starts_at <= now <= workshop.ends_at + datetime.timedelta(days=FEEDBACK_DAYS)
    )


@dataclass(frozen=True)
class FeedbackData:
    useful: int
    atmosphere: int
    cooperation: int
    comment: str = ""


@transaction.atomic
def feedback_give(*, workshop: Workshop, data: FeedbackData) -> FeedbackAnswer:
    if not feedback_open(workshop):
        raise ValidationError(_("Feedback on this workshop is not open."))
    answer = FeedbackAnswer(
        workshop=workshop,
        useful=data.useful,
        atmosphere=data.atmosphere,
        cooperation=data.cooperation,
        comment=data.comment.strip(),
    )
    validate_for_save(answer)
    answer.save()
    return answer


@dataclass
class FeedbackSummary:
    answers: int
    useful: float
    atmosphere: float
    cooperation: float
    comments: list[str]


def feedback_summary(workshop: Workshop) -> FeedbackSummary | None:
    answers = list(workshop.feedback.all())
    if not answers:
        return None
    count = len(answers)
    return FeedbackSummary(
        answers=count,
        useful=sum(a.useful for a in answers) / count,
        atmosphere=sum(a.atmosphere for a in answers) / count,
        cooperation=sum(a.cooperation for a in answers) / count,
        comments=[a.comment for a in answers if a.comment],
    )


@transaction.atomic
def news_publish(
    *, user, workshop: Workshop, title_fi: str, body_fi: str, title_sv: str = "", body_sv: str = ""
) -> NewsItem:
    """A news item of the workshop, on its page and in the news feed."""
    authorize(
        user,
        "workshops.organise_workshop",
        workshop,
        visible=("workshops.view_workshop", workshop),
    )
    item = NewsItem(workshop=workshop)
    for name, value in (
        ("title_fi", title_fi),
        ("title_sv", title_sv),
        ("title_en", title_fi),
        ("body_fi", body_fi),
        ("body_sv", body_sv),
        ("body_en", body_fi),
    ):
        setattr(item, name, value.strip())
    validate_for_save(item)
    item.save()
    return item


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


@transaction.atomic
def facilitator_set(*, user, registration: Registration, table: int | None) -> None:
    """Make a registered person the facilitator of a table (kept in every round), or not."""
    workshop = registration.workshop
    authorize(
        user,
        "workshops.organise_workshop",
        workshop,
        visible=("workshops.view_workshop", workshop),
    )
    if table is not None and not 1 <= table <= 200:
        raise ValidationError(_("Give a table number of 1 to 200."))
    Registration.objects.filter(pk=registration.pk).update(facilitator_table=table)


@transaction.atomic
def invitations_send(*, user, workshop: Workshop, invitees: list, url: str) -> int:
    """Invite people directly (each address once per workshop): the e-mails, with the
    workshop as iCalendar, go by a background task. How many were invited now."""
    authorize(
        user,
        "workshops.organise_workshop",
        workshop,
        visible=("workshops.view_workshop", workshop),
    )
    if not (workshop.is_published and workshop.series.is_published):
        raise ValidationError(_("Publish the workshop before inviting."))
    invited = {e.casefold() for e in workshop.invitations.values_list("email", flat=True)}
    made = []
    for invitee in invitees:
        if invitee.email.casefold() in invited:
            continue
        invitation = Invitation(
            workshop=workshop, name=invitee.name, email=invitee.email, role=invitee.role
        )
        validate_for_save(invitation, constraints=False)
        invitation.save()
        invited.add(invitee.email.casefold())
        made.append(invitation.pk)
    if made:
        transaction.on_commit(lambda: invitation_mail.enqueue(made, url))
    return len(made)


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
def thanks_send(*, user, workshop: Workshop, feedback_url: str) -> int:
    """After the workshop: thank those who took part, with the feedback link (a background
    task); the timeline's thanks are then done. How many are thanked."""
    authorize(
        user,
        "workshops.organise_workshop",
        workshop,
        visible=("workshops.view_workshop", workshop),
    )
    if workshop.ends_at > timezone.now():
        raise ValidationError(_("Thank them once the workshop is over."))
    count = (
        workshop.registrations.filter(state=RegistrationState.CONFIRMED, erased=False)
        .exclude(email="")
        .count()
    )
    WorkshopTask.objects.filter(workshop=workshop, kind="thanks").update(done=True)
    transaction.on_commit(lambda: thanks_mail.enqueue(workshop.pk, feedback_url))
    return count


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

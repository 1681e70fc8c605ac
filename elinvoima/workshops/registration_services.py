"""Writes of a workshop's people: registration without an account (capacity and a
waiting list, the same person once), cancellation by the registration's link, the
catering counts, facilitators, direct invitations and the thanks afterwards. Permission
first where there is a user, then validation, then the write (docs/architecture.md)."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save

from .enums import Diet, RegistrationState
from .jobs import erasure_schedule
from .mail import invitation_mail, registration_mail, thanks_mail
from .models import Invitation, Registration, Workshop, WorkshopTask

MAX_RETENTION_DAYS = 3 * 365


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

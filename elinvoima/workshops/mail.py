"""The confirmation of a registration: a background task (django-tasks; `manage.py
db_worker` runs it) e-mails the person, in Finnish and Swedish, with the workshop as an
iCalendar attachment (Europe/Helsinki) and the link to their registration, which cancels
it."""

import datetime
from zoneinfo import ZoneInfo

from django.core.mail import EmailMessage
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from icalendar import Calendar, Event

from .enums import RegistrationState
from .models import Invitation, Registration, Workshop

HELSINKI = ZoneInfo("Europe/Helsinki")


def workshop_ical(workshop: Workshop, url: str) -> bytes:
    feed = Calendar()
    feed.add("prodid", "-//Elinvoima//Elinvoimapajat//FI")
    feed.add("version", "2.0")
    feed.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"workshop-{workshop.pk}@elinvoima")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC).replace(microsecond=0))
    event.add("dtstart", workshop.starts_at.astimezone(HELSINKI))
    event.add("dtend", workshop.ends_at.astimezone(HELSINKI))
    event.add("summary", workshop.theme)
    if workshop.venue:
        event.add("location", workshop.venue)
    event.add("url", url)
    feed.add_component(event)
    feed.add_missing_timezones()
    return feed.to_ical()


def confirmation_message(registration: Registration, url: str) -> tuple[str, str]:
    workshop = registration.workshop
    subjects, parts = [], []
    for language in ("fi", "sv"):
        with translation.override(language):
            when = formats.date_format(timezone.localtime(workshop.starts_at), "DATETIME_FORMAT")
            state = (
                _("You are registered.")
                if registration.state == RegistrationState.CONFIRMED
                else _("You are on the waiting list: you get a seat if someone cancels.")
            )
            subjects.append(_("Registration: %(theme)s") % {"theme": workshop.theme})
            parts.append(
                _(
                    "Hello %(name)s,\n\n%(state)s\n\n%(theme)s, %(when)s, %(venue)s.\n\n"
                    "Your registration, and the link to cancel it: %(url)s"
                )
                % {
                    "name": registration.name,
                    "state": state,
                    "theme": workshop.theme,
                    "when": when,
                    "venue": workshop.venue or "–",
                    "url": url,
                }
            )
    return " / ".join(subjects), "\n\n---\n\n".join(parts)


@task()
def registration_mail(registration_id: int, url: str, workshop_url: str) -> dict:
    registration = Registration.objects.select_related("workshop").get(pk=registration_id)
    subject, body = confirmation_message(registration, url)
    message = EmailMessage(subject, body, to=[registration.email])
    message.attach(
        "elinvoimapaja.ics",
        workshop_ical(registration.workshop, workshop_url),
        "text/calendar; charset=utf-8",
    )
    message.send()
    return {"sent": 1}


def invitation_message(workshop: Workshop, name: str, url: str) -> tuple[str, str]:
    subjects, parts = [], []
    for language in ("fi", "sv"):
        with translation.override(language):
            when = formats.date_format(timezone.localtime(workshop.starts_at), "DATETIME_FORMAT")
            subjects.append(_("Invitation: %(theme)s") % {"theme": workshop.theme})
            parts.append(
                _(
                    "Hello %(name)s,\n\nWelcome to the regional workshop “%(theme)s” on "
                    "%(when)s, %(venue)s: associations, municipalities and residents of the "
                    "area plan their cooperation together.\n\nThe programme and registration: "
                    "%(url)s"
                )
                % {
                    "name": name,
                    "theme": workshop.theme,
                    "when": when,
                    "venue": workshop.venue or "–",
                    "url": url,
                }
            )
    return " / ".join(subjects), "\n\n---\n\n".join(parts)


@task()
def invitation_mail(invitation_ids: list[int], url: str) -> dict:
    """E-mail the invitations just made, each with the workshop as iCalendar."""
    sent = 0
    for invitation in Invitation.objects.filter(pk__in=invitation_ids).select_related("workshop"):
        subject, body = invitation_message(invitation.workshop, invitation.name, url)
        message = EmailMessage(subject, body, to=[invitation.email])
        message.attach(
            "elinvoimapaja.ics",
            workshop_ical(invitation.workshop, url),
            "text/calendar; charset=utf-8",
        )
        message.send()
        sent += 1
    return {"sent": sent}


def thanks_message(workshop: Workshop, name: str, feedback_url: str) -> tuple[str, str]:
    subjects, parts = [], []
    for language in ("fi", "sv"):
        with translation.override(language):
            subjects.append(_("Thank you: %(theme)s") % {"theme": workshop.theme})
            parts.append(
                _(
                    "Hello %(name)s,\n\nthank you for taking part in “%(theme)s”. Tell us in a "
                    "minute how it went; the next workshop hears what you said: %(url)s"
                )
                % {"name": name, "theme": workshop.theme, "url": feedback_url}
            )
    return " / ".join(subjects), "\n\n---\n\n".join(parts)


@task()
def thanks_mail(workshop_id: int, feedback_url: str) -> dict:
    """Thank those who took part, with the link to the feedback survey."""
    workshop = Workshop.objects.get(pk=workshop_id)
    sent = 0
    registrations = workshop.registrations.filter(
        state=RegistrationState.CONFIRMED, erased=False
    ).exclude(email="")
    for registration in registrations:
        subject, body = thanks_message(workshop, registration.name, feedback_url)
        EmailMessage(subject, body, to=[registration.email]).send()
        sent += 1
    return {"sent": sent}

"""The client's confirmation of a booked counselling time by e-mail (issue 19, item 2: "the
client gets a confirmation (letter text or e-mail)"). The referrer may give the client's
address when referring; it is used for this one message and kept nowhere — not in the
database, not in the audit log, not in a background task's arguments (which would store
it), not in the log of the application. So the message is sent in the request, once the
referral's transaction has committed (`transaction.on_commit`): a referral that fails
sends nothing.

The message says what the printed letter says (the same template fragment and so the same
translations): the times, the place, the counsellor and the municipality of the
counselling, and how to cancel. No health data (no reason, goals or risk factors), no
identity code, no name. The sending is logged in the client's audit log, without the
address."""

import html
import logging
import smtplib

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from elinvoima.counselling.audit import audited
from elinvoima.counselling.enums import AuditAction, BookingState
from elinvoima.counselling.models import Period, Slot

logger = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv")  # the client's: the letters are written in Finnish and Swedish
WHAT = "confirmation e-mail"


def booked_times(period: Period) -> dict:
    """The context of the letter and the e-mail: the period and its booked times, each
    with its counsellor."""
    bookings = period.bookings.filter(state=BookingState.BOOKED).select_related("slot__counsellor")
    return {"period": period, "bookings": list(bookings)}


def confirmation_language(language: str) -> str:
    """The language chosen for the client, else the request's when it is one of theirs,
    else Finnish."""
    if language in LANGUAGES:
        return language
    current = translation.get_language() or ""
    return current if current in LANGUAGES else LANGUAGES[0]


def confirmation_errors(address: str, slot: Slot | None) -> dict[str, list[str]]:
    """A service's check of the address: a valid one, and a booked time to confirm."""
    if not address:
        return {}
    try:
        validate_email(address)
    except ValidationError:
        return {"client_email": [_("Check the e-mail address.")]}
    if slot is None:
        return {
            "client_email": [
                _("The e-mail confirms a booked time: choose a time, or leave the address empty.")
            ]
        }
    return {}


def confirmation_on_commit(*, user, period: Period, address: str, language: str) -> None:
    """Send the confirmation once the referral has committed; nothing if it rolls back."""
    language = confirmation_language(language)
    transaction.on_commit(lambda: confirmation_send(user, period, address, language))


def confirmation_message(period: Period, language: str) -> tuple[str, str, str]:
    """The subject, the plain text and the HTML of the message, in the client's language."""
    with translation.override(language):
        body = render_to_string("counselling/confirmation_email.html", booked_times(period))
        subject = _("Confirmation of the exercise counselling time")
    return subject, plain_text(body), body


def plain_text(body: str) -> str:
    """The HTML message as plain text: its words, a line per paragraph or list item."""
    text = html.unescape(strip_tags(body))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs: list[str] = []
    for line in lines:
        if line or (paragraphs and paragraphs[-1]):
            paragraphs.append(line)
    return "\n".join(paragraphs).strip() + "\n"


def confirmation_send(user, period: Period, address: str, language: str) -> bool:
    """Send the message and log that it was sent (not to whom). A mail server's refusal is
    logged without the address; the referral stands and the letter can still be printed."""
    subject, text, body = confirmation_message(period, language)
    try:
        send_mail(subject, text, None, [address], html_message=body)
    except (OSError, smtplib.SMTPException):
        logger.warning("The confirmation e-mail of counselling period %s was not sent.", period.pk)
        return False
    audited(user, AuditAction.EXPORT, WHAT, client=period.client, period=period)
    return True

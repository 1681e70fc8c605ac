"""Reminders of a card: the coordinator asks, a background task (django-tasks; `manage.py
db_worker` runs it) e-mails the invited associations that have not sent an answer, in
Finnish and Swedish, to their representatives and their own address. An association is
reminded at most once a day, however many times it is asked (the unique key of
`CardReminder`)."""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from elinvoima.actors.models import Organisation
from elinvoima.cards.addresses import association_addresses
from elinvoima.cards.enums import ResponseState
from elinvoima.cards.models import CardReminder, CardResponse, CardTemplate
from elinvoima.core.permissions import authorize


def waiting_organisations(template: CardTemplate):
    """The invited organisations without a sent answer, not reminded today."""
    sent = CardResponse.objects.filter(template=template, organisation=OuterRef("pk")).exclude(
        state=ResponseState.DRAFT
    )
    reminded = CardReminder.objects.filter(
        template=template, organisation=OuterRef("pk"), sent_on=timezone.localdate()
    )
    return template.invited.exclude(Exists(sent)).exclude(Exists(reminded)).order_by("name", "pk")


def card_reminders_request(*, user, template: CardTemplate, answer_url: str) -> int:
    """Queue the reminders of a card; how many organisations they go to. `answer_url`: the
    card's answer page as the associations reach it (the request knows the host)."""
    authorize(user, "cards.change_template", template)
    if timezone.localdate() > template.closes_on:
        raise ValidationError(_("The card has closed: there is nothing to remind of."))
    count = waiting_organisations(template).count()
    if not count:
        raise ValidationError(
            _("Every invited association has answered or was reminded today already.")
        )
    card_reminders_send.enqueue(
        template.pk, answer_url, user.pk if user is not None and user.is_authenticated else None
    )
    return count


def _message(template: CardTemplate, organisation: Organisation, url: str) -> tuple[str, str]:
    """The subject and body in Finnish and then Swedish."""
    parts, subjects = [], []
    for language in ("fi", "sv"):
        with translation.override(language):
            closes = formats.date_format(template.closes_on, "SHORT_DATE_FORMAT")
            subjects.append(_("Reminder: %(card)s") % {"card": template.name})
            parts.append(
                _(
                    "Hello %(organisation)s,\n\nthe municipality has asked your association to "
                    "answer the wellbeing card “%(card)s” by %(date)s: what you do for its "
                    "goals and how you succeed. A few words are enough.\n\nAnswer here: %(url)s"
                )
                % {"organisation": organisation, "card": template.name, "date": closes, "url": url}
            )
    return " / ".join(subjects), "\n\n---\n\n".join(parts)


@task()
def card_reminders_send(template_id: int, url: str, user_id: int | None) -> dict:
    """E-mail the card's waiting organisations; each at most once a day."""
    template = CardTemplate.objects.select_related("decision").get(pk=template_id)
    today = timezone.localdate()
    sent = skipped = 0
    waiting = list(waiting_organisations(template))
    addresses_of = association_addresses(waiting)
    for organisation in waiting:
        addresses = addresses_of.get(organisation.pk)
        if not addresses:
            skipped += 1
            continue
        try:
            with transaction.atomic():
                CardReminder.objects.create(
                    template=template, organisation=organisation, sent_on=today, sent_by_id=user_id
                )
                subject, body = _message(template, organisation, url)
                send_mail(subject, body, None, addresses)
        except IntegrityError:  # reminded today by a task that ran at the same time
            continue
        sent += 1
    return {"sent": sent, "without_address": skipped}

"""The e-mail of a help request: a background task (django-tasks; `manage.py db_worker`
runs it) tells each association it was sent to, in Finnish and Swedish, at its
representatives' addresses and its own."""

from django.core.mail import send_mail
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django_tasks import task

from elinvoima.actors.models import Organisation
from elinvoima.cards.addresses import association_addresses
from elinvoima.cards.help.models import HelpRequest


def help_request_message(
    help_request: HelpRequest, organisation: Organisation, url: str
) -> tuple[str, str]:
    """The subject and body in Finnish and then Swedish."""
    subjects, parts = [], []
    for language in ("fi", "sv"):
        with translation.override(language):
            subjects.append(
                _("%(municipality)s asks for help: %(title)s")
                % {"municipality": help_request.municipality, "title": help_request.title}
            )
            parts.append(
                _(
                    "Hello %(organisation)s,\n\n%(municipality)s asks its associations for "
                    "help: %(title)s, from %(date)s. Tell by %(answer_by)s what your "
                    "association could offer — a few words are enough.\n\n"
                    "Read the request and answer here: %(url)s"
                )
                % {
                    "organisation": organisation,
                    "municipality": help_request.municipality,
                    "title": help_request.title,
                    "date": formats.date_format(help_request.starts_on, "SHORT_DATE_FORMAT"),
                    "answer_by": formats.date_format(help_request.answer_by, "SHORT_DATE_FORMAT"),
                    "url": url,
                }
            )
    return " / ".join(subjects), "\n\n---\n\n".join(parts)


@task()
def help_request_mail(help_request_id: int, organisation_ids: list[int], url: str) -> dict:
    """E-mail the associations a request was just sent to."""
    help_request = HelpRequest.objects.select_related("municipality").get(pk=help_request_id)
    organisations = list(
        help_request.recipients.filter(pk__in=organisation_ids).order_by("name", "pk")
    )
    addresses_of = association_addresses(organisations)
    sent = 0
    for organisation in organisations:
        addresses = addresses_of.get(organisation.pk)
        if addresses:
            subject, body = help_request_message(help_request, organisation, url)
            send_mail(subject, body, None, addresses)
            sent += 1
    return {"sent": sent, "without_address": len(organisations) - sent}

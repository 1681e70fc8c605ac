"""The request and the reminder of a report's card: a background task (django-tasks;
`manage.py db_worker` runs it) mails the contributor's people — the members of the
organisation with an address — the link to their card, in Finnish and then Swedish."""

from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django_tasks import task

from elinvoima.actors.models import Membership
from elinvoima.reports.welfare.models import Contribution


def card_message(contribution: Contribution, site_url: str) -> tuple[str, str]:
    report = contribution.report
    subjects, parts = [], []
    for language in ("fi", "sv"):
        with translation.override(language):
            url = site_url.rstrip("/") + reverse(
                "reports:contribution", kwargs={"pk": contribution.pk}
            )
            title = getattr(report, f"title_{language}") or report.title_fi
            subjects.append(_("The card for the welfare report: %(title)s") % {"title": title})
            parts.append(
                _(
                    "%(owner)s asks %(organisation)s for its %(card)s for the welfare report "
                    "“%(title)s” by %(day)s.\n\nThe card: %(url)s"
                )
                % {
                    "owner": report.owner,
                    "organisation": contribution.organisation,
                    "card": contribution.get_kind_display().lower(),
                    "title": title,
                    "day": formats.date_format(contribution.due_on, "DATE_FORMAT"),
                    "url": url,
                }
            )
    return " / ".join(subjects), "\n\n---\n\n".join(parts)


@task()
def contribution_reminder_mail(contribution_ids: list[int], site_url: str) -> dict:
    contributions = list(
        Contribution.objects.filter(pk__in=contribution_ids, state="requested").select_related(
            "report__municipality", "report__wellbeing_county", "organisation"
        )
    )
    addresses: dict[int, set[str]] = {}
    for organisation_id, email in (
        Membership.objects.filter(
            organisation_id__in={c.organisation_id for c in contributions}, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("organisation_id", "user__email")
    ):
        addresses.setdefault(organisation_id, set()).add(email)
    messages = []
    for contribution in contributions:
        to = sorted(addresses.get(contribution.organisation_id, ()))
        if to:
            subject, body = card_message(contribution, site_url)
            messages.append(EmailMessage(subject, body, None, to))
    with get_connection() as connection:
        sent = connection.send_messages(messages) if messages else 0
    return {"sent": sent or 0}

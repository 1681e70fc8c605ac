"""The invitation e-mail of a meeting: a background task (django-tasks; `manage.py
db_worker` runs it) sends the agenda to the members' addresses, in the interface's two
languages (the agenda itself is in the network's own language)."""

from django.core.mail import send_mail
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from elinvoima.networks.meetings.models import Meeting


def invitation_message(meeting: Meeting, url: str) -> tuple[str, str]:
    """The subject and body in Finnish and then Swedish."""
    items = "\n".join(f"{item.position}. {item.title}" for item in meeting.items.all())
    subjects, parts = [], []
    for language in ("fi", "sv"):
        with translation.override(language):
            starts = formats.date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")
            subjects.append(
                _("Invitation: %(title)s, %(when)s") % {"title": meeting.title, "when": starts}
            )
            parts.append(
                _(
                    "%(network)s meets on %(when)s at %(place)s.\n\nAgenda:\n%(items)s\n\n"
                    "The agenda and its documents: %(url)s"
                )
                % {
                    "network": meeting.network,
                    "when": starts,
                    "place": meeting.place or "–",
                    "items": items,
                    "url": url,
                }
            )
    return " / ".join(subjects), "\n\n---\n\n".join(parts)


@task()
def meeting_invitation_mail(meeting_id: int, addresses: list[str], url: str) -> dict:
    meeting = Meeting.objects.select_related("network").get(pk=meeting_id)
    subject, body = invitation_message(meeting, url)
    send_mail(subject, body, None, addresses)
    return {"sent": len(addresses)}

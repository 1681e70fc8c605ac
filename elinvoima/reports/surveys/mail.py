"""The invitation and reminder mail of a cooperation survey: a background task (django-tasks;
`manage.py db_worker` runs it) sends each address its personal link, in Finnish and then
Swedish, each language with the link to the answer page in that language."""

from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django_tasks import task

from elinvoima.reports.surveys.models import SurveyInvitation
from elinvoima.reports.surveys.services import invitation_token


def invitation_message(invitation: SurveyInvitation, site_url: str, *, reminder: bool):
    survey = invitation.survey
    token = invitation_token(invitation)
    subjects, parts = [], []
    for language in ("fi", "sv"):
        with translation.override(language):
            title = getattr(survey, f"title_{language}") or survey.title_fi
            url = site_url.rstrip("/") + reverse("reports:survey-answer", kwargs={"token": token})
            subject = _("Reminder: %(title)s") if reminder else _("Survey: %(title)s")
            subjects.append(subject % {"title": title})
            parts.append(
                _(
                    "%(county)s asks you, as one of %(group)s, how cooperation between the "
                    "municipalities and the county works.\n\nAnswer by %(last_day)s: "
                    "%(url)s\n\nThe answers are anonymous: the link can be used once, and "
                    "your answer is not connected to your address. Results are shown only "
                    "for groups of at least five respondents."
                )
                % {
                    "county": survey.wellbeing_county,
                    "group": invitation.get_group_display().lower(),
                    "last_day": formats.date_format(survey.closes_on, "DATE_FORMAT"),
                    "url": url,
                }
            )
    return " / ".join(subjects), "\n\n---\n\n".join(parts)


@task()
def survey_invitation_mail(invitation_ids: list[int], site_url: str, reminder: bool = False):
    invitations = SurveyInvitation.objects.filter(pk__in=invitation_ids).select_related(
        "survey__wellbeing_county"
    )
    messages = []
    for invitation in invitations:
        subject, body = invitation_message(invitation, site_url, reminder=reminder)
        messages.append(EmailMessage(subject, body, None, [invitation.email]))
    with get_connection() as connection:
        sent = connection.send_messages(messages)
    return {"sent": sent or 0}

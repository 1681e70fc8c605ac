"""Writes of the cooperation survey: the county's HYTE officials prepare a survey (its
statements and themes), invite respondents group by group, open it, close it and publish
its results; a respondent answers once through a personal link, without an account.
Permission first, then validation, then the write, in one transaction."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.models import WellbeingCounty
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.reports.enums import RespondentGroup, SurveyState
from elinvoima.reports.surveys import defaults
from elinvoima.reports.surveys.models import (
    StatementAnswer,
    Survey,
    SurveyInvitation,
    SurveyResponse,
    SurveyStatement,
    ThemeAnswer,
)

VIEW, MANAGE = "reports.view_survey", "reports.manage_survey"
MAX_INVITATIONS_AT_ONCE = 500
_TOKEN_SALT = "elinvoima.reports.survey-invitation"  # noqa: S105 (a salt, not a secret)


def survey_version(survey: Survey) -> str:
    return survey.updated_at.isoformat()


def _locked(survey: Survey, loaded_version: str | None = None) -> Survey:
    return locked_unchanged(
        Survey.objects.all(),
        survey.pk,
        loaded_version,
        what=lambda row: _("the survey “%(title)s”") % {"title": row.title},
    )


def _asked_as_now(user, survey: Survey, loaded_version: str | None = None) -> Survey:
    survey = Survey.objects.get(pk=survey.pk)
    authorize(user, MANAGE, survey, visible=(VIEW, survey))
    return _locked(survey, loaded_version)


@dataclass(frozen=True)
class SurveyData:
    year: int
    title_fi: str
    closes_on: datetime.date
    title_sv: str = ""
    introduction_fi: str = ""
    introduction_sv: str = ""
    observations_fi: str = ""
    observations_sv: str = ""
    statements_fi: tuple[str, ...] = ()
    statements_sv: tuple[str, ...] = ()
    themes: tuple[InterfaceTheme, ...] = ()


def default_survey_data(year: int) -> dict:
    """A form's start for a new survey: the seed's statements and themes."""
    return {
        "year": year,
        "title_fi": f"Yhdyspintayhteistyön tilannekuvakysely {year}",
        "title_sv": f"Lägesbildsenkät om samarbetet i gränsytorna {year}",
        "statements_fi": "\n".join(fi for fi, _sv in defaults.STATEMENTS),
        "statements_sv": "\n".join(sv for _fi, sv in defaults.STATEMENTS),
        "themes": list(InterfaceTheme.objects.filter(code__in=defaults.THEME_CODES)),
    }


def _check_statements(data: SurveyData) -> None:
    if not data.statements_fi:
        raise ValidationError({"statements_fi": _("Write at least one statement.")})
    if data.statements_sv and len(data.statements_sv) != len(data.statements_fi):
        raise ValidationError(
            {
                "statements_sv": _(
                    "Write the statements in Swedish on as many lines as in Finnish "
                    "(%(count)d), in the same order, or leave them all empty."
                )
                % {"count": len(data.statements_fi)}
            }
        )
    if any(len(text) > 300 for text in (*data.statements_fi, *data.statements_sv)):
        raise ValidationError({"statements_fi": _("A statement has at most 300 characters.")})


@transaction.atomic
def survey_save(
    *,
    user,
    data: SurveyData,
    county: WellbeingCounty | None = None,
    survey: Survey | None = None,
    loaded_version: str | None = None,
) -> Survey:
    """Prepare a survey of `county`, or change one. Its questions (statements, themes) can
    change only before it opens: every answer must have been given to the same questions."""
    who = signed_in_or_none(user)
    if survey is None:
        authorize(user, "reports.add_survey", county)
        survey = Survey(wellbeing_county=county, created_by=who)
    else:
        survey = _asked_as_now(user, survey, loaded_version)
    questions_change = survey.pk is None or survey.state == SurveyState.DRAFT
    if questions_change:
        _check_statements(data)
    elif data.year != survey.year:
        raise ValidationError({"year": _("The year cannot change once the survey has opened.")})
    if (
        Survey.objects.filter(wellbeing_county_id=survey.wellbeing_county_id, year=data.year)
        .exclude(pk=survey.pk)
        .exists()
    ):
        raise ValidationError({"year": _("The county already has a survey that year.")})
    survey.year = data.year
    survey.closes_on = data.closes_on
    for name in ("title", "introduction", "observations"):
        for language in ("fi", "sv"):
            setattr(survey, f"{name}_{language}", getattr(data, f"{name}_{language}").strip())
    setattr(survey, "title_en", getattr(survey, "title_fi"))  # noqa: B009, B010
    survey.updated_by = who
    validate_for_save(survey)
    survey.save()
    if questions_change:
        survey.statements.all().delete()
        SurveyStatement.objects.bulk_create(
            SurveyStatement(
                survey=survey,
                position=position,
                text_fi=text,
                text_sv=data.statements_sv[position] if data.statements_sv else "",
                text_en=text,
            )
            for position, text in enumerate(data.statements_fi)
        )
        survey.themes.set(data.themes)
    return survey


def _check_can_open(survey: Survey) -> None:
    if survey.state != SurveyState.DRAFT:
        raise ValidationError(_("The survey has already been opened."))
    if survey.closes_on < timezone.localdate():
        raise ValidationError(_("The last day to answer has passed: change it first."))


@transaction.atomic
def survey_open(*, user, survey: Survey) -> Survey:
    """Open the survey for answers: the invitations sent so far start to work."""
    survey = _asked_as_now(user, survey)
    _check_can_open(survey)
    survey.state = SurveyState.OPEN
    survey.updated_by = signed_in_or_none(user)
    survey.save(update_fields=["state", "updated_by", "updated_at"])
    return survey


@transaction.atomic
def survey_close(*, user, survey: Survey) -> Survey:
    """Close the survey before its last day: no more answers."""
    survey = _asked_as_now(user, survey)
    if survey.state != SurveyState.OPEN:
        raise ValidationError(_("Only an open survey can be closed."))
    survey.state = SurveyState.CLOSED
    survey.updated_by = signed_in_or_none(user)
    survey.save(update_fields=["state", "updated_by", "updated_at"])
    return survey


def survey_is_closed(survey: Survey, today: datetime.date | None = None) -> bool:
    """Closed by hand, or past its last day."""
    today = today or timezone.localdate()
    return survey.state == SurveyState.CLOSED or (
        survey.state == SurveyState.OPEN and survey.closes_on < today
    )


@transaction.atomic
def results_publish(*, user, survey: Survey, published: bool = True) -> Survey:
    """Make the results public (or take them back): groups of fewer than five respondents
    stay hidden all the same (surveys/selectors.py)."""
    survey = _asked_as_now(user, survey)
    if published and not survey_is_closed(survey):
        raise ValidationError(_("Results are published once the survey has closed."))
    survey.results_published = published
    survey.updated_by = signed_in_or_none(user)
    survey.save(update_fields=["results_published", "updated_by", "updated_at"])
    return survey


# --- Invitations --------------------------------------------------------------------------


def invitation_token(invitation: SurveyInvitation) -> str:
    """The invitation's personal link token: its id and a keyed hash of it."""
    digest = salted_hmac(_TOKEN_SALT, str(invitation.pk), algorithm="sha256").hexdigest()
    return f"{invitation.pk}-{digest[:32]}"


def invitation_by_token(token: str) -> SurveyInvitation | None:
    """The invitation a token is good for, or None for a token that is not one of ours."""
    number, _dash, digest = token.partition("-")
    if not number.isdigit() or len(number) > 18:
        return None
    invitation = (
        SurveyInvitation.objects.select_related("survey__wellbeing_county")
        .filter(pk=int(number))
        .first()
    )
    if invitation is None or not constant_time_compare(token, invitation_token(invitation)):
        return None
    return invitation


def addresses_parse(text: str) -> list[str]:
    """E-mail addresses written one a line, or separated by commas, semicolons or spaces
    (as they are copied from a mail program); each checked; duplicates once."""
    found: dict[str, None] = {}
    wrong = []
    for part in text.replace(";", " ").replace(",", " ").split():
        address = part.strip().strip("<>").lower()
        try:
            validate_email(address)
        except ValidationError:
            wrong.append(part)
            continue
        found[address] = None
    if wrong:
        raise ValidationError(
            ngettext(
                "This is not an e-mail address: %(wrong)s",
                "These are not e-mail addresses: %(wrong)s",
                len(wrong),
            )
            % {"wrong": ", ".join(wrong[:10])}
        )
    if not found:
        raise ValidationError(_("Write at least one e-mail address."))
    if len(found) > MAX_INVITATIONS_AT_ONCE:
        raise ValidationError(
            _("At most %(count)d addresses at a time.") % {"count": MAX_INVITATIONS_AT_ONCE}
        )
    return list(found)


@transaction.atomic
def invitations_add(*, user, survey: Survey, group: str, addresses: list[str]) -> list[int]:
    """Invite `addresses` to answer as `group`. An address already invited is skipped (one
    answer a person). Returns the ids of the new invitations, whose mail is sent once the
    survey is open (survey_invitations_send)."""
    survey = _asked_as_now(user, survey)
    if group not in RespondentGroup.values:
        raise ValidationError({"group": _("Choose a respondent group.")})
    if survey_is_closed(survey):
        raise ValidationError(_("The survey has closed."))
    taken = set(
        SurveyInvitation.objects.filter(survey=survey, email__in=addresses).values_list(
            "email", flat=True
        )
    )
    who = signed_in_or_none(user)
    new = [
        SurveyInvitation(survey=survey, group=group, email=address, created_by=who)
        for address in addresses
        if address not in taken
    ]
    try:
        with transaction.atomic():
            created = SurveyInvitation.objects.bulk_create(new)
    except IntegrityError:  # invited at the same moment by another organiser
        raise ValidationError(
            _("Someone invited some of these addresses at the same time. Try again.")
        ) from None
    return [invitation.pk for invitation in created]


@transaction.atomic
def invitations_to_send(*, user, survey: Survey, reminder: bool = False) -> list[int]:
    """The invitations whose mail goes out now, marked sent: the unsent ones, or for a
    reminder every one not yet answered. Only an open survey sends."""
    survey = _asked_as_now(user, survey)
    if survey.state != SurveyState.OPEN or survey_is_closed(survey):
        raise ValidationError(_("Invitations are sent while the survey is open."))
    pending = survey.invitations.filter(answered=False)
    if not reminder:
        pending = pending.filter(sent_at__isnull=True)
    ids = list(pending.values_list("pk", flat=True))
    SurveyInvitation.objects.filter(pk__in=ids).update(sent_at=timezone.now())
    return ids


# --- Answering ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerData:
    statements: dict[int, int]  # statement id → 1–5; a statement not given: cannot say
    themes: dict[int, int]  # theme id → 1–5
    maturity: int | None = None
    observations: str = ""


def answer_refusal(invitation: SurveyInvitation | None) -> str | None:
    """Why the link cannot be answered now, in the respondent's language, or None."""
    if invitation is None:
        return _("This answer link is not valid. Check that the whole address was copied.")
    survey = invitation.survey
    if invitation.answered:
        return _("An answer has already been given with this link. Thank you!")
    if survey.state == SurveyState.DRAFT:
        return _("The survey has not opened yet.")
    if survey_is_closed(survey):
        return _("The survey has closed; answers are no longer taken.")
    return None


@transaction.atomic
def response_submit(*, token: str, data: AnswerData) -> SurveyResponse:
    """Record one anonymous answer. The invitation is marked answered in the same
    transaction by a conditional update, so two submissions of one link (a double click,
    two tabs) give one response; the response keeps no trace of the invitation."""
    invitation = invitation_by_token(token)
    refusal = answer_refusal(invitation)
    if refusal:
        raise ValidationError(refusal, code="refused")
    assert invitation is not None
    survey = invitation.survey
    statement_ids = set(survey.statements.values_list("pk", flat=True))
    theme_ids = set(survey.themes.values_list("pk", flat=True))
    if not set(data.statements) <= statement_ids or not set(data.themes) <= theme_ids:
        raise ValidationError(_("The questions of the survey have changed. Load the page again."))
    values = [*data.statements.values(), *data.themes.values()]
    if any(value not in range(1, 6) for value in values) or (
        data.maturity is not None and data.maturity not in range(1, 7)
    ):
        raise ValidationError(_("Choose one of the options."))
    if not values and data.maturity is None and not data.observations.strip():
        raise ValidationError(_("The answer is empty: choose at least one option."))
    used = SurveyInvitation.objects.filter(pk=invitation.pk, answered=False).update(answered=True)
    if not used:
        raise ValidationError(
            _("An answer has already been given with this link. Thank you!"), code="refused"
        )
    response = SurveyResponse(
        survey=survey,
        group=invitation.group,
        maturity=data.maturity,
        observations=data.observations.strip(),
        submitted_on=timezone.localdate(),
    )
    validate_for_save(response)
    response.save()
    StatementAnswer.objects.bulk_create(
        StatementAnswer(response=response, statement_id=pk, value=value)
        for pk, value in data.statements.items()
    )
    ThemeAnswer.objects.bulk_create(
        ThemeAnswer(response=response, theme_id=pk, value=value)
        for pk, value in data.themes.items()
    )
    return response

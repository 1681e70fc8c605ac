"""Writes of hearing residents: a consultation's details and questions, opening it for
answers (which puts it in the owner's annual clock, the participation plan), closing it
and summarising its results; an answer without an account, with light protection against
abuse; the record of a hearing in person. Permission first where there is a user, then
validation, then the write, in one transaction."""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.clock.services import ItemData, calendar_item_save
from elinvoima.networks.enums import CalendarItemKind
from elinvoima.practices.enums import QuestionKind
from elinvoima.practices.hearings.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationQuestion,
    ConsultationResponse,
    HearingRecord,
)
from elinvoima.strategy.models import Plan

CHANGE, VIEW = "practices.change_consultation", "practices.view_consultation"
MAX_DAYS_OPEN = 366  # an item of the annual clock lasts at most a year
MAX_ANSWER = 4000
MAX_LINKS = 3  # an answer with more web addresses is taken for spam
ANSWERS_PER_HOUR_FROM_ONE_PLACE = 20  # a library's or a school's shared connection
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


@dataclass(frozen=True)
class QuestionData:
    text: str
    kind: str = QuestionKind.TEXT
    choices: list[str] = field(default_factory=list)
    required: bool = False


@dataclass(frozen=True)
class ConsultationData:
    title: str
    starts_on: datetime.date
    ends_on: datetime.date
    introduction: str = ""
    one_per_person: bool = False
    heard_groups: list = field(default_factory=list)
    plan: Plan | None = None
    results_summary: str = ""
    questions: list[QuestionData] | None = None  # None: keep them (they freeze when opened)


def consultation_version(consultation: Consultation) -> str:
    return consultation.updated_at.isoformat()


def consultation_is_open(consultation: Consultation, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        consultation.published_at is not None
        and consultation.closed_at is None
        and consultation.starts_on <= today <= consultation.ends_on
    )


def _questions_checked(questions: list[QuestionData]) -> dict[str, list[str]]:
    errors: list[str] = []
    for number, question in enumerate(questions, start=1):
        if question.kind == QuestionKind.CHOICE and len(question.choices) < 2:
            errors.append(
                _("Question %(number)d: give at least two choices, one a line.")
                % {"number": number}
            )
        if question.kind not in QuestionKind.values:
            errors.append(_("Question %(number)d: choose the kind of answer.") % {"number": number})
    return {"questions": errors} if errors else {}


def _dates_checked(data: ConsultationData) -> dict[str, list[str]]:
    if data.ends_on < data.starts_on:
        return {"ends_on": [_("The last day cannot be before the first.")]}
    if (data.ends_on - data.starts_on).days >= MAX_DAYS_OPEN:
        return {"ends_on": [_("A consultation is open at most a year.")]}
    return {}


@transaction.atomic
def consultation_save(
    *,
    user,
    data: ConsultationData,
    owner=None,
    consultation: Consultation | None = None,
    loaded_version: str | None = None,
) -> Consultation:
    """Start a consultation of the owner (a municipality or a county), or change one. Its
    questions can be changed until it opens for answers."""
    who = signed_in_or_none(user)
    if consultation is None:
        authorize(user, "practices.add_consultation", owner)
        consultation = Consultation(created_by=who)
        consultation.owner_assign(owner)
    else:
        authorize(user, CHANGE, consultation, visible=(VIEW, consultation))
        consultation = locked_unchanged(
            Consultation.objects.all(),
            consultation.pk,
            loaded_version,
            what=lambda row: _("the consultation “%(title)s”") % {"title": row.title},
        )
    errors = _dates_checked(data)
    if data.questions is not None:
        if consultation.published_at is not None:
            errors["questions"] = [_("The questions cannot change once answers are taken.")]
        else:
            errors.update(_questions_checked(data.questions))
    if data.plan is not None and data.plan.owner != consultation.owner:
        errors["plan"] = [_("Choose a plan of the same owner.")]
    if errors:
        raise ValidationError(errors)
    consultation.title = data.title.strip()
    consultation.introduction = data.introduction.strip()
    consultation.starts_on, consultation.ends_on = data.starts_on, data.ends_on
    consultation.one_per_person = data.one_per_person
    consultation.plan = data.plan
    consultation.results_summary = data.results_summary.strip()
    consultation.updated_by = who
    validate_for_save(consultation)
    consultation.save()
    consultation.heard_groups.set(data.heard_groups)
    if data.questions is not None:
        consultation.questions.all().delete()
        ConsultationQuestion.objects.bulk_create(
            ConsultationQuestion(
                consultation=consultation,
                position=position,
                text=question.text.strip(),
                kind=question.kind,
                choices="\n".join(c.strip() for c in question.choices if c.strip()),
                required=question.required,
            )
            for position, question in enumerate(data.questions)
            if question.text.strip()
        )
    if consultation.calendar_item_id is not None:
        _clock_item_save(user, consultation)
    return consultation


def _how_heard() -> dict[str, str]:
    """How a consultation hears residents, in the clock's two languages."""
    texts = {}
    for language in ("fi", "sv"):
        with translation.override(language):
            texts[language] = _("A consultation online")
    return texts


def _clock_item_save(user, consultation: Consultation) -> CalendarItem:
    """The consultation in the owner's annual clock: it is part of the participation
    plan, with the groups it hears."""
    how_heard = _how_heard()
    data = ItemData(
        title_fi=consultation.title,
        title_sv=consultation.title,
        kind=CalendarItemKind.HEARING,
        year=consultation.starts_on.year,
        starts_on=consultation.starts_on,
        ends_on=consultation.ends_on
        if consultation.ends_on.year == consultation.starts_on.year
        else None,
        description_fi=consultation.introduction[:1000],
        description_sv=consultation.introduction[:1000],
        how_heard_fi=how_heard["fi"],
        how_heard_sv=how_heard["sv"],
        heard_groups=list(consultation.heard_groups.all()),
    )
    item = consultation.calendar_item
    return calendar_item_save(
        user=user,
        data=data,
        owner=None if item else consultation.owner,
        item=item,
        loaded_version=item.updated_at.isoformat() if item else None,
    )


@transaction.atomic
def consultation_open(*, user, consultation: Consultation) -> Consultation:
    """Open the consultation for answers: its questions freeze, and it is added to the
    owner's annual clock."""
    authorize(user, CHANGE, consultation, visible=(VIEW, consultation))
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.published_at is not None:
        raise ValidationError(_("The consultation is already open."), code="opened")
    if not consultation.questions.exists():
        raise ValidationError(_("Add at least one question first."), code="no_questions")
    if consultation.ends_on < timezone.localdate():
        raise ValidationError(_("The last day has passed: change the dates first."), code="past")
    consultation.published_at = timezone.now()
    consultation.calendar_item = _clock_item_save(user, consultation)
    consultation.updated_by = signed_in_or_none(user)
    consultation.save()
    return consultation


@transaction.atomic
def consultation_close(*, user, consultation: Consultation) -> Consultation:
    """Stop taking answers before the last day."""
    authorize(user, CHANGE, consultation, visible=(VIEW, consultation))
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.published_at is None or consultation.closed_at is not None:
        raise ValidationError(_("The consultation is not taking answers."), code="not_open")
    consultation.closed_at = timezone.now()
    consultation.updated_by = signed_in_or_none(user)
    consultation.save()
    return consultation


# --- Answers without an account ---------------------------------------------------------------
def keyed_hash(purpose: str, consultation: Consultation, value: str) -> str:
    """A keyed hash (HMAC with the site's secret): the same value gives the same hash, and
    nobody without the secret can work the value back from it."""
    key_salt = f"elinvoima.practices.consultation.{purpose}"
    return salted_hmac(key_salt, f"{consultation.pk}:{value}", algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class AnswerData:
    answers: dict[int, str]  # question id → the answer (a choice's text for a choice)
    source: str  # where the answer came from (the client's address)
    email: str = ""


def _answers_checked(
    questions: list[ConsultationQuestion], data: AnswerData
) -> tuple[dict[int, str], dict[str, list[str]]]:
    errors: dict[str, list[str]] = {}
    answers: dict[int, str] = {}
    for question in questions:
        text = (data.answers.get(question.pk) or "").strip()
        key = f"question_{question.pk}"
        if not text:
            if question.required:
                errors[key] = [_("Answer this question.")]
            continue
        if question.kind == QuestionKind.CHOICE and text not in question.choice_list:
            errors[key] = [_("Choose one of the choices.")]
        elif len(text) > MAX_ANSWER:
            errors[key] = [_("Write at most %(count)d characters.") % {"count": MAX_ANSWER}]
        elif "\x00" in text:
            errors[key] = [_("The answer has a character that cannot be saved.")]
        elif len(LINK.findall(text)) > MAX_LINKS:
            errors[key] = [_("An answer may have at most three web addresses.")]
        else:
            answers[question.pk] = text
    if not answers and not errors:
        errors["__all__"] = [_("Answer at least one question.")]
    return answers, errors


@transaction.atomic
def consultation_answer(*, consultation: Consultation, data: AnswerData) -> ConsultationResponse:
    """Take an answer without an account: only while the consultation is open, one per
    e-mail address where it asks for one per person, the same answer from the same place
    once, and at most ANSWERS_PER_HOUR_FROM_ONE_PLACE an hour from one address."""
    consultation = Consultation.objects.get(pk=consultation.pk)
    if not consultation_is_open(consultation):
        raise ValidationError(_("This consultation is not taking answers."), code="closed")
    questions = list(consultation.questions.all())
    answers, errors = _answers_checked(questions, data)
    person_hash = ""
    if consultation.one_per_person:
        email = data.email.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [_("Give your e-mail address: one answer is taken per person.")]
        else:
            person_hash = keyed_hash("person", consultation, email)
    if errors:
        raise ValidationError(errors)
    source_hash = keyed_hash("source", consultation, data.source)
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    recent = consultation.responses.filter(source_hash=source_hash, submitted_at__gte=hour_ago)
    if recent.count() >= ANSWERS_PER_HOUR_FROM_ONE_PLACE:
        raise ValidationError(
            _("Many answers have come from your connection. Try again in an hour."),
            code="too_many",
        )
    content = json.dumps(sorted(answers.items()), ensure_ascii=False).lower()
    response = ConsultationResponse(
        consultation=consultation,
        person_hash=person_hash,
        source_hash=source_hash,
        content_hash=hashlib.sha256(content.encode()).hexdigest(),
    )
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        if person_hash and consultation.responses.filter(person_hash=person_hash).exists():
            raise ValidationError(
                {"email": [_("An answer has already been given with this e-mail address.")]},
            ) from None
        raise ValidationError(
            _("This answer has already been received. Thank you!"), code="duplicate"
        ) from None
    ConsultationAnswer.objects.bulk_create(
        ConsultationAnswer(response=response, question_id=pk, text=text)
        for pk, text in answers.items()
    )
    return response


# --- Hearings in person ----------------------------------------------------------------------
@dataclass(frozen=True)
class HearingData:
    held_on: datetime.date
    who_came: str
    what_was_said: str
    attendance: int | None = None
    heard_groups: list = field(default_factory=list)
    plan: Plan | None = None


def hearing_version(hearing: HearingRecord) -> str:
    return hearing.updated_at.isoformat()


@transaction.atomic
def hearing_save(
    *,
    user,
    data: HearingData,
    calendar_item: CalendarItem | None = None,
    hearing: HearingRecord | None = None,
    loaded_version: str | None = None,
) -> HearingRecord:
    """Record who came to an event of the annual clock and what was said, or change the
    record."""
    who = signed_in_or_none(user)
    if hearing is None:
        assert calendar_item is not None
        authorize(
            user,
            "networks.change_calendar_item",
            calendar_item,
            visible=("networks.view_clock", calendar_item.owner),
        )
        hearing = HearingRecord(calendar_item=calendar_item, created_by=who)
    else:
        authorize(
            user, "practices.change_hearing", hearing, visible=("practices.view_hearing", hearing)
        )
        hearing = locked_unchanged(
            HearingRecord.objects.select_related("calendar_item"),
            hearing.pk,
            loaded_version,
            what=lambda row: _("the record of “%(title)s”") % {"title": row.calendar_item},
        )
    errors: dict[str, list[str]] = {}
    if data.held_on > timezone.localdate():
        errors["held_on"] = [_("Record a hearing once it has been held.")]
    if data.plan is not None and data.plan.owner != hearing.calendar_item.owner:
        errors["plan"] = [_("Choose a plan of the same owner.")]
    if errors:
        raise ValidationError(errors)
    hearing.held_on = data.held_on
    hearing.attendance = data.attendance
    hearing.who_came = data.who_came.strip()
    hearing.what_was_said = data.what_was_said.strip()
    hearing.plan = data.plan
    hearing.updated_by = who
    validate_for_save(hearing)
    hearing.save()
    hearing.heard_groups.set(data.heard_groups)
    return hearing

"""Reads of hearing residents: an owner's consultations and hearings in person, the
annual clock's events that could get a record, and a consultation's results — the
distribution of each choice question's answers for everyone, the open answers one by one
only for those who work with the owner."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.clock.selectors import items_in
from elinvoima.networks.enums import PARTICIPATION_KINDS
from elinvoima.practices.enums import QuestionKind
from elinvoima.practices.hearings.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationQuestion,
    HearingRecord,
)
from elinvoima.practices.hearings.permissions import consultations_visible_to


def consultations_of(user, owner) -> QuerySet[Consultation]:
    return (
        consultations_visible_to(user)
        .filter(Consultation.owned_by_q(owner))
        .annotate(answer_count=Count("responses"))
        .order_by("-starts_on", "-id")
    )


def hearings_of(owner) -> QuerySet[HearingRecord]:
    """The records of the owner's clock events (a municipality's and a county's clock is
    public, and so are the records)."""
    return (
        HearingRecord.objects.filter(**{f"calendar_item__{_owner_field(owner)}": owner})
        .select_related("calendar_item")
        .order_by("-held_on", "-id")
    )


def _owner_field(owner) -> str:
    return {"municipality": "municipality", "wellbeingcounty": "wellbeing_county"}[
        owner._meta.model_name
    ]


def hearing_events(owner, year: int) -> QuerySet[CalendarItem]:
    """The owner's clock items of the year that hear residents: those a record can be
    made of."""
    return (
        CalendarItem.objects.filter(CalendarItem.owned_by_q(owner))
        .filter(items_in(year))
        .filter(Q(kind__in=PARTICIPATION_KINDS) | Q(heard_groups__isnull=False) | ~Q(how_heard=""))
        .distinct()
        .order_by("month", "starts_on", "id")
    )


@dataclass
class QuestionResult:
    question: ConsultationQuestion
    answered: int
    choices: list[tuple[str, int, int]] = field(default_factory=list)  # (choice, count, %)
    texts: list[str] = field(default_factory=list)


@dataclass
class Results:
    responses: int
    questions: list[QuestionResult]


def consultation_results(consultation: Consultation, *, with_texts: bool) -> Results:
    """Three queries however many answers: the questions, the choice counts, the texts."""
    questions = list(consultation.questions.all())
    responses = consultation.responses.count()
    counts: dict[int, Counter] = {q.pk: Counter() for q in questions}
    rows = (
        ConsultationAnswer.objects.filter(question__consultation=consultation)
        .filter(question__kind=QuestionKind.CHOICE)
        .values_list("question_id", "text")
        .annotate(n=Count("id"))
        .order_by()
    )
    for question_id, text, n in rows:
        counts[question_id][text] += n
    answered = dict(
        ConsultationAnswer.objects.filter(question__consultation=consultation)
        .values_list("question_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    texts: dict[int, list[str]] = {q.pk: [] for q in questions}
    if with_texts:
        for question_id, text in (
            ConsultationAnswer.objects.filter(
                question__consultation=consultation, question__kind=QuestionKind.TEXT
            )
            .order_by("response__submitted_at", "id")
            .values_list("question_id", "text")
        ):
            texts[question_id].append(text)
    results = []
    for question in questions:
        n = answered.get(question.pk, 0)
        result = QuestionResult(question, n, texts=texts[question.pk])
        if question.kind == QuestionKind.CHOICE:
            result.choices = [
                (
                    choice,
                    counts[question.pk][choice],
                    round(100 * counts[question.pk][choice] / n) if n else 0,
                )
                for choice in question.choice_list
            ]
        results.append(result)
    return Results(responses, results)

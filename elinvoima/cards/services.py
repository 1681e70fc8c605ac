"""Writes of wellbeing cards: the yearly decision and the cards it makes, an association's
answer (draft, sent, edited until the card closes, copied forward from last year), the
municipality's comments and acceptance. Permission first, then validation, then the write,
in one transaction (docs/architecture.md)."""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation
from elinvoima.cards.associations import associations_of
from elinvoima.cards.enums import ResponseState
from elinvoima.cards.models import (
    CardAnswer,
    CardComment,
    CardDecision,
    CardResponse,
    CardTemplate,
)
from elinvoima.core.concurrency import ensure_unchanged, locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal, Plan

LANGUAGES = ("fi", "sv", "en")


def _field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _date(value: datetime.date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def response_version(response: CardResponse | None) -> str:
    """The version a form or client loaded: `updated_at`, "" when nothing is saved yet."""
    if response is None or response.pk is None:
        return ""
    return response.updated_at.isoformat()


def card_rows(template: CardTemplate) -> list[Goal]:
    """The rows of a card: the goal's sub-goals in the plan's order, or the goal itself
    when it has none. Read from the plan every time: a card never drifts from it."""
    sub_goals = list(Goal.objects.filter(parent=template.goal_id).order_by("position", "id"))
    return sub_goals or [template.goal]


# --- the yearly decision ---------------------------------------------------------------------


@transaction.atomic
def card_decision_record(
    *,
    user,
    municipality: Municipality,
    year: int,
    body: str,
    decided_on: datetime.date,
    plan: Plan,
    goals: Iterable[Goal],
    opens_on: datetime.date,
    closes_on: datetime.date,
    reference: str = "",
    note: str = "",
) -> CardDecision:
    """Record the management group's decision of the year and make one card per chosen
    goal, open between the two dates and inviting the municipality's associations."""
    authorize(user, "cards.record_decision", municipality)
    goals = list(goals)
    errors: dict[str, list[ValidationError]] = {}
    if plan.municipality_id != municipality.pk:
        errors.setdefault("plan", []).append(
            ValidationError(_("Choose a welfare plan of %(name)s.") % {"name": municipality})
        )
    elif plan.state != PlanState.APPROVED:
        errors.setdefault("plan", []).append(
            ValidationError(_("Choose an approved plan: a draft may still change."))
        )
    elif not plan.start_year <= year <= plan.end_year:
        errors.setdefault("year", []).append(
            ValidationError(
                _("The plan covers the years %(start)s–%(end)s.")
                % {"start": plan.start_year, "end": plan.end_year}
            )
        )
    if not goals:
        errors.setdefault("goals", []).append(
            ValidationError(_("Choose at least one goal for the associations to answer."))
        )
    elif any(goal.plan_id != plan.pk or goal.parent_id is not None for goal in goals):
        errors.setdefault("goals", []).append(
            ValidationError(_("Choose strategic goals of the plan (not their sub-goals)."))
        )
    if closes_on < opens_on:
        errors.setdefault("closes_on", []).append(
            ValidationError(_("The cards cannot close before they open."))
        )
    if errors:
        raise ValidationError(errors)
    if CardDecision.objects.filter(municipality=municipality, year=year).exists():
        raise _field_error(
            "year",
            _("The cards of %(year)s have been decided already.") % {"year": year},
            "unique",
        )
    who = signed_in_or_none(user)
    decision = CardDecision(
        municipality=municipality,
        year=year,
        body=body.strip(),
        decided_on=decided_on,
        reference=reference.strip(),
        note=note,
        plan=plan,
        created_by=who,
        updated_by=who,
    )
    validate_for_save(decision, exclude=("municipality", "plan"))
    try:
        with transaction.atomic():
            decision.save()
    except IntegrityError:  # recorded by someone else in the same instant
        raise _field_error(
            "year",
            _("The cards of %(year)s have been decided already.") % {"year": year},
            "unique",
        ) from None
    decision.goals.set(goals)
    invited = list(
        Organisation.objects.filter(
            kind=OrganisationKind.ASSOCIATION, municipality=municipality
        ).values_list("pk", flat=True)
    )
    for position, goal in enumerate(sorted(goals, key=lambda goal: (goal.position, goal.pk))):
        template = CardTemplate(
            decision=decision,
            goal=goal,
            position=position,
            opens_on=opens_on,
            closes_on=closes_on,
            created_by=who,
            updated_by=who,
            # The card is named after its goal until the coordinator names it.
            **{f"name_{language}": _name(goal, language) for language in LANGUAGES},
        )
        validate_for_save(template, exclude=("decision", "goal"))
        template.save()
        template.invited.set(invited)
    return decision


def _finnish_title(goal: Goal) -> str:
    # modeltranslation's column, which the type checker does not know.
    return getattr(goal, "title_fi") or ""  # noqa: B009


def _name(goal: Goal, language: str) -> str | None:
    title = getattr(goal, f"title_{language}") or ""
    return title[:200] or None


# --- a card changed after the decision --------------------------------------------------------


def template_version(template: CardTemplate) -> str:
    return template.updated_at.isoformat()


@transaction.atomic
def card_template_update(
    *,
    user,
    template: CardTemplate,
    names: Mapping[str, str],
    opens_on: datetime.date,
    closes_on: datetime.date,
    invited: Iterable[Organisation],
    loaded_version: str | None = None,
) -> CardTemplate:
    """Change a card after the decision: its name in each language (`names`: language →
    name; Finnish required), when it is open, which associations are invited. An association
    that has sent its answer stays invited."""
    authorize(user, "cards.change_template", template)
    template = locked_unchanged(
        CardTemplate.objects.select_related("decision__municipality"),
        template.pk,
        loaded_version,
        what=lambda row: _("the card “%(name)s”") % {"name": row.name},
    )
    municipality = template.decision.municipality
    chosen = {organisation.pk for organisation in invited}
    allowed = set(associations_of(municipality).filter(pk__in=chosen).values_list("pk", flat=True))
    errors: dict[str, list[str]] = {}
    if chosen - allowed:
        errors["invited"] = [
            _("Invite associations of %(municipality)s.") % {"municipality": municipality}
        ]
    answered = (
        template.invited.exclude(pk__in=chosen)
        .filter(
            card_responses__template=template,
            card_responses__state__in=(ResponseState.SUBMITTED, ResponseState.ACCEPTED),
        )
        .order_by("name")
        .distinct()
    )
    if names_answered := ", ".join(str(organisation) for organisation in answered):
        errors.setdefault("invited", []).append(
            _("These have sent their answer and stay invited: %(names)s.")
            % {"names": names_answered}
        )
    if closes_on < opens_on:
        errors["closes_on"] = [_("The card cannot close before it opens.")]
    if not (names.get("fi") or "").strip():
        errors["name_fi"] = [_("The name in Finnish is required.")]
    if errors:
        raise ValidationError(errors)
    for language in LANGUAGES:
        setattr(template, f"name_{language}", (names.get(language) or "").strip() or None)
    template.opens_on, template.closes_on = opens_on, closes_on
    template.updated_by = signed_in_or_none(user)
    validate_for_save(template, exclude=("decision", "goal"))
    template.save()
    template.invited.set(allowed)
    return template


# --- an association's answer -------------------------------------------------------------------


@dataclass(frozen=True)
class RowAnswer:
    what_we_do: str = ""
    how_we_succeed: str = ""


def card_is_open(template: CardTemplate, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return template.opens_on <= today <= template.closes_on


def _ensure_open(template: CardTemplate) -> None:
    today = timezone.localdate()
    if today > template.closes_on:
        raise ValidationError(
            _("The card closed on %(date)s: answers can no longer be changed.")
            % {"date": _date(template.closes_on)},
            code="closed",
        )
    if today < template.opens_on:
        raise ValidationError(
            _("The card opens on %(date)s.") % {"date": _date(template.opens_on)},
            code="not_open",
        )


@transaction.atomic
def card_response_save(
    *,
    user,
    template: CardTemplate,
    organisation: Organisation,
    answers: Mapping[int, RowAnswer],
    submit: bool = False,
    loaded_version: str | None = "",
) -> CardResponse:
    """Save an association's answer to a card, by sub-goal id, as a draft or sent
    (`submit`). It can be changed until the card closes; an accepted answer that is
    changed goes back to the municipality as sent. `loaded_version` is "" for a first
    answer, else the version the form loaded (`response_version`)."""
    authorize(user, "cards.answer_for", organisation)
    template = (
        CardTemplate.objects.select_for_update()
        .select_related("decision__municipality", "goal")
        .get(pk=template.pk)
    )
    if not template.invited.filter(pk=organisation.pk).exists():
        raise ValidationError(
            _("%(name)s is not invited to answer this card. Ask the municipality to invite it.")
            % {"name": organisation},
            code="not_invited",
        )
    _ensure_open(template)
    rows = {goal.pk: goal for goal in card_rows(template)}
    unknown = set(answers) - set(rows)
    if unknown:
        raise ValidationError(_("The card has no such row."), code="unknown_row")
    texts = {
        pk: RowAnswer(answer.what_we_do.strip(), answer.how_we_succeed.strip())
        for pk, answer in answers.items()
    }
    if any("\x00" in answer.what_we_do + answer.how_we_succeed for answer in texts.values()):
        raise ValidationError(_("Remove the NUL character from the text."), code="null_characters")
    if submit and not any(answer.what_we_do for answer in texts.values()):
        raise ValidationError(
            _("Tell what your association does for at least one of the goals before sending."),
            code="empty",
        )
    response = (
        CardResponse.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .filter(template=template, organisation=organisation)
        .first()
    )
    ensure_unchanged(
        response_version(response),
        loaded_version,
        what=_("the answer of %(name)s") % {"name": organisation},
        changed_by=response.updated_by if response else None,
        changed_at=response.updated_at if response else None,
    )
    who = signed_in_or_none(user)
    if response is None:
        response = CardResponse(template=template, organisation=organisation, created_by=who)
    if submit or response.state == ResponseState.ACCEPTED:
        response.state = ResponseState.SUBMITTED
        response.submitted_at = timezone.now()
        response.accepted_at = response.accepted_by = None
    response.updated_by = who
    response.save()
    stored = {answer.sub_goal_id: answer for answer in response.answers.all()}
    for pk, text in texts.items():
        if pk not in stored and not (text.what_we_do or text.how_we_succeed):
            continue  # a row left empty: nothing to keep
        answer = stored.get(pk) or CardAnswer(response=response, sub_goal=rows[pk])
        answer.what_we_do, answer.how_we_succeed = text.what_we_do, text.how_we_succeed
        answer.save()
    return response


def previous_response(template: CardTemplate, organisation: Organisation) -> CardResponse | None:
    """The organisation's answer to the same municipality's card of an earlier year whose
    goal has the same Finnish title, the latest first: what can be copied forward."""
    return (
        CardResponse.objects.filter(
            organisation=organisation,
            template__decision__municipality_id=template.decision.municipality_id,
            template__decision__year__lt=template.decision.year,
            template__goal__title_fi=_finnish_title(template.goal),
        )
        .order_by("-template__decision__year")
        .prefetch_related("answers__sub_goal")
        .first()
    )


def card_response_copy_forward(
    *, user, template: CardTemplate, organisation: Organisation
) -> CardResponse:
    """Start this year's answer from last year's: the rows whose sub-goal has the same
    Finnish title get last year's texts, as a draft to check and send. Refused when this
    year's answer exists already (nothing is overwritten)."""
    authorize(user, "cards.answer_for", organisation)
    earlier = previous_response(template, organisation)
    if earlier is None:
        raise ValidationError(
            _("There is no earlier answer of %(name)s to copy.") % {"name": organisation},
            code="nothing_to_copy",
        )
    if CardResponse.objects.filter(template=template, organisation=organisation).exists():
        raise ValidationError(
            _("This year's answer has been started already: it was not replaced."),
            code="exists",
        )
    by_title = {_finnish_title(goal): goal.pk for goal in card_rows(template)}
    answers = {
        by_title[_finnish_title(answer.sub_goal)]: RowAnswer(
            answer.what_we_do, answer.how_we_succeed
        )
        for answer in earlier.answers.all()
        if _finnish_title(answer.sub_goal) in by_title
    }
    return card_response_save(
        user=user, template=template, organisation=organisation, answers=answers
    )


# --- the municipality's review -----------------------------------------------------------------


@transaction.atomic
def card_response_comment(*, user, response: CardResponse, text: str) -> CardComment:
    """A coordinator's comment on an answer; the association sees it with its answer."""
    authorize(user, "cards.review_response", response, visible=("cards.view_response", response))
    text = text.strip()
    if not text:
        raise _field_error("text", _("Write the comment first."), "required")
    comment = CardComment(response=response, author=signed_in_or_none(user), text=text)
    validate_for_save(comment, exclude=("response", "author"))
    comment.save()
    return comment


@transaction.atomic
def card_response_accept(
    *, user, response: CardResponse, loaded_version: str | None = None
) -> CardResponse:
    """Accept a sent answer: it becomes public with the card. An answer changed since the
    coordinator opened it is refused, so that nothing unread is accepted."""
    authorize(user, "cards.review_response", response, visible=("cards.view_response", response))
    response = (
        CardResponse.objects.select_for_update(of=("self",))
        .select_related("updated_by", "organisation")
        .get(pk=response.pk)
    )
    ensure_unchanged(
        response_version(response),
        loaded_version,
        what=_("the answer of %(name)s") % {"name": response.organisation},
        changed_by=response.updated_by,
        changed_at=response.updated_at,
    )
    if response.state != ResponseState.SUBMITTED:
        raise ValidationError(_("Only a sent answer can be accepted."), code="not_sent")
    response.state = ResponseState.ACCEPTED
    response.accepted_at = timezone.now()
    response.accepted_by = signed_in_or_none(user)
    response.updated_by = response.accepted_by
    response.save()
    return response

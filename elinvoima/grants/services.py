"""Writes of grant rounds: the coordinator prepares a round (a draft), changes it with a
version check, and publishes it. Permission first, then validation, then the write, in one
transaction (docs/architecture.md)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality, User
from elinvoima.cards.models import CardTemplate
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.grants.models import GrantRound, RoundQuestion
from elinvoima.grants.selectors import reviewer_candidates
from elinvoima.strategy.models import Goal

LANGUAGES = ("fi", "sv")
MAX_QUESTIONS = 20
TRANSLATED = ("name", "description", "eligibility", "criteria", "attachments_asked")


@dataclass(frozen=True)
class GrantRoundData:
    kind: str
    texts: dict[str, str]  # "name_fi", "name_sv", "description_fi"...: the translated texts
    budget: Decimal
    period_starts_on: datetime.date
    period_ends_on: datetime.date
    opens_on: datetime.date
    closes_on: datetime.date
    goals: tuple[Goal, ...] = field(default=())
    card_templates: tuple[CardTemplate, ...] = field(default=())
    # Who score the applications: people of the municipality (`reviewer_candidates`).
    reviewers: tuple[User, ...] = field(default=())
    # The round's own questions: (in Finnish, in Swedish), in order.
    questions: tuple[tuple[str, str], ...] = field(default=())


def round_version(grant_round: GrantRound) -> str:
    return grant_round.updated_at.isoformat()


def _validated(municipality: Municipality, data: GrantRoundData) -> None:
    """Each error at its field: dates in order, goals and cards of the municipality."""
    errors = {}
    if data.closes_on < data.opens_on:
        errors["closes_on"] = [_("Applications cannot close before they open.")]
    if data.period_ends_on < data.period_starts_on:
        errors["period_ends_on"] = [_("The period cannot end before it starts.")]
    if not (data.texts.get("name_fi") or "").strip():
        errors["name_fi"] = [_("The name in Finnish is required.")]
    if any(goal.plan.municipality_id != municipality.pk for goal in data.goals):
        errors["goals"] = [
            _("Choose goals of the welfare plan of %(municipality)s.")
            % {"municipality": municipality}
        ]
    if any(card.decision.municipality_id != municipality.pk for card in data.card_templates):
        errors["card_templates"] = [
            _("Choose wellbeing cards of %(municipality)s.") % {"municipality": municipality}
        ]
    if len(data.questions) > MAX_QUESTIONS or any(
        len(fi) > 500 or len(sv) > 500 for fi, sv in data.questions
    ):
        errors["questions_fi"] = [
            _("Ask at most %(count)d questions of at most 500 characters.")
            % {"count": MAX_QUESTIONS}
        ]
    if data.reviewers:
        candidates = set(
            reviewer_candidates(municipality)
            .filter(pk__in=[user.pk for user in data.reviewers])
            .values_list("pk", flat=True)
        )
        if any(user.pk not in candidates for user in data.reviewers):
            errors["reviewers"] = [
                _("Choose reviewers who work for %(municipality)s.")
                % {"municipality": municipality}
            ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def grant_round_save(
    *,
    user,
    municipality: Municipality,
    data: GrantRoundData,
    grant_round: GrantRound | None = None,
    loaded_version: str | None = None,
) -> GrantRound:
    """Prepare a round of the municipality (a draft) or change one."""
    who = signed_in_or_none(user)
    if grant_round is None:
        authorize(user, "grants.add_round", municipality)
        grant_round = GrantRound(municipality=municipality, created_by=who)
    else:
        authorize(
            user, "grants.change_round", grant_round, visible=("grants.view_round", grant_round)
        )
        grant_round = locked_unchanged(
            GrantRound.objects.select_related("municipality"),
            grant_round.pk,
            loaded_version,
            what=lambda row: _("the grant round “%(name)s”") % {"name": row.name},
        )
        municipality = grant_round.municipality
    _validated(municipality, data)
    for name in TRANSLATED:
        for language in LANGUAGES:
            key = f"{name}_{language}"
            value = (data.texts.get(key) or "").strip()
            setattr(grant_round, key, value or (None if name == "name" else ""))
    grant_round.name = getattr(grant_round, "name_fi")  # noqa: B009 (modeltranslation)
    for name in ("kind", "budget", "period_starts_on", "period_ends_on", "opens_on", "closes_on"):
        setattr(grant_round, name, getattr(data, name))
    grant_round.updated_by = who
    validate_for_save(grant_round, exclude=("municipality",))
    grant_round.save()
    grant_round.goals.set(data.goals)
    grant_round.card_templates.set(data.card_templates)
    grant_round.reviewers.set(data.reviewers)
    _questions_set(grant_round, data.questions)
    return grant_round


def _questions_set(grant_round: GrantRound, questions: tuple[tuple[str, str], ...]) -> None:
    """The round's questions as given; once it has applications, only new questions are
    added and the texts of the others corrected, so that no answer loses its question."""
    existing = list(grant_round.questions.all())
    answered = grant_round.applications.exists()
    if answered and len(questions) < len(existing):
        raise ValidationError(
            {"questions_fi": [_("The round has applications: its questions are not removed.")]}
        )
    for position, (fi, sv) in enumerate(questions):
        if position < len(existing):
            question = existing[position]
            question.text_fi, question.text_sv, question.position = fi, sv, position
            question.save()
        else:
            RoundQuestion.objects.create(
                grant_round=grant_round, position=position, text_fi=fi, text_sv=sv
            )
    if not answered:
        for question in existing[len(questions) :]:
            question.delete()


@transaction.atomic
def grant_round_publish(*, user, grant_round: GrantRound) -> GrantRound:
    """Publish a round: everyone reads it from now on."""
    authorize(user, "grants.change_round", grant_round, visible=("grants.view_round", grant_round))
    grant_round = GrantRound.objects.select_for_update(of=("self",)).get(pk=grant_round.pk)
    if grant_round.published_at is None:
        grant_round.published_at = timezone.now()
        grant_round.updated_by = signed_in_or_none(user)
        grant_round.save(update_fields=["published_at", "updated_by", "updated_at"])
    return grant_round

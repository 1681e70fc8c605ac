"""Writes of ex-ante impact assessments: start one for a decision being prepared, fill it
in (the proposal, the effects on groups, on the domains of wellbeing and on the welfare
plan's goals, the alternatives, the views collected, the child's questions, the summary),
and publish it once the decision is made. Permission first, then validation, then the
write, in one transaction."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.practices.assessments.checklist import checklist, missing_titles
from elinvoima.practices.assessments.models import (
    CHILD_FIELDS,
    Assessment,
    DomainEffect,
    GoalEffect,
    GroupEffect,
)
from elinvoima.practices.enums import AssessmentKind, AssessmentState, Effect
from elinvoima.practices.hearings.models import Consultation, HearingRecord
from elinvoima.strategy.models import Goal, Plan

VIEW, CHANGE = "practices.view_assessment", "practices.change_assessment"
TEXTS = ("title", "proposal", "deciding_body", "alternatives", "views_summary", "summary")


@dataclass(frozen=True)
class AssessmentData:
    title: str
    kind: str = AssessmentKind.EVA
    proposal: str = ""
    deciding_body: str = ""
    decision_due: datetime.date | None = None
    plan: Plan | None = None
    alternatives: str = ""
    views_summary: str = ""
    summary: str = ""
    child: dict[str, str] = field(default_factory=dict)  # CHILD_FIELDS → answer
    groups: dict[str, tuple[str, str]] = field(default_factory=dict)  # group → (effect, how)
    domains: dict[str, tuple[str, str]] = field(default_factory=dict)
    goals: dict[int, tuple[str, str]] = field(default_factory=dict)  # goal id → (effect, how)
    consultations: list[Consultation] = field(default_factory=list)
    hearings: list[HearingRecord] = field(default_factory=list)


def assessment_version(assessment: Assessment) -> str:
    return assessment.updated_at.isoformat()


def _linked_checked(assessment: Assessment, data: AssessmentData) -> dict[str, list[str]]:
    """The plan, the consultations and the hearings are the owner's own."""
    owner = assessment.owner
    errors: dict[str, list[str]] = {}
    if data.plan is not None and data.plan.owner != owner:
        errors["plan"] = [_("Choose a plan of the same owner.")]
    if any(c.owner != owner for c in data.consultations):
        errors["consultations"] = [_("Choose consultations of the same owner.")]
    if any(h.calendar_item.owner != owner for h in data.hearings):
        errors["hearings"] = [_("Choose hearings of the same owner.")]
    if data.goals:
        goals = set(
            Goal.objects.filter(pk__in=data.goals, plan=data.plan).values_list("pk", flat=True)
        )
        if data.plan is None or goals != set(data.goals):
            errors["plan"] = [_("The goals must be of the chosen plan.")]
    for effects in (data.groups, data.domains, data.goals):
        if any(effect not in Effect.values for effect, _how in effects.values()):
            errors["__all__"] = [_("Choose an expected effect from the list.")]
    return errors


def _effects_set(model, assessment: Assessment, key: str, effects: dict) -> None:
    model.objects.filter(assessment=assessment).delete()
    model.objects.bulk_create(
        model(assessment=assessment, effect=effect, description=how.strip(), **{key: value})
        for value, (effect, how) in effects.items()
    )


@transaction.atomic
def assessment_save(
    *,
    user,
    data: AssessmentData,
    owner=None,
    assessment: Assessment | None = None,
    loaded_version: str | None = None,
) -> Assessment:
    """Start an assessment of the owner (a municipality or a county), or fill it in. A
    published assessment is the record of a decision made, and does not change."""
    who = signed_in_or_none(user)
    if assessment is None:
        authorize(user, "practices.add_assessment", owner)
        assessment = Assessment(created_by=who)
        assessment.owner_assign(owner)
    else:
        authorize(user, CHANGE, assessment, visible=(VIEW, assessment))
        assessment = locked_unchanged(
            Assessment.objects.all(),
            assessment.pk,
            loaded_version,
            what=lambda row: _("the assessment “%(title)s”") % {"title": row.title},
        )
    errors = _linked_checked(assessment, data)
    if errors:
        raise ValidationError(errors)
    for name in TEXTS:
        setattr(assessment, name, getattr(data, name).strip())
    for name in CHILD_FIELDS:
        setattr(assessment, name, data.child.get(name, "").strip())
    assessment.kind = data.kind
    assessment.decision_due = data.decision_due
    assessment.plan = data.plan
    assessment.updated_by = who
    validate_for_save(assessment)
    assessment.save()
    _effects_set(GroupEffect, assessment, "group", data.groups)
    _effects_set(DomainEffect, assessment, "domain", data.domains)
    _effects_set(GoalEffect, assessment, "goal_id", data.goals)
    assessment.consultations.set(data.consultations)
    assessment.hearings.set(data.hearings)
    return assessment


def views_count(assessment: Assessment) -> int:
    return assessment.consultations.count() + assessment.hearings.count()


@transaction.atomic
def assessment_publish(
    *, user, assessment: Assessment, decided_on: datetime.date, decision: str
) -> Assessment:
    """Record the decision and publish the assessment: it is public from now on. Every
    step of the checklist must be done."""
    authorize(user, CHANGE, assessment, visible=(VIEW, assessment))
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    errors: dict[str, list[str]] = {}
    missing = missing_titles(checklist(assessment, views_count=views_count(assessment)))
    if missing:
        errors["__all__"] = [
            _("Finish the assessment first: %(steps)s.") % {"steps": ", ".join(missing)}
        ]
    if decided_on > timezone.localdate():
        errors["decided_on"] = [_("Publish the assessment once the decision is made.")]
    if not decision.strip():
        errors["decision"] = [_("Say who decided what, and the minutes' section.")]
    if errors:
        raise ValidationError(errors)
    assessment.decided_on = decided_on
    assessment.decision = decision.strip()
    assessment.state = AssessmentState.PUBLISHED
    assessment.published_at = timezone.now()
    assessment.updated_by = signed_in_or_none(user)
    validate_for_save(assessment)
    assessment.save()
    return assessment

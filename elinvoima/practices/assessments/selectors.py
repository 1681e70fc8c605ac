"""Reads of ex-ante impact assessments: an owner's list (the published ones for everyone,
the drafts for those who work with the owner), one assessment with all it links to, and
what an owner's assessment can link to (its plans' goals, consultations and hearings)."""

from django.db.models import Prefetch, QuerySet

from elinvoima.practices.assessments.models import Assessment, GoalEffect
from elinvoima.practices.assessments.permissions import assessments_visible_to
from elinvoima.practices.hearings.models import Consultation, HearingRecord
from elinvoima.practices.hearings.selectors import hearings_of


def assessments_of(user, owner) -> QuerySet[Assessment]:
    return (
        assessments_visible_to(user)
        .filter(Assessment.owned_by_q(owner))
        .order_by("state", "-decided_on", "-created_at")
    )


def assessment_page(assessment: Assessment) -> Assessment:
    """The assessment with its effects, plan, consultations and hearings read at once."""
    return (
        Assessment.objects.select_related("plan", "municipality", "wellbeing_county")
        .prefetch_related(
            "group_effects",
            "domain_effects",
            Prefetch("goal_effects", GoalEffect.objects.select_related("goal")),
            "consultations",
            Prefetch("hearings", HearingRecord.objects.select_related("calendar_item")),
        )
        .get(pk=assessment.pk)
    )


def linkable_consultations(owner) -> QuerySet[Consultation]:
    return Consultation.objects.filter(Consultation.owned_by_q(owner)).order_by("-starts_on")


def linkable_hearings(owner) -> QuerySet[HearingRecord]:
    return hearings_of(owner)

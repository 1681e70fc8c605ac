"""Named predicates of the practice library, each with its queryset twin.

Anyone who works for an organisation may record a practice; its keepers (whoever recorded
it and the members of its organisation) edit it until it is published. Publishing needs an
editor's review — the platform admin or a county's HYTE official — and an editor never
reviews a record of their own. Published practices are public."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.owners import owner_managed_by, owner_worked_with
from elinvoima.actors.permissions import (
    is_platform_admin,
    manages_municipality,
    user_grants,
)
from elinvoima.practices.enums import AssessmentState, PracticeState


@rules.predicate
def works_for_an_organisation(user) -> bool:
    return bool(user_grants(user))


@rules.predicate
def is_editor(user) -> bool:
    return is_platform_admin(user) or any(
        grant.role == Role.COUNTY_OFFICIAL for grant in user_grants(user)
    )


@rules.predicate
def keeps_practice(user, practice) -> bool:
    if practice is None or not user.is_authenticated:
        return False
    return practice.created_by_id == user.pk or any(
        grant.organisation_id == practice.organisation_id for grant in user_grants(user)
    )


@rules.predicate
def is_published(user, practice) -> bool:
    return practice is not None and practice.state == PracticeState.PUBLISHED


@rules.predicate
def recorded_it(user, practice) -> bool:
    return practice is not None and user.is_authenticated and practice.created_by_id == user.pk


can_view = is_published | keeps_practice | is_editor
can_change = is_editor | (keeps_practice & ~is_published)  # editors include the admin
can_review = is_editor & ~recorded_it


def practices_visible_to(user) -> QuerySet:
    """The twin of `practices.view_practice`."""
    from .models import Practice

    if is_editor(user):
        return Practice.objects.all()
    visible = Q(state=PracticeState.PUBLISHED)
    if user.is_authenticated:
        organisations = {grant.organisation_id for grant in user_grants(user)}
        visible |= Q(created_by=user) | Q(organisation_id__in=organisations)
    return Practice.objects.filter(visible)


rules.add_perm("practices.add_practice", is_platform_admin | works_for_an_organisation)
rules.add_perm("practices.view_practice", can_view)
rules.add_perm("practices.change_practice", can_change)
rules.add_perm("practices.review_practice", can_review)
# Asked with a municipality: may the user record that it uses a practice?
rules.add_perm("practices.record_adoption", is_platform_admin | manages_municipality)


# --- Ex-ante impact assessments: those who act for the owner prepare them; those who work
# with it read the drafts; a published one (the decision made) is public. ----------------
@rules.predicate
def acts_for_owner(user, owned) -> bool:
    return owned is not None and owner_managed_by(user, owned.owner)


@rules.predicate
def works_with_owner(user, owned) -> bool:
    return owned is not None and owner_worked_with(user, owned.owner)


@rules.predicate
def assessment_published(user, assessment) -> bool:
    return assessment is not None and assessment.state == AssessmentState.PUBLISHED


@rules.predicate
def may_act_for(user, owner) -> bool:
    """Asked with a municipality or a county: may the user start its assessments and
    consultations?"""
    return owner is not None and owner_managed_by(user, owner)


@rules.predicate
def may_work_with(user, owner) -> bool:
    return owner is not None and owner_worked_with(user, owner)


def assessments_visible_to(user) -> QuerySet:
    """The twin of `practices.view_assessment`."""
    from .assessments.models import Assessment

    visible = Q(state=AssessmentState.PUBLISHED)
    if user.is_authenticated:
        visible |= Assessment.worked_with_q(user)
    return Assessment.objects.filter(visible)


rules.add_perm("practices.add_assessment", may_act_for)
rules.add_perm("practices.view_assessment", assessment_published | works_with_owner)
rules.add_perm("practices.change_assessment", acts_for_owner & ~assessment_published)


# --- Resident consultations: public once opened for answers; the answers one by one only
# for those who work with the owner. --------------------------------------------------------
@rules.predicate
def consultation_opened(user, consultation) -> bool:
    return consultation is not None and consultation.published_at is not None


def consultations_visible_to(user) -> QuerySet:
    """The twin of `practices.view_consultation`."""
    from .hearings.models import Consultation

    visible = Q(published_at__isnull=False)
    if user.is_authenticated:
        visible |= Consultation.worked_with_q(user)
    return Consultation.objects.filter(visible)


rules.add_perm("practices.add_consultation", may_act_for)
rules.add_perm("practices.view_consultation", consultation_opened | works_with_owner)
rules.add_perm("practices.change_consultation", acts_for_owner)
rules.add_perm("practices.view_consultation_answers", works_with_owner)


# --- Hearings in person: records of the annual clock's events, kept and read with the
# clock (a municipality's and a county's clock is public). -----------------------------------
@rules.predicate
def keeps_hearing_item(user, hearing) -> bool:
    return hearing is not None and user.has_perm(
        "networks.change_calendar_item", hearing.calendar_item
    )


@rules.predicate
def sees_hearing_clock(user, hearing) -> bool:
    return hearing is not None and user.has_perm("networks.view_clock", hearing.calendar_item.owner)


rules.add_perm("practices.view_hearing", sees_hearing_clock)
rules.add_perm("practices.change_hearing", keeps_hearing_item)


# --- The partnership roadmap: asked with the municipality. ---------------------------------
rules.add_perm("practices.view_roadmap", may_work_with)
rules.add_perm("practices.change_roadmap", may_act_for)

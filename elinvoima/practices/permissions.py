"""Named predicates of the practice library, each with its queryset twin.

Anyone who works for an organisation may record a practice; its keepers (whoever recorded
it and the members of its organisation) edit it until it is published. Publishing needs an
editor's review — the platform admin or a county's HYTE official — and an editor never
reviews a record of their own. Published practices are public."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import (
    is_platform_admin,
    manages_municipality,
    user_grants,
)
from elinvoima.practices.assessments import permissions as _assessments  # noqa: F401
from elinvoima.practices.enums import PracticeState
from elinvoima.practices.hearings.permissions import may_act_for, may_work_with


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


# --- The partnership roadmap: asked with the municipality. ---------------------------------
# (The rules of assessments and hearings are in their packages' permissions modules.)
rules.add_perm("practices.view_roadmap", may_work_with)
rules.add_perm("practices.change_roadmap", may_act_for)

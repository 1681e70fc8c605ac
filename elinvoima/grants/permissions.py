"""Named predicates of grants, each with its queryset twin. A municipality's welfare
coordinators prepare and publish its grant rounds; a published round is public.

An association's representatives apply for it to a published round; the application is
theirs, and the round's coordinators read it once it is submitted (a draft is not theirs to
read). No other applicant reads it."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import (
    is_platform_admin,
    manages_municipality,
    municipality_ids_for,
    represented_organisation_ids,
    represents_organisation,
)
from elinvoima.grants.enums import ApplicationState
from elinvoima.grants.models import GrantApplication, GrantRound


@rules.predicate
def coordinates_grants(user, obj) -> bool:
    """The welfare coordinators of the municipality of a round (or of the municipality)."""
    if isinstance(obj, GrantApplication):
        obj = obj.grant_round
    municipality = obj.municipality if isinstance(obj, GrantRound) else obj
    return obj is not None and manages_municipality(user, municipality)


@rules.predicate
def is_published(user, grant_round) -> bool:
    return grant_round is not None and grant_round.published_at is not None


@rules.predicate
def represents_applicant(user, application) -> bool:
    return application is not None and represents_organisation(user, application.organisation)


@rules.predicate
def is_submitted(user, application) -> bool:
    return application is not None and application.state != ApplicationState.DRAFT


@rules.predicate
def represents_association_of(user, grant_round) -> bool:
    """Representatives of an organisation of the round's municipality."""
    return grant_round is not None and bool(
        represented_organisation_ids(user, municipality_id=grant_round.municipality_id)
    )


# The object: the municipality whose rounds are prepared.
rules.add_perm("grants.add_round", is_platform_admin | coordinates_grants)
# The object: a round.
rules.add_perm("grants.view_round", is_platform_admin | is_published | coordinates_grants)
rules.add_perm("grants.change_round", is_platform_admin | coordinates_grants)
# The object: a round. Its applications, listed for its coordinators.
rules.add_perm("grants.view_applications", is_platform_admin | coordinates_grants)
# The object: a round. Whether the user applies to it for an association of its
# municipality they represent.
rules.add_perm("grants.apply", is_published & represents_association_of)
# The object: an application.
rules.add_perm(
    "grants.view_application",
    is_platform_admin | represents_applicant | (is_submitted & coordinates_grants),
)
rules.add_perm("grants.change_application", is_platform_admin | represents_applicant)


def rounds_visible_to(user) -> QuerySet[GrantRound]:
    """The queryset twin of `grants.view_round`."""
    rounds = GrantRound.objects.all()
    if is_platform_admin(user):
        return rounds
    visible = Q(published_at__isnull=False)
    if user.is_authenticated:
        visible |= Q(municipality_id__in=municipality_ids_for(user, Role.COORDINATOR))
    return rounds.filter(visible)


def applications_visible_to(user) -> QuerySet[GrantApplication]:
    """The queryset twin of `grants.view_application`."""
    applications = GrantApplication.objects.all()
    if is_platform_admin(user):
        return applications
    if not user.is_authenticated:
        return applications.none()
    return applications.filter(
        Q(organisation_id__in=represented_organisation_ids(user))
        | (
            ~Q(state=ApplicationState.DRAFT)
            & Q(grant_round__municipality_id__in=municipality_ids_for(user, Role.COORDINATOR))
        )
    )

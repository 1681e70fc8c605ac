"""Named predicates of grants, each with its queryset twin. A municipality's welfare
coordinators prepare and publish its grant rounds; a published round is public."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import (
    is_platform_admin,
    manages_municipality,
    municipality_ids_for,
)
from elinvoima.grants.models import GrantRound


@rules.predicate
def coordinates_grants(user, obj) -> bool:
    """The welfare coordinators of the municipality of a round (or of the municipality)."""
    municipality = obj.municipality if isinstance(obj, GrantRound) else obj
    return obj is not None and manages_municipality(user, municipality)


@rules.predicate
def is_published(user, grant_round) -> bool:
    return grant_round is not None and grant_round.published_at is not None


# The object: the municipality whose rounds are prepared.
rules.add_perm("grants.add_round", is_platform_admin | coordinates_grants)
# The object: a round.
rules.add_perm("grants.view_round", is_platform_admin | is_published | coordinates_grants)
rules.add_perm("grants.change_round", is_platform_admin | coordinates_grants)


def rounds_visible_to(user) -> QuerySet[GrantRound]:
    """The queryset twin of `grants.view_round`."""
    rounds = GrantRound.objects.all()
    if is_platform_admin(user):
        return rounds
    visible = Q(published_at__isnull=False)
    if user.is_authenticated:
        visible |= Q(municipality_id__in=municipality_ids_for(user, Role.COORDINATOR))
    return rounds.filter(visible)

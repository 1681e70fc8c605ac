"""Reads of grant rounds for their pages."""

from django.db.models import QuerySet

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.models import Municipality, User
from elinvoima.cards.models import CardTemplate
from elinvoima.grants.models import GrantRound
from elinvoima.grants.permissions import rounds_visible_to
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal


def rounds_of(user, municipality: Municipality) -> QuerySet[GrantRound]:
    return rounds_visible_to(user).filter(municipality=municipality).order_by("-opens_on", "-pk")


def goals_for_rounds(municipality: Municipality) -> QuerySet[Goal]:
    """The goals of the municipality's approved welfare plans a round can name."""
    return (
        Goal.objects.filter(plan__municipality=municipality, plan__state=PlanState.APPROVED)
        .select_related("plan")
        .order_by("-plan__start_year", "priority_area__position", "position", "pk")
    )


def cards_for_rounds(municipality: Municipality) -> QuerySet[CardTemplate]:
    return (
        CardTemplate.objects.filter(decision__municipality=municipality)
        .select_related("decision")
        .order_by("-decision__year", "position", "pk")
    )


def reviewer_candidates(municipality: Municipality) -> QuerySet[User]:
    """Who may review the municipality's applications: its coordinators, officials and
    councillors (through the municipality or one of its departments)."""
    return (
        User.objects.filter(
            memberships__organisation__municipality=municipality,
            memberships__organisation__kind__in=(
                OrganisationKind.MUNICIPALITY,
                OrganisationKind.MUNICIPAL_DEPARTMENT,
            ),
            memberships__role__in=(Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR),
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )

"""Reads of grant rounds for their pages."""

from django.db.models import QuerySet

from elinvoima.actors.models import Municipality
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

"""Named predicates of wellbeing cards, each with its queryset twin.

A municipality's welfare coordinators record the yearly decision, set up the cards, comment
on and accept the answers. An association's representatives answer for it, when it is
invited. The cards themselves (the municipality's decision and its questions) are public;
an answer is read by its association and by those who work in the municipality, and by
everyone once the municipality has accepted it.
"""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import (
    is_platform_admin,
    manages_municipality,
    municipality_ids_for,
    represents_organisation,
    user_grants,
    works_in_municipality,
)
from elinvoima.cards.enums import ResponseState
from elinvoima.cards.models import CardResponse, CardTemplate


def _municipality_of(obj):
    if isinstance(obj, CardResponse):
        obj = obj.template
    if isinstance(obj, CardTemplate):
        return obj.decision.municipality
    return obj


@rules.predicate
def coordinates_cards(user, obj) -> bool:
    """The welfare coordinators of the municipality of a card, an answer or a municipality."""
    return obj is not None and manages_municipality(user, _municipality_of(obj))


@rules.predicate
def works_with_cards(user, obj) -> bool:
    """Coordinators, officials and councillors of the card's municipality."""
    return obj is not None and works_in_municipality(user, _municipality_of(obj))


@rules.predicate
def answers_for(user, response) -> bool:
    """The representatives of the answering association."""
    return response is not None and represents_organisation(user, response.organisation)


@rules.predicate
def is_accepted(user, response) -> bool:
    return response is not None and response.state == ResponseState.ACCEPTED


can_view_response = is_platform_admin | is_accepted | answers_for | works_with_cards
can_review_response = is_platform_admin | coordinates_cards

# The object: the municipality.
rules.add_perm("cards.record_decision", is_platform_admin | coordinates_cards)
# The object: the card.
rules.add_perm("cards.change_template", is_platform_admin | coordinates_cards)
# The object: the organisation that answers.
rules.add_perm("cards.answer_for", is_platform_admin | represents_organisation)
# The object: an answer.
rules.add_perm("cards.view_response", can_view_response)
rules.add_perm("cards.review_response", can_review_response)


def represented_organisation_ids(user) -> set[int]:
    """The organisations the user answers cards for (as their association representative)."""
    return {
        grant.organisation_id
        for grant in user_grants(user)
        if grant.role == Role.ASSOCIATION_REPRESENTATIVE
    }


def responses_visible_to(user) -> QuerySet[CardResponse]:
    """The queryset twin of `cards.view_response`."""
    responses = CardResponse.objects.all()
    if is_platform_admin(user):
        return responses
    visible = Q(state=ResponseState.ACCEPTED)
    if user.is_authenticated:
        representing = represented_organisation_ids(user)
        working = municipality_ids_for(user, Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR)
        visible |= Q(organisation_id__in=representing)
        visible |= Q(template__decision__municipality_id__in=working)
    return responses.filter(visible)

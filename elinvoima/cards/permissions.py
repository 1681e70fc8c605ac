"""Named predicates of wellbeing cards, each with its queryset twin.

A municipality's welfare coordinators record the yearly decision, set up the cards, comment
on and accept the answers. An association's representatives answer for it, when it is
invited. The cards themselves (the municipality's decision and its questions) are public;
an answer is read by its association and by those who work in the municipality, and by
everyone once the municipality has accepted it.

An association's representatives report its activities and keep its clubs; the activities
are read by them and by those who work in the municipality where they happened (the
council's summary counts them; one activity's details are not public).

A municipality's coordinators ask its associations for help; a request is read by those who
work in the municipality once it is sent, and by the representatives of the associations it
was sent to, who offer help for them.

An association's annual action plan and report are its representatives' own; once shared,
those who work in its home municipality read them too.
"""

from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import (
    is_platform_admin,
    manages_municipality,
    municipality_ids_for,
    represented_organisation_ids,
    represents_organisation,
    works_in_municipality,
)
from elinvoima.cards.enums import ResponseState
from elinvoima.cards.models import (
    Activity,
    AnnualDocument,
    CardResponse,
    CardTemplate,
    Club,
    CommunityCard,
    HelpRequest,
)


def _municipality_of(obj):
    if isinstance(obj, Activity | Club | CommunityCard | HelpRequest | AnnualDocument):
        return obj.municipality
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


@rules.predicate
def reports_for(user, obj) -> bool:
    """The representatives of the association of an activity or a club."""
    return obj is not None and represents_organisation(user, obj.organisation)


@rules.predicate
def works_in_home_municipality(user, organisation) -> bool:
    """Coordinators, officials and councillors of the organisation's home municipality."""
    return organisation is not None and works_in_municipality(user, organisation.municipality)


@rules.predicate
def keeps_community_card(user, card) -> bool:
    """The representatives of the organisation that keeps a community card."""
    return (
        card is not None and card.keeper is not None and represents_organisation(user, card.keeper)
    )


@rules.predicate
def represents_organisation_in(user, municipality) -> bool:
    """Representatives of an organisation of the municipality (a village association)."""
    return municipality is not None and bool(
        represented_organisation_ids(user, municipality_id=municipality.pk)
    )


@rules.predicate
def is_sent(user, help_request) -> bool:
    return help_request is not None and help_request.sent_at is not None


@rules.predicate
def receives_help_request(user, help_request) -> bool:
    """The representatives of an association a help request was sent to."""
    if help_request is None or help_request.sent_at is None:
        return False
    representing = represented_organisation_ids(user)
    return bool(representing) and help_request.recipients.filter(pk__in=representing).exists()


@rules.predicate
def is_shared(user, document) -> bool:
    return document is not None and document.shared_at is not None


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
# The object: the municipality whose summary of a year's cards is read.
rules.add_perm("cards.view_summary", is_platform_admin | works_with_cards)
# The object: the municipality a community card is made in; then the card.
rules.add_perm(
    "cards.add_community_card",
    is_platform_admin | coordinates_cards | represents_organisation_in,
)
rules.add_perm(
    "cards.change_community_card", is_platform_admin | coordinates_cards | keeps_community_card
)
# The object: the organisation whose activities are reported or listed.
rules.add_perm("cards.report_activity", is_platform_admin | represents_organisation)
rules.add_perm(
    "cards.view_activities",
    is_platform_admin | represents_organisation | works_in_home_municipality,
)
# The object: the municipality whose help requests are listed or that asks for help.
rules.add_perm(
    "cards.view_help_requests",
    is_platform_admin | works_with_cards | represents_organisation_in,
)
rules.add_perm("cards.ask_help", is_platform_admin | coordinates_cards)
# The object: a help request.
rules.add_perm(
    "cards.view_help_request",
    is_platform_admin | coordinates_cards | (is_sent & works_with_cards) | receives_help_request,
)
rules.add_perm("cards.change_help_request", is_platform_admin | coordinates_cards)
rules.add_perm("cards.offer_help", is_platform_admin | receives_help_request)
# The object: the organisation whose annual plans and reports are listed or made.
rules.add_perm(
    "cards.view_annual_documents",
    is_platform_admin | represents_organisation | works_in_home_municipality,
)
rules.add_perm("cards.make_annual_document", is_platform_admin | represents_organisation)
# The object: an annual plan or report.
rules.add_perm(
    "cards.view_annual_document",
    is_platform_admin | reports_for | (is_shared & works_with_cards),
)
rules.add_perm("cards.change_annual_document", is_platform_admin | reports_for)
# The object: an activity or a club.
rules.add_perm("cards.change_activity", is_platform_admin | reports_for)
rules.add_perm("cards.view_activity", is_platform_admin | reports_for | works_with_cards)


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


def activities_visible_to(user) -> QuerySet[Activity]:
    """The queryset twin of `cards.view_activity`."""
    activities = Activity.objects.all()
    if is_platform_admin(user):
        return activities
    if not user.is_authenticated:
        return activities.none()
    representing = represented_organisation_ids(user)
    working = municipality_ids_for(user, Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR)
    return activities.filter(Q(organisation_id__in=representing) | Q(municipality_id__in=working))


def help_requests_visible_to(user) -> QuerySet[HelpRequest]:
    """The queryset twin of `cards.view_help_request`."""
    requests = HelpRequest.objects.all()
    if is_platform_admin(user):
        return requests
    if not user.is_authenticated:
        return requests.none()
    coordinating = municipality_ids_for(user, Role.COORDINATOR)
    working = municipality_ids_for(user, Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR)
    # (Any: django-stubs types an automatic `through` model as Never.)
    recipient_link: Any = HelpRequest.recipients.through
    received = recipient_link.objects.filter(
        helprequest_id=OuterRef("pk"), organisation_id__in=represented_organisation_ids(user)
    )
    return requests.filter(
        Q(municipality_id__in=coordinating)
        | Q(sent_at__isnull=False) & (Q(municipality_id__in=working) | Q(Exists(received)))
    )


def annual_documents_visible_to(user) -> QuerySet[AnnualDocument]:
    """The queryset twin of `cards.view_annual_document`."""
    documents = AnnualDocument.objects.all()
    if is_platform_admin(user):
        return documents
    if not user.is_authenticated:
        return documents.none()
    working = municipality_ids_for(user, Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR)
    return documents.filter(
        Q(organisation_id__in=represented_organisation_ids(user))
        | Q(shared_at__isnull=False, municipality_id__in=working)
    )

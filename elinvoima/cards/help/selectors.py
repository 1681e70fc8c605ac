"""Reads of help requests: a municipality's list, one request's page, what waits for an
association on its dashboard, and the goals a request can serve."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from elinvoima.actors.models import Municipality
from elinvoima.cards.help.models import HelpOffer, HelpRequest
from elinvoima.cards.models import CardTemplate
from elinvoima.cards.permissions import help_requests_visible_to, represented_organisation_ids
from elinvoima.strategy.models import Goal


def help_requests_of(user, municipality: Municipality) -> QuerySet[HelpRequest]:
    """The municipality's requests the user may see, the latest first, with their offers
    counted."""
    return (
        help_requests_visible_to(user)
        .filter(municipality=municipality)
        .annotate(offer_count=Count("offers", distinct=True))
        .order_by("-starts_on", "-pk")
    )


def offers_shown(user, help_request: HelpRequest) -> QuerySet[HelpOffer]:
    """All offers for those who may change the request; an association's own otherwise."""
    offers = help_request.offers.select_related("organisation", "activity", "updated_by")
    if user.has_perm("cards.change_help_request", help_request):
        return offers
    return offers.filter(organisation_id__in=represented_organisation_ids(user))


def help_requests_to_answer(user) -> QuerySet[HelpRequest]:
    """Open requests sent to an association the user represents that it has not answered."""
    representing = represented_organisation_ids(user)
    if not representing:
        return HelpRequest.objects.none()
    answered = HelpOffer.objects.filter(request=OuterRef("pk"), organisation_id__in=representing)
    return (
        HelpRequest.objects.filter(
            recipients__in=representing,
            closed_at__isnull=True,
            answer_by__gte=timezone.localdate(),
        )
        .exclude(Exists(answered))
        .distinct()
        .order_by("answer_by", "pk")
    )


def goals_for_help(municipality: Municipality, day: datetime.date, chosen=()) -> QuerySet[Goal]:
    """The rows of the municipality's wellbeing cards of the year (and any already chosen):
    the goals a help request can serve."""
    card_goals = CardTemplate.objects.filter(
        decision__municipality=municipality, decision__year=day.year
    ).values("goal_id")
    return (
        Goal.objects.filter(
            Q(pk__in=card_goals, sub_goals__isnull=True)
            | Q(parent_id__in=card_goals)
            | Q(pk__in=[goal.pk for goal in chosen])
        )
        .distinct()
        .select_related("plan")
        .order_by("parent__position", "position", "pk")
    )

"""What the cards app adds to the portal (core.registry): the cards and help requests tabs
of a municipality, the activities and annual documents tabs of an organisation, what waits
on the dashboard (cards and help requests to answer, answers to review), the pages and the
demo cards."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.core.registry import (
    ApiRoute,
    CalendarSource,
    DashboardWork,
    DemoLoader,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)

from .api import (
    ActivityViewSet,
    CardResponseViewSet,
    CardTemplateViewSet,
    CommunityCardViewSet,
)
from .calendar import card_closing_dates
from .demo import cards_demo_load
from .help.selectors import help_requests_to_answer
from .selectors import cards_to_answer, responses_to_review


def _work(user):
    if not user.is_authenticated:
        return
    waiting = cards_to_answer(user)
    if waiting:
        yield WorkItem(
            ngettext("wellbeing card to answer", "wellbeing cards to answer", len(waiting)),
            len(waiting),
            reverse("cards:card", kwargs={"pk": waiting[0]}),
        )
    asking = list(help_requests_to_answer(user).values_list("pk", flat=True))
    if asking:
        yield WorkItem(
            ngettext("help request to answer", "help requests to answer", len(asking)),
            len(asking),
            reverse("cards:help-request", kwargs={"pk": asking[0]}),
        )
    to_review = responses_to_review(user)
    if to_review:
        code, count = to_review[0], len(to_review)
        yield WorkItem(
            ngettext("card answer to review", "card answers to review", count),
            count,
            reverse("cards:municipality-cards", kwargs={"code": code}),
        )


def register(registry: Registry) -> None:
    registry.add(
        Tab(
            "municipality",
            _("Wellbeing cards"),
            "cards:municipality-cards",
            lambda municipality: {"code": municipality.code},
            order=25,
        ),
        Tab(
            "municipality",
            _("Help requests"),
            "cards:help-requests",
            lambda municipality: {"code": municipality.code},
            order=26,
            predicate="cards.view_help_requests",
        ),
        Tab(
            "organisation",
            _("Activities"),
            "cards:organisation-activities",
            lambda organisation: {"pk": organisation.pk},
            order=25,
            predicate="cards.view_activities",
        ),
        Tab(
            "organisation",
            _("Action plans and annual reports"),
            "cards:organisation-annual",
            lambda organisation: {"pk": organisation.pk},
            order=26,
            predicate="cards.view_annual_documents",
        ),
        DashboardWork(_work, order=25),
        UrlModule("elinvoima.cards.urls"),
        ApiRoute("card-templates", CardTemplateViewSet, "card-template"),
        ApiRoute("card-responses", CardResponseViewSet, "card-response"),
        ApiRoute("activities", ActivityViewSet, "activity"),
        ApiRoute("community-cards", CommunityCardViewSet, "community-card"),
        CalendarSource(card_closing_dates, order=30),
        DemoLoader("cards", cards_demo_load),
    )

"""What participatory budgeting adds to the portal (core.registry): the tab of a
municipality, its pages and API, the dashboard's work and the demo budget."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.core.registry import (
    ApiRoute,
    DashboardWork,
    DemoLoader,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)

from .api import BallotViewSet, BudgetViewSet
from .demo import budgeting_demo_load
from .selectors import budgets_to_lead, budgets_to_vote_in


def _work(user):
    if not user.is_authenticated:
        return
    to_vote = budgets_to_vote_in(user)
    if to_vote:
        yield WorkItem(
            ngettext(
                "participatory budget to vote in", "participatory budgets to vote in", len(to_vote)
            ),
            len(to_vote),
            reverse("budgeting:budget", kwargs={"pk": to_vote[0]}),
        )
    to_lead = budgets_to_lead(user)
    if to_lead:
        yield WorkItem(
            ngettext(
                "participatory budget waiting for you",
                "participatory budgets waiting for you",
                len(to_lead),
            ),
            len(to_lead),
            reverse("budgeting:budget", kwargs={"pk": to_lead[0]}),
        )


def register(registry: Registry) -> None:
    registry.add(
        Tab(
            "municipality",
            _("Participatory budgeting"),
            "budgeting:municipality-budgets",
            lambda municipality: {"code": municipality.code},
            order=28,
        ),
        UrlModule("elinvoima.budgeting.urls"),
        ApiRoute("budgets", BudgetViewSet, "budget"),
        ApiRoute("ballots", BallotViewSet, "ballot"),
        DashboardWork(_work, order=28),
        DemoLoader("budgeting", budgeting_demo_load),
    )

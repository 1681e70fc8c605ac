"""The budgeting tests' world: a municipality's network with two member associations (and
a company, which does not vote), a measure of its plan, its coordinator, and a budget in
the voting phase with three accepted proposals."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from elinvoima.budgeting.enums import VotingRule
from elinvoima.budgeting.models import Budget
from elinvoima.budgeting.services import (
    BudgetData,
    ProposalData,
    budget_advance,
    budget_save,
    proposal_review,
    proposal_save,
)
from tests.factories.actors import (
    MunicipalityFactory,
    OrganisationFactory,
    coordinator_of,
    representative_of,
)
from tests.factories.networks import NetworkFactory
from tests.factories.strategy import GoalFactory, MeasureFactory, PlanFactory, PriorityAreaFactory

TODAY = timezone.localdate()


def budget_data(network, **changes) -> BudgetData:
    values = {
        "network": network,
        "texts": {"name_fi": "Lapsiperhetoiminnan avustukset"},
        "amount": Decimal("6000"),
        "period_starts_on": datetime.date(TODAY.year, 1, 1),
        "period_ends_on": datetime.date(TODAY.year, 12, 31),
        "rule": VotingRule.KNAPSACK,
        "min_share": 50,
        "voting_closes_at": timezone.now() + datetime.timedelta(days=7),
    }
    return BudgetData(**{**values, **changes})


def advanced(budget: Budget, times: int = 1) -> Budget:
    for _ in range(times):
        budget = budget_advance(user=None, budget=Budget.objects.get(pk=budget.pk))
    return budget


@pytest.fixture
def world(db):
    municipality = MunicipalityFactory()
    plan = PlanFactory(municipality=municipality, approved=True)
    goal = GoalFactory(priority_area=PriorityAreaFactory(plan=plan))
    measure = MeasureFactory(goal=goal, title_fi="Perhekahvila")
    mll = OrganisationFactory(kind="association", municipality=municipality)
    sports = OrganisationFactory(kind="sports_club", municipality=municipality)
    company = OrganisationFactory(kind="company", municipality=municipality)
    network = NetworkFactory(municipality=municipality, members=[mll, sports, company])
    coordinator = coordinator_of(municipality)
    budget = budget_save(user=coordinator, municipality=municipality, data=budget_data(network))
    budget = advanced(budget, 2)  # taking proposals
    proposals = [
        proposal_save(
            user=None,
            budget=budget,
            organisation=organisation,
            data=ProposalData(texts={"title_fi": title}, cost=Decimal(cost), measure=measure),
        )
        for title, cost, organisation in (
            ("Perhekahvila", "2500", mll),
            ("Kyläkerhot", "2500", mll),
            ("Liikuntavuoro", "2000", sports),
        )
    ]
    budget = advanced(budget)  # reviewing
    for proposal in proposals:
        proposal_review(user=None, proposal=proposal, accepted=True)
    budget = advanced(budget)  # voting
    return {
        "municipality": municipality,
        "measure": measure,
        "network": network,
        "coordinator": coordinator,
        "mll": mll,
        "sports": sports,
        "company": company,
        "mll_rep": representative_of(mll),
        "sports_rep": representative_of(sports),
        "company_rep": representative_of(company),
        "budget": budget,
        "proposals": proposals,
    }

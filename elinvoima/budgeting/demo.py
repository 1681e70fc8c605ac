"""The demo's participatory budgeting (seed 000, Vaala): the age-group network of children
and families divides this year's operating grants. Its associations proposed, the
coordinator reviewed, they voted, the result was published and the welfare committee
approved it: the funded proposals became grants on the measures of the welfare plan.
Next year's division is being voted on; the sports club has voted, MLL not yet."""

import datetime
from decimal import Decimal

from django.utils import timezone

from elinvoima.actors.models import Organisation
from elinvoima.budgeting.enums import DecisionOutcome, VotingRule
from elinvoima.budgeting.models import Budget
from elinvoima.budgeting.services import (
    BudgetData,
    DecisionData,
    ProposalData,
    ballot_cast,
    budget_advance,
    budget_decide,
    budget_save,
    proposal_review,
    proposal_save,
)
from elinvoima.core.demo import DemoContext
from elinvoima.networks.models import Network
from elinvoima.strategy.models import Measure

NETWORK = "Vaalan ikäkausiverkosto: lapset ja lapsiperheet"
MLL, SPORTS = "MLL Vaalan yhdistys ry", "Vaalan Urheilijat ry"
# (title fi, title sv, cost, proposer, measure title). No cost falls in 1900–2099: the
# role × URL test takes such a number, grouped, for a year written wrong.
PROPOSALS = [
    (
        "Perhekahvilan ohjaaja ja tarjoilut",
        "Familjecaféets ledare och servering",
        "2500",
        MLL,
        "Perhekahvila kerran viikossa seurakuntatalolla",
    ),
    (
        "Kyläkerhot Otermalla ja Säräisniemellä",
        "Byklubbar i Oterma och Säräisniemi",
        "2400",
        MLL,
        "Kyläkerhot lapsiperheille Otermalla ja Säräisniemellä",
    ),
    (
        "Perheiden liikuntavuoro liikuntahallissa",
        "Familjernas idrottstur i idrottshallen",
        "1800",
        SPORTS,
        "Maksuton harrastusvuoro nuorille liikuntahallissa",
    ),
]
# The proposals (by position above) each association votes for.
BALLOTS = {MLL: (0, 1), SPORTS: (2, 0)}


def budgeting_demo_load(context: DemoContext) -> None:
    network = Network.objects.filter(name_fi=NETWORK).select_related("municipality").first()
    if network is None or Budget.objects.filter(network=network).exists():
        return
    associations = {
        org.name_fi: org for org in Organisation.objects.filter(name_fi__in=(MLL, SPORTS))
    }
    if len(associations) < 2:
        return
    year = timezone.localdate().year
    decided = _voted(network, associations, year, voters=(MLL, SPORTS))
    budget_advance(user=None, budget=decided)  # the votes counted
    Budget.objects.filter(pk=decided.pk).update(voting_closes_at=timezone.now())
    decided = budget_advance(user=None, budget=Budget.objects.get(pk=decided.pk))  # published
    budget_decide(
        user=None,
        budget=decided,
        data=DecisionData(
            outcome=DecisionOutcome.APPROVED,
            body="Hyvinvointilautakunta § 14",
            decided_on=timezone.localdate(),
        ),
    )
    _voted(network, associations, year + 1, voters=(SPORTS,))
    context.count("participatory budgets", 2)


def _voted(network, associations, year, *, voters) -> Budget:
    """A budget of the network for the year, through proposals and review to the vote,
    with the ballots of `voters` cast."""
    budget = budget_save(
        user=None,
        municipality=network.municipality,
        data=BudgetData(
            network=network,
            texts={
                "name_fi": f"Lapsiperhetoiminnan avustukset {year}",
                "name_sv": f"Bidrag till verksamhet för barnfamiljer {year}",
                "description_fi": "Verkoston yhdistysjäsenet esittävät, miten järjestöjen "
                "toiminta-avustukset jaetaan. Avustus suuntautuu hyvinvointisuunnitelmaan "
                "kirjattujen toimenpiteiden toteuttamiseen.",
            },
            amount=Decimal("6000"),
            period_starts_on=datetime.date(year, 1, 1),
            period_ends_on=datetime.date(year, 12, 31),
            rule=VotingRule.KNAPSACK,
            min_share=50,
            voting_closes_at=timezone.now() + datetime.timedelta(days=14),
        ),
    )
    budget_advance(user=None, budget=budget)  # informing
    budget = budget_advance(user=None, budget=Budget.objects.get(pk=budget.pk))  # proposals
    measures = {
        m.title_fi: m for m in Measure.objects.filter(plan__municipality=network.municipality)
    }
    proposals = []
    for title_fi, title_sv, cost, proposer, measure in PROPOSALS:
        proposals.append(
            proposal_save(
                user=None,
                budget=budget,
                organisation=associations[proposer],
                data=ProposalData(
                    texts={"title_fi": title_fi, "title_sv": title_sv},
                    cost=Decimal(cost),
                    measure=measures.get(measure),
                ),
            )
        )
    budget = budget_advance(user=None, budget=Budget.objects.get(pk=budget.pk))  # review
    for proposal in proposals:
        proposal_review(user=None, proposal=proposal, accepted=True)
    budget = budget_advance(user=None, budget=Budget.objects.get(pk=budget.pk))  # voting
    for voter in voters:
        ballot_cast(
            user=None,
            budget=budget,
            voter=associations[voter],
            proposal_ids=[proposals[i].pk for i in BALLOTS[voter]],
        )
    return Budget.objects.get(pk=budget.pk)

"""The documented rule by which a budget's result is counted (issue 15: "results computed
by a documented rule (by votes, within budget, ties broken reproducibly)").

1. Every accepted proposal gets one vote from each ballot that chose it.
2. The proposals are ranked by votes, most first. Equal votes are ranked by cost, the
   cheaper first (more proposals fit), and then by the order they were made (the older
   first): the same ballots always give the same ranking.
3. Going down the ranking, a proposal is funded if its cost fits in what is left of the
   budget; one that does not fit is passed over and the next ones are still tried (as in
   Decidim and Consul Democracy). A proposal without votes is not funded.

The same rule holds whatever the voting rule of the ballots was; a network that agreed its
proposal at a meeting records the funded proposals itself."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from elinvoima.budgeting.enums import ProposalState
from elinvoima.budgeting.models import BallotChoice, Budget, Proposal


@dataclass(frozen=True)
class Counted:
    proposal_id: int
    cost: Decimal
    votes: int


def ranked(counted: list[Counted]) -> list[Counted]:
    """Rule 2: by votes, then the cheaper, then the older (a smaller id)."""
    return sorted(counted, key=lambda row: (-row.votes, row.cost, row.proposal_id))


def funded_ids(counted: list[Counted], amount: Decimal) -> list[int]:
    """Rule 3: the ids of the funded proposals, in the order of the ranking."""
    left, funded = amount, []
    for row in ranked(counted):
        if row.votes > 0 and row.cost <= left:
            funded.append(row.proposal_id)
            left -= row.cost
    return funded


def count_votes(budget: Budget) -> list[Counted]:
    """Rule 1, in the database: one aggregate over the choices of the budget's ballots."""
    votes = dict(
        BallotChoice.objects.filter(proposal__budget=budget)
        .values("proposal_id")
        .annotate(votes=Count("id"))
        .values_list("proposal_id", "votes")
    )
    accepted = Proposal.objects.filter(budget=budget, state=ProposalState.ACCEPTED).values_list(
        "pk", "cost"
    )
    return [Counted(pk, cost, votes.get(pk, 0)) for pk, cost in accepted]

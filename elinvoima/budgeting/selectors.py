"""Reads of participatory budgeting for the pages, the API and the dashboard."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from elinvoima.actors.enums import Role
from elinvoima.actors.models import Municipality, Organisation
from elinvoima.actors.permissions import municipality_ids_for, represented_organisation_ids
from elinvoima.budgeting.enums import Phase, ProposalState
from elinvoima.budgeting.models import Ballot, Budget, Proposal, VotingCode, voter_key_of
from elinvoima.budgeting.permissions import budgets_visible_to, voter_ids
from elinvoima.networks.models import Network
from elinvoima.strategy.models import Measure


def budgets_of(user, municipality: Municipality) -> QuerySet[Budget]:
    return (
        budgets_visible_to(user)
        .filter(municipality=municipality)
        .select_related("network")
        .order_by("-period_starts_on", "-pk")
    )


def proposals_of(budget: Budget) -> QuerySet[Proposal]:
    """The budget's proposals: by the result once counted, else by title."""
    proposals = Proposal.objects.filter(budget=budget).select_related(
        "organisation", "measure__goal", "grant_application"
    )
    if budget.phase in (Phase.COUNTING, Phase.FINISHED):
        return proposals.order_by("-funded", "-votes", "cost", "pk")
    return proposals.order_by("title", "pk")


def accepted_proposals(budget: Budget) -> QuerySet[Proposal]:
    return (
        Proposal.objects.filter(budget=budget, state=ProposalState.ACCEPTED)
        .select_related("organisation", "measure")
        .order_by("title", "pk")
    )


def voters_for(user, budget: Budget) -> list[Organisation]:
    """The network's associations the user represents: those they propose and vote for."""
    ids = voter_ids(user, budget)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name")) if ids else []


def own_ballot(budget: Budget, voter: Organisation) -> Ballot | None:
    return (
        Ballot.objects.filter(budget=budget, voter_key=voter_key_of(voter))
        .prefetch_related("proposals")
        .first()
    )


def own_code_ballot(budget: Budget, voting_code: VotingCode | None) -> Ballot | None:
    if voting_code is None:
        return None
    return (
        Ballot.objects.filter(budget=budget, voter_key=f"code:{voting_code.pk}")
        .prefetch_related("proposals")
        .first()
    )


def networks_for_budgets(municipality: Municipality) -> QuerySet[Network]:
    return Network.objects.filter(municipality=municipality).order_by("name")


def measures_for_proposals(budget: Budget) -> QuerySet[Measure]:
    """The measures of the municipality's welfare plans a proposal can carry out."""
    return (
        Measure.objects.filter(plan__municipality_id=budget.municipality_id)
        .select_related("goal", "plan")
        .order_by("-plan__start_year", "goal__position", "position", "pk")
    )


def budgets_to_vote_in(user) -> list[int]:
    """Open votes of the networks of the user's associations where they have not voted
    (the budgets' ids, the first to close first)."""
    represented = represented_organisation_ids(user)
    if not represented:
        return []
    budgets = (
        Budget.objects.filter(
            phase=Phase.VOTING,
            voting_closes_at__gt=timezone.now(),
            network__members__in=represented,
        )
        .exclude(ballots__voter_id__in=represented)
        .order_by("voting_closes_at", "pk")
        .values_list("pk", flat=True)
        .distinct()
    )
    return list(budgets)


def budgets_to_lead(user) -> list[int]:
    """Budgets of the user's municipalities that wait for the coordinator: proposals to
    review, a closed vote to count, or a decision to record."""
    municipalities = municipality_ids_for(user, Role.COORDINATOR)
    if not municipalities:
        return []
    waiting = (
        Q(phase__in=(Phase.REVIEWING, Phase.COUNTING))
        | Q(phase=Phase.VOTING, voting_closes_at__lte=timezone.now())
        | Q(phase=Phase.FINISHED, decision_outcome="")
    )
    return list(
        Budget.objects.filter(waiting, municipality_id__in=municipalities)
        .order_by("pk")
        .values_list("pk", flat=True)
    )

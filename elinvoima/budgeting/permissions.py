"""Named predicates of participatory budgeting, each with its queryset twin.

The municipality's welfare coordinators prepare a budget and lead it through its phases; once
out of preparation it is public. The network's member associations propose (their
representatives) while it takes proposals and vote while the voting is open: one ballot per
association, which only the association reads. The votes are public once the results are
published (or while voting, where the budget shows them)."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.models import Organisation
from elinvoima.actors.permissions import (
    is_platform_admin,
    manages_municipality,
    municipality_ids_for,
    represented_organisation_ids,
)
from elinvoima.budgeting.enums import Phase, Voters
from elinvoima.budgeting.models import Ballot, Budget, Proposal
from elinvoima.cards.associations import ASSOCIATION_KINDS


def voter_ids(user, budget: Budget) -> set[int]:
    """The network's member associations the user represents: those they propose and
    vote for. Read once per budget object and user."""
    cache = getattr(budget, "_voter_ids", None)
    if cache is None:
        cache = budget._voter_ids = {}
    if user.pk not in cache:
        represented = represented_organisation_ids(user) if user.is_authenticated else set()
        cache[user.pk] = (
            set(
                Organisation.objects.filter(
                    networks=budget.network_id, pk__in=represented, kind__in=ASSOCIATION_KINDS
                ).values_list("pk", flat=True)
            )
            if represented
            else set()
        )
    return cache[user.pk]


def _budget_of(obj):
    return obj.budget if isinstance(obj, Proposal) else obj


@rules.predicate
def coordinates_budget(user, obj) -> bool:
    """The welfare coordinators of the budget's (or proposal's budget's) municipality, or
    of the municipality."""
    budget = _budget_of(obj)
    municipality = budget.municipality if isinstance(budget, Budget) else budget
    return municipality is not None and manages_municipality(user, municipality)


@rules.predicate
def is_out(user, budget) -> bool:
    return budget is not None and budget.phase != Phase.DRAFT


@rules.predicate
def takes_proposals(user, budget) -> bool:
    return budget is not None and budget.phase == Phase.PROPOSING


@rules.predicate
def is_voting(user, budget) -> bool:
    return budget is not None and budget.phase == Phase.VOTING


@rules.predicate
def is_network_association(user, budget) -> bool:
    return budget is not None and bool(voter_ids(user, budget))


@rules.predicate
def associations_vote(user, budget) -> bool:
    return budget is not None and budget.voters == Voters.NETWORK_ASSOCIATIONS


@rules.predicate
def residents_vote(user, budget) -> bool:
    return budget is not None and budget.voters == Voters.RESIDENTS


@rules.predicate
def proposes_it(user, proposal) -> bool:
    """The representatives of the proposal's association, a member of the network."""
    return proposal is not None and proposal.organisation_id in voter_ids(user, proposal.budget)


@rules.predicate
def proposal_takes_changes(user, proposal) -> bool:
    return proposal is not None and proposal.budget.phase in (Phase.PROPOSING, Phase.REVIEWING)


@rules.predicate
def proposals_taken(user, proposal) -> bool:
    return proposal is not None and proposal.budget.phase == Phase.PROPOSING


@rules.predicate
def counts_shown(user, budget) -> bool:
    return budget is not None and (
        budget.results_published_at is not None
        or (budget.show_counts and budget.phase == Phase.VOTING)
    )


# The object: the municipality whose budgets are prepared.
rules.add_perm("budgeting.add_budget", is_platform_admin | coordinates_budget)
# The object: a budget.
rules.add_perm("budgeting.view_budget", is_platform_admin | is_out | coordinates_budget)
rules.add_perm("budgeting.change_budget", is_platform_admin | coordinates_budget)
rules.add_perm("budgeting.propose", takes_proposals & is_network_association)
rules.add_perm("budgeting.vote", is_voting & associations_vote & is_network_association)
# The object: a proposal. Its association changes it while proposals are taken, the
# coordinators until the voting begins.
rules.add_perm(
    "budgeting.change_proposal",
    ((is_platform_admin | coordinates_budget) & proposal_takes_changes)
    | (proposes_it & proposals_taken),
)
# A resident votes with a code (checked by the service), signed in or not.
rules.add_perm("budgeting.vote_with_code", is_voting & residents_vote)
rules.add_perm("budgeting.view_counts", is_platform_admin | coordinates_budget | counts_shown)


def budgets_visible_to(user) -> QuerySet[Budget]:
    """The queryset twin of `budgeting.view_budget`."""
    budgets = Budget.objects.all()
    if is_platform_admin(user):
        return budgets
    visible = ~Q(phase=Phase.DRAFT)
    if user.is_authenticated:
        visible |= Q(municipality_id__in=municipality_ids_for(user, Role.COORDINATOR))
    return budgets.filter(visible)


def ballots_visible_to(user) -> QuerySet[Ballot]:
    """A ballot is its association's own: the ballots of the associations the user
    represents (a voter sees only their own ballot)."""
    if not user.is_authenticated:
        return Ballot.objects.none()
    return Ballot.objects.filter(voter_id__in=represented_organisation_ids(user))

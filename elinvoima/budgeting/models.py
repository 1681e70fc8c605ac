"""Participatory budgeting (issue 15; seed 000): a municipality's network — in Vaala each
age-group network — proposes how a sum of operating grants is divided. The network's
associations make proposals tied to measures of the welfare plan, the proposals are reviewed
and voted on (or agreed together at a network meeting), the results are counted by a
documented rule (`tally.py`) and published, and the municipality's decision body approves,
amends or rejects the proposal; the funded proposals become grants on their measures."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.core.models import Tracked, filled
from elinvoima.grants.applications.models import GrantApplication
from elinvoima.networks.models import Network
from elinvoima.strategy.models import Measure

from .enums import DecisionOutcome, HowAgreed, Phase, ProposalState, Voters, VotingRule

MAX_AMOUNT = 10_000_000  # euros: more than any network divides
MAX_PROPOSALS = 200  # on one ballot


class Budget(Tracked):
    """A sum a network proposes the division of, under one voting rule."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="budgets",
        help_text=_("The municipality whose money it is and whose decision body decides."),
    )
    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="budgets",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    amount = models.DecimalField(_("amount to divide (euros)"), max_digits=10, decimal_places=2)
    period_starts_on = models.DateField(_("grants for the period from"))
    period_ends_on = models.DateField(_("grants for the period until"))
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, default=Phase.DRAFT)
    how_agreed = models.CharField(
        _("how the proposal is reached"),
        max_length=16,
        choices=HowAgreed.choices,
        default=HowAgreed.BALLOTS,
    )
    voters = models.CharField(
        _("who votes"),
        max_length=24,
        choices=Voters.choices,
        default=Voters.NETWORK_ASSOCIATIONS,
    )
    rule = models.CharField(
        _("voting rule"), max_length=16, choices=VotingRule.choices, default=VotingRule.KNAPSACK
    )
    min_age = models.PositiveSmallIntegerField(_("youngest voters (age)"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("oldest voters (age)"), null=True, blank=True)
    min_share = models.PositiveSmallIntegerField(
        _("minimum share of the budget (%)"),
        default=0,
        help_text=_("With the budget rule: a ballot spends at least this share of the amount."),
    )
    min_proposals = models.PositiveSmallIntegerField(_("at least (proposals)"), default=1)
    max_proposals = models.PositiveSmallIntegerField(
        _("at most (proposals)"), null=True, blank=True
    )
    show_counts = models.BooleanField(
        _("show the votes while voting"),
        default=False,
        help_text=_("Otherwise the votes are shown when the results are published."),
    )
    voting_closes_at = models.DateTimeField(_("voting closes"), null=True, blank=True)
    meeting_on = models.DateField(
        _("agreed at the meeting of"),
        null=True,
        blank=True,
    )
    meeting_minutes = models.TextField(_("from the minutes"), blank=True)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    # The municipality's decision on the network's proposal.
    decision_outcome = models.CharField(
        _("decision"), max_length=16, choices=DecisionOutcome.choices, blank=True
    )
    decision_body = models.CharField(_("decided by"), max_length=200, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_notes = models.TextField(_("reasons and changes"), blank=True)

    class Meta:
        verbose_name = _("participatory budget")
        verbose_name_plural = _("participatory budgets")
        ordering = ["-period_starts_on", "-id"]
        constraints = [
            filled("name_fi"),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0, amount__lte=MAX_AMOUNT),
                name="budget_amount_in_range",
                violation_error_message=_("Give an amount of 0 to 10,000,000 euros."),
            ),
            models.CheckConstraint(
                condition=models.Q(period_ends_on__gte=models.F("period_starts_on")),
                name="budget_period_in_order",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(min_share__lte=100),
                name="budget_min_share_a_percentage",
                violation_error_message=_("Give a share of 0 to 100 %."),
            ),
            models.CheckConstraint(
                condition=models.Q(voters=Voters.NETWORK_ASSOCIATIONS)
                | models.Q(min_age__isnull=False, max_age__gte=models.F("min_age")),
                name="budget_residents_have_an_age_range",
                violation_error_message=_("Give the age range of the voters, the youngest first."),
            ),
            models.CheckConstraint(
                condition=models.Q(max_proposals__isnull=True)
                | models.Q(max_proposals__gte=models.F("min_proposals")),
                name="budget_min_max_in_order",
                violation_error_message=_("The most cannot be fewer than the fewest."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.name)


class Proposal(Tracked):
    """A proposal of how to use part of the budget, with its cost and the measure of the
    welfare plan it carries out; made by an association of the network, reviewed by the
    coordinator before the vote."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    cost = models.DecimalField(_("cost (euros)"), max_digits=10, decimal_places=2)
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure of the welfare plan"),
        on_delete=models.SET_NULL,  # a measure deleted from its plan leaves the proposal
        related_name="budget_proposals",
        null=True,
        blank=True,
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="budget_proposals",
        help_text=_("The association that would carry it out and receive the grant."),
    )
    state = models.CharField(
        _("state"), max_length=16, choices=ProposalState.choices, default=ProposalState.PROPOSED
    )
    review_note = models.TextField(_("review note"), blank=True)
    # Counted when the voting closes; `funded` by the documented rule (tally.py).
    votes = models.PositiveIntegerField(_("votes"), default=0)
    funded = models.BooleanField(_("funded by the result"), default=False)
    # The municipality's decision: granted, and the grant it became.
    granted = models.BooleanField(_("granted by the decision"), default=False)
    grant_application = models.ForeignKey(
        GrantApplication,
        verbose_name=_("grant"),
        on_delete=models.SET_NULL,
        related_name="budget_proposals",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["budget", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cost__gt=0, cost__lte=MAX_AMOUNT),
                name="proposal_cost_in_range",
                violation_error_message=_("Give a cost of 0.01 to 10,000,000 euros."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.title)


def voter_key_of(organisation: Organisation) -> str:
    return f"organisation:{organisation.pk}"


class Ballot(models.Model):
    """One voter's ballot in one budget: which proposals it supports. One per voter, which
    the database holds (`ballot_one_per_voter`); changed or withdrawn until the voting
    closes. The voter is an association, its ballot cast by a representative; `voter_key`
    names the voter whatever its kind ("organisation:<id>"), so that the constraint holds
    for every kind of voter a budget may have."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="ballots")
    voter_key = models.CharField(_("voter"), max_length=80)
    voter = models.ForeignKey(
        Organisation,
        verbose_name=_("voting association"),
        on_delete=models.CASCADE,
        related_name="ballots",
        null=True,
        blank=True,
    )
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cast by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    proposals = models.ManyToManyField(
        Proposal, through="BallotChoice", related_name="ballots", verbose_name=_("proposals")
    )
    created_at = models.DateTimeField(_("cast"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    # Set by `services.ballot_cast`: whether this cast was the association's first, and the
    # ids it chose.
    cast_now = False
    cast_ids: list[int] | None = None

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(fields=["budget", "voter_key"], name="ballot_one_per_voter")
        ]

    def __str__(self) -> str:
        return f"{self.voter or self.voter_key} – {self.budget}"

    @property
    def proposal_ids(self) -> list[int]:
        """The chosen proposals' ids: as just cast (`ballot_cast` keeps them), or from the
        (prefetched) choices."""
        if self.cast_ids is not None:
            return self.cast_ids
        return sorted(choice.proposal_id for choice in self.choices.all())


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="choices")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "proposal"], name="ballot_choice_once")
        ]
        # The tally counts the choices by proposal.
        indexes = [models.Index(fields=["proposal"], name="ballot_choice_proposal")]

    def __str__(self) -> str:
        return f"{self.ballot_id} → {self.proposal_id}"


class VotingCode(models.Model):
    """A resident's voting code in a budget: only its hash is kept (made with the budget's
    id, so a code is good in its own budget only). A code casts one ballot, changeable until
    the voting closes."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="voting_codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voting code")
        verbose_name_plural = _("voting codes")
        constraints = [
            models.UniqueConstraint(fields=["budget", "code_hash"], name="voting_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.budget}: {self.code_hash[:8]}…"

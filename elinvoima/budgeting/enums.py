from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """Where a budget is (Consul Democracy's phases): prepared, then people are informed,
    propose, the proposals are reviewed, voted on, the ballots counted, and the results
    published."""

    DRAFT = "draft", _("Being prepared")
    INFORMING = "informing", _("Informing")
    PROPOSING = "proposing", _("Taking proposals")
    REVIEWING = "reviewing", _("Reviewing proposals")
    VOTING = "voting", _("Voting")
    COUNTING = "counting", _("Counting the votes")
    FINISHED = "finished", _("Results published")


PHASE_ORDER = [phase.value for phase in Phase]


class VotingRule(models.TextChoices):
    """What a ballot must be (Decidim's rules): a knapsack within the budget spending at
    least a minimum share of it; at least a minimum number of proposals; or approval of
    between a minimum and a maximum number of proposals."""

    KNAPSACK = "knapsack", _("Within the budget, spending at least a minimum share of it")
    MINIMUM = "minimum", _("At least a minimum number of proposals")
    APPROVAL = "approval", _("Between a minimum and a maximum number of proposals")


class Voters(models.TextChoices):
    """Who votes: the network's member associations (seed 000, Vaala: "verkoston
    yhdistysjäsenet tekevät … esitykset"), each with one ballot cast by its representative;
    or the municipality's residents of an age range (the youth council's budgeting), each
    with a voting code handed out where their age is known, e.g. at school: the service
    checks the year of birth against the range and stores neither."""

    NETWORK_ASSOCIATIONS = "network_associations", _("The network's member associations")
    RESIDENTS = "residents", _("Residents of an age range, with voting codes")


class HowAgreed(models.TextChoices):
    """How the network reaches its proposal: by ballots, or together at a meeting (seed
    000: "luonnollinen mahdollisuus kokoontua")."""

    BALLOTS = "ballots", _("By ballots")
    MEETING = "meeting", _("Together at a network meeting")


class ProposalState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted for the vote")
    REJECTED = "rejected", _("Not accepted")


class DecisionOutcome(models.TextChoices):
    """What the municipality's decision body did with the network's proposal."""

    APPROVED = "approved", _("Approved as proposed")
    AMENDED = "amended", _("Approved with changes")
    REJECTED = "rejected", _("Rejected")

"""Writes of participatory budgeting: the coordinator prepares a budget and leads it through
its phases, the network's associations propose and vote, the coordinator reviews the
proposals, the votes are counted and published, and the municipality's decision is recorded,
its funded proposals becoming grants. Permission first, then validation, then the write, in
one transaction (docs/architecture.md)."""

import datetime
import hashlib
import secrets
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.budgeting.enums import (
    PHASE_ORDER,
    DecisionOutcome,
    HowAgreed,
    Phase,
    ProposalState,
    Voters,
    VotingRule,
)
from elinvoima.budgeting.models import (
    MAX_PROPOSALS,
    Ballot,
    BallotChoice,
    Budget,
    Proposal,
    VotingCode,
    voter_key_of,
)
from elinvoima.budgeting.permissions import voter_ids
from elinvoima.budgeting.tally import count_votes, funded_ids
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.grants.enums import GrantKind
from elinvoima.grants.review.services import Award, grants_award
from elinvoima.grants.services import GrantRoundData, grant_round_publish, grant_round_save
from elinvoima.networks.models import Network
from elinvoima.strategy.models import Measure

LANGUAGES = ("fi", "sv")


def _euros(amount: Decimal) -> str:
    return formats.number_format(amount, 2, use_l10n=True)


def version_of(row) -> str:
    return row.updated_at.isoformat()


@dataclass(frozen=True)
class BudgetData:
    network: Network
    texts: dict[str, str]  # "name_fi", "name_sv", "description_fi", "description_sv"
    amount: Decimal
    period_starts_on: datetime.date
    period_ends_on: datetime.date
    how_agreed: str = HowAgreed.BALLOTS
    voters: str = Voters.NETWORK_ASSOCIATIONS
    min_age: int | None = None
    max_age: int | None = None
    rule: str = VotingRule.KNAPSACK
    min_share: int = 0
    min_proposals: int = 1
    max_proposals: int | None = None
    show_counts: bool = False
    voting_closes_at: datetime.datetime | None = None


@transaction.atomic
def budget_save(
    *,
    user,
    municipality: Municipality,
    data: BudgetData,
    budget: Budget | None = None,
    loaded_version: str | None = None,
) -> Budget:
    """Prepare a budget of the municipality, or change one; its money and rule only until
    the voting begins."""
    who = signed_in_or_none(user)
    if budget is None:
        authorize(user, "budgeting.add_budget", municipality)
        budget = Budget(municipality=municipality, created_by=who)
    else:
        visible = ("budgeting.view_budget", budget)
        authorize(user, "budgeting.change_budget", budget, visible=visible)
        budget = locked_unchanged(
            Budget.objects.select_related("municipality"),
            budget.pk,
            loaded_version,
            what=lambda row: _("the budget “%(name)s”") % {"name": row.name},
        )
        municipality = budget.municipality
    errors: dict[str, list[str]] = {}
    if data.network.municipality_id != municipality.pk:
        errors["network"] = [
            _("Choose a network of %(municipality)s.") % {"municipality": municipality}
        ]
    if not (data.texts.get("name_fi") or "").strip():
        errors["name_fi"] = [_("The name in Finnish is required.")]
    if data.period_ends_on < data.period_starts_on:
        errors["period_ends_on"] = [_("The period cannot end before it starts.")]
    if data.voters == Voters.RESIDENTS and (
        data.min_age is None or data.max_age is None or data.max_age < data.min_age
    ):
        errors["max_age"] = [_("Give the age range of the voters, the youngest first.")]
    if data.max_proposals is not None and data.max_proposals < data.min_proposals:
        errors["max_proposals"] = [_("The most cannot be fewer than the fewest.")]
    started = PHASE_ORDER.index(budget.phase) >= PHASE_ORDER.index(Phase.VOTING)
    if budget.pk and started and _rule_changed(budget, data):
        errors["rule"] = [_("The money and the voting rule are not changed once voting begins.")]
    if errors:
        raise ValidationError(errors)
    for name in ("name", "description"):
        for language in LANGUAGES:
            value = (data.texts.get(f"{name}_{language}") or "").strip()
            setattr(budget, f"{name}_{language}", value or (None if name == "name" else ""))
    budget.name = getattr(budget, "name_fi")  # noqa: B009 (modeltranslation)
    for name in (
        "network",
        "amount",
        "period_starts_on",
        "period_ends_on",
        "how_agreed",
        "voters",
        "min_age",
        "max_age",
        "rule",
        "min_share",
        "min_proposals",
        "max_proposals",
        "show_counts",
        "voting_closes_at",
    ):
        setattr(budget, name, getattr(data, name))
    budget.updated_by = who
    validate_for_save(budget, exclude=("municipality",))
    budget.save()
    return budget


def _rule_changed(budget: Budget, data: BudgetData) -> bool:
    return any(
        getattr(budget, name) != getattr(data, name)
        for name in (
            *("amount", "how_agreed", "voters", "min_age", "max_age", "rule", "min_share"),
            *("min_proposals", "max_proposals"),
        )
    )


@transaction.atomic
def budget_advance(*, user, budget: Budget, loaded_version: str | None = None) -> Budget:
    """Move the budget to its next phase. Into the voting: the proposals are reviewed and
    the voting has a closing time. Out of it: the votes are counted by the rule (tally.py).
    Into "finished": the results are published."""
    authorize(user, "budgeting.change_budget", budget, visible=("budgeting.view_budget", budget))
    budget = locked_unchanged(
        Budget.objects.all(),
        budget.pk,
        loaded_version,
        what=lambda row: _("the budget “%(name)s”") % {"name": row.name},
    )
    position = PHASE_ORDER.index(budget.phase)
    if budget.phase == Phase.FINISHED:
        raise ValidationError(_("The results have been published."))
    target = PHASE_ORDER[position + 1]
    if target == Phase.VOTING and budget.how_agreed == HowAgreed.MEETING:
        raise ValidationError(
            _("The network agrees its proposal at a meeting: record what it agreed.")
        )
    if target == Phase.VOTING:
        _ensure_ready_to_vote(budget)
    if target == Phase.COUNTING and budget.how_agreed == HowAgreed.BALLOTS:
        _count(budget)
    if target == Phase.FINISHED:
        budget.results_published_at = timezone.now()
    budget.phase = target
    budget.updated_by = signed_in_or_none(user)
    budget.save()
    return budget


def _ensure_ready_to_vote(budget: Budget) -> None:
    if budget.proposals.filter(state=ProposalState.PROPOSED).exists():
        raise ValidationError(_("Review every proposal before the voting begins."))
    if not budget.proposals.filter(state=ProposalState.ACCEPTED).exists():
        raise ValidationError(_("No proposal has been accepted for the vote."))
    if budget.voting_closes_at is None or budget.voting_closes_at <= timezone.now():
        raise ValidationError(_("Set the time the voting closes, in the future."))


def _count(budget: Budget) -> None:
    """Count the votes and mark the funded proposals (tally.py)."""
    counted = count_votes(budget)
    funded = set(funded_ids(counted, budget.amount))
    proposals = {proposal.pk: proposal for proposal in budget.proposals.all()}
    for row in counted:
        proposal = proposals[row.proposal_id]
        proposal.votes, proposal.funded = row.votes, row.proposal_id in funded
    Proposal.objects.bulk_update(proposals.values(), ["votes", "funded"])


@transaction.atomic
def budget_meeting_record(
    *, user, budget: Budget, meeting_on: datetime.date, minutes: str, funded: tuple[Proposal, ...]
) -> Budget:
    """Record the proposal a network agreed together at its meeting: the funded proposals
    and what the minutes say. The results are then checked and published as after a vote."""
    authorize(user, "budgeting.change_budget", budget, visible=("budgeting.view_budget", budget))
    budget = Budget.objects.select_for_update(of=("self",)).get(pk=budget.pk)
    if budget.how_agreed != HowAgreed.MEETING or budget.phase != Phase.REVIEWING:
        raise ValidationError(_("Record the meeting's proposal after the review of proposals."))
    accepted = {
        proposal.pk: proposal for proposal in budget.proposals.filter(state=ProposalState.ACCEPTED)
    }
    if any(proposal.pk not in accepted for proposal in funded):
        raise ValidationError({"funded": [_("Choose accepted proposals of this budget.")]})
    total = sum((proposal.cost for proposal in funded), Decimal(0))
    if total > budget.amount:
        raise ValidationError({"funded": [_over_budget(total, budget.amount)]})
    if meeting_on > timezone.localdate():
        raise ValidationError({"meeting_on": [_("Give the day of a meeting that has been.")]})
    Proposal.objects.filter(budget=budget).update(funded=False)
    Proposal.objects.filter(pk__in=[proposal.pk for proposal in funded]).update(funded=True)
    budget.meeting_on, budget.meeting_minutes = meeting_on, minutes.strip()
    budget.phase = Phase.COUNTING
    budget.updated_by = signed_in_or_none(user)
    budget.save()
    return budget


def _over_budget(total: Decimal, amount: Decimal) -> str:
    return _(
        "The chosen proposals cost %(total)s euros, %(over)s euros more than the %(amount)s "
        "euros to divide."
    ) % {
        "total": _euros(total),
        "over": _euros(total - amount),
        "amount": _euros(amount),
    }


@dataclass(frozen=True)
class ProposalData:
    texts: dict[str, str]  # "title_fi", "title_sv", "description_fi", "description_sv"
    cost: Decimal
    measure: Measure | None = None


@transaction.atomic
def proposal_save(
    *,
    user,
    budget: Budget,
    data: ProposalData,
    organisation: Organisation | None = None,
    proposal: Proposal | None = None,
    loaded_version: str | None = None,
) -> Proposal:
    """Make a proposal for an association of the network the user represents, while the
    budget takes proposals; or change one (its association, or the coordinator while the
    proposals are reviewed)."""
    who = signed_in_or_none(user)
    if proposal is None:
        assert organisation is not None
        authorize(user, "budgeting.propose", budget, visible=("budgeting.view_budget", budget))
        if user is not None and organisation.pk not in voter_ids(user, budget):
            raise ValidationError(
                _("Propose for an association of the network that you represent.")
            )
        proposal = Proposal(budget=budget, organisation=organisation, created_by=who)
    else:
        budget = proposal.budget
        visible = ("budgeting.view_budget", budget)
        authorize(user, "budgeting.change_proposal", proposal, visible=visible)
        proposal = locked_unchanged(
            Proposal.objects.select_related("budget"),
            proposal.pk,
            loaded_version,
            what=lambda row: _("the proposal “%(title)s”") % {"title": row.title},
        )
        if PHASE_ORDER.index(proposal.budget.phase) > PHASE_ORDER.index(Phase.REVIEWING):
            raise ValidationError(_("The proposal is not changed once the voting begins."))
    errors: dict[str, list[str]] = {}
    if not (data.texts.get("title_fi") or "").strip():
        errors["title_fi"] = [_("The title in Finnish is required.")]
    if data.measure is not None and data.measure.plan.municipality_id != budget.municipality_id:
        errors["measure"] = [
            _("Choose a measure of the welfare plan of %(municipality)s.")
            % {"municipality": budget.municipality}
        ]
    if data.cost > budget.amount:
        errors["cost"] = [
            _("The budget has %(amount)s euros to divide in all.")
            % {"amount": _euros(budget.amount)}
        ]
    if errors:
        raise ValidationError(errors)
    for name in ("title", "description"):
        for language in LANGUAGES:
            value = (data.texts.get(f"{name}_{language}") or "").strip()
            setattr(proposal, f"{name}_{language}", value or (None if name == "title" else ""))
    proposal.title = getattr(proposal, "title_fi")  # noqa: B009 (modeltranslation)
    proposal.cost, proposal.measure = data.cost, data.measure
    proposal.updated_by = who
    validate_for_save(proposal, exclude=("budget", "organisation"))
    proposal.save()
    return proposal


@transaction.atomic
def proposal_review(*, user, proposal: Proposal, accepted: bool, note: str = "") -> Proposal:
    """Accept a proposal for the vote, or not (saying why), while the proposals are taken
    or reviewed."""
    budget = proposal.budget
    authorize(user, "budgeting.change_budget", budget, visible=("budgeting.view_budget", budget))
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("budget")
        .get(pk=proposal.pk)
    )
    if proposal.budget.phase not in (Phase.PROPOSING, Phase.REVIEWING):
        raise ValidationError(_("The proposals are reviewed before the voting begins."))
    if not accepted and not note.strip():
        raise ValidationError({"review_note": [_("Tell the association why.")]})
    proposal.state = ProposalState.ACCEPTED if accepted else ProposalState.REJECTED
    proposal.review_note = note.strip()
    proposal.updated_by = signed_in_or_none(user)
    proposal.save()
    return proposal


def ballot_problem(budget: Budget, proposals: list[Proposal]) -> str | None:
    """Why the choices are not a valid ballot under the budget's rule, saying how far off
    they are; None if they are."""
    count = len(proposals)
    if budget.rule == VotingRule.KNAPSACK:
        total = sum((proposal.cost for proposal in proposals), Decimal(0))
        least = (budget.amount * budget.min_share / 100).quantize(Decimal("0.01"))
        if total > budget.amount:
            return _over_budget(total, budget.amount)
        if total < least or count == 0:
            return _(
                "Choose proposals worth at least %(least)s euros: yours cost %(total)s euros, "
                "%(short)s euros short."
            ) % {"least": _euros(least), "total": _euros(total), "short": _euros(least - total)}
        return None
    fewest = budget.min_proposals
    most = budget.max_proposals if budget.rule == VotingRule.APPROVAL else None
    if count < fewest:
        return ngettext(
            "Choose at least %(fewest)d proposal: you chose %(count)d.",
            "Choose at least %(fewest)d proposals: you chose %(count)d.",
            fewest,
        ) % {"fewest": fewest, "count": count}
    if most is not None and count > most:
        return ngettext(
            "Choose at most %(most)d proposal: you chose %(count)d, %(over)d too many.",
            "Choose at most %(most)d proposals: you chose %(count)d, %(over)d too many.",
            most,
        ) % {"most": most, "count": count, "over": count - most}
    return None


def _ensure_voting_open(budget: Budget) -> None:
    closes = budget.voting_closes_at
    if budget.phase != Phase.VOTING or (closes is not None and closes <= timezone.now()):
        raise ValidationError(_("The voting is closed."), code="closed")


@transaction.atomic
def ballot_cast(
    *, user, budget: Budget, voter: Organisation, proposal_ids: Collection[int]
) -> Ballot:
    """Cast the association's ballot for the proposals (their ids), or change it: one ballot
    per association and budget (the database's `ballot_one_per_voter`), until the voting
    closes. The ballot's `cast_now` says whether it was the association's first."""
    authorize(user, "budgeting.vote", budget, visible=("budgeting.view_budget", budget))
    if user is not None and voter.pk not in voter_ids(user, budget):
        raise ValidationError(_("Vote for an association of the network that you represent."))
    return _cast(budget, voter_key_of(voter), proposal_ids, voter=voter, user=user)


def _cast(
    budget: Budget,
    key: str,
    proposal_ids: Collection[int],
    *,
    voter: Organisation | None = None,
    user=None,
) -> Ballot:
    """The ballot of the voter named `key`: the choices checked against the rule, the one
    row found or made (a second made at the same moment loses to the constraint and changes
    the first), its choices replaced."""
    _ensure_voting_open(budget)
    chosen = set(proposal_ids)
    if len(chosen) > MAX_PROPOSALS:
        raise ValidationError(_("Too many proposals."))
    accepted = list(
        Proposal.objects.filter(budget=budget, state=ProposalState.ACCEPTED, pk__in=chosen).only(
            "pk", "cost"
        )
    )
    if len(accepted) != len(chosen):
        raise ValidationError(_("Choose among the proposals accepted for the vote."))
    problem = ballot_problem(budget, accepted)
    if problem:
        raise ValidationError(problem, code="rule")
    cast_by = signed_in_or_none(user)
    ballot = Ballot.objects.select_for_update().filter(budget=budget, voter_key=key).first()
    cast_now = ballot is None
    if ballot is None:
        try:
            with transaction.atomic():
                ballot = Ballot.objects.create(
                    budget=budget, voter_key=key, voter=voter, cast_by=cast_by
                )
        except IntegrityError:  # cast at the same moment in another window: change that one
            ballot = Ballot.objects.select_for_update().get(budget=budget, voter_key=key)
            cast_now = False
    if not cast_now:
        ballot.cast_by = cast_by
        ballot.save(update_fields=["cast_by", "updated_at"])
    ballot.choices.all().delete()
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, proposal_id=pk) for pk in sorted(chosen)
    )
    ballot.cast_now, ballot.cast_ids = cast_now, sorted(chosen)
    return ballot


@transaction.atomic
def ballot_withdraw(*, user, budget: Budget, voter: Organisation) -> None:
    """Take the association's ballot back before the voting closes."""
    authorize(user, "budgeting.vote", budget, visible=("budgeting.view_budget", budget))
    if user is not None and voter.pk not in voter_ids(user, budget):
        raise ValidationError(_("Vote for an association of the network that you represent."))
    _ensure_voting_open(budget)
    Ballot.objects.filter(budget=budget, voter_key=voter_key_of(voter)).delete()


@dataclass(frozen=True)
class DecisionData:
    outcome: str
    body: str
    decided_on: datetime.date
    notes: str = ""
    # With an amended proposal: the proposals the decision grants.
    granted: tuple[Proposal, ...] = field(default=())


@transaction.atomic
def budget_decide(*, user, budget: Budget, data: DecisionData) -> Budget:
    """Record the municipality's decision on the network's published proposal: approved,
    approved with changes (the granted proposals given), or rejected. The granted proposals
    become grants on their measures, in a round of their own, decided and published."""
    authorize(user, "budgeting.change_budget", budget, visible=("budgeting.view_budget", budget))
    budget = (
        Budget.objects.select_for_update(of=("self",))
        .select_related("municipality")
        .get(pk=budget.pk)
    )
    if budget.phase != Phase.FINISHED:
        raise ValidationError(_("The decision is recorded once the results are published."))
    if budget.decision_outcome:
        raise ValidationError(_("The decision has been recorded."))
    proposals = list(budget.proposals.filter(state=ProposalState.ACCEPTED))
    if data.outcome == DecisionOutcome.APPROVED:
        granted = [proposal for proposal in proposals if proposal.funded]
    elif data.outcome == DecisionOutcome.AMENDED:
        ids = {proposal.pk for proposal in data.granted}
        granted = [proposal for proposal in proposals if proposal.pk in ids]
        if len(granted) != len(ids):
            raise ValidationError({"granted": [_("Choose accepted proposals of this budget.")]})
    else:
        granted = []
    errors: dict[str, list[str]] = {}
    total = sum((proposal.cost for proposal in granted), Decimal(0))
    if total > budget.amount:
        errors["granted"] = [_over_budget(total, budget.amount)]
    if not data.body.strip():
        errors["body"] = [_("Name the body that decided.")]
    if data.decided_on > timezone.localdate():
        errors["decided_on"] = [_("Give the day of a decision that has been made.")]
    if data.outcome != DecisionOutcome.APPROVED and not data.notes.strip():
        errors["notes"] = [_("Give the reasons for the changes.")]
    if errors:
        raise ValidationError(errors)
    who = signed_in_or_none(user)
    budget.decision_outcome = data.outcome
    budget.decision_body = data.body.strip()
    budget.decided_on = data.decided_on
    budget.decision_notes = data.notes.strip()
    budget.updated_by = who
    budget.save()
    if granted:
        _grants(user, budget, granted)
    return budget


def _grants(user, budget: Budget, granted: list[Proposal]) -> None:
    """The granted proposals as grants: a round of the budget, decided and published."""
    decided_on = budget.decided_on
    assert decided_on is not None  # budget_decide set it
    names = {
        f"name_{language}": getattr(budget, f"name_{language}") or "" for language in LANGUAGES
    }
    grant_round = grant_round_save(
        user=user,
        municipality=budget.municipality,
        data=GrantRoundData(
            kind=GrantKind.OPERATING,
            texts={
                **names,
                "description_fi": f"Osallistuvan budjetoinnin tulos: {budget.network}.",
                "description_sv": f"Resultatet av deltagande budgetering: {budget.network}.",
            },
            budget=budget.amount,
            period_starts_on=budget.period_starts_on,
            period_ends_on=budget.period_ends_on,
            opens_on=decided_on,
            closes_on=decided_on,
            goals=tuple({proposal.measure.goal for proposal in granted if proposal.measure}),
        ),
    )
    grant_round = grant_round_publish(user=user, grant_round=grant_round)
    reasons = _("Participatory budgeting of %(network)s; decided by %(body)s on %(day)s.") % {
        "network": budget.network,
        "body": budget.decision_body,
        "day": formats.date_format(decided_on, "SHORT_DATE_FORMAT"),
    }
    # One grant per association (a round has one application per association): its
    # proposals together, on their measure where they share one.
    by_organisation: dict[int, list[Proposal]] = {}
    for proposal in granted:
        by_organisation.setdefault(proposal.organisation_id, []).append(proposal)
    groups = list(by_organisation.values())
    decisions = grants_award(
        user=user,
        grant_round=grant_round,
        awards=tuple(
            Award(
                organisation=group[0].organisation,
                amount=sum((proposal.cost for proposal in group), Decimal(0)),
                action_plan="\n".join(str(proposal.title) for proposal in group),
                reasons=reasons,
                measure=group[0].measure
                if len({proposal.measure_id for proposal in group}) == 1
                else None,
            )
            for group in groups
        ),
        report_due_on=budget.period_ends_on + datetime.timedelta(days=31),
    )
    for group, decision in zip(groups, decisions, strict=True):
        for proposal in group:
            proposal.granted, proposal.grant_application_id = True, decision.application_id
    Proposal.objects.bulk_update(granted, ["granted", "grant_application"])


# --- Residents' voting codes -------------------------------------------------------------------

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper
CODE_LENGTH = 10
MAX_CODES = 5000


def code_hash(budget: Budget, code: str) -> str:
    """The kept form of a code: its hash with the budget's id (good in its budget only)."""
    normalised = "".join(code.split()).replace("-", "").upper()
    return hashlib.sha256(f"{budget.pk}:{normalised}".encode()).hexdigest()


@transaction.atomic
def voting_codes_make(*, user, budget: Budget, count: int) -> list[str]:
    """Make `count` voting codes for a residents' budget; they are shown this once, to be
    printed and handed out where the voters' age is known (only their hashes are kept)."""
    authorize(user, "budgeting.change_budget", budget, visible=("budgeting.view_budget", budget))
    if budget.voters != Voters.RESIDENTS:
        raise ValidationError(_("The budget's voters are associations: they need no codes."))
    if budget.phase == Phase.FINISHED:
        raise ValidationError(_("The results have been published."))
    if not 1 <= count <= MAX_CODES:
        raise ValidationError({"count": [_("Make 1 to 5,000 codes at a time.")]})
    codes = []
    for _n in range(count):
        raw = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    VotingCode.objects.bulk_create(
        [VotingCode(budget=budget, code_hash=code_hash(budget, code)) for code in codes]
    )
    return codes


def voting_code_check(*, budget: Budget, code: str, birth_year: int) -> VotingCode:
    """The voting code, if it is one of the budget's and the voter's age is in the range.
    The year of birth is checked and forgotten."""
    _ensure_voting_open(budget)
    if budget.voters != Voters.RESIDENTS:
        raise ValidationError(_("The budget's associations vote."))
    age = timezone.localdate().year - birth_year
    assert budget.min_age is not None and budget.max_age is not None
    if not budget.min_age <= age <= budget.max_age:
        raise ValidationError(
            {
                "birth_year": [
                    _("The vote is for those aged %(youngest)d–%(oldest)d this year.")
                    % {"youngest": budget.min_age, "oldest": budget.max_age}
                ]
            }
        )
    voting_code = VotingCode.objects.filter(
        budget=budget, code_hash=code_hash(budget, code)
    ).first()
    if voting_code is None:
        raise ValidationError({"code": [_("Check the code: it is not one of this vote's.")]})
    return voting_code


@transaction.atomic
def ballot_cast_with_code(
    *, budget: Budget, voting_code: VotingCode, proposal_ids: Collection[int]
) -> Ballot:
    """Cast or change the ballot of a resident's voting code: one per code."""
    if voting_code.budget_id != budget.pk:
        raise ValidationError(_("Check the code: it is not one of this vote's."))
    return _cast(budget, f"code:{voting_code.pk}", proposal_ids)

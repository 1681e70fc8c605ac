"""National-scale participatory budgeting for benchmarks (docs/performance.md): one budget
of the benchmark municipality (Tampere) in its voting phase, divided among PROPOSALS accepted
proposals of its associations on the measures of its newest plan, with BALLOTS (200,000)
ballots of 1–5 proposals each, some proposals far more popular than others. Its network's
first VOTERS member associations cast no ballot here: they are the voters of
ballot_cast_pg.

The ballots are residents' (voter keys "resident:<n>"): no municipality has 200,000
associations, and the tally counts a ballot the same whoever cast it.

Built on the national-scale actors and plans, which must be there. Deterministic from the
seed. Ballots and their choices are written with COPY on PostgreSQL, then ANALYZE."""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal
from time import perf_counter

from django.db import connection, transaction
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Organisation
from elinvoima.bench.scale.actors import TableRows, _reserve_ids
from elinvoima.bench.scale.strategy import _write, bench_plan
from elinvoima.budgeting.enums import Phase, ProposalState, VotingRule
from elinvoima.budgeting.models import Ballot, BallotChoice, Budget, Proposal
from elinvoima.networks.enums import NetworkKind
from elinvoima.networks.models import Network
from elinvoima.strategy.models import Measure

BALLOTS = 200_000
PROPOSALS = 40
VOTERS = 51
AMOUNT = Decimal("150000")
SCALE_MARKER = "Skaalausaineisto (generate_scale_data)."


class BudgetScaleError(Exception):
    pass


@dataclass
class BudgetScaleResult:
    ballots: int
    choices: int
    seconds: float
    budget_id: int


def bench_budget() -> Budget | None:
    return Budget.objects.filter(description_fi=SCALE_MARKER).first()


def budget_scale_exists() -> bool:
    return bench_budget() is not None


@transaction.atomic
def budget_scale_delete() -> int:
    budget = bench_budget()
    if budget is None:
        return 0
    count = budget.ballots.count()
    choices = BallotChoice.objects.filter(proposal__budget=budget)
    choices._raw_delete(choices.db)
    ballots = Ballot.objects.filter(budget=budget)
    ballots._raw_delete(ballots.db)
    network = budget.network
    budget.delete()
    network.delete()
    return count


def budget_scale_generate(*, seed: int, ballots: int = BALLOTS) -> BudgetScaleResult:
    started = perf_counter()
    plan = bench_plan()
    if plan is None:
        raise BudgetScaleError("No national-scale plans: generate them first.")
    if budget_scale_exists():
        raise BudgetScaleError("The scale budget already exists.")
    rng = random.Random(seed)
    with transaction.atomic():
        budget = _budget(rng, plan)
        proposals = list(budget.proposals.values_list("pk", flat=True))
        tables = _tables(rng, budget, proposals, ballots)
        _write(tables)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.table)}")
    return BudgetScaleResult(
        ballots=len(tables[0].rows),
        choices=len(tables[1].rows),
        seconds=perf_counter() - started,
        budget_id=budget.pk,
    )


def _budget(rng: random.Random, plan) -> Budget:
    municipality = plan.municipality
    associations = list(
        Organisation.objects.filter(municipality=municipality, kind=OrganisationKind.ASSOCIATION)
        .order_by("pk")
        .values_list("pk", flat=True)[:200]
    )
    if len(associations) < VOTERS:
        raise BudgetScaleError("The benchmark municipality has too few associations.")
    network = Network.objects.create(
        name=f"Skaalausverkosto {municipality.name_fi}",
        name_fi=f"Skaalausverkosto {municipality.name_fi}",
        kind=NetworkKind.AGE_GROUP_NETWORK,
        municipality=municipality,
    )
    network.members.set(associations)
    year = timezone.localdate().year
    budget = Budget.objects.create(
        municipality=municipality,
        network=network,
        name=f"Osallistuva budjetti {year} (skaalaus)",
        name_fi=f"Osallistuva budjetti {year} (skaalaus)",
        description_fi=SCALE_MARKER,
        amount=AMOUNT,
        period_starts_on=datetime.date(year, 1, 1),
        period_ends_on=datetime.date(year, 12, 31),
        phase=Phase.VOTING,
        rule=VotingRule.KNAPSACK,
        voting_closes_at=timezone.now() + datetime.timedelta(days=3650),
    )
    measures = list(Measure.objects.filter(plan=plan).order_by("pk").values_list("pk", flat=True))
    Proposal.objects.bulk_create(
        Proposal(
            budget=budget,
            title=f"Ehdotus {n}",
            title_fi=f"Ehdotus {n}",
            cost=Decimal(rng.randrange(10, 300)) * 100,
            measure_id=rng.choice(measures) if measures else None,
            organisation_id=rng.choice(associations),
            state=ProposalState.ACCEPTED,
        )
        for n in range(1, PROPOSALS + 1)
    )
    return budget


def _tables(rng: random.Random, budget: Budget, proposals: list[int], count: int):
    first_ballot = _reserve_ids(Ballot._meta.db_table, count)
    # Popularity falls with the proposal's place: the first get many more votes.
    weights = [1 / (place + 1) for place in range(len(proposals))]
    now = timezone.now()
    ballots, choices = [], []
    for n in range(count):
        ballot_id = first_ballot + n
        ballots.append((ballot_id, budget.pk, f"resident:{n}", None, None, now, now))
        chosen = set(rng.choices(proposals, weights=weights, k=rng.randint(1, 5)))
        choices.extend((ballot_id, proposal) for proposal in sorted(chosen))
    first_choice = _reserve_ids(BallotChoice._meta.db_table, len(choices))
    choice_ids = range(first_choice, first_choice + len(choices))
    return [
        TableRows(
            Ballot._meta.db_table,
            ("id", "budget_id", "voter_key", "voter_id", "cast_by_id", "created_at", "updated_at"),
            ballots,
        ),
        TableRows(
            BallotChoice._meta.db_table,
            ("id", "ballot_id", "proposal_id"),
            [(pk, *row) for pk, row in zip(choice_ids, choices, strict=True)],
        ),
    ]

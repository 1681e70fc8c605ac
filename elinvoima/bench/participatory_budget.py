"""budget_tally_pg and ballot_cast_pg: participatory budgeting at national scale (200,000
ballots of 1–5 proposals in one budget, elinvoima.bench.scale.budgets).

budget_tally_pg
  A: the tally the service runs when the voting closes (`budgeting.tally`): the votes
     counted by one ORM aggregate over the ballots' choices, and the funded proposals
     selected by the documented rule.
  B: the best hand-written SQL aggregate of the same choices (one statement, the same
     indexes), and the same selection in plain Python inline.
  Checked: A's funded proposals are B's, in the same order.

ballot_cast_pg
  A: one association's representative casts or changes its ballot (`POST /api/v1/ballots/`,
     the service the vote page calls) while the representatives of 50 other associations of
     the network vote at once — in 5 other processes of 10 threads, as the workers of a
     server would, each voter with its own database connection — changing their ballots as
     fast as they are answered.
  B: the same client's `GET /healthz` under the same load: the fixed cost of any request.
  Checked: afterwards each of the 51 associations has exactly one ballot, holding the
  choices of the last ballot it was answered for: none lost, none twice.
"""

import multiprocessing
import random
import threading
import time

from django.conf import settings
from django.db import connection, connections
from django.test import Client

from elinvoima.actors.enums import Role
from elinvoima.actors.models import Membership, User
from elinvoima.bench.plan_page import bench_plan_with_data
from elinvoima.bench.scale.budgets import (
    VOTERS,
    bench_budget,
    budget_scale_exists,
    budget_scale_generate,
)
from elinvoima.budgeting.models import Ballot, BallotChoice, Budget
from elinvoima.budgeting.tally import count_votes, funded_ids

from .harness import Result, alternate, progress, result_from_samples

SEED = 1
PAIRS = 30
OTHERS = 50
PROCESSES = 5

RAW_TALLY = """
SELECT p.id, p.cost, count(c.id)
FROM budgeting_proposal p
LEFT JOIN budgeting_ballotchoice c ON c.proposal_id = p.id
WHERE p.budget_id = %s AND p.state = 'accepted'
GROUP BY p.id, p.cost
"""


def _budget_with_data() -> Budget:
    bench_plan_with_data()  # the actors and plans, made where missing; ANALYZE
    if not budget_scale_exists():
        progress("budget_tally_pg: generating 200,000 ballots (seed 1)")
        result = budget_scale_generate(seed=SEED)
        progress(
            f"budget_tally_pg: {result.ballots} ballots, {result.choices} choices in "
            f"{result.seconds:.1f} s"
        )
    budget = bench_budget()
    if budget is None:
        raise RuntimeError("no benchmark budget in the scale data")
    return budget


def budget_tally_pg() -> Result:
    budget = _budget_with_data()
    amount = budget.amount

    def ours() -> list[int]:
        return funded_ids(count_votes(budget), amount)

    def raw() -> list[int]:
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            cursor.execute(RAW_TALLY, [budget.pk])
            rows = cursor.fetchall()
        rows.sort(key=lambda row: (-row[2], row[1], row[0]))
        left, funded = amount, []
        for pk, cost, votes in rows:
            if votes and cost <= left:
                funded.append(pk)
                left -= cost
        return funded

    funded = ours()
    if funded != raw() or not funded:
        raise RuntimeError("the tally and the SQL fund different proposals")
    for _ in range(2):
        ours()
        raw()
    a, b = alternate(ours, raw, pairs=15, label="budget_tally_pg")
    ballots = Ballot.objects.filter(budget=budget).count()
    choices = BallotChoice.objects.filter(ballot__budget=budget).count()
    return result_from_samples(
        "budget_tally_pg",
        a,
        b,
        unit="ms",
        baseline="raw SQL + Python",
        scale=1000,
        notes=f"{ballots} ballots, {choices} choices, {len(funded)} proposals funded, "
        f"DEBUG={settings.DEBUG}",
    )


# --- ballot_cast_pg -----------------------------------------------------------------------------


def _voters(budget: Budget) -> list[tuple[User, int]]:
    """The representatives of the network's first VOTERS associations, made where missing."""
    associations = list(budget.network.members.order_by("pk").values_list("pk", flat=True))
    voters = []
    for index, organisation_id in enumerate(associations[:VOTERS]):
        user, _created = User.objects.get_or_create(username=f"bench.voter.{index}")
        Membership.objects.get_or_create(
            user=user, organisation_id=organisation_id, role=Role.ASSOCIATION_REPRESENTATIVE
        )
        voters.append((user, organisation_id))
    return voters


class _Voter:
    """One association's representative, casting ballots through the API."""

    def __init__(self, budget: Budget, user: User, organisation_id: int, *, seed: int):
        self.client = Client()
        self.client.force_login(user)
        self.budget, self.organisation_id = budget, organisation_id
        self.proposals = list(budget.proposals.order_by("pk").values_list("pk", flat=True))
        self.rng = random.Random(seed)
        self.last: set[int] | None = None

    def cast(self) -> None:
        chosen = set(self.rng.sample(self.proposals, self.rng.randint(1, 3)))
        response = self.client.post(
            "/api/v1/ballots/",
            {"budget": self.budget.pk, "voter": self.organisation_id, "proposals": sorted(chosen)},
            content_type="application/json",
        )
        if response.status_code not in (200, 201):
            raise RuntimeError(f"a ballot answered {response.status_code}: {response.content!r}")
        self.last = chosen


def _others_vote(
    budget_pk: int, voters: list[tuple[int, int, int]], stop, results, casts_so_far
) -> None:
    """In a process of its own: each voter (user id, association id, seed) in a thread,
    changing its ballot until `stop` (each cast counted in the shared `casts_so_far`); then
    its last choices, the casts and failures."""
    budget = Budget.objects.select_related("network").get(pk=budget_pk)
    others = [
        _Voter(budget, User.objects.get(pk=user_pk), organisation_id, seed=seed)
        for user_pk, organisation_id, seed in voters
    ]
    connection.close()
    failures: list[str] = []
    casts = [0]
    lock = threading.Lock()

    def vote(voter: _Voter) -> None:
        try:
            while not stop.is_set():
                voter.cast()
                with lock:
                    casts[0] += 1
                with casts_so_far.get_lock():
                    casts_so_far.value += 1
        except Exception as error:  # noqa: BLE001 (reported to the parent)
            failures.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=vote, args=(voter,)) for voter in others]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    last = {voter.organisation_id: sorted(voter.last or ()) for voter in others}
    results.put((last, casts[0], failures))


def ballot_cast_pg() -> Result:
    budget = _budget_with_data()
    voters = _voters(budget)
    measured = _Voter(budget, voters[0][0], voters[0][1], seed=0)
    specs = [
        (user.pk, organisation_id, seed) for seed, (user, organisation_id) in enumerate(voters)
    ]
    others = specs[1 : OTHERS + 1]
    context = multiprocessing.get_context("fork")
    stop, results, casts_so_far = context.Event(), context.Queue(), context.Value("i", 0)
    connections.close_all()  # the children must not share the parent's connection
    processes = [
        context.Process(
            target=_others_vote,
            args=(budget.pk, others[n::PROCESSES], stop, results, casts_so_far),
        )
        for n in range(PROCESSES)
    ]

    def trivial() -> None:
        if measured.client.get("/healthz").status_code != 200:
            raise RuntimeError("/healthz failed")

    last: dict[int, list[int]] = {}
    casts, failures = 0, []
    try:
        for process in processes:
            process.start()
        _until_all_vote(casts_so_far, len(others))
        for _ in range(5):
            measured.cast()
            trivial()
        a, b = alternate(measured.cast, trivial, pairs=PAIRS, label="ballot_cast_pg")
    finally:
        stop.set()
        for _ in processes:
            voted, count, failed = results.get(timeout=120)
            last.update(voted)
            casts += count
            failures.extend(failed)
        for process in processes:
            process.join(timeout=60)
    if failures:
        raise RuntimeError(f"{len(failures)} voters failed: {failures[0]}")
    last[measured.organisation_id] = sorted(measured.last or ())
    checked = _check_one_ballot_each(budget, last)
    return result_from_samples(
        "ballot_cast_pg",
        a,
        b,
        unit="ms",
        baseline="GET /healthz",
        scale=1000,
        notes=f"while {len(others)} others voted from {PROCESSES} processes ({casts} ballots "
        f"cast meanwhile); {checked}; {Ballot.objects.filter(budget=budget).count()} ballots "
        f"in the budget, DEBUG={settings.DEBUG}",
    )


def _until_all_vote(casts_so_far, voters: int) -> None:
    """Wait until the other voters are at it (as many casts as voters, twice over), so
    that the measuring starts under the whole load."""
    deadline = time.monotonic() + 120
    while casts_so_far.value < 2 * voters:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the other voters cast only {casts_so_far.value} ballots")
        time.sleep(0.1)
    progress(f"ballot_cast_pg: the {voters} others are voting")


def _check_one_ballot_each(budget: Budget, last: dict[int, list[int]]) -> str:
    """Each voter (association id → the choices it was last answered for) has one ballot,
    holding those choices."""
    keys = {f"organisation:{organisation_id}": organisation_id for organisation_id in last}
    ballots = list(
        Ballot.objects.filter(budget=budget, voter_key__in=keys).prefetch_related("choices")
    )
    if len(ballots) != len(last):
        raise RuntimeError(f"{len(last)} voters, {len(ballots)} ballots")
    for ballot in ballots:
        if ballot.proposal_ids != last[keys[ballot.voter_key]]:
            raise RuntimeError(f"the ballot of {ballot.voter_key} lost its last change")
    return f"{len(ballots)} voters, one ballot each with its last choices"

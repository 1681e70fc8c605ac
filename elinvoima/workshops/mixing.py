"""Mixing a workshop's participants at tables, round after round (issue 17, seed 003:
"eri taustatahojen ja paikkakuntien edustajia kohtautetaan suunnitelmallisesti").

Each round seats everyone at tables whose sizes differ by at most one. What is asked, in
order of weight:
- a facilitator stays at the table assigned to them, and a participant who needs an
  accessible table gets one (hard);
- across the rounds as few pairs as possible sit together twice (the social golfer
  problem);
- no two people of the same organisation at a table where avoidable;
- each table has as many distinct municipalities and backgrounds as the list allows
  (`distinct_bound`).

The method, chosen by measurement (`bench table_mixing`, docs/performance.md): a
construction that already avoids repeated pairs — the first round deals the participants,
sorted by municipality and background, round-robin to the tables; round r sends the one in
seat s of the first round's table t to table (t + (r − 1)·s) mod T, so two people who met
once are sent apart by different steps and never meet again while the table count exceeds
the seats' spread — followed by a local search of swaps within a round that lowers a
weighted penalty of the above, within a time budget. The same code re-mixes after late
cancellations on the organiser's page."""

import math
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

# Penalty weights: a repeated pair outweighs a same-organisation pair, which outweighs one
# municipality or background short of the bound; a broken hard rule outweighs them all.
W_HARD, W_REPEAT, W_ORGANISATION, W_DIVERSITY = 10_000, 100, 40, 10
# The search gives up on a table after TRIES swaps that did not help it; a swap that neither
# helps nor harms is taken now and then (SIDEWAYS), to walk off a plateau.
TRIES, SIDEWAYS = 2_000, 0.2


@dataclass(frozen=True)
class Participant:
    key: int
    municipality: str
    background: str
    organisation: str = ""  # "" for none: a resident on their own
    needs_access: bool = False
    facilitator_of: int | None = None  # the table a facilitator keeps in every round


@dataclass
class Quality:
    repeated_pairs: int
    same_organisation_pairs: int
    min_municipalities: int
    min_backgrounds: int
    bound_municipalities: int
    bound_backgrounds: int
    tables_at_bound: int
    tables: int
    hard_violations: int


@dataclass
class Mixing:
    rounds: list[list[list[int]]]  # round → table → participant keys
    quality: Quality
    seconds: float = 0.0
    swaps: int = 0


@dataclass
class _Layout:
    sizes: list[int]
    accessible: set[int]
    by_key: dict[int, Participant] = field(default_factory=dict)


def table_sizes(count: int, table_size: int) -> list[int]:
    """As few tables as hold everyone at `table_size`, their sizes differing by at most one."""
    tables = max(1, math.ceil(count / table_size))
    base, extra = divmod(count, tables)
    return [base + 1 if index < extra else base for index in range(tables)]


def distinct_bound(values: list[str], tables: int, smallest_table: int) -> int:
    """The most distinct values every table can have at once: each value can reach at most
    as many tables as it has people (and at most every table)."""
    if not values or tables == 0:
        return 0
    reach = sum(min(count, tables) for count in Counter(values).values())
    return min(smallest_table, len(set(values)), reach // tables)


def quality_of(
    rounds: list[list[list[int]]],
    participants: list[Participant],
    accessible: set[int] | None = None,
) -> Quality:
    by_key = {p.key: p for p in participants}
    sizes = [len(table) for table in rounds[0]] if rounds else [0]
    tables = len(sizes)
    bound_m = distinct_bound([p.municipality for p in participants], tables, min(sizes))
    bound_b = distinct_bound([p.background for p in participants], tables, min(sizes))
    met: Counter = Counter()
    same_org = hard = at_bound = 0
    min_m = min_b = math.inf
    for tables_of_round in rounds:
        for index, table in enumerate(tables_of_round):
            people = [by_key[key] for key in table]
            for a, b in combinations(sorted(table), 2):
                met[(a, b)] += 1
            organisations = Counter(p.organisation for p in people if p.organisation)
            same_org += sum(n * (n - 1) // 2 for n in organisations.values())
            municipalities = len({p.municipality for p in people})
            backgrounds = len({p.background for p in people})
            min_m, min_b = min(min_m, municipalities), min(min_b, backgrounds)
            at_bound += municipalities >= bound_m and backgrounds >= bound_b
            hard += sum(
                1
                for p in people
                if (p.facilitator_of is not None and p.facilitator_of != index)
                or (p.needs_access and accessible is not None and index not in accessible)
            )
    return Quality(
        repeated_pairs=sum(count - 1 for count in met.values() if count > 1),
        same_organisation_pairs=same_org,
        min_municipalities=int(min_m) if rounds else 0,
        min_backgrounds=int(min_b) if rounds else 0,
        bound_municipalities=bound_m,
        bound_backgrounds=bound_b,
        tables_at_bound=at_bound,
        tables=tables * len(rounds),
        hard_violations=hard,
    )


def random_assignment(
    participants: list[Participant], *, rounds: int, table_size: int, seed: int = 0
) -> list[list[list[int]]]:
    """The baseline the quality is compared with: everyone shuffled to tables of the same
    sizes, each round anew."""
    rng = random.Random(seed)
    sizes = table_sizes(len(participants), table_size)
    result = []
    for _ in range(rounds):
        keys = [p.key for p in participants]
        rng.shuffle(keys)
        tables, start = [], 0
        for size in sizes:
            tables.append(keys[start : start + size])
            start += size
        result.append(tables)
    return result


def _first_round(movers: list[Participant], layout: _Layout, fixed: list[list[int]]):
    """Deal the participants sorted by municipality and background round-robin to the
    tables with room: neighbours in the order, alike, land at different tables. Those who
    need an accessible table are dealt first, to the accessible tables."""
    tables = [list(keys) for keys in fixed]
    seats: dict[int, tuple[int, int]] = {}  # key → (table, seat) in the first round
    common = Counter(p.municipality for p in movers)
    order = sorted(
        movers,
        key=lambda p: (not p.needs_access, -common[p.municipality], p.municipality, p.background),
    )
    cursor = 0
    count = len(layout.sizes)
    for participant in order:
        for step in range(count):
            index = (cursor + step) % count
            room = len(tables[index]) < layout.sizes[index]
            if room and (not participant.needs_access or index in layout.accessible):
                break
        else:  # no accessible table has room: any table with room
            index = next(i for i in range(count) if len(tables[i]) < layout.sizes[i])
        seats[participant.key] = (index, len(tables[index]))
        tables[index].append(participant.key)
        cursor = (index + 1) % count
    return tables, seats


def _later_round(
    number: int, seats: dict[int, tuple[int, int]], layout: _Layout, fixed: list[list[int]]
) -> list[list[int]]:
    """Round `number` (1 = the second): seat s of table t goes to table t + number·s."""
    count = len(layout.sizes)
    tables = [list(keys) for keys in fixed]
    for key, (table, seat) in sorted(seats.items(), key=lambda item: (item[1][1], item[1][0])):
        target = (table + number * seat) % count
        for step in range(count):
            index = (target + step) % count
            if len(tables[index]) < layout.sizes[index]:
                break
        tables[index].append(key)
    return tables


class _Search:
    """Swaps within a round that lower the penalty; counts kept per table and per pair."""

    def __init__(self, rounds: list[list[list[int]]], layout: _Layout, participants):
        self.rounds = rounds
        self.layout = layout
        self.by_key = layout.by_key
        tables = len(layout.sizes)
        smallest = min(layout.sizes)
        self.bound_m = distinct_bound([p.municipality for p in participants], tables, smallest)
        self.bound_b = distinct_bound([p.background for p in participants], tables, smallest)
        self.met: Counter = Counter()
        for tables_of_round in rounds:
            for table in tables_of_round:
                for a, b in combinations(table, 2):
                    self.met[(a, b) if a < b else (b, a)] += 1

    def _table_penalty(self, keys: list[int], index: int) -> int:
        people = [self.by_key[key] for key in keys]
        organisations = Counter(p.organisation for p in people if p.organisation)
        penalty = W_ORGANISATION * sum(n * (n - 1) // 2 for n in organisations.values())
        penalty += W_DIVERSITY * max(0, self.bound_m - len({p.municipality for p in people}))
        penalty += W_DIVERSITY * max(0, self.bound_b - len({p.background for p in people}))
        penalty += W_HARD * sum(
            1 for p in people if p.needs_access and index not in self.layout.accessible
        )
        return penalty

    def _repeats_with(self, key: int, others: list[int]) -> int:
        """How many of `others` the person meets in another round too (counted once more)."""
        met = self.met
        return sum(met[(key, o) if key < o else (o, key)] > 1 for o in others if o != key)

    def _move_pairs(self, key: int, old: list[int], new: list[int]) -> None:
        for other in old:
            if other != key:
                self.met[(key, other) if key < other else (other, key)] -= 1
        for other in new:
            if other != key:
                self.met[(key, other) if key < other else (other, key)] += 1

    def _badness(self, r: int, index: int) -> int:
        table = self.rounds[r][index]
        repeats = sum(self._repeats_with(key, table) for key in table)
        return self._table_penalty(table, index) + W_REPEAT * repeats

    def run(self, rng: random.Random, deadline: float) -> int:
        """Swap people out of the tables that fall short (a penalty above zero) until none
        does, no swap helps any more, or the time is up."""
        swaps = 0
        count = len(self.layout.sizes)
        movable = [
            [
                [k for k in table if self.by_key[k].facilitator_of is None]
                for table in tables_of_round
            ]
            for tables_of_round in self.rounds
        ]
        bad = {
            (r, t) for r in range(len(self.rounds)) for t in range(count) if self._badness(r, t) > 0
        }
        tries: Counter = Counter()
        while bad and count > 1 and time.perf_counter() < deadline:
            r, ta = rng.choice(sorted(bad))
            if tries[(r, ta)] > TRIES or not movable[r][ta]:
                bad.discard((r, ta))  # as good as this table gets
                continue
            tries[(r, ta)] += 1
            tb = rng.randrange(count - 1)
            tb += tb >= ta
            if not movable[r][tb]:
                continue
            a, b = rng.choice(movable[r][ta]), rng.choice(movable[r][tb])
            table_a, table_b = self.rounds[r][ta], self.rounds[r][tb]
            before = (
                self._table_penalty(table_a, ta)
                + self._table_penalty(table_b, tb)
                + W_REPEAT * (self._repeats_with(a, table_a) + self._repeats_with(b, table_b))
            )
            new_a = [b if k == a else k for k in table_a]
            new_b = [a if k == b else k for k in table_b]
            self._move_pairs(a, table_a, new_b)
            self._move_pairs(b, table_b, new_a)
            after = (
                self._table_penalty(new_a, ta)
                + self._table_penalty(new_b, tb)
                + W_REPEAT * (self._repeats_with(b, new_a) + self._repeats_with(a, new_b))
            )
            if after < before or (after == before and rng.random() < SIDEWAYS):
                self.rounds[r][ta], self.rounds[r][tb] = new_a, new_b
                movable[r][ta] = [b if k == a else k for k in movable[r][ta]]
                movable[r][tb] = [a if k == b else k for k in movable[r][tb]]
                swaps += 1
                for index in (ta, tb):
                    if self._badness(r, index) > 0:
                        bad.add((r, index))
                    else:
                        bad.discard((r, index))
            else:
                self._move_pairs(a, new_b, table_a)
                self._move_pairs(b, new_a, table_b)
        return swaps


def mix(
    participants: list[Participant],
    *,
    rounds: int,
    table_size: int,
    accessible_tables: set[int] | None = None,
    seed: int = 0,
    budget_seconds: float = 0.5,
) -> Mixing:
    """Seat `participants` at tables of about `table_size` for `rounds` rounds.
    `accessible_tables`: the tables (by number, from 0) that are accessible; None: all."""
    started = time.perf_counter()
    sizes = table_sizes(len(participants), table_size)
    accessible = set(range(len(sizes))) if accessible_tables is None else set(accessible_tables)
    layout = _Layout(sizes, accessible, {p.key: p for p in participants})
    fixed: list[list[int]] = [[] for _ in sizes]
    for p in participants:
        if p.facilitator_of is not None:
            if not 0 <= p.facilitator_of < len(sizes):
                raise ValueError(f"table {p.facilitator_of} does not exist")
            fixed[p.facilitator_of].append(p.key)
    if any(len(keys) > size for keys, size in zip(fixed, sizes, strict=True)):
        raise ValueError("more facilitators at a table than it has seats")
    movers = [p for p in participants if p.facilitator_of is None]
    first, seats = _first_round(movers, layout, fixed)
    plan = [first] + [_later_round(r, seats, layout, fixed) for r in range(1, rounds)]
    search = _Search(plan, layout, participants)
    swaps = search.run(random.Random(seed), started + budget_seconds)
    return Mixing(
        rounds=plan,
        quality=quality_of(plan, participants, accessible),
        seconds=time.perf_counter() - started,
        swaps=swaps,
    )

"""Mixing a workshop's participants at tables (issue 17): every round seats everyone once at
tables of sizes within one; facilitators keep their tables; accessibility is honoured; no
pair meets twice and no one sits with their own organisation where the list allows; every
table reaches the bound of municipalities and backgrounds; the quality is reported against
a random assignment."""

from itertools import combinations

import pytest

from elinvoima.bench.table_mixing import benchmark_participants
from elinvoima.workshops.mixing import (
    Participant,
    distinct_bound,
    mix,
    quality_of,
    random_assignment,
    table_sizes,
)


def _seated_once(result, participants):
    keys = sorted(p.key for p in participants)
    for tables in result.rounds:
        assert sorted(key for table in tables for key in table) == keys
        sizes = [len(table) for table in tables]
        assert max(sizes) - min(sizes) <= 1


def test_table_sizes__as_few_tables_as_hold_everyone__within_one():
    assert table_sizes(300, 8) == [8] * 34 + [7] * 4
    assert table_sizes(7, 8) == [7]
    assert table_sizes(17, 8) == [6, 6, 5]


@pytest.mark.parametrize(
    ("values", "tables", "smallest", "bound"),
    [
        (["a"] * 10 + ["b"] * 10, 4, 5, 2),
        (["a"] * 18 + ["b"] + ["c"], 4, 5, 1),  # b and c reach one table each
        (["a"] * 8 + ["b"] * 8 + ["c"] * 4 + ["d"] * 4, 4, 6, 4),
        (["a", "b", "c"], 1, 3, 3),
        ([], 3, 3, 0),
    ],
)
def test_distinct_bound__what_every_table_can_have_at_once(values, tables, smallest, bound):
    assert distinct_bound(values, tables, smallest) == bound


def test_mix__benchmark_list__no_repeats_no_own_organisation_every_table_at_the_bound():
    participants = benchmark_participants(120)
    result = mix(participants, rounds=3, table_size=8, seed=0)
    _seated_once(result, participants)
    q = result.quality
    assert (q.repeated_pairs, q.same_organisation_pairs, q.hard_violations) == (0, 0, 0)
    assert q.tables_at_bound == q.tables
    assert q.bound_municipalities >= 3 and q.bound_backgrounds >= 4
    random_quality = quality_of(
        random_assignment(participants, rounds=3, table_size=8), participants
    )
    assert random_quality.repeated_pairs > 0  # what the mixing avoids


def test_mix__facilitators_keep_their_tables__accessibility_honoured():
    participants = [
        Participant(key, f"m{key % 3}", f"b{key % 4}", f"o{key}", needs_access=key in (5, 9))
        for key in range(40)
    ]
    participants[0] = Participant(0, "m0", "b0", "o0", facilitator_of=0)
    participants[1] = Participant(1, "m1", "b1", "o1", facilitator_of=3)
    result = mix(participants, rounds=3, table_size=8, accessible_tables={0, 1}, budget_seconds=0.2)
    _seated_once(result, participants)
    for tables in result.rounds:
        assert 0 in tables[0] and 1 in tables[3]
        assert any(5 in tables[index] for index in (0, 1))
        assert any(9 in tables[index] for index in (0, 1))
    assert result.quality.hard_violations == 0


def test_mix__one_organisation_everywhere__the_unavoidable_reported_not_hidden():
    participants = [Participant(key, "Laukaa", "association", "MLL") for key in range(16)]
    result = mix(participants, rounds=2, table_size=8, budget_seconds=0.1)
    _seated_once(result, participants)
    assert result.quality.same_organisation_pairs == 2 * 2 * 28  # 2 rounds × 2 tables × C(8,2)
    pairs = [
        pair
        for tables in result.rounds
        for table in tables
        for pair in combinations(sorted(table), 2)
    ]
    assert len(pairs) - len(set(pairs)) == result.quality.repeated_pairs


def test_mix__a_facilitator_at_a_table_that_does_not_exist__refused():
    with pytest.raises(ValueError):
        mix([Participant(1, "a", "b", facilitator_of=5)], rounds=1, table_size=8)

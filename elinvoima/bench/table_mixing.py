"""table_mixing: seating a regional workshop's participants (issue 17).

A: `workshops.mixing.mix` for 300 participants from 5 municipalities (unevenly: 40 %, 25 %,
15 %, 10 %, 10 %) and 7 backgrounds, most of them from one of 40 organisations per
municipality, at tables of 8 for 3 rounds; the median of five runs (seeds 0–4). No
database. The line's ratio is the repeated pairs of A against those of a random assignment
of the same tables (`random_assignment`, seed 0): the goal is 0, with no same-organisation
pair and every table at the bound of distinct municipalities and backgrounds that the list
allows (`distinct_bound`; on this list 4 municipalities and 6 backgrounds), in under a
second. The quality figures of A and of the random assignment are on the line too.
"""

import random
import statistics

from elinvoima.workshops.mixing import (
    Participant,
    mix,
    quality_of,
    random_assignment,
)

from .harness import Result, progress

NAME = "table_mixing"
MUNICIPALITIES = ["Jyväskylä", "Laukaa", "Muurame", "Uurainen", "Toivakka"]
SHARES = [0.4, 0.25, 0.15, 0.1, 0.1]
BACKGROUNDS = ["association", "official", "elected", "county", "company", "parish", "resident"]
RUNS = 5


def benchmark_participants(count: int = 300, seed: int = 1) -> list[Participant]:
    rng = random.Random(seed)
    participants = []
    for key in range(count):
        municipality = rng.choices(MUNICIPALITIES, SHARES)[0]
        background = rng.choice(BACKGROUNDS)
        organisation = "" if background == "resident" else f"{municipality}-{rng.randrange(40)}"
        participants.append(Participant(key, municipality, background, organisation))
    return participants


def table_mixing() -> Result:
    participants = benchmark_participants()
    runs = [mix(participants, rounds=3, table_size=8, seed=seed) for seed in range(RUNS)]
    seconds = [run.seconds for run in runs]
    worst = max(
        runs,
        key=lambda run: (
            run.quality.repeated_pairs,
            run.quality.tables - run.quality.tables_at_bound,
        ),
    )
    q = worst.quality
    r = quality_of(random_assignment(participants, rounds=3, table_size=8), participants)
    ratio = q.repeated_pairs / r.repeated_pairs if r.repeated_pairs else 0.0
    extra = (
        f"worst of {RUNS}: {q.repeated_pairs} repeated pairs (random {r.repeated_pairs}), "
        f"{q.same_organisation_pairs} same-organisation pairs (random "
        f"{r.same_organisation_pairs}), {q.tables_at_bound} of {q.tables} tables at the bound "
        f"of {q.bound_municipalities} municipalities and {q.bound_backgrounds} backgrounds "
        f"(random {r.tables_at_bound}), at least {q.min_municipalities} municipalities and "
        f"{q.min_backgrounds} backgrounds a table (random {r.min_municipalities} and "
        f"{r.min_backgrounds}), slowest {max(seconds):.2f} s"
    )
    progress(f"{NAME}: {extra}")
    return Result(
        name=NAME,
        value=statistics.median(seconds),
        unit="s",
        ratio=ratio,
        baseline="random assignment's repeated pairs",
        samples={"a": seconds},
        medians={"a": statistics.median(seconds)},
        pairs=RUNS,
        notes="300 participants, 5 municipalities, 7 backgrounds, tables of 8, 3 rounds",
        extra=extra,
    )

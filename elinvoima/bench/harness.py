"""Measuring helpers shared by all benchmarks (docs/performance.md, "The method").

A benchmark alternates the measured thing (A) and its baseline (B), A B A B …, after a
warm-up pair, and reports the median of A and the median of the pairwise ratios A/B: the
machines are shared and noisy, and a pairwise ratio cancels what drifts between pairs.
"""

import json
import os
import statistics
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter

PAIRS = 15
MIN_PAIRS = 5


class Skipped(Exception):  # noqa: N818 (reads as `raise Skipped("needs PostgreSQL")`)
    """Raised by a benchmark that cannot run here; the reason is printed instead of a value."""


@dataclass
class Result:
    name: str
    value: float
    unit: str
    ratio: float
    baseline: str
    samples: dict[str, list[float]]
    medians: dict[str, float]
    pairs: int
    timestamp: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    notes: str = ""


def median(values: list[float]) -> float:
    return statistics.median(values)


def median_ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def progress(message: str) -> None:
    """Progress goes to stderr: stdout carries only the one result line per benchmark."""
    print(message, file=sys.stderr, flush=True)


def _timed(run: Callable[[], object]) -> float:
    started = perf_counter()
    run()
    return perf_counter() - started


def alternate(
    run_a: Callable[[], object],
    run_b: Callable[[], object],
    *,
    before_a: Callable[[], object] = lambda: None,
    before_b: Callable[[], object] = lambda: None,
    pairs: int = PAIRS,
    min_pairs: int = MIN_PAIRS,
    budget_seconds: float | None = None,
    label: str = "",
) -> tuple[list[float], list[float]]:
    """Time A and B alternately, after a warm-up pair. `before_a`/`before_b` run untimed
    before each run (to reset state). With `budget_seconds`, pairs stop once another one
    (at the median pair's wall time, resets included) would overrun the budget, but never
    before `min_pairs`."""
    started = perf_counter()
    a_samples: list[float] = []
    b_samples: list[float] = []
    pair_seconds: list[float] = []
    for index in range(pairs + 1):
        elapsed = perf_counter() - started
        if (
            budget_seconds is not None
            and index > min_pairs
            and elapsed + median(pair_seconds) > budget_seconds
        ):
            break
        before_a()
        a = _timed(run_a)
        before_b()
        b = _timed(run_b)
        pair_seconds.append(perf_counter() - started - elapsed)
        if index == 0:  # the warm-up pair
            progress(f"{label}: warm-up A {a:.3g} s, B {b:.3g} s, pair {pair_seconds[0]:.3g} s")
            continue
        a_samples.append(a)
        b_samples.append(b)
    progress(f"{label}: {len(a_samples)} pairs in {perf_counter() - started:.0f} s")
    return a_samples, b_samples


def result_from_samples(
    name: str,
    a: list[float],
    b: list[float],
    *,
    unit: str,
    baseline: str,
    scale: float = 1.0,
    notes: str = "",
) -> Result:
    """`scale` converts seconds to `unit` (1000 for ms); samples are kept in seconds."""
    return Result(
        name=name,
        value=median(a) * scale,
        unit=unit,
        ratio=median_ratio(a, b),
        baseline=baseline,
        samples={"a": a, "b": b},
        medians={"a": median(a), "b": median(b)},
        pairs=len(a),
        notes=notes,
    )


def format_line(result: Result) -> str:
    return (
        f"bench {result.name}: {result.value:.2f} {result.unit} "
        f"({result.ratio:.1f}x {result.baseline})"
    )


def skipped_line(name: str, reason: str) -> str:
    return f"bench {name}: skipped ({reason})"


def write_results(results: list[Result], path: Path) -> None:
    """Merge into the file by benchmark name, so running one benchmark keeps the others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        existing = {}
    existing.update({result.name: asdict(result) for result in results})
    partial = path.with_suffix(".json.tmp")
    partial.write_text(json.dumps(existing, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(partial, path)

"""Measuring helpers shared by all benchmarks (docs/performance.md, "The method").

A benchmark alternates the measured thing (A) and its baseline (B), A B A B …, after a
warm-up pair, and reports the median of A and the median of the pairwise ratios A/B: the
machines are shared and noisy, and a pairwise ratio cancels what drifts between pairs.

Every line shows both absolute figures and the pair count: a ratio means something only
when the baseline is the floor, and a slow baseline is seen only beside its own figure.
Where docs/performance.md has a calibration for the baseline (what this machine does at
best), a baseline more than 2x off it is flagged on the line.
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
CALIBRATION_TOLERANCE = 2.0


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
    baseline_value: float | None = None  # B's median in `unit`
    calibration: float | None = None  # what B should reach on this machine, in `unit`
    budget_note: str = ""  # why fewer than PAIRS pairs, if so
    extra: str = ""  # more figures at the end of the line (e.g. latencies)

    @property
    def calibration_factor(self) -> float | None:
        """How many times off its calibration the baseline is (1.0: on it)."""
        if not self.calibration or not self.baseline_value:
            return None
        factor = self.baseline_value / self.calibration
        return max(factor, 1 / factor)


def require_postgres() -> None:
    """Raise Skipped unless the benchmark's database is PostgreSQL."""
    from django.db import connection

    if connection.vendor != "postgresql":
        raise Skipped(f"needs PostgreSQL, the database is {connection.vendor}")


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
    calibration: float | None = None,
    budget_seconds: float | None = None,
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
        baseline_value=median(b) * scale,
        calibration=calibration,
        budget_note=budget_note(len(a), budget_seconds),
    )


def rate_result(
    name: str,
    a: list[float],
    b: list[float],
    *,
    count: int,
    unit: str,
    baseline: str,
    notes: str = "",
    calibration: float | None = None,
    budget_seconds: float | None = None,
) -> Result:
    """A result as a rate (`count` things per second): higher is better, and the ratio is
    still the time ratio A/B."""
    return Result(
        name=name,
        value=count / median(a),
        unit=unit,
        ratio=median_ratio(a, b),
        baseline=baseline,
        samples={"a": a, "b": b},
        medians={"a": median(a), "b": median(b)},
        pairs=len(a),
        notes=notes,
        baseline_value=count / median(b),
        calibration=calibration,
        budget_note=budget_note(len(a), budget_seconds),
    )


def budget_note(pairs: int, budget_seconds: float | None) -> str:
    if pairs >= PAIRS or budget_seconds is None:
        return ""
    return f"fewer than {PAIRS} to stay within {budget_seconds:.0f} s"


def format_line(result: Result) -> str:
    """`bench <name>: <value> <unit> (<ratio>x <baseline>)`, the baseline naming its own
    figure and the pair count: `(2.3x raw SQL at 21.91 ms; 40 pairs)`."""
    details = f"{result.ratio:.1f}x {result.baseline}"
    if result.baseline_value is not None:
        details += f" at {_figure(result.baseline_value)} {result.unit}"
    details += f"; {result.pairs} pairs"
    if result.budget_note:
        details += f", {result.budget_note}"
    factor = result.calibration_factor
    if factor is not None and factor > CALIBRATION_TOLERANCE:
        details += (
            f"; WARNING: the baseline is {factor:.1f}x off its calibration "
            f"({_figure(result.calibration or 0)} {result.unit})"
        )
    if result.extra:
        details += f"; {result.extra}"
    return f"bench {result.name}: {_figure(result.value)} {result.unit} ({details})"


def _figure(value: float) -> str:
    return f"{value:.2f}"  # a plain number: the line is read by machines too


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

"""The benchmark line (DESIGN: `bench <name>: <value> <unit> (<ratio>x <baseline>)`) names
the baseline's own figure and the pair count, and flags a baseline far off its calibration."""

import re

from elinvoima.bench.harness import format_line, rate_result, result_from_samples

LINE = re.compile(r"^bench \S+: [0-9]+\.[0-9]{2} \S+ \([0-9]+\.[0-9]x .+\)$")


def test_page_line__both_figures_and_the_pairs():
    a, b = [0.050] * 15, [0.020] * 15
    line = format_line(
        result_from_samples("page_pg", a, b, unit="ms", baseline="raw SQL", scale=1000)
    )
    assert LINE.match(line), line
    assert line == "bench page_pg: 50.00 ms (2.5x raw SQL at 20.00 ms; 15 pairs)"


def test_import_line__rates_and_a_baseline_off_its_calibration_flagged():
    a, b = [10.0] * 5, [5.0] * 5  # 1,000,000 rows: 100,000 rows/s against 200,000
    result = rate_result(
        "import_pg",
        a,
        b,
        count=1_000_000,
        unit="rows/s",
        baseline="binary COPY",
        calibration=465_000,
        budget_seconds=300,
    )
    line = format_line(result)
    assert LINE.match(line), line
    assert "100000.00 rows/s (2.0x binary COPY at 200000.00 rows/s; 5 pairs" in line
    assert "fewer than 15 to stay within 300 s" in line
    assert "WARNING: the baseline is 2.3x off its calibration (465000.00 rows/s)" in line


def test_import_line__baseline_near_its_calibration__no_warning():
    result = rate_result(
        "import_pg",
        [4.0] * 15,
        [2.5] * 15,
        count=1_000_000,
        unit="rows/s",
        baseline="binary COPY",
        calibration=465_000,
    )
    assert "WARNING" not in format_line(result)


def test_load_line__requests_per_second_and_latencies_at_the_end():
    # Seconds per request under load: 0.01 s (100 requests/s) against /healthz's 0.002 s.
    result = rate_result(
        "page_gunicorn",
        [0.010] * 15,
        [0.002] * 15,
        count=1,
        unit="requests/s",
        baseline="/healthz under the same load",
    )
    result.extra = "page p50 180.0 ms, p95 260.0 ms"
    line = format_line(result)
    assert LINE.match(line), line
    assert line == (
        "bench page_gunicorn: 100.00 requests/s (5.0x /healthz under the same load at "
        "500.00 requests/s; 15 pairs; page p50 180.0 ms, p95 260.0 ms)"
    )

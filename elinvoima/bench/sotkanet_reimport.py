"""sotkanet_reimport_pg: importing a Sotkanet `/json` file of 1,000,000 values into a table
that already holds 4,000,000, half of the file's values changed — next year's file, the
common case — as rows per second.

The table holds the values of 400 indicators × 1,000 regions × 10 years; the file has 100 of
those indicators. Two versions of those 1,000,000 values exist: the original (what the table
holds at the start) and the revised, in which every second row's value differs. Each run
brings the table from one version to the other, so every run finds the same 500,000 rows to
rewrite and 500,000 to leave alone, and no run needs the table reset:

A: `values_import()` of the revised file, as the import task runs it (read, checked,
   staged by COPY, the rows that differ updated, none added), on the original table.
B: the floor for the same change, by hand, on the revised table: a binary COPY of the
   original rows, already parsed and mapped, into a bare temporary table, the keys checked
   by one join, and one UPDATE … FROM of the rows that differ (the fastest of the ways tried,
   see docs/performance.md).

Before each run the values table is vacuumed, so neither finds the other's dead rows. The
indicators, regions and values are the benchmark's own (ids from 9,000,001) and deleted
afterwards.
"""

import shutil
import tempfile
from pathlib import Path

from django.db import connection, transaction

from elinvoima.indicators.models import Indicator, IndicatorValue, Region
from elinvoima.indicators.sotkanet.importing import values_import

from .copy_payload import copy_payload, copy_send
from .harness import Result, alternate, median, progress, rate_result, require_postgres
from .sotkanet_import import (
    BENCH_ID,
    FIRST_YEAR,
    REGIONS,
    _catalogue_delete,
    _catalogue_ensure,
)

STORED_INDICATORS, FILE_INDICATORS, YEARS = 400, 100, 10
BUDGET_SECONDS = 480  # 15 pairs of about 27 s each, vacuums included
STAGING = "bench_sotkanet_reimport"
COLUMNS = ("indicator_id", "region_id", "year", "gender", "value", "abs_value")


def original_value(indicator: int, region: int, year: int) -> tuple[float, float | None]:
    """The stored value of a cell (numbers from 1), the same formula as `_table_fill`'s SQL."""
    n = (indicator * 7919 + region * 104729 + year * 1299709) % 20000
    absolute = (
        None
        if (indicator + region + year) % 3 == 0
        else float((indicator * 31 + region * 17 + year) % 100000)
    )
    return n / 10, absolute


def revised_value(indicator: int, region: int, year: int) -> tuple[float, float | None]:
    value, absolute = original_value(indicator, region, year)
    if (region + year) % 2:
        value = ((indicator * 7919 + region * 104729 + year * 1299709 + 5000) % 20000) / 10
    return value, absolute


def sotkanet_reimport_pg() -> Result:
    require_postgres()
    name = "sotkanet_reimport_pg"
    directory = Path(tempfile.mkdtemp(prefix="elinvoima-bench-"))
    path = directory / "revised.json"
    try:
        indicator_pks = _catalogue_ensure(connection.alias, count=STORED_INDICATORS)
        try:
            _table_fill(indicator_pks)
            rows = _file_write(path, indicator_pks)
            payload = copy_payload(
                IndicatorValue._meta.db_table,
                COLUMNS,
                (
                    (pk, region, year, "total", *original_value(number, region - BENCH_ID, year))
                    for number, pk, region, year in _cells(indicator_pks)
                ),
            )
            stored = IndicatorValue.objects.count()
            megabytes = path.stat().st_size / 1e6
            progress(f"{name}: {rows} values into a table of {stored}, {megabytes:.0f} MB of JSON")

            def import_file():
                with path.open("rb") as source:
                    summary = values_import(source=source, values_format="json")
                if (summary.added, summary.changed) != (0, rows // 2):
                    raise RuntimeError(f"{name}: {summary} for {rows} rows, half changed")

            def reimport_by_hand():
                changed = _reimport_raw(payload)
                if changed != rows // 2:
                    raise RuntimeError(f"{name}: B changed {changed} rows of {rows}")

            a, b = alternate(
                import_file,
                reimport_by_hand,
                before_a=_vacuum,
                before_b=_vacuum,
                budget_seconds=BUDGET_SECONDS,
                label=name,
            )
        finally:
            IndicatorValue.objects.filter(indicator_id__in=list(indicator_pks.values())).delete()
            _catalogue_delete(connection.alias)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    notes = (
        f"{rows} values, {rows // 2} changed, into a table of {stored}; "
        f"A {median(a):.2f} s, B {median(b):.2f} s; {len(a)} A/B pairs after one warm-up pair"
    )
    progress(f"{name}: {notes}")
    return rate_result(
        name,
        a,
        b,
        count=rows,
        unit="rows/s",
        baseline="a binary COPY and one UPDATE of what differs",
        notes=notes,
        calibration=None,
        budget_seconds=BUDGET_SECONDS,
    )


def _cells(indicator_pks: dict[int, int]):
    """(indicator number, pk, region id, year) of the file, in the file's order."""
    for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
        for region in range(BENCH_ID + 1, BENCH_ID + REGIONS + 1):
            for number in range(1, FILE_INDICATORS + 1):
                yield number, indicator_pks[BENCH_ID + number], region, year


def _table_fill(indicator_pks: dict[int, int]) -> None:
    """The 4,000,000 original values, written by SQL with original_value's formula."""
    table = connection.ops.quote_name(IndicatorValue._meta.db_table)
    indicators = connection.ops.quote_name(Indicator._meta.db_table)
    regions = connection.ops.quote_name(Region._meta.db_table)
    IndicatorValue.objects.filter(indicator_id__in=list(indicator_pks.values())).delete()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (indicator_id, region_id, year, gender, value, abs_value)
            SELECT i.id, r.id, c.year, 'total',
                   ((c.i * 7919 + c.r * 104729 + c.year * 1299709) %% 20000)::float8 / 10,
                   CASE WHEN (c.i + c.r + c.year) %% 3 = 0 THEN NULL
                        ELSE ((c.i * 31 + c.r * 17 + c.year) %% 100000)::float8 END
            FROM {indicators} i
            CROSS JOIN {regions} r
            CROSS JOIN generate_series(%(first)s::bigint, %(last)s) AS y
            CROSS JOIN LATERAL (SELECT i.sotkanet_id - %(base)s AS i, r.id - %(base)s AS r,
                                       y AS year) c
            WHERE i.sotkanet_id > %(base)s AND i.sotkanet_id <= %(base)s + %(indicators)s
              AND r.id > %(base)s AND r.id <= %(base)s + %(regions)s
            """,  # noqa: S608 (names from the models)
            {
                "base": BENCH_ID,
                "first": FIRST_YEAR,
                "last": FIRST_YEAR + YEARS - 1,
                "indicators": STORED_INDICATORS,
                "regions": REGIONS,
            },
        )
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {table}")


def _file_write(path: Path, indicator_pks: dict[int, int]) -> int:
    """The revised file of FILE_INDICATORS indicators; returns its row count."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        for number, _pk, region, year in _cells(indicator_pks):
            value, absolute = revised_value(number, region - BENCH_ID, year)
            text = (
                f'{{"indicator":{BENCH_ID + number},"region":{region},"year":{year},'
                f'"gender":"total","value":{value!r}'
            )
            text += f',"absValue":{absolute!r}}}' if absolute is not None else "}"
            out.write(("," if count else "") + text)
            count += 1
        out.write("]")
    return count


def _vacuum() -> None:
    table = connection.ops.quote_name(IndicatorValue._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM {table}")


def _reimport_raw(payload: bytes) -> int:
    """B: the original rows COPYed into a bare temporary table, their keys checked by one
    join, and the rows that differ updated by one statement. Returns the rows changed."""
    quote = connection.ops.quote_name
    table = quote(IndicatorValue._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        # The values table's column types, no indexes or constraints.
        bare = f"SELECT {', '.join(COLUMNS)} FROM {table} WITH NO DATA"  # noqa: S608 (model names)
        cursor.execute(f"CREATE TEMPORARY TABLE {STAGING} ON COMMIT DROP AS {bare}")
        copy_send(cursor, STAGING, COLUMNS, payload)
        cursor.execute(f"ANALYZE {STAGING}")
        cursor.execute(
            f"""
            SELECT count(*) FROM {STAGING} s
            WHERE NOT EXISTS (SELECT FROM {quote(Indicator._meta.db_table)} i
                              WHERE i.id = s.indicator_id)
               OR NOT EXISTS (SELECT FROM {quote(Region._meta.db_table)} r
                              WHERE r.id = s.region_id)
            """  # noqa: S608
        )
        if cursor.fetchone()[0]:
            raise RuntimeError("rows with an unknown indicator or region")
        cursor.execute(
            f"""
            UPDATE {table} AS t SET value = s.value, abs_value = s.abs_value
            FROM {STAGING} AS s
            WHERE t.indicator_id = s.indicator_id AND t.region_id = s.region_id
              AND t.year = s.year AND t.gender = s.gender
              AND (t.value, t.abs_value) IS DISTINCT FROM (s.value, s.abs_value)
            """  # noqa: S608
        )
        return cursor.rowcount

"""sotkanet_import_pg and sotkanet_import_sqlite: importing a Sotkanet `/json` file of
1,000,000 values, as rows per second.

A: `values_import` on the file, as the import task runs it: the file read and checked
(every indicator and region known, no row twice), the rows written and upserted on
(indicator, region, year, gender) in one transaction — on PostgreSQL through COPY into a
staging table and one INSERT … ON CONFLICT DO UPDATE, on SQLite through one executemany
upsert.
B: the same rows, already parsed and mapped, loaded raw in one transaction into an empty
table with the same columns, indexes and constraints as IndicatorValue: on PostgreSQL a
binary COPY with the two keys checked once by a join (not by per-row foreign-key
triggers), on SQLite an executemany INSERT. B is the floor for writing these rows; its
own rate is printed beside the ratio, and flagged when it is more than 2x off the
calibration of docs/performance.md.
The ratio is the time ratio A/B: how many times longer the import takes than the raw load.
Before each run A's rows are deleted (the table vacuumed) and B's table emptied.

The file has 100 indicators × 1,000 regions × 10 years (gender total; two in three with an
absolute value), made up deterministically; the indicators and regions it needs are
created with ids of their own (from 9,000,001) and deleted afterwards. On SQLite the
benchmark runs in a temporary database file of its own, whatever DATABASE_URL says.
"""

import os
import random
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator, IndicatorValue, Region
from elinvoima.indicators.sotkanet.importing import values_import

from .copy_payload import copy_payload, copy_send
from .harness import Result, alternate, median, progress, rate_result, require_postgres

ROWS = int(os.environ.get("SOTKANET_BENCH_ROWS", 1_000_000))
INDICATORS, REGIONS, FIRST_YEAR = 100, 1_000, 2015
BENCH_ID = 9_000_000
SEED = 1
BUDGET_SECONDS = 420  # 15 pairs on SQLite take about 360 s
BASELINE_TABLE = "bench_sotkanet_raw"
# docs/performance.md, "Orientation": 1,000,000 rows written into a table with the values
# table's indexes by plain SQL in about 6 s, measured apart from this benchmark. (Its older
# figure, 465,000 rows/s, was for a table with fewer indexes.)
COPY_CALIBRATION = 166_000
SQLITE_ALIAS = "sotkanet_bench"


def sotkanet_import_pg() -> Result:
    require_postgres()
    return _run(
        "sotkanet_import_pg",
        DEFAULT_DB_ALIAS,
        baseline="a binary COPY with the keys checked by one join",
        calibration=COPY_CALIBRATION,
    )


def sotkanet_import_sqlite() -> Result:
    directory = tempfile.mkdtemp(prefix="elinvoima-bench-")
    try:
        _sqlite_alias(Path(directory) / "bench.sqlite3")
        return _run(
            "sotkanet_import_sqlite", SQLITE_ALIAS, baseline="the time of a raw executemany"
        )
    finally:
        if SQLITE_ALIAS in connections.settings:
            connections[SQLITE_ALIAS].close()
            del connections[SQLITE_ALIAS]
            del connections.settings[SQLITE_ALIAS]
        shutil.rmtree(directory, ignore_errors=True)


def _run(name: str, using: str, *, baseline: str, calibration: float | None = None) -> Result:
    directory = Path(tempfile.mkdtemp(prefix="elinvoima-bench-"))
    path = directory / "values.json"
    try:
        indicator_pks = _catalogue_ensure(using)
        rows = _rows_write(path, indicator_pks)
        progress(f"{name}: {len(rows)} values, {path.stat().st_size / 1e6:.0f} MB of JSON")
        raw = _RawLoad.for_alias(using, rows)
        try:

            def import_file():
                with path.open("rb") as source:
                    summary = values_import(source=source, values_format="json", using=using)
                if summary.added != len(rows):
                    raise RuntimeError(f"{name}: {summary} for {len(rows)} rows")

            a, b = alternate(
                import_file,
                raw.load,
                before_a=lambda: _values_delete(using, indicator_pks),
                before_b=raw.empty,
                budget_seconds=BUDGET_SECONDS,
                label=name,
            )
        finally:
            raw.drop()
            if using == DEFAULT_DB_ALIAS:  # the SQLite file goes away whole
                _values_delete(using, indicator_pks)
                _catalogue_delete(using)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    notes = (
        f"{len(rows)} values; A {median(a):.2f} s, B {median(b):.2f} s; "
        f"{len(a)} A/B pairs after one warm-up pair"
    )
    progress(f"{name}: {notes}")
    return rate_result(
        name,
        a,
        b,
        count=len(rows),
        unit="rows/s",
        baseline=baseline,
        notes=notes,
        calibration=calibration,
        budget_seconds=BUDGET_SECONDS,
    )


def _catalogue_ensure(using: str, count: int = INDICATORS) -> dict[int, int]:
    """The benchmark's `count` indicators and its regions, created when missing:
    Sotkanet id → pk."""
    indicators = [
        Indicator(
            source=IndicatorSource.SOTKANET,
            sotkanet_id=BENCH_ID + number,
            title_fi=f"Vertailuindikaattori {number}",
            title_sv=f"Jämförelseindikator {number}",
            title_en=f"Benchmark indicator {number}",
        )
        for number in range(1, count + 1)
    ]
    Indicator.objects.using(using).bulk_create(indicators, ignore_conflicts=True)
    regions = [
        Region(id=BENCH_ID + number, category="BENCHMARK", title_fi=f"Alue {number}")
        for number in range(1, REGIONS + 1)
    ]
    Region.objects.using(using).bulk_create(regions, ignore_conflicts=True)
    return dict(
        Indicator.objects.using(using)
        .filter(sotkanet_id__gt=BENCH_ID, sotkanet_id__lte=BENCH_ID + count)
        .values_list("sotkanet_id", "pk")
    )


def _catalogue_delete(using: str) -> None:
    Indicator.objects.using(using).filter(sotkanet_id__gt=BENCH_ID).delete()
    Region.objects.using(using).filter(pk__gt=BENCH_ID).delete()


def _rows_write(path: Path, indicator_pks: dict[int, int]) -> list[tuple]:
    """Write the `/json` file and return its rows as B loads them (indicator pk)."""
    generator = random.Random(SEED)
    years = ROWS // (INDICATORS * REGIONS) or 1
    rows = []
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        first = True
        for year in range(FIRST_YEAR, FIRST_YEAR + years):
            for region in range(BENCH_ID + 1, BENCH_ID + REGIONS + 1):
                parts = []
                for indicator in range(BENCH_ID + 1, BENCH_ID + INDICATORS + 1):
                    value = round(generator.uniform(0, 2000), 1)
                    abs_value = generator.randrange(100_000) if generator.random() < 2 / 3 else None
                    text = (
                        f'{{"indicator":{indicator},"region":{region},"year":{year},'
                        f'"gender":"total","value":{value}'
                    )
                    text += f',"absValue":{abs_value}}}' if abs_value is not None else "}"
                    parts.append(text)
                    rows.append(
                        (
                            indicator_pks[indicator],
                            region,
                            year,
                            "total",
                            value,
                            None if abs_value is None else float(abs_value),
                        )
                    )
                out.write(("" if first else ",") + ",".join(parts))
                first = False
        out.write("]")
    return rows


def _values_delete(using: str, indicator_pks: dict[int, int]) -> None:
    values = IndicatorValue.objects.using(using)
    database = connections[using]
    table = database.ops.quote_name(IndicatorValue._meta.db_table)
    with database.cursor() as cursor:
        others = values.exclude(indicator_id__in=list(indicator_pks.values())).exists()
        if database.vendor == "postgresql":
            # Only the benchmark's rows there: start from an empty table, as B does.
            if others:
                values.filter(indicator_id__in=list(indicator_pks.values())).delete()
                cursor.execute(f"VACUUM {table}")
            else:
                cursor.execute(f"TRUNCATE {table}")
        else:
            values.filter(indicator_id__in=list(indicator_pks.values())).delete()


class _RawLoad:
    """B: the rows loaded raw into an empty copy of the values table."""

    def __init__(self, using: str, rows: list[tuple]):
        self.database = connections[using]
        self.rows = rows
        self.columns = ("indicator_id", "region_id", "year", "gender", "value", "abs_value")

    @classmethod
    def for_alias(cls, using: str, rows: list[tuple]) -> "_RawLoad":
        load = (_PostgresRawLoad if connections[using].vendor == "postgresql" else _SqliteRawLoad)(
            using, rows
        )
        load.create()
        return load


class _PostgresRawLoad(_RawLoad):
    """The floor on PostgreSQL: a binary COPY of the rows, already parsed, into a table with
    the same columns, indexes and constraints (`LIKE … INCLUDING ALL`), and the two keys
    checked once for the whole load by a join — not row by row, as foreign-key triggers
    would (about 40 µs a row: 13.6 s of per-row checks against 0.39 s of one join for
    300,000 rows)."""

    def create(self):
        table = self.database.ops.quote_name(IndicatorValue._meta.db_table)
        with self.database.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")
            cursor.execute(f"CREATE TABLE {BASELINE_TABLE} (LIKE {table} INCLUDING ALL)")
            cursor.execute(f"ANALYZE {BASELINE_TABLE}")
        # The COPY payload of the rows, made once: B times only the load, not Python.
        self.payload = copy_payload(BASELINE_TABLE, self.columns, self.rows)

    def load(self):
        quote = self.database.ops.quote_name
        keys_missing = f"""
            SELECT count(*) FROM {BASELINE_TABLE} v
            WHERE NOT EXISTS (SELECT FROM {quote(Indicator._meta.db_table)} i
                              WHERE i.id = v.indicator_id)
               OR NOT EXISTS (SELECT FROM {quote(Region._meta.db_table)} r
                              WHERE r.id = v.region_id)
        """  # noqa: S608 (names from the models)
        with transaction.atomic(using=self.database.alias), self.database.cursor() as cursor:
            copy_send(cursor, BASELINE_TABLE, self.columns, self.payload)
            cursor.execute(keys_missing)
            (missing,) = cursor.fetchone()
            if missing:
                raise RuntimeError(f"{missing} rows with an unknown indicator or region")

    def empty(self):
        with self.database.cursor() as cursor:
            cursor.execute(f"TRUNCATE {BASELINE_TABLE}")

    def drop(self):
        with self.database.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")


class _SqliteRawLoad(_RawLoad):
    def create(self):
        table = IndicatorValue._meta.db_table
        with self.database.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")
            cursor.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = %s AND sql IS NOT NULL",
                [table],
            )
            # The same table and indexes, under other names.
            for kind, name, sql in sorted(cursor.fetchall(), key=lambda row: row[0] != "table"):
                sql = sql.replace(f'"{table}"', f'"{BASELINE_TABLE}"')
                if kind == "index":
                    sql = sql.replace(f'"{name}"', f'"{BASELINE_TABLE}_{name}"')
                cursor.execute(sql)

    def load(self):
        columns = ", ".join(self.columns)
        statement = f"INSERT INTO {BASELINE_TABLE} ({columns}) VALUES (?, ?, ?, ?, ?, ?)"  # noqa: S608
        with transaction.atomic(using=self.database.alias):
            self.database.ensure_connection()
            self.database.connection.executemany(statement, self.rows)

    def empty(self):
        with self.database.cursor() as cursor:
            cursor.execute(f"DELETE FROM {BASELINE_TABLE}")  # noqa: S608

    def drop(self):
        with self.database.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")


def _sqlite_alias(path: Path) -> None:
    """A Django database alias on a new SQLite file, configured as settings.py configures
    SQLite, with just the tables the import needs."""
    connections.settings[SQLITE_ALIAS] = connections.configure_settings(
        {
            DEFAULT_DB_ALIAS: connections.settings[DEFAULT_DB_ALIAS],
            SQLITE_ALIAS: {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(path),
                "OPTIONS": {
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                    "transaction_mode": "IMMEDIATE",
                },
            },
        }
    )[SQLITE_ALIAS]
    database = connections[SQLITE_ALIAS]
    with database.schema_editor() as editor:
        for model in (WellbeingCounty, Municipality, Region, Indicator, IndicatorValue):
            editor.create_model(model)
    progress(f"sotkanet_import_sqlite: database {path} (DEBUG={settings.DEBUG})")

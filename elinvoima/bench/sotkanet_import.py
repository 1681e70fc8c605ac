"""sotkanet_import_pg and sotkanet_import_sqlite: importing a Sotkanet `/json` file of
1,000,000 values, as rows per second.

A: `values_import` on the file, as the import task runs it: the file read and checked
(every indicator and region known, no row twice), the rows written and upserted on
(indicator, region, year, gender) in one transaction — on PostgreSQL through COPY into a
staging table and one INSERT … ON CONFLICT DO UPDATE, on SQLite through one executemany
upsert.
B: the same rows, already parsed and mapped, loaded raw: PostgreSQL COPY (SQLite:
executemany INSERT) in one transaction into an empty table with the same columns,
indexes and constraints as IndicatorValue, its two foreign keys included (deferred, as
Django declares them): so B is the floor for writing these rows.
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
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator, IndicatorValue, Region
from elinvoima.indicators.sotkanet.importing import values_import

from .harness import PAIRS, Result, Skipped, alternate, median, median_ratio, progress

ROWS = int(os.environ.get("SOTKANET_BENCH_ROWS", 1_000_000))
INDICATORS, REGIONS, FIRST_YEAR = 100, 1_000, 2015
BENCH_ID = 9_000_000
SEED = 1
BUDGET_SECONDS = 300
BASELINE_TABLE = "bench_sotkanet_raw"
SQLITE_ALIAS = "sotkanet_bench"


def sotkanet_import_pg() -> Result:
    if connection.vendor != "postgresql":
        raise Skipped(f"needs PostgreSQL, the database is {connection.vendor}")
    return _run("sotkanet_import_pg", DEFAULT_DB_ALIAS, baseline="the time of a raw COPY")


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


def _run(name: str, using: str, *, baseline: str) -> Result:
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
                min_pairs=3,
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
        f"{len(rows)} values; A {median(a):.2f} s, B {median(b):.2f} s "
        f"({len(rows) / median(b):.0f} rows/s); {len(a)} A/B pairs after one warm-up pair"
    )
    if len(a) < PAIRS:
        notes += f" (fewer than {PAIRS}, to stay within {BUDGET_SECONDS} s)"
    progress(f"{name}: {notes}")
    return Result(
        name=name,
        value=len(rows) / median(a),
        unit="rows/s",
        ratio=median_ratio(a, b),
        baseline=baseline,
        samples={"a": a, "b": b},
        medians={"a": median(a), "b": median(b)},
        pairs=len(a),
        notes=notes,
    )


def _catalogue_ensure(using: str) -> dict[int, int]:
    """The benchmark's indicators and regions, created when missing: Sotkanet id → pk."""
    indicators = [
        Indicator(
            source=IndicatorSource.SOTKANET,
            sotkanet_id=BENCH_ID + number,
            title_fi=f"Vertailuindikaattori {number}",
            title_sv=f"Jämförelseindikator {number}",
            title_en=f"Benchmark indicator {number}",
        )
        for number in range(1, INDICATORS + 1)
    ]
    Indicator.objects.using(using).bulk_create(indicators, ignore_conflicts=True)
    regions = [
        Region(id=BENCH_ID + number, category="BENCHMARK", title_fi=f"Alue {number}")
        for number in range(1, REGIONS + 1)
    ]
    Region.objects.using(using).bulk_create(regions, ignore_conflicts=True)
    return dict(
        Indicator.objects.using(using)
        .filter(sotkanet_id__gt=BENCH_ID, sotkanet_id__lte=BENCH_ID + INDICATORS)
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
        self.columns = "indicator_id, region_id, year, gender, value, abs_value"

    @classmethod
    def for_alias(cls, using: str, rows: list[tuple]) -> "_RawLoad":
        load = (_PostgresRawLoad if connections[using].vendor == "postgresql" else _SqliteRawLoad)(
            using, rows
        )
        load.create()
        return load


class _PostgresRawLoad(_RawLoad):
    def create(self):
        table = IndicatorValue._meta.db_table
        quote = self.database.ops.quote_name
        indicator_table = quote(Indicator._meta.db_table)
        region_table = quote(Region._meta.db_table)
        with self.database.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")
            cursor.execute(f"CREATE TABLE {BASELINE_TABLE} (LIKE {quote(table)} INCLUDING ALL)")
            # LIKE copies no foreign keys: the same two as Django's, deferred.
            cursor.execute(
                f"ALTER TABLE {BASELINE_TABLE} "
                f"ADD FOREIGN KEY (indicator_id) REFERENCES {indicator_table} (id) "
                "DEFERRABLE INITIALLY DEFERRED, "
                f"ADD FOREIGN KEY (region_id) REFERENCES {region_table} (id) "
                "DEFERRABLE INITIALLY DEFERRED"
            )
        # The COPY text of the rows, made once: B times only the load.
        lines = []
        for indicator, region, year, gender, value, abs_value in self.rows:
            absolute = "\\N" if abs_value is None else repr(abs_value)
            lines.append(f"{indicator}\t{region}\t{year}\t{gender}\t{value!r}\t{absolute}\n")
        self.text = "".join(lines).encode()

    def load(self):
        statement = f"COPY {BASELINE_TABLE} ({self.columns}) FROM STDIN"
        with (
            transaction.atomic(using=self.database.alias),
            self.database.cursor() as cursor,
            cursor.cursor.copy(statement) as copy,
        ):
            for start in range(0, len(self.text), 1 << 20):
                copy.write(self.text[start : start + (1 << 20)])

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
        statement = f"INSERT INTO {BASELINE_TABLE} ({self.columns}) VALUES (?, ?, ?, ?, ?, ?)"  # noqa: S608
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

"""scale_data_actors_pg: generating the national-scale actors on PostgreSQL.

A: `scale_data_generate` — 100,000 organisations with their municipalities, themes and
target groups, 300,000 people and their memberships, built in Python and written in one
transaction, as `generate_scale_data` does (without the reference data load and the final
ANALYZE).
B: a raw binary COPY of the very same, already built rows, in one transaction, into regular
tables made `LIKE` the real ones `INCLUDING ALL`: the same columns, defaults, indexes,
unique and check constraints (LIKE copies no foreign keys).
Before each run its tables are brought back to the same state: the generated rows deleted
and the tables compacted with VACUUM FULL (A), or truncated and given the same
reference rows (B). The last A run's data stays, analysed, for the benchmarks after this.
"""

from django.db import connection, transaction

from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale.actors import (
    SCALE_MODELS,
    ScaleData,
    TableRows,
    scale_context_load,
    scale_data_build,
    scale_data_delete,
    scale_data_generate,
)

from .harness import Result, Skipped, alternate, result_from_samples

NAME = "scale_data_actors_pg"
SEED = 1
BUDGET_SECONDS = 540  # the whole benchmark stays under ~10 minutes
SCRATCH = "bench_baseline"


def scale_data_actors_pg() -> Result:
    if connection.vendor != "postgresql":
        raise Skipped(f"needs PostgreSQL, the database is {connection.vendor}")
    reference_data_load()
    _reset_generated()
    with transaction.atomic():
        context = scale_context_load(organisations=100_000, people=300_000)
    data = scale_data_build(seed=SEED, context=context)
    base_rows = _base_rows(data)
    _create_scratch_tables(data)
    try:
        a, b = alternate(
            lambda: scale_data_generate(seed=SEED),
            lambda: _raw_copy(data),
            before_a=_reset_generated,
            before_b=lambda: _reset_scratch(base_rows),
            budget_seconds=BUDGET_SECONDS,
            label=NAME,
        )
    finally:
        _execute(f"DROP SCHEMA IF EXISTS {SCRATCH} CASCADE")
    _execute("ANALYZE")
    return result_from_samples(
        NAME,
        a,
        b,
        unit="s",
        baseline="raw COPY",
        notes=f"{len(a)} A/B pairs after one warm-up pair",
        budget_seconds=BUDGET_SECONDS,
    )


def _execute(statement: str, params: list | None = None) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def _quoted(data: ScaleData) -> list[str]:
    return [connection.ops.quote_name(table.table) for table in data.tables()]


def _reset_generated() -> None:
    scale_data_delete()
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in SCALE_MODELS)
    _execute(f"VACUUM FULL {tables}")  # the space of the deleted rows, compacted


def _base_rows(data: ScaleData) -> dict[str, list[tuple]]:
    """The rows already in the real tables before generation (the reference data)."""
    return {
        quoted: _execute(f"SELECT * FROM {quoted}")  # noqa: S608 (a table name)
        for quoted in _quoted(data)
    }


def _create_scratch_tables(data: ScaleData) -> None:
    _execute(f"DROP SCHEMA IF EXISTS {SCRATCH} CASCADE")
    _execute(f"CREATE SCHEMA {SCRATCH}")
    for quoted in _quoted(data):
        _execute(f"CREATE TABLE {SCRATCH}.{quoted} (LIKE {quoted} INCLUDING ALL)")


def _reset_scratch(base_rows: dict[str, list[tuple]]) -> None:
    _execute(f"TRUNCATE {', '.join(f'{SCRATCH}.{q}' for q in base_rows)} RESTART IDENTITY")
    connection.ensure_connection()
    raw = connection.connection
    with raw.cursor() as cursor:
        for quoted, rows in base_rows.items():
            with cursor.copy(f"COPY {SCRATCH}.{quoted} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            # Identity columns continue after the copied ids, as in the real tables.
            table = f"{SCRATCH}.{quoted}"
            highest = f"COALESCE((SELECT max(id) FROM {table}), 0)"  # noqa: S608 (a table name)
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), {highest} + 1, false)", [table]
            )


def _raw_copy(data: ScaleData) -> None:
    """The floor: psycopg's binary COPY of prepared tuples, nothing else."""
    connection.ensure_connection()
    raw = connection.connection
    with raw.transaction(), raw.cursor() as cursor:
        for table in data.tables():
            _copy_table(cursor, table)


def _copy_table(cursor, table: TableRows) -> None:
    target = f"{SCRATCH}.{connection.ops.quote_name(table.table)}"
    cursor.execute(
        "SELECT attname, atttypid FROM pg_attribute "
        "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
        [target],
    )
    types = dict(cursor.fetchall())
    columns = ", ".join(connection.ops.quote_name(c) for c in table.columns)
    with cursor.copy(f"COPY {target} ({columns}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types([types[column] for column in table.columns])
        write_row = copy.write_row
        for row in table.rows:
            write_row(row)

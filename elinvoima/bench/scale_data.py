"""scale_data_actors_pg, scale_data_indicators_pg and scale_data_plans_pg: generating each
part of the national-scale data (elinvoima.bench.scale) on PostgreSQL, in seconds.

A: the part's generator, as `manage.py generate_scale_data` runs it: the rows built in
Python and written in one transaction, with the written tables' secondary indexes and
foreign keys dropped for the load and rebuilt after it.
B: the floor for the same result — the same drop–load–rebuild of the very same rows,
already encoded: the rows A wrote, read back once as binary COPY data (after the warm-up A),
are COPYed into the same tables with the indexes and keys of every table that gets at least
BULK_LOAD_MIN_ROWS rows dropped and rebuilt (rebuilding a foreign key checks all rows with
one join), then the same ANALYZE as A's. So B is what any generator of these rows must do
at least, and A/B is the price of building them in Python.
Before each run the part's generated rows are deleted and its tables compacted (VACUUM
FULL), so A and B load into the same state. The last A's data stays, analysed, for the
benchmarks after these; they run in the order actors, indicators, plans, as the parts
depend on each other.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import connection, models, transaction

from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale.actors import (
    BULK_LOAD_MIN_ROWS,
    SCALE_MODELS,
    _foreign_keys_dropped,
    _indexes_dropped,
    scale_data_delete,
    scale_data_exists,
    scale_data_generate,
)
from elinvoima.bench.scale.indicators import (
    INDICATOR_MODELS,
    SCALE_SOTKANET_ID_BASE,
    indicator_scale_delete,
    indicator_scale_exists,
    indicator_scale_generate,
)
from elinvoima.bench.scale.strategy import (
    PLAN_MODELS,
    plan_scale_delete,
    plan_scale_exists,
    plan_scale_generate,
    scale_plans,
)
from elinvoima.indicators.models import IndicatorValue
from elinvoima.strategy.models import Plan

from .copy_payload import copy_send
from .harness import (
    Result,
    alternate,
    median,
    progress,
    require_postgres,
    result_from_samples,
)

SEED = 1
BUDGET_SECONDS = 840  # 15 pairs of up to 52 s each (plans: A 24 s, B 20 s, resets 8 s)


@dataclass
class Part:
    name: str
    models: Sequence[type[models.Model]]
    generate: Callable[[], object]
    delete: Callable[[], object]
    analysed: bool  # the generator ends with ANALYZE of its tables


def scale_data_actors_pg() -> Result:
    require_postgres()
    reference_data_load()
    if plan_scale_exists():  # plans refer to the organisations
        plan_scale_delete()
    return _run(
        Part(
            "scale_data_actors_pg",
            SCALE_MODELS,
            generate=lambda: scale_data_generate(seed=SEED),
            delete=scale_data_delete,
            analysed=False,
        )
    )


def scale_data_indicators_pg() -> Result:
    require_postgres()
    reference_data_load()
    if plan_scale_exists():  # plans refer to the indicators
        plan_scale_delete()
    return _run(
        Part(
            "scale_data_indicators_pg",
            INDICATOR_MODELS,
            generate=lambda: indicator_scale_generate(seed=SEED),
            delete=_indicators_delete,
            analysed=True,
        )
    )


def scale_data_plans_pg() -> Result:
    require_postgres()
    reference_data_load()
    if not scale_data_exists():
        scale_data_generate(seed=SEED)
    if not indicator_scale_exists():
        indicator_scale_generate(seed=SEED)
    return _run(
        Part(
            "scale_data_plans_pg",
            PLAN_MODELS,
            generate=lambda: plan_scale_generate(seed=SEED),
            delete=_plans_delete,
            analysed=True,
        )
    )


def _indicators_delete() -> None:
    """The generated indicators and values deleted; when the values table holds nothing
    else, emptied by TRUNCATE (deleting 4,000,000 rows one by one took half of each pair)."""
    if not indicator_scale_exists():
        return
    others = IndicatorValue.objects.exclude(indicator__sotkanet_id__gte=SCALE_SOTKANET_ID_BASE)
    if not others.exists():
        _execute(f"TRUNCATE {connection.ops.quote_name(IndicatorValue._meta.db_table)}")
    indicator_scale_delete()


def _plans_delete() -> None:
    """The generated plans deleted; when there are no others, their tables emptied by
    TRUNCATE, with what refers to them (deleting 1,800,000 rows took half of each pair)."""
    if scale_plans().count() == Plan.objects.count():
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in PLAN_MODELS)
        _execute(f"TRUNCATE {tables} CASCADE")
    else:
        plan_scale_delete()


def _run(part: Part) -> Result:
    tables = [model._meta.db_table for model in part.models]
    _reset(part, tables)
    # The rows the part has before generation (reference data): A's rows come after them.
    watermarks = {table: _highest_id(table) for table in tables}
    load = _Reload(tables, watermarks, analysed=part.analysed)

    def before_b():
        load.capture()  # once, after the warm-up A: the rows it wrote
        _reset(part, tables)

    a, b = alternate(
        part.generate,
        load.run,
        before_a=lambda: _reset(part, tables),
        before_b=before_b,
        budget_seconds=BUDGET_SECONDS,
        label=part.name,
    )
    # The last run was B: leave A's data (the same rows, but written as A writes them).
    _reset(part, tables)
    part.generate()
    _execute("ANALYZE")
    notes = (
        f"{load.row_count} rows in {len(tables)} tables; A {median(a):.2f} s, "
        f"B {median(b):.2f} s; {len(a)} A/B pairs after one warm-up pair"
    )
    progress(f"{part.name}: {notes}")
    return result_from_samples(
        part.name,
        a,
        b,
        unit="s",
        baseline="the same drop–load–rebuild of the rows by binary COPY",
        notes=notes,
        budget_seconds=BUDGET_SECONDS,
    )


class _Reload:
    """B: the rows of A's run, loaded again as A loads them, without building them."""

    def __init__(self, tables: list[str], watermarks: dict[str, int], *, analysed: bool):
        self.tables, self.watermarks, self.analysed = tables, watermarks, analysed
        self.payloads: dict[str, tuple[list[str], bytes, int]] = {}

    @property
    def row_count(self) -> int:
        return sum(count for _columns, _payload, count in self.payloads.values())

    def capture(self) -> None:
        if self.payloads:
            return
        quote = connection.ops.quote_name
        for table in self.tables:
            columns = _columns(table)
            # Names from the models; the watermark is a number read from the table.
            rows = f"FROM {quote(table)} WHERE id > {int(self.watermarks[table])}"
            listed = ", ".join(map(quote, columns))
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT count(*) {rows}")
                (count,) = cursor.fetchone()
                chunks = []
                statement = f"COPY (SELECT {listed} {rows} ORDER BY id) TO STDOUT (FORMAT BINARY)"
                with cursor.cursor.copy(statement) as copy:
                    chunks.extend(bytes(chunk) for chunk in copy)
            self.payloads[table] = (columns, b"".join(chunks), count)
        progress(f"B's rows captured: {self.row_count} in {len(self.tables)} tables")

    def run(self) -> None:
        bulk = [t for t in self.tables if self.payloads[t][2] >= BULK_LOAD_MIN_ROWS]
        with (
            transaction.atomic(),
            _foreign_keys_dropped(bulk),
            _indexes_dropped(bulk),
            connection.cursor() as cursor,
        ):
            for table in self.tables:
                columns, payload, _count = self.payloads[table]
                copy_send(cursor, table, columns, payload)
        if self.analysed:
            _execute(f"ANALYZE {', '.join(map(connection.ops.quote_name, self.tables))}")


def _columns(table: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
            [connection.ops.quote_name(table)],
        )
        return [name for (name,) in cursor.fetchall()]


def _highest_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(max(id), 0) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return cursor.fetchone()[0]


def _reset(part: Part, tables: list[str]) -> None:
    part.delete()
    # The deleted rows' space compacted: every run loads into the same tables.
    _execute(f"VACUUM FULL {', '.join(map(connection.ops.quote_name, tables))}")


def _execute(statement: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement)

"""Writing checked values into IndicatorValue in bulk, upserting on (indicator, region,
year, gender) and leaving rows whose value is the same untouched.

PostgreSQL: binary COPY into a temporary staging table while the file is read; then, in
one transaction, the indicators and regions the file refers to are locked once (FOR KEY
SHARE: a concurrent delete waits for the import) and counted, and the rows written by one
INSERT … SELECT: a plain one for the first file of its indicators, else one that adds what
is new and, ON CONFLICT, updates only the rows that differ (one pass over the rows: an
UPDATE … FROM then an INSERT … WHERE NOT EXISTS took 10.4 s for 1,000,000 rows into a table
of 4,000,000, this 8–9 s). IndicatorValue has no database foreign keys (migration
indicators 0006): their per-row checks cost 12 s of a 28-s import of 1,000,000 values,
where this one check of the keys the file uses costs a few milliseconds; the import has
checked every key in Python before, and Django's on_delete keeps the values of a deleted
indicator or region in order.
SQLite: one executemany upsert in one transaction. Either way nothing of a file is in the
table until the whole file has been read and found sound.

One import writes at a time (`import_write_lock`): two importers of one file at once would
otherwise both find a row missing and both insert it, and the second fail on the unique
constraint."""

from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from elinvoima.indicators.models import Indicator, IndicatorValue, Region

# indicator_id (the catalogue's primary key), region_id, year, gender, value, abs_value
CheckedValue = tuple[int, int, int, str, float, float | None]
COLUMNS = ("indicator_id", "region_id", "year", "gender", "value", "abs_value")
STAGING = "sotkanet_values_staging"
STAGING_TYPES = ["int8", "int4", "int2", "varchar", "float8", "float8"]
# The PostgreSQL advisory lock of the Sotkanet imports' writes ("SOTK").
IMPORT_LOCK_KEY = 0x534F544B


def import_write_lock(connection: BaseDatabaseWrapper) -> None:
    """Wait until no other Sotkanet import is writing, and keep the others waiting until
    the caller's transaction ends. Call it inside the write's transaction, before reading
    what is there: the import then reads what an import that ran before it wrote.

    PostgreSQL: a transaction-level advisory lock. SQLite: nothing to do, the settings open
    every transaction IMMEDIATE, so it takes the database's one write lock at its start."""
    if not connection.in_atomic_block:
        raise RuntimeError("import_write_lock() is taken inside the write's transaction")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])


class KeysGone(Exception):  # noqa: N818 (reads as `raise KeysGone()`)
    """An indicator or region the file refers to was deleted while the file was read."""


@dataclass
class WriteCounts:
    added: int
    changed: int
    unchanged: int


def values_writer(connection: BaseDatabaseWrapper) -> "ValuesWriter":
    if connection.vendor == "postgresql":
        return PostgresValuesWriter(connection)
    if connection.vendor == "sqlite":
        return SqliteValuesWriter(connection)
    raise NotImplementedError(f"no bulk writer for {connection.vendor}")


class ValuesWriter:
    def __init__(self, connection: BaseDatabaseWrapper):
        self.connection = connection
        self.count = 0
        self.table = connection.ops.quote_name(IndicatorValue._meta.db_table)

    def add(self, rows: list[CheckedValue]) -> None:
        raise NotImplementedError

    def finish(self) -> WriteCounts:
        raise NotImplementedError

    def close(self) -> None:
        """Called always, also when the file was refused."""


class PostgresValuesWriter(ValuesWriter):
    def __init__(self, connection):
        super().__init__(connection)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
            # No indexes or constraints: the rows were checked, and COPY into a bare
            # table costs least.
            cursor.execute(
                f"CREATE TEMPORARY TABLE {STAGING} (indicator_id bigint, region_id integer, "
                "year smallint, gender varchar(6), value double precision, "
                "abs_value double precision)"
            )

    def add(self, rows):
        # Binary COPY: the server need not parse numbers from text (half the time of text).
        statement = f"COPY {STAGING} ({', '.join(COLUMNS)}) FROM STDIN (FORMAT BINARY)"
        with self.connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            copy.set_types(STAGING_TYPES)
            write_row = copy.write_row
            for row in rows:
                write_row(row)
        self.count += len(rows)

    def finish(self):
        columns = ", ".join(COLUMNS)
        # Names come from the model, not from the file.
        indicators = self.connection.ops.quote_name(Indicator._meta.db_table)
        regions = self.connection.ops.quote_name(Region._meta.db_table)
        keys_locked = f"""
            SELECT
              (SELECT count(*) FROM (SELECT FROM {indicators} WHERE id IN
                 (SELECT DISTINCT indicator_id FROM {STAGING}) FOR KEY SHARE) AS i),
              (SELECT count(DISTINCT indicator_id) FROM {STAGING}),
              (SELECT count(*) FROM (SELECT FROM {regions} WHERE id IN
                 (SELECT DISTINCT region_id FROM {STAGING}) FOR KEY SHARE) AS r),
              (SELECT count(DISTINCT region_id) FROM {STAGING})
        """  # noqa: S608
        # One pass for a new year's file: the new rows added, the rows that differ updated,
        # the rows whose values are the same not rewritten. A row written by the INSERT has
        # no xmax yet; one the DO UPDATE rewrote has (PostgreSQL's upsert counting idiom).
        upsert = f"""
            WITH written AS (
              INSERT INTO {self.table} AS t ({columns}) SELECT {columns} FROM {STAGING}
              ON CONFLICT (indicator_id, region_id, year, gender) DO UPDATE
                SET value = excluded.value, abs_value = excluded.abs_value
                WHERE (t.value, t.abs_value) IS DISTINCT FROM (excluded.value, excluded.abs_value)
              RETURNING t.xmax = 0 AS added)
            SELECT count(*) FILTER (WHERE added), count(*) FILTER (WHERE NOT added)
            FROM written
        """  # noqa: S608
        insert_all = f"INSERT INTO {self.table} ({columns}) SELECT {columns} FROM {STAGING}"  # noqa: S608
        # Has the table any values of the file's indicators? Read from the unique index.
        any_stored = f"""
            SELECT EXISTS (SELECT FROM {self.table} WHERE indicator_id IN
                           (SELECT DISTINCT indicator_id FROM {STAGING}))
        """  # noqa: S608
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            import_write_lock(self.connection)
            # The joins hash the staged rows in memory rather than in 64 batches on disk.
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute(f"ANALYZE {STAGING}")  # the planner's row counts for the joins
            cursor.execute(keys_locked)
            indicators_found, indicators_used, regions_found, regions_used = cursor.fetchone()
            if (indicators_found, regions_found) != (indicators_used, regions_used):
                raise KeysGone()
            cursor.execute(any_stored)
            (stored,) = cursor.fetchone()
            if stored:  # a new year's file: add what is new, update what differs
                cursor.execute(upsert)
                added, changed = cursor.fetchone()
            else:  # the first file of these indicators: every row is new
                cursor.execute(insert_all)
                added, changed = cursor.rowcount, 0
        return WriteCounts(added, changed, self.count - added - changed)

    def close(self):
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
        except DatabaseError:
            pass  # the connection or transaction is gone, and the temporary table with it


class SqliteValuesWriter(ValuesWriter):
    def __init__(self, connection):
        super().__init__(connection)
        self.rows: list[CheckedValue] = []

    def add(self, rows):
        # SQLite has one writer at a time: the rows wait in memory, so that the database
        # is locked only for the short write at the end.
        self.rows.extend(rows)
        self.count += len(rows)

    def finish(self):
        columns = ", ".join(COLUMNS)
        table = self.table
        upsert = (
            f"INSERT INTO {table} ({columns}) VALUES (?, ?, ?, ?, ?, ?) "  # noqa: S608
            "ON CONFLICT (indicator_id, region_id, year, gender) DO UPDATE "
            "SET value = excluded.value, abs_value = excluded.abs_value "
            f"WHERE {table}.value IS NOT excluded.value "
            f"OR {table}.abs_value IS NOT excluded.abs_value"
        )
        with transaction.atomic(using=self.connection.alias):
            import_write_lock(self.connection)
            # The keys the file refers to, still there (SQLite has one writer at a time: no
            # delete can come between this and the write).
            using = self.connection.alias
            indicator_ids = {row[0] for row in self.rows}
            region_ids = {row[1] for row in self.rows}
            found = (
                Indicator.objects.using(using).filter(pk__in=indicator_ids).count(),
                Region.objects.using(using).filter(pk__in=region_ids).count(),
            )
            if found != (len(indicator_ids), len(region_ids)):
                raise KeysGone()
            self.connection.ensure_connection()
            raw = self.connection.connection
            cursor = raw.cursor()
            try:
                # Counting the table (an index scan) tells the inserts from the updates;
                # total_changes counts both but not the rows the WHERE skipped.
                count = f"SELECT count(*) FROM {table}"  # noqa: S608
                before = cursor.execute(count).fetchone()[0]
                changes = raw.total_changes
                cursor.executemany(upsert, self.rows)
                changes = raw.total_changes - changes
                after = cursor.execute(count).fetchone()[0]
            finally:
                cursor.close()
        added = after - before
        return WriteCounts(added, changes - added, self.count - changes)

    def close(self):
        self.rows = []

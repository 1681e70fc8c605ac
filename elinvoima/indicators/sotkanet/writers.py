"""Writing checked values into IndicatorValue in bulk, upserting on (indicator, region,
year, gender) and leaving rows whose value is the same untouched.

PostgreSQL: COPY into a temporary staging table while the file is read, then one
INSERT … SELECT … ON CONFLICT DO UPDATE … WHERE the values differ, in one transaction.
SQLite: one executemany upsert in one transaction. Either way nothing of a file is in the
table until the whole file has been read and found sound.

One import writes at a time (`import_write_lock`): two importers of one file at once would
otherwise both find a row missing and both insert it, and the second fail on the unique
constraint."""

from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from elinvoima.indicators.models import IndicatorValue

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
        # xmax = 0 marks a freshly inserted row; updated rows have it set. Rows whose
        # values are the same are skipped by the WHERE and not rewritten.
        # Names come from the model, not from the file.
        upsert = f"""
            WITH upserted AS (
                INSERT INTO {self.table} AS target ({columns})
                SELECT {columns} FROM {STAGING}
                ON CONFLICT (indicator_id, region_id, year, gender) DO UPDATE
                SET value = EXCLUDED.value, abs_value = EXCLUDED.abs_value
                WHERE (target.value, target.abs_value)
                    IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.abs_value)
                RETURNING (target.xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted)
            FROM upserted
        """  # noqa: S608
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            import_write_lock(self.connection)
            cursor.execute(upsert)
            added, changed = cursor.fetchone()
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

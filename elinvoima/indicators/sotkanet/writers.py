"""Writing checked values into IndicatorValue in bulk, upserting on (indicator, region,
year, gender) and leaving rows whose value is the same untouched.

PostgreSQL: the rows are written while the file is read, in one transaction that only a
sound file commits — so nothing of a file is visible until the whole file has been read
and found sound, and a refused file is rolled back. The transaction runs on a connection of
its own in a thread: the server writes one chunk (50,000 rows) while Python reads the next
(the two took 4.3 s and 5.1 s of a 10.1-s import of 1,000,000 values one after the other).
Inside a caller's transaction (tests, a script's atomic block) it runs inline under a
savepoint instead: a connection of its own could not see what the caller has not committed.
Per chunk: the indicators and regions first met are locked (FOR KEY SHARE: a concurrent
delete waits for the import) and counted; rows of an indicator with no values stored yet go
straight into the table by binary COPY; rows of one with values (next year's file) into a
temporary staging table, and at the end one INSERT … ON CONFLICT adds what is new and
updates only the rows that differ (one pass: an UPDATE … FROM then an INSERT … WHERE NOT
EXISTS took 10.4 s for 1,000,000 rows into a table of 4,000,000, this 8–9 s).
IndicatorValue has no database foreign keys (migration indicators 0006): their per-row
checks cost 12 s of a 28-s import of 1,000,000 values, where the lock and count of the keys
a file uses costs milliseconds; the import has checked every key in Python before, and
Django's on_delete keeps the values of a deleted indicator or region in order.
SQLite: the rows wait in memory, then one executemany upsert in one transaction.

One import writes at a time (`import_write_lock`): two importers of one file at once would
otherwise both find a row missing and both insert it, and the second fail on the unique
constraint."""

import queue
import threading
from dataclasses import dataclass

from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from elinvoima.indicators.models import Indicator, IndicatorValue, Region

# indicator_id (the catalogue's primary key), region_id, year, gender, value, abs_value
CheckedValue = tuple[int, int, int, str, float, float | None]
COLUMNS = ("indicator_id", "region_id", "year", "gender", "value", "abs_value")
STAGING = "sotkanet_values_staging"
# The binary COPY types of COLUMNS, as the values table and the staging table have them.
COPY_TYPES = ["int8", "int4", "int2", "varchar", "float8", "float8"]
# Chunks read ahead of the writer thread (about 50,000 rows each).
QUEUE_CHUNKS = 2
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


class _Aborted(Exception):  # noqa: N818
    """The reading side gave up (the file was refused): roll the write back."""


# What the reading side hands the writer thread after the chunks.
_FINISH, _ABORT = object(), object()


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
        self.table = connection.ops.quote_name(IndicatorValue._meta.db_table)

    def add(self, rows: list[CheckedValue]) -> None:
        raise NotImplementedError

    def finish(self) -> WriteCounts:
        raise NotImplementedError

    def close(self) -> None:
        """Called always, also when the file was refused."""


class PostgresValuesWriter(ValuesWriter):
    """Writes while the file is read (see the module's docstring): each chunk goes through
    `_PostgresWrite` on a connection of its own, in a thread, or inline on the caller's
    connection when the caller has a transaction open."""

    def __init__(self, connection):
        super().__init__(connection)
        self.counts: WriteCounts | None = None
        self.error: BaseException | None = None
        self.closed = False
        if connection.in_atomic_block:
            # Inside the caller's transaction: write there, under a savepoint that a
            # refused file rolls back.
            self.thread = None
            self.savepoint = transaction.savepoint(using=connection.alias)
            self.write = _PostgresWrite(connection)
        else:
            self.queue: queue.Queue = queue.Queue(maxsize=QUEUE_CHUNKS)
            self.stop = threading.Event()  # set: write no more chunks, roll back
            self.thread = threading.Thread(
                target=self._write_in_thread, name="sotkanet-values-writer", daemon=True
            )
            self.thread.start()

    def add(self, rows):
        if self.thread is None:
            self.write.add(rows)
        else:
            self._hand_over(rows)

    def finish(self):
        if self.thread is None:
            self.counts = self.write.finish()
            transaction.savepoint_commit(self.savepoint, using=self.connection.alias)
            self.closed = True
        else:
            self._hand_over(_FINISH)
            self.thread.join()
            self.closed = True
            if self.error is not None:
                raise self.error
        if self.counts is None:
            raise RuntimeError("the values writer stopped without writing")
        return self.counts

    def close(self):
        if self.closed:
            return
        self.closed = True
        if self.thread is None:
            transaction.savepoint_rollback(self.savepoint, using=self.connection.alias)
        else:
            self.stop.set()
            self._hand_over(_ABORT, raising=False)
            self.thread.join()

    def _hand_over(self, item, *, raising: bool = True) -> None:
        """Queue `item` for the writer thread; raise what the thread raised, if anything
        (it may have stopped with the queue full: never wait on it for ever)."""
        while True:
            if self.error is not None and raising:
                raise self.error
            if not self.thread.is_alive():
                return
            try:
                self.queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _write_in_thread(self) -> None:
        # This thread's own connection (Django's connections are per thread), in a
        # transaction of its own that only _FINISH commits.
        alias = self.connection.alias
        try:
            with transaction.atomic(using=alias):
                write = _PostgresWrite(connections[alias])
                while (item := self.queue.get()) is not _FINISH:
                    if item is _ABORT or self.stop.is_set():
                        raise _Aborted()
                    write.add(item)
                self.counts = write.finish()
        except _Aborted:
            pass
        except BaseException as error:  # noqa: BLE001 (handed to the reading thread)
            self.error = error
        finally:
            connections[alias].close()


class _PostgresWrite:
    """One file's write on one connection, inside a transaction the caller holds open:
    `add` for every chunk as it is read, `finish` once at the end."""

    def __init__(self, connection: BaseDatabaseWrapper):
        self.connection = connection
        quote = connection.ops.quote_name
        self.table = quote(IndicatorValue._meta.db_table)
        self.indicators_table = quote(Indicator._meta.db_table)
        self.regions_table = quote(Region._meta.db_table)
        self.indicators: set[int] = set()  # the file's indicators so far, locked
        self.regions: set[int] = set()
        self.stored: set[int] = set()  # those of them with values before this file
        self.direct = self.staged = 0  # rows written straight in; rows staged
        import_write_lock(connection)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
            # No indexes or constraints: the rows were checked, and COPY into a bare
            # table costs least. It goes with the transaction.
            cursor.execute(
                f"CREATE TEMPORARY TABLE {STAGING} (indicator_id bigint, region_id integer, "
                "year smallint, gender varchar(6), value double precision, "
                "abs_value double precision) ON COMMIT DROP"
            )

    def add(self, rows: list[CheckedValue]) -> None:
        with self.connection.cursor() as cursor:
            new_indicators = {row[0] for row in rows} - self.indicators
            new_regions = {row[1] for row in rows} - self.regions
            if new_indicators or new_regions:
                self._keys_lock(cursor, new_indicators, new_regions)
                self.stored |= self._with_values(cursor, new_indicators)
            if self.stored:
                stored = self.stored
                direct = [row for row in rows if row[0] not in stored]
                staged = [row for row in rows if row[0] in stored]
            else:
                direct, staged = rows, []
            self._copy(cursor, self.table, direct)
            self._copy(cursor, STAGING, staged)
        self.direct += len(direct)
        self.staged += len(staged)

    def finish(self) -> WriteCounts:
        with self.connection.cursor() as cursor:
            # Deleted meanwhile in this very transaction (nothing else can: they are locked)?
            self._keys_lock(cursor, self.indicators, self.regions)
            added = changed = 0
            if self.staged:
                # One upsert of all staged rows: one per chunk, run while the next was read,
                # took longer in all (16.8 s against 13.2 s for 1,000,000 rows).
                cursor.execute(self._upsert())
                added, changed = cursor.fetchone()
            cursor.execute(f"DROP TABLE {STAGING}")
        unchanged = self.staged - added - changed
        return WriteCounts(self.direct + added, changed, unchanged)

    def _keys_lock(self, cursor, indicators: set[int], regions: set[int]) -> None:
        """Lock the indicators and regions (FOR KEY SHARE: a concurrent delete waits for
        the import to end); raise KeysGone when any of them is no longer there."""
        cursor.execute(
            f"""SELECT
                  (SELECT count(*) FROM (SELECT FROM {self.indicators_table}
                     WHERE id = ANY(%s) FOR KEY SHARE) AS i),
                  (SELECT count(*) FROM (SELECT FROM {self.regions_table}
                     WHERE id = ANY(%s) FOR KEY SHARE) AS r)""",  # noqa: S608 (model names)
            [list(indicators), list(regions)],
        )
        if cursor.fetchone() != (len(indicators), len(regions)):
            raise KeysGone()
        self.indicators |= indicators
        self.regions |= regions

    def _with_values(self, cursor, indicators: set[int]) -> set[int]:
        """Which of the indicators have values stored (read from the unique index)."""
        if not indicators:
            return set()
        cursor.execute(
            f"SELECT w.indicator FROM unnest(%s::bigint[]) AS w (indicator) WHERE EXISTS "  # noqa: S608
            f"(SELECT FROM {self.table} v WHERE v.indicator_id = w.indicator)",
            [list(indicators)],
        )
        return {row[0] for row in cursor.fetchall()}

    def _copy(self, cursor, table: str, rows: list[CheckedValue]) -> None:
        if not rows:
            return
        # Binary COPY: the server need not parse numbers from text (half the time of text).
        statement = f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN (FORMAT BINARY)"
        with cursor.cursor.copy(statement) as copy:
            copy.set_types(COPY_TYPES)
            write_row = copy.write_row
            for row in rows:
                write_row(row)

    def _upsert(self) -> str:
        # Adds what is new, and updates only the rows that differ, in one pass. A row written
        # by the INSERT has no xmax yet; one the DO UPDATE rewrote has (PostgreSQL's upsert
        # counting idiom).
        columns = ", ".join(COLUMNS)
        return f"""
            WITH written AS (
              INSERT INTO {self.table} AS t ({columns})
              SELECT {columns} FROM {STAGING} ORDER BY indicator_id, region_id, year, gender
              ON CONFLICT (indicator_id, region_id, year, gender) DO UPDATE
                SET value = excluded.value, abs_value = excluded.abs_value
                WHERE (t.value, t.abs_value) IS DISTINCT FROM (excluded.value, excluded.abs_value)
              RETURNING t.xmax = 0 AS added)
            SELECT count(*) FILTER (WHERE added), count(*) FILTER (WHERE NOT added)
            FROM written
        """  # noqa: S608 (names from the models)


class SqliteValuesWriter(ValuesWriter):
    def __init__(self, connection):
        super().__init__(connection)
        self.rows: list[CheckedValue] = []
        self.count = 0

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

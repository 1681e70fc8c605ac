"""One consistent view of the database for a long read (a report gathered from many
tables): a read-only transaction at REPEATABLE READ on PostgreSQL, so that every query of
it sees the database as it was at its first query, whatever is written meanwhile. SQLite's
transactions already read one snapshot (WAL mode). Inside a transaction begun elsewhere
(a test's, a service's) the isolation cannot change any more: the reads join it."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def consistent_read() -> Iterator[None]:
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield

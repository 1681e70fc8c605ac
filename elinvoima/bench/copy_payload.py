"""Pre-encoded binary COPY payloads: the load baselines' floor (docs/performance.md, "What the
baseline is"). A baseline sends bytes built before the clock starts, so it times the
server's load alone, not Python adapting values row by row.

psycopg encodes the rows exactly as a COPY of them would send them (`FileWriter` collects the
bytes instead of sending them). It does so on a connection of its own, which is closed
afterwards: the server waits there for COPY data that never comes.
"""

import io
from collections.abc import Iterable, Sequence

import psycopg
from django.db import connection
from psycopg import sql
from psycopg.copy import FileWriter


def copy_payload(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """The binary COPY data of `rows` for `columns` of `table` (typed as the table's columns)."""
    settings = connection.get_connection_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, atttypid FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
            [connection.ops.quote_name(table)],
        )
        types = dict(cursor.fetchall())
    statement = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT BINARY)").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    buffer = io.BytesIO()
    aside = psycopg.connect(**{k: v for k, v in settings.items() if k != "cursor_factory"})
    try:
        with aside.cursor().copy(statement, writer=FileWriter(buffer)) as copy:
            copy.set_types([types[column] for column in columns])
            write_row = copy.write_row
            for row in rows:
                write_row(row)
    finally:
        aside.close()
    return buffer.getvalue()


def copy_send(cursor, table: str, columns: Sequence[str], payload: bytes) -> None:
    """COPY a payload of `copy_payload` into `table` on a Django cursor, in 1-MB writes."""
    statement = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT BINARY)").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with cursor.cursor.copy(statement) as copy:
        for start in range(0, len(payload), 1 << 20):
            copy.write(payload[start : start + (1 << 20)])

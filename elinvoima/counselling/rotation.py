"""Key rotation: every encrypted column of every counselling row encrypted again with the
newest key (crypto.rotated), in batches, each row as it is — the text is never decrypted
into anything but memory. Run after putting a new key first in ELINVOIMA_COUNSELLING_KEYS;
then the old key can be dropped."""

from django.apps import apps
from django.db import connection, transaction

from elinvoima.counselling.crypto import rotated
from elinvoima.counselling.fields import EncryptedTextField

BATCH = 500


def encrypted_columns() -> list[tuple[str, list[str]]]:
    """(table, [encrypted columns]) of the counselling models."""
    tables = []
    for model in apps.get_app_config("counselling").get_models():
        columns = [
            field.column
            for field in model._meta.concrete_fields
            if isinstance(field, EncryptedTextField)
        ]
        if columns:
            tables.append((model._meta.db_table, columns))
    return tables


def keys_rotate() -> int:
    """Rotate every encrypted value; the number of rows rewritten."""
    quote, count = connection.ops.quote_name, 0
    for table, columns in encrypted_columns():
        last = 0
        while True:
            with transaction.atomic(), connection.cursor() as cursor:
                names = ", ".join(quote(column) for column in columns)
                cursor.execute(
                    f"SELECT id, {names} FROM {quote(table)} WHERE id > %s ORDER BY id LIMIT %s",  # noqa: S608
                    [last, BATCH],
                )
                rows = cursor.fetchall()
                for pk, *values in rows:
                    assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
                    cursor.execute(
                        f"UPDATE {quote(table)} SET {assignments} WHERE id = %s",  # noqa: S608
                        [rotated(value) if value else value for value in values] + [pk],
                    )
            if not rows:
                break
            last, count = rows[-1][0], count + len(rows)
    return count

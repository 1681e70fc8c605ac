"""Indexes for the API's Finnish and Swedish search of goals and measures (core.text_search),
on PostgreSQL only: national scale has about 125,000 goals and 600,000 measures. The words
of each title in its language's configuration, written exactly as
core.text_search.WordsMatch writes its condition, and trigram indexes for the parts of
compounds (`icontains`). Plans are few (about a thousand) and need none. Kept out of the
models' state."""

from django.db import migrations

TABLES = {"goal": "strategy_goal", "measure": "strategy_measure"}
COLUMNS = [("title_fi", "finnish"), ("title_sv", "swedish")]
INDEXES = [
    (
        f"{name}_{column}_words",
        table,
        f"USING gin (to_tsvector('{configuration}'::regconfig, COALESCE({column}, '')))",
    )
    for name, table in TABLES.items()
    for column, configuration in COLUMNS
] + [
    (f"{name}_{column}_trgm", table, f"USING gin (upper({column}::text) gin_trgm_ops)")
    for name, table in TABLES.items()
    for column, _configuration in COLUMNS
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, definition in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _definition in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0006_required_finnish_message"),
        ("actors", "0005_directory_search_indexes"),  # pg_trgm
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]

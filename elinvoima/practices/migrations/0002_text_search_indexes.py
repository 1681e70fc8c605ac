"""Indexes for the practice library's Finnish and Swedish search (core.text_search), on
PostgreSQL only (SQLite does the same work row by row, core.sqlite_functions):

- a GIN index of each searched column's words in its language's text-search configuration,
  written as core.text_search.WordsMatch writes its condition;
- trigram indexes for the parts of compounds (`icontains` on UPPER(column)).

Kept out of the models' state, as actors' 0005 and 0009: `makemigrations` sees no change.
The pg_trgm extension is actors' 0005's."""

from django.db import migrations

COLUMNS = [
    ("name_fi", "finnish"),
    ("name_sv", "swedish"),
    ("summary_fi", "finnish"),
    ("summary_sv", "swedish"),
    ("core_idea_fi", "finnish"),
    ("core_idea_sv", "swedish"),
]
INDEXES = [
    (
        f"practice_{column}_words",
        f"USING gin (to_tsvector('{configuration}'::regconfig, COALESCE({column}, '')))",
    )
    for column, configuration in COLUMNS
] + [
    (f"practice_{column}_trgm", f"USING gin (upper({column}) gin_trgm_ops)")
    for column, _c in COLUMNS
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON practices_practice {definition}"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _definition in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("actors", "0005_directory_search_indexes"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]

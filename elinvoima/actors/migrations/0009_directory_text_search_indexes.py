"""Indexes for the directory's Finnish and Swedish search (core.text_search), on PostgreSQL
only (nothing on SQLite, where core.sqlite_functions does the same work row by row).

- A GIN index of each searched column's words in its language's text-search configuration,
  written exactly as core.text_search.WordsMatch writes its condition, so that PostgreSQL
  answers `to_tsvector('finnish', …) @@ to_tsquery(…)` from the index.
- Trigram indexes for the parts of compounds (`icontains`) in what an organisation does
  regularly, as migration 0005 has them for names and descriptions.

Kept out of the models' state, as in 0005: `makemigrations` sees no change on either database.
"""

from django.db import migrations

WORDS = [
    ("name_fi", "finnish"),
    ("name_sv", "swedish"),
    ("regular_activities_fi", "finnish"),
    ("regular_activities_sv", "swedish"),
    ("description_fi", "finnish"),
    ("description_sv", "swedish"),
]
INDEXES = [
    (
        f"organisation_{column}_words",
        f"USING gin (to_tsvector('{configuration}'::regconfig, COALESCE({column}, '')))",
    )
    for column, configuration in WORDS
] + [
    (f"organisation_{column}_trgm", f"USING gin (upper({column}) gin_trgm_ops)")
    for column in ("regular_activities_fi", "regular_activities_sv")
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON actors_organisation {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _definition in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0008_required_finnish_message"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]

"""Indexes for the indicator catalogue's Finnish, Swedish and English search
(core.text_search), on PostgreSQL only, as actors' migration 0009 has them for the
directory: the words of each title and description in its language's configuration,
written exactly as core.text_search.WordsMatch writes its condition, and trigram indexes
for the parts of compounds (`icontains`). Kept out of the models' state."""

from django.db import migrations

COLUMNS = [
    ("title_fi", "finnish"),
    ("title_sv", "swedish"),
    ("title_en", "english"),
    ("description_fi", "finnish"),
    ("description_sv", "swedish"),
    ("description_en", "english"),
]
INDEXES = [
    (
        f"indicator_{column}_words",
        f"USING gin (to_tsvector('{configuration}'::regconfig, COALESCE({column}, '')))",
    )
    for column, configuration in COLUMNS
] + [
    (f"indicator_{column}_trgm", f"USING gin (upper({column}{cast}) gin_trgm_ops)")
    for column, _configuration in COLUMNS
    for cast in ["::text" if column.startswith("title") else ""]
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON indicators_indicator {definition}"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _definition in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0004_bounded_years_and_counts"),
        ("actors", "0005_directory_search_indexes"),  # pg_trgm
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]

"""Indexes for the directory search at national scale, on PostgreSQL only (nothing on SQLite).

- pg_trgm GIN indexes for `icontains`: Django writes it as UPPER("col"::text) LIKE UPPER(%s),
  so the indexes are on that very expression; a LIKE '%word%' then reads the index instead
  of every row. Names and descriptions are what the directory searches, the business ID
  (Y-tunnus) is also searched by the API's ?search=.
- (related id, organisation id) on the through tables of municipalities, themes and target
  groups: "organisations of these municipalities / with this theme" is read from the index
  alone (index-only scan), without visiting the table.
- (name_fi, id): the sort of the API's list (and of other lists by name), so that its first
  page does not sort the whole table.

All are created with SQL and kept out of the models' state (the trigram ones are expressions
with an operator class, three are on auto-created through tables), so `makemigrations` sees no
change on either database.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    (name, table, f"USING gin ({expression} gin_trgm_ops)")
    for name, table, expression in [
        ("organisation_name_fi_trgm", "actors_organisation", "upper(name_fi::text)"),
        ("organisation_name_sv_trgm", "actors_organisation", "upper(name_sv::text)"),
        ("organisation_description_fi_trgm", "actors_organisation", "upper(description_fi)"),
        ("organisation_description_sv_trgm", "actors_organisation", "upper(description_sv)"),
        ("organisation_business_id_trgm", "actors_organisation", "upper(business_id::text)"),
    ]
] + [
    ("organisation_name_fi_id", "actors_organisation", "(name_fi, id)"),
    (
        "organisation_municipalities_by_municipality",
        "actors_organisation_municipalities",
        "(municipality_id, organisation_id)",
    ),
    ("organisation_themes_by_theme", "actors_organisation_themes", "(theme_id, organisation_id)"),
    (
        "organisation_target_groups_by_group",
        "actors_organisation_target_groups",
        "(targetgroup_id, organisation_id)",
    ),
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
        ("actors", "0004_invitations"),
    ]

    operations = [
        # CREATE EXTENSION IF NOT EXISTS pg_trgm; does nothing on other databases. pg_trgm
        # is a trusted extension: the database's owner may create it (PostgreSQL 13+).
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]

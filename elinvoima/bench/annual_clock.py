"""annual_clock_pg: a municipality's annual clock page at national scale.

A: the whole request of the clock page (`networks:municipality-clock`) through Django's test
client, warm, anonymous — Tampere's clock of the current year with 500 entries (300 of its
own, 100 of its public networks, 100 meetings of those networks) among 2,000 networks,
20,000 meetings and ~20,000 clock items (elinvoima.bench.scale.networks).
B: the best hand-written SQL for the same rows, through psycopg — the municipality's items
of the year (its every-year items included) with the groups they hear, its public networks'
items, those networks' meetings of the year, and the cards', grant rounds' and workshops' dates
that the clock shows too, each in one statement on the (municipality, year), (network, year) and
(network, starts_at) indexes — plus the same client's time for a trivial endpoint
(`/healthz`), the fixed cost of a request (docs/performance.md, "What the baseline is").
Before measuring, the national-scale actors and networks are generated (seed 1) unless they
are there, and the database analysed. A and B are checked to show the same 500 entries.
"""

import datetime
import re

from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from elinvoima.actors.models import Municipality
from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale.actors import scale_data_exists, scale_data_generate
from elinvoima.bench.scale.networks import (
    CLOCK_ENTRIES,
    bench_year,
    network_scale_exists,
    network_scale_generate,
)
from elinvoima.bench.scale.strategy import BENCH_MUNICIPALITY_CODE

from .harness import Result, alternate, progress, require_postgres, result_from_samples

NAME = "annual_clock_pg"
SEED = 1
PAIRS = 30
ENTRY = re.compile(r'<article class="clock-entry[ "]')

RAW_SQL = [
    # The municipality's own items of the year, with the groups they hear.
    """
    SELECT i.id, i.title_fi, i.kind, i.year, i.month, i.starts_on, i.ends_on, i.recurrence,
           i.responsible, i.description_fi, i.how_heard_fi,
      ARRAY(SELECT t.name_fi FROM networks_calendaritem_heard_groups h
            JOIN actors_targetgroup t ON t.id = h.targetgroup_id
            WHERE h.calendaritem_id = i.id ORDER BY t.position, t.id)
    FROM networks_calendaritem i
    WHERE i.municipality_id = %(municipality)s
      AND (i.year = %(year)s OR (i.recurrence = 'yearly' AND i.year <= %(year)s))
    """,
    # The items of its public networks.
    """
    SELECT i.id, i.title_fi, i.kind, i.year, i.month, i.starts_on, i.ends_on, i.recurrence,
           i.responsible, i.description_fi, i.how_heard_fi, n.name_fi,
      ARRAY(SELECT t.name_fi FROM networks_calendaritem_heard_groups h
            JOIN actors_targetgroup t ON t.id = h.targetgroup_id
            WHERE h.calendaritem_id = i.id ORDER BY t.position, t.id)
    FROM networks_calendaritem i JOIN networks_network n ON n.id = i.network_id
    WHERE n.municipality_id = %(municipality)s AND n.is_public
      AND (i.year = %(year)s OR (i.recurrence = 'yearly' AND i.year <= %(year)s))
    """,
    # Those networks' meetings of the year.
    """
    SELECT m.id, m.title, m.starts_at, m.ends_at, m.place, n.name_fi
    FROM networks_meeting m JOIN networks_network n ON n.id = m.network_id
    WHERE n.municipality_id = %(municipality)s AND n.is_public
      AND m.invited_at IS NOT NULL AND m.cancelled_at IS NULL
      AND m.starts_at >= %(starts)s AND m.starts_at < %(ends)s
    """,
    # The cards' closing dates and the published grant rounds' deadlines of the year.
    """
    SELECT t.id, t.name_fi, t.opens_on, t.closes_on FROM cards_cardtemplate t
    JOIN cards_carddecision d ON d.id = t.decision_id
    WHERE d.municipality_id = %(municipality)s
      AND t.closes_on >= %(first)s AND t.closes_on <= %(last)s
    """,
    """
    SELECT r.id, r.name_fi, r.opens_on, r.closes_on FROM grants_grantround r
    WHERE r.municipality_id = %(municipality)s AND r.published_at IS NOT NULL
      AND r.closes_on >= %(first)s AND r.closes_on <= %(last)s
    """,
    # The published workshops of the areas the municipality belongs to.
    """
    SELECT w.id, w.theme_fi, w.starts_at, s.name_fi FROM workshops_workshop w
    JOIN workshops_series s ON s.id = w.series_id
    JOIN workshops_area_municipalities am ON am.area_id = w.area_id
    WHERE am.municipality_id = %(municipality)s AND w.is_published AND s.is_published
      AND w.starts_at >= %(starts)s AND w.starts_at < %(ends)s
    """,
]


def _ensure_data() -> None:
    if not scale_data_exists():
        progress(f"{NAME}: generating the national-scale actors (seed {SEED})")
        reference_data_load()
        scale_data_generate(seed=SEED)
    if not network_scale_exists():
        progress(f"{NAME}: generating the national-scale networks (seed {SEED})")
        result = network_scale_generate(seed=SEED)
        progress(
            f"{NAME}: {result.networks} networks, {result.meetings} meetings, "
            f"{result.items} clock items in {result.seconds:.1f} s"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def annual_clock_pg() -> Result:
    require_postgres()
    _ensure_data()
    municipality = Municipality.objects.get(code=BENCH_MUNICIPALITY_CODE)
    year = bench_year()
    url = f"/fi/municipalities/{municipality.code}/annual-clock/?year={year}"
    client = Client()
    params = {
        "municipality": municipality.pk,
        "year": year,
        "starts": timezone.make_aware(datetime.datetime(year, 1, 1)),
        "ends": timezone.make_aware(datetime.datetime(year + 1, 1, 1)),
        "first": datetime.date(year, 1, 1),
        "last": datetime.date(year, 12, 31),
    }

    def page() -> str:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response.content.decode()

    def raw() -> list[list[tuple]]:
        connection.ensure_connection()
        results = []
        with connection.connection.cursor() as cursor:
            for statement in RAW_SQL:
                cursor.execute(statement, params)
                results.append(cursor.fetchall())
        if client.get("/healthz").status_code != 200:
            raise RuntimeError("/healthz failed")
        return results

    shown = len(ENTRY.findall(page()))
    rows = sum(len(result) for result in raw())
    if not shown == rows == CLOCK_ENTRIES:
        raise RuntimeError(f"the page shows {shown} entries, the SQL {rows}, {CLOCK_ENTRIES} made")
    progress(f"{NAME}: {shown} entries on the page and in the SQL")
    for _ in range(3):  # warm
        page()
        raw()
    a, b = alternate(page, raw, pairs=PAIRS, label=NAME)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM networks_calendaritem")
        (items,) = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM networks_meeting")
        (meetings,) = cursor.fetchone()
    return result_from_samples(
        NAME,
        a,
        b,
        unit="ms",
        baseline="raw SQL",
        scale=1000,
        notes=f"GET {url} ({CLOCK_ENTRIES} entries; {items} clock items and {meetings} "
        f"meetings in the database), DEBUG={settings.DEBUG}",
    )

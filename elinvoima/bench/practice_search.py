"""practice_search_pg: a searched, filtered page of the practice library over 10,000 records
(elinvoima.bench.scale.practices).

A: the whole request of the page through Django's test client, warm, anonymous — the word
"kyläilta", the topic villages, the phase ready: the first 20 of the matches, best first.
B: the best hand-written SQL for the same rows, through psycopg — one statement giving the
page's rows with what a row shows and the total count (the word's stems and compound parts
worked out once beforehand, as the product does in Python), on the GIN word and trigram
indexes of practices' migration 0002 — plus the same client's time for `/healthz`, the fixed
cost of a request. Checked: A and B show the same rows in the same order, and the count.
"""

import html
import re

from django.conf import settings
from django.db import connection
from django.test import Client

from elinvoima.bench.scale.practices import practice_scale_exists, practice_scale_generate
from elinvoima.core.text_search import TextSearch

from .harness import Result, alternate, progress, require_postgres, result_from_samples

NAME = "practice_search_pg"
SEED = 1
PAIRS = 30
PAGE_SIZE = 20
SEARCH = {"q": "kyläilta", "topic": "villages", "phase": "ready"}
ROW_NAME = re.compile(r'<h3><a href="/fi/practices/\d+/">([^<]*)</a></h3>')
COUNT = re.compile(r"<h2>([\d\s\u00a0]+) toimintamall")
# (column, text-search configuration, weight in the rank)
COLUMNS = [
    ("name_fi", "finnish", 4),
    ("name_sv", "swedish", 4),
    ("summary_fi", "finnish", 2),
    ("summary_sv", "swedish", 2),
    ("core_idea_fi", "finnish", 1),
    ("core_idea_sv", "swedish", 1),
]


def _raw_sql(prefixes: tuple[str, ...], parts: tuple[str, ...]) -> str:
    """The page's statement for one word: a match as a word of a column (GIN) or inside a
    compound (trigram); the rank of the heaviest column whose text holds a stem."""
    matches = " OR ".join(
        [
            f"to_tsvector('{configuration}'::regconfig, COALESCE(p.{column}, '')) "
            "@@ to_tsquery('simple'::regconfig, %(words)s)"
            for column, configuration, _weight in COLUMNS
        ]
        + [
            f"upper(p.{column}) LIKE %(part{index})s"
            for column, _configuration, _weight in COLUMNS
            for index in range(len(parts))
        ]
    )
    ranks = []
    for weight in (4, 2, 1):
        held = " OR ".join(
            f"upper(p.{column}) LIKE %(prefix{index})s"
            for column, _configuration, column_weight in COLUMNS
            if column_weight == weight
            for index in range(len(prefixes))
        )
        ranks.append(f"WHEN {held} THEN {weight}")
    # Built from our own column names only; every value is a parameter.
    return f"""
WITH matched AS MATERIALIZED (
  SELECT p.id, p.name_fi, p.kind, p.phase, p.region, p.summary_fi,
         CASE {" ".join(ranks)} ELSE 0 END AS rank
  FROM practices_practice p
  WHERE p.state = 'published' AND p.phase = %(phase)s
    AND EXISTS (SELECT FROM practices_practicetopic t
                WHERE t.practice_id = p.id AND t.code = %(topic)s)
    AND ({matches})
)
SELECT (SELECT count(*) FROM matched), m.name_fi, m.kind, m.phase, m.region, m.summary_fi
FROM matched m ORDER BY m.rank DESC, m.name_fi LIMIT %(limit)s
"""  # noqa: S608


def practice_search_pg() -> Result:
    require_postgres()
    if not practice_scale_exists():
        progress(f"{NAME}: generating 10,000 practice records (seed {SEED})")
        practice_scale_generate(seed=SEED)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    (term,) = TextSearch(SEARCH["q"]).terms
    params: dict = {
        "words": term.tsquery(),
        "phase": SEARCH["phase"],
        "topic": SEARCH["topic"],
        "limit": PAGE_SIZE,
    }
    for index, prefix in enumerate(term.prefixes):
        params[f"prefix{index}"] = f"%{prefix.upper()}%"
    for index, part in enumerate(term.compound_parts):
        params[f"part{index}"] = f"%{part.upper()}%"
    statement = _raw_sql(term.prefixes, term.compound_parts)
    client = Client()
    url = "/fi/practices/"

    def page() -> str:
        response = client.get(url, SEARCH)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response.content.decode()

    def raw() -> list[tuple]:
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            cursor.execute(statement, params)
            rows = cursor.fetchall()
        if client.get("/healthz").status_code != 200:
            raise RuntimeError("/healthz failed")
        return rows

    shown = page()
    rows = raw()
    names = [html.unescape(name) for name in ROW_NAME.findall(shown)]
    count = int(re.sub(r"\D", "", COUNT.search(shown).group(1))) if COUNT.search(shown) else -1
    if names != [row[1] for row in rows] or not rows or count != rows[0][0]:
        raise RuntimeError(
            f"the page shows {names[:3]}… of {count}, the SQL {[r[1] for r in rows[:3]]}… "
            f"of {rows[0][0] if rows else 0}"
        )
    for _ in range(3):  # warm: templates compiled, plans and pages cached
        page()
        raw()
    a, b = alternate(page, raw, pairs=PAIRS, label=NAME)
    return result_from_samples(
        NAME,
        a,
        b,
        unit="ms",
        baseline="raw SQL",
        scale=1000,
        notes=f"GET {url}?{'&'.join(f'{k}={v}' for k, v in SEARCH.items())} over 10,000 "
        f"records ({rows[0][0]} matches), DEBUG={settings.DEBUG}",
    )

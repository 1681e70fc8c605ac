"""directory_search_pg: a searched, filtered page of the public directory at national scale.

A: the whole request of the page through Django's test client, warm — the county of
Pirkanmaa (the largest in organisations), the word "yhdistys", associations, theme peer
support: 25 rows of a few hundred.
B: the best hand-written SQL for the same rows, through psycopg — one statement giving the
page's 25 rows, best match first, with their home municipality, themes, target groups and
the total count, the search run once (the county's municipality ids, the theme's id, the
word's stem and the themes its search words name are looked up once, beforehand) — plus
the same client's time for a trivial endpoint (`/healthz`), the
fixed cost of a request (docs/performance.md, "What the baseline is").
Before measuring, the national-scale data is generated (seed 1) unless it is there, and
the database analysed. A and B are checked to show the same rows and count.
"""

import html
import io
import re

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

from elinvoima.actors.directory import selectors as directory_selectors
from elinvoima.actors.models import TargetGroup, Theme, WellbeingCounty
from elinvoima.bench.scale.actors import scale_data_exists
from elinvoima.core.text_search import Term, TextSearch

from .harness import Result, alternate, progress, require_postgres, result_from_samples

NAME = "directory_search_pg"
SEED = 1
PAIRS = 40
PAGE_SIZE = 25
COUNTY_CODE = "8"  # Pirkanmaa
SEARCH = {"q": "yhdistys", "kind": "association", "theme": "peer_support"}
ROW_NAME = re.compile(r'<h2 class="directory__name"><a href="[^"]*">([^<]*)</a></h2>')
COUNT = re.compile(r'<p role="status">([\d\s\u00a0]+)')

# The page's rows in the page's order, with what each row shows. The filters are applied
# once, to narrow rows (id, rank and sort key) kept in a materialised CTE, out of which come
# both the page and the count. (COUNT(*) OVER () with ORDER BY … LIMIT would do the same, but
# PostgreSQL 15 may then walk the (name_fi, id) index as if the LIMIT let it stop early:
# 140 ms instead of 10, depending on the statistics of the day.) The search is the one of
# core.text_search for one word: its stems as a prefix of a word of each column (the GIN
# indexes of actors' migration 0009) or inside a compound (the trigram indexes), or a theme
# or target group whose search words hold it; ranked name 4, theme 3, activities 2, rest 1.
RAW_PAGE_SQL = """
WITH matched AS MATERIALIZED (
  SELECT o.id, o.name_fi,
    CASE
      WHEN upper(o.name_fi) LIKE %(pattern)s OR upper(o.name_sv) LIKE %(pattern)s THEN 4
      WHEN EXISTS (SELECT FROM actors_organisation_themes ot
                   WHERE ot.organisation_id = o.id AND ot.theme_id = ANY(%(word_themes)s))
        OR EXISTS (SELECT FROM actors_organisation_target_groups og
                   WHERE og.organisation_id = o.id AND og.targetgroup_id = ANY(%(word_groups)s))
        THEN 3
      WHEN upper(o.regular_activities_fi) LIKE %(pattern)s
        OR upper(o.regular_activities_sv) LIKE %(pattern)s THEN 2
      WHEN upper(o.description_fi) LIKE %(pattern)s
        OR upper(o.description_sv) LIKE %(pattern)s THEN 1
      ELSE 0
    END AS rank
  FROM actors_organisation o
  WHERE o.is_published AND o.kind = %(kind)s
    AND (to_tsvector('finnish'::regconfig, COALESCE(o.name_fi, '')) @@ %(words)s::tsquery
         OR upper(o.name_fi) LIKE %(pattern)s
         OR to_tsvector('swedish'::regconfig, COALESCE(o.name_sv, '')) @@ %(words)s::tsquery
         OR upper(o.name_sv) LIKE %(pattern)s
         OR to_tsvector('finnish'::regconfig, COALESCE(o.regular_activities_fi, ''))
            @@ %(words)s::tsquery
         OR upper(o.regular_activities_fi) LIKE %(pattern)s
         OR to_tsvector('swedish'::regconfig, COALESCE(o.regular_activities_sv, ''))
            @@ %(words)s::tsquery
         OR upper(o.regular_activities_sv) LIKE %(pattern)s
         OR to_tsvector('finnish'::regconfig, COALESCE(o.description_fi, ''))
            @@ %(words)s::tsquery
         OR upper(o.description_fi) LIKE %(pattern)s
         OR to_tsvector('swedish'::regconfig, COALESCE(o.description_sv, ''))
            @@ %(words)s::tsquery
         OR upper(o.description_sv) LIKE %(pattern)s
         OR EXISTS (SELECT FROM actors_organisation_themes ot
                    WHERE ot.organisation_id = o.id AND ot.theme_id = ANY(%(word_themes)s))
         OR EXISTS (SELECT FROM actors_organisation_target_groups og
                    WHERE og.organisation_id = o.id AND og.targetgroup_id = ANY(%(word_groups)s)))
    AND EXISTS (SELECT FROM actors_organisation_themes ot
                WHERE ot.organisation_id = o.id AND ot.theme_id = %(theme)s)
    AND EXISTS (SELECT FROM actors_organisation_municipalities om
                WHERE om.organisation_id = o.id AND om.municipality_id = ANY(%(municipalities)s))
), page AS (
  SELECT id, name_fi, rank FROM matched ORDER BY rank DESC, name_fi, id LIMIT %(limit)s
)
SELECT o.id, o.name_fi, o.name_sv, o.kind, o.description_fi, m.name_fi,
  (SELECT count(*) FROM matched),
  ARRAY(SELECT t.name_fi FROM actors_organisation_themes ot
        JOIN actors_theme t ON t.id = ot.theme_id
        WHERE ot.organisation_id = o.id ORDER BY t.position, t.code),
  ARRAY(SELECT g.name_fi FROM actors_organisation_target_groups og
        JOIN actors_targetgroup g ON g.id = og.targetgroup_id
        WHERE og.organisation_id = o.id ORDER BY g.position, g.code)
FROM page
JOIN actors_organisation o ON o.id = page.id
LEFT JOIN actors_municipality m ON m.id = o.municipality_id
ORDER BY page.rank DESC, page.name_fi, page.id
"""


def directory_search_pg() -> Result:
    require_postgres()
    if not scale_data_exists():
        progress(f"{NAME}: generating the national-scale data (seed {SEED})")
        output = io.StringIO()  # stdout carries only the result line
        call_command("generate_scale_data", seed=SEED, stdout=output)
        progress(output.getvalue().strip())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    county = WellbeingCounty.objects.get(code=COUNTY_CODE)
    url = f"/fi/counties/{county.code}/organisations/"
    client = Client()
    (term,) = TextSearch(SEARCH["q"]).terms
    (prefix,) = term.prefixes  # one stem: one pattern
    word_themes, word_groups = _themes_and_groups_with(term)
    params = {
        "kind": SEARCH["kind"],
        "words": term.tsquery(),
        "pattern": f"%{prefix.upper()}%",
        "word_themes": word_themes,
        "word_groups": word_groups,
        "theme": Theme.objects.get(code=SEARCH["theme"]).pk,
        "municipalities": list(county.municipalities.values_list("pk", flat=True)),
        "limit": PAGE_SIZE,
    }

    def page() -> str:
        response = client.get(url, SEARCH)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response.content.decode()

    def raw() -> list[tuple]:
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            cursor.execute(RAW_PAGE_SQL, params)
            rows = cursor.fetchall()
        if client.get("/healthz").status_code != 200:
            raise RuntimeError("/healthz failed")
        return rows

    _check_same_rows(page(), raw())
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
        notes=f"GET {url}?{'&'.join(f'{k}={v}' for k, v in SEARCH.items())}, "
        f"DEBUG={settings.DEBUG}",
    )


def _themes_and_groups_with(term: Term) -> tuple[list[int], list[int]]:
    """Ids of the themes and target groups whose names or search words hold the term (the
    product's rule, applied once beforehand like the county's municipality ids)."""
    codes: dict[str, list[str]] = {"themes": [], "target_groups": []}
    for field, code, texts in directory_selectors.theme_search_words():
        if any(term.found_in(text, language) for language, text in texts.items()):
            codes[field].append(code)
    return (
        list(Theme.objects.filter(code__in=codes["themes"]).values_list("pk", flat=True)),
        list(
            TargetGroup.objects.filter(code__in=codes["target_groups"]).values_list("pk", flat=True)
        ),
    )


def _check_same_rows(page_html: str, rows: list[tuple]) -> None:
    """The page and the hand-written SQL show the same organisations, in the same order,
    and the same count; and the page is a full one of a long list."""
    names = [html.unescape(name) for name in ROW_NAME.findall(page_html)]
    expected = [row[1] or row[2] for row in rows]
    if names != expected:
        raise RuntimeError(f"the page shows {names[:3]}…, the SQL {expected[:3]}…")
    count = COUNT.search(page_html)
    total = rows[0][6] if rows else 0
    if not count or int(re.sub(r"\D", "", count[1])) != total:
        raise RuntimeError(f"the page counts {count and count[1]!r}, the SQL {total}")
    if len(rows) < PAGE_SIZE or total < 100:
        raise RuntimeError(f"not a full page of a long list: {len(rows)} rows of {total}")
    progress(f"{NAME}: {len(rows)} rows of {total}")

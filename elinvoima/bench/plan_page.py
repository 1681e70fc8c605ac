"""plan_page_pg: a municipality's one-page plan at national scale.

A: the whole request of the plan page (`strategy:plan-detail`) through Django's test client,
warm — Tampere's newest plan, approved and so public: 50 goals (40 goals and 10 sub-goals in
five priority areas) and 300 measures with their implementers, among ~600,000 measures of
~1,000 plans (elinvoima.bench.scale.strategy).
B: the best hand-written SQL for the same rows, through psycopg — the plan with its versions
and decisions, the priority areas, the goals with their owners and age groups, the goal
indicators, the measures with their implementers' names, each in one statement answered by
the (plan) and (goal) indexes — plus the same client's time for a trivial endpoint
(`/healthz`), the fixed cost of a request (docs/performance.md, "What the baseline is").
Before measuring, the national-scale actors and plans are generated (seed 1) unless they are
there, and the database analysed. A and B are checked to show the same goals and measures.
"""

import html
import re

from django.conf import settings
from django.db import connection
from django.test import Client

from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale.actors import scale_data_exists, scale_data_generate
from elinvoima.bench.scale.strategy import bench_plan, plan_scale_exists, plan_scale_generate
from elinvoima.strategy.models import Plan

from .harness import Result, alternate, progress, require_postgres, result_from_samples

NAME = "plan_page_pg"
SEED = 1
PAIRS = 30
GOAL_ID = re.compile(r'<li class="plan-goal" id="goal-(\d+)">')
MEASURE_ID = re.compile(r'<li class="plan-measure" id="measure-(\d+)">')

RAW_SQL = [
    # The plan, its versions and its decisions.
    """
    SELECT p.id, p.title_fi, p.title_sv, p.kind, p.state, p.version, p.start_year, p.end_year,
           p.approved_on, m.name_fi,
      ARRAY(SELECT ROW(v.id, v.version, v.state, v.approved_on)::text FROM strategy_plan v
            WHERE v.lineage = p.lineage ORDER BY v.version DESC),
      ARRAY(SELECT ROW(d.body, d.outcome, d.decided_on, d.reference)::text
            FROM strategy_plandecision d WHERE d.plan_id = p.id
            ORDER BY d.decided_on, d.recorded_at, d.id)
    FROM strategy_plan p LEFT JOIN actors_municipality m ON m.id = p.municipality_id
    WHERE p.id = %(plan)s
    """,
    # Priority areas.
    """
    SELECT a.id, a.title_fi, a.description_fi FROM strategy_priorityarea a
    WHERE a.plan_id = %(plan)s ORDER BY a.position, a.id
    """,
    # Goals and sub-goals with their owner organisations and age groups.
    """
    SELECT g.id, g.priority_area_id, g.parent_id, g.title_fi, g.description_fi, g.owner_names,
      ARRAY(SELECT o.name_fi FROM strategy_goal_owner_organisations go
            JOIN actors_organisation o ON o.id = go.organisation_id
            WHERE go.goal_id = g.id ORDER BY o.name_fi),
      ARRAY(SELECT t.name_fi FROM strategy_goal_target_groups gt
            JOIN actors_targetgroup t ON t.id = gt.targetgroup_id
            WHERE gt.goal_id = g.id ORDER BY t.position)
    FROM strategy_goal g WHERE g.plan_id = %(plan)s ORDER BY g.position, g.id
    """,
    # Goal indicators: baseline → target.
    """
    SELECT gi.goal_id, i.title_fi, gi.direction, gi.baseline_year, gi.baseline_value,
           gi.target_year, gi.target_comparison, gi.target_value, i.decimals
    FROM strategy_goalindicator gi
    JOIN strategy_goal g ON g.id = gi.goal_id
    JOIN indicators_indicator i ON i.id = gi.indicator_id
    WHERE g.plan_id = %(plan)s ORDER BY gi.position, gi.id
    """,
    # Measures with their implementers' names.
    """
    SELECT me.id, me.goal_id, me.title_fi, me.status, me.starts_on, me.ends_on,
           me.responsible_names,
      ARRAY(SELECT o.name_fi FROM strategy_measure_implementers mi
            JOIN actors_organisation o ON o.id = mi.organisation_id
            WHERE mi.measure_id = me.id ORDER BY o.name_fi)
    FROM strategy_measure me WHERE me.plan_id = %(plan)s ORDER BY me.position, me.id
    """,
]


def _ensure_data() -> None:
    if not scale_data_exists():
        progress(f"{NAME}: generating the national-scale actors (seed {SEED})")
        reference_data_load()
        scale_data_generate(seed=SEED)
    if not plan_scale_exists():
        progress(f"{NAME}: generating the national-scale plans (seed {SEED})")
        result = plan_scale_generate(seed=SEED)
        progress(
            f"{NAME}: {result.plans} plans, {result.goals} goals, {result.measures} measures, "
            f"{result.implementer_links} implementer links in {result.seconds:.1f} s"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def bench_plan_with_data() -> Plan:
    """The benchmark plan, the national-scale data it lives in made first where missing."""
    require_postgres()
    _ensure_data()
    plan = bench_plan()
    if plan is None:
        raise RuntimeError("no benchmark plan in the scale data")
    return plan


def plan_page_pg() -> Result:
    plan = bench_plan_with_data()
    url = f"/fi/plans/{plan.pk}/"
    client = Client()
    params = {"plan": plan.pk}

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

    _check_same_rows(page(), raw())
    for _ in range(3):  # warm: templates compiled, plans and pages cached
        page()
        raw()
    a, b = alternate(page, raw, pairs=PAIRS, label=NAME)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM strategy_measure")
        (measures,) = cursor.fetchone()
    return result_from_samples(
        NAME,
        a,
        b,
        unit="ms",
        baseline="raw SQL",
        scale=1000,
        notes=f"GET {url} (50 goals, 300 measures of {measures} in the database), "
        f"DEBUG={settings.DEBUG}",
    )


def _check_same_rows(page_html: str, results: list[list[tuple]], *, label: str = NAME) -> None:
    """The page and the SQL show the same goals and measures, and the plan is the size the
    benchmark promises."""
    goals_sql = [row[0] for row in results[2]]
    measures_sql = [row[0] for row in results[4]]
    goals_page = [int(pk) for pk in GOAL_ID.findall(page_html)]
    measures_page = [int(pk) for pk in MEASURE_ID.findall(page_html)]
    if sorted(goals_page) != sorted(goals_sql):
        raise RuntimeError(f"the page shows {len(goals_page)} goals, the SQL {len(goals_sql)}")
    if sorted(measures_page) != sorted(measures_sql):
        raise RuntimeError(
            f"the page shows {len(measures_page)} measures, the SQL {len(measures_sql)}"
        )
    if (len(goals_sql), len(measures_sql)) != (50, 300):
        raise RuntimeError(f"not the benchmark plan: {len(goals_sql)} goals, {len(measures_sql)}")
    implementers = sum(len(row[7]) for row in results[4])
    for name in {name for row in results[4] for name in row[7]}:
        if html.escape(name) not in page_html:
            raise RuntimeError(f"implementer {name!r} is not on the page")
    progress(
        f"{label}: {len(goals_sql)} goals, {len(measures_sql)} measures, "
        f"{implementers} implementers"
    )

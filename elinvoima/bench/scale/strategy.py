"""National-scale plans for benchmarks (docs/performance.md): for every municipality and wellbeing
county three approved plans of consecutive periods (2017–2020, 2021–2024, 2025–2028), each
with priority areas, goals, sub-goals, goal indicators, measures and their implementers —
~600,000 measures in all. One municipality's newest plan is the benchmark's: 50 goals and
300 measures (BENCH_MUNICIPALITY_CODE).

Deterministic from the seed and the database's reference data. Rows are written with COPY
on PostgreSQL (indexes and keys dropped and rebuilt for a national-scale load, as the
actors' generator does), then ANALYZE; SQLite gets plain INSERTs (for tests)."""

import datetime
import random
import uuid
from dataclasses import dataclass
from time import perf_counter

from django.db import connection, transaction
from django.utils import timezone

from elinvoima.actors.models import Municipality, Organisation, TargetGroup, WellbeingCounty

# The bulk-loading helpers of the actors' generator: one way to COPY in this code base.
from elinvoima.bench.scale.actors import (
    BULK_LOAD_MIN_ROWS,
    TableRows,
    _copy_rows,
    _fill_missing_columns,
    _foreign_keys_dropped,
    _gc_paused,
    _indexes_dropped,
    _insert_rows,
    _reserve_ids,
)
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator
from elinvoima.strategy.enums import (
    APPROVAL_CHAINS,
    DecisionOutcome,
    Direction,
    MeasureStatus,
    PlanKind,
    PlanState,
)
from elinvoima.strategy.models import Goal, GoalIndicator, Measure, Plan, PlanDecision, PriorityArea

# The tables the generator writes, in the order it writes them.
PLAN_MODELS = (
    Plan,
    PlanDecision,
    PriorityArea,
    Goal,
    GoalIndicator,
    Goal.owner_organisations.through,
    Goal.target_groups.through,
    Measure,
    Measure.implementers.through,
)
SCALE_MARKER = "Skaalausaineisto (generate_scale_data)."
SCALE_NAMESPACE = uuid.UUID("6f1b1d8e-93c4-4e0b-8c47-2f6d1b0c5a11")
PERIODS = ((2017, 2020), (2021, 2024), (2025, 2028))
AREAS_PER_PLAN = 5
GOALS_PER_AREA = 20  # top-level goals
MEASURES_PER_GOAL = 6
SUB_GOAL_EVERY = 4  # every fourth goal has a sub-goal
BENCH_MUNICIPALITY_CODE = "837"  # Tampere
BENCH_GOALS = 50  # top-level and sub-goals together
BENCH_MEASURES = 300
OWN_INDICATORS = 20  # made only when the database has no indicators at all

AREA_TITLES = (
    "Osallisuus ja yhteisöllisyys",
    "Elintavat ja terveys",
    "Mielen hyvinvointi",
    "Turvallinen arki",
    "Lapset, nuoret ja perheet",
    "Ikääntyneiden toimintakyky",
    "Työllisyys ja toimeentulo",
)
GOAL_HEADS = (
    "Liikkumattomuus vähenee",
    "Yksinäisyyden kokemus vähenee",
    "Päihteiden käyttö vähenee",
    "Harrastamisen mahdollisuudet lisääntyvät",
    "Kiusaaminen vähenee",
    "Ruokailutottumukset paranevat",
    "Kotona asuminen tukee toimintakykyä",
    "Asukkaiden osallistuminen lisääntyy",
)
GOAL_TAILS = ("alakouluikäisillä", "nuorilla", "työikäisillä", "ikäihmisillä", "koko väestössä")
MEASURE_HEADS = (
    "Matalan kynnyksen liikuntaryhmä",
    "Vertaistukiryhmä",
    "Perhekahvila",
    "Kyläilta",
    "Koulujen välituntiliikunta",
    "Kotikäyntien tehostaminen",
    "Harrastetunnit koulupäivän yhteyteen",
    "Ehkäisevän päihdetyön teemaviikko",
    "Ikäihmisten digituki",
    "Nuorisotalon iltatoiminta",
)
MEASURE_TAILS = ("syksyllä", "keväällä", "kylillä", "keskustassa", "kouluilla", "verkossa")
STATUSES = (
    (MeasureStatus.DONE, 35),
    (MeasureStatus.IN_PROGRESS, 40),
    (MeasureStatus.PLANNED, 15),
    (MeasureStatus.DELAYED, 8),
    (MeasureStatus.CANCELLED, 2),
)


class PlanScaleError(Exception):
    pass


@dataclass
class PlanScaleResult:
    plans: int
    goals: int
    measures: int
    implementer_links: int
    seconds: float
    bench_plan_id: int | None


def scale_plans():
    return Plan.objects.filter(description_fi=SCALE_MARKER)


def plan_scale_exists() -> bool:
    return scale_plans().exists()


def bench_plan() -> Plan | None:
    """The plan of the benchmark: the bench municipality's newest generated plan (approved;
    not a new version in planning that a benchmark made of it)."""
    return (
        scale_plans()
        .filter(municipality__code=BENCH_MUNICIPALITY_CODE, state=PlanState.APPROVED)
        .order_by("-start_year")
        .first()
    )


@transaction.atomic
def plan_scale_delete() -> int:
    """Delete the generated plans and everything in them, in set-based statements."""
    plans = scale_plans()
    plan_ids = plans.values("pk")
    measures = Measure.objects.filter(plan__in=plan_ids)
    goals = Goal.objects.filter(plan__in=plan_ids)
    count = plans.count()
    for queryset in (
        Measure.implementers.through.objects.filter(measure__in=measures.values("pk")),
        measures,
        GoalIndicator.objects.filter(goal__in=goals.values("pk")),
        Goal.owner_organisations.through.objects.filter(goal__in=goals.values("pk")),
        Goal.target_groups.through.objects.filter(goal__in=goals.values("pk")),
        goals.filter(parent__isnull=False),
        goals,
        PriorityArea.objects.filter(plan__in=plan_ids),
        PlanDecision.objects.filter(plan__in=plan_ids),
        plans,
    ):
        queryset._raw_delete(queryset.db)
    return count


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights, k=1)[0]


def _own_indicators() -> list[int]:
    """Indicators the goals follow: the first ones in the database, or a few made here."""
    ids = list(Indicator.objects.order_by("pk").values_list("pk", flat=True)[:200])
    if ids:
        return ids
    Indicator.objects.bulk_create(
        Indicator(
            source=IndicatorSource.OWN,
            title=f"Skaalausindikaattori {n + 1}",
            title_fi=f"Skaalausindikaattori {n + 1}",
            decimals=1,
            metadata={"elinvoima_scale": True},
        )
        for n in range(OWN_INDICATORS)
    )
    return list(Indicator.objects.order_by("pk").values_list("pk", flat=True)[:200])


def plan_scale_generate(
    *,
    seed: int,
    replace: bool = False,
    municipality_codes: list[str] | None = None,
    county_codes: list[str] | None = None,
) -> PlanScaleResult:
    """Generate the national-scale plans in one transaction. Refuses when generated plans
    are there already, unless `replace`. `municipality_codes` limits the plans to those
    municipalities and `county_codes` (none when not given) to those counties, for tests."""
    started = perf_counter()
    with transaction.atomic():
        if plan_scale_exists():
            if not replace:
                raise PlanScaleError(
                    "Scale plans already exist. Use --replace to delete them and generate "
                    "them again."
                )
            plan_scale_delete()
        municipalities = list(Municipality.objects.order_by("code").values_list("pk", "code"))
        if not municipalities:
            raise PlanScaleError("No municipalities: load the reference data first.")
        counties = list(WellbeingCounty.objects.order_by("code").values_list("pk", "code"))
        if municipality_codes is not None:
            municipalities = [row for row in municipalities if row[1] in municipality_codes]
            counties = [row for row in counties if row[1] in (county_codes or ())]
        organisations: dict[int, list[int]] = {}
        for pk, municipality_id in (
            Organisation.objects.filter(municipality__isnull=False)
            .order_by("pk")
            .values_list("pk", "municipality_id")
        ):
            organisations.setdefault(municipality_id, []).append(pk)
        county_organisations: dict[int, list[int]] = {}
        municipality_county = dict(Municipality.objects.values_list("pk", "wellbeing_county_id"))
        for municipality_id, ids in organisations.items():
            county_organisations.setdefault(municipality_county[municipality_id], []).extend(
                ids[:50]
            )
        indicators = _own_indicators()
        target_groups = list(TargetGroup.objects.order_by("code").values_list("pk", flat=True))
        owners = [("municipality", pk, code) for pk, code in municipalities] + [
            ("wellbeing_county", pk, code) for pk, code in counties
        ]
        tables, bench_plan_id = _build(
            random.Random(seed),
            owners=owners,
            organisations=organisations,
            county_organisations=county_organisations,
            indicators=indicators,
            target_groups=target_groups,
        )
        _write(tables)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.table)}")
    by_table = {table.table: len(table.rows) for table in tables}
    return PlanScaleResult(
        plans=by_table[Plan._meta.db_table],
        goals=by_table[Goal._meta.db_table],
        measures=by_table[Measure._meta.db_table],
        implementer_links=by_table[Measure.implementers.through._meta.db_table],
        seconds=perf_counter() - started,
        bench_plan_id=bench_plan_id,
    )


def _build(rng, *, owners, organisations, county_organisations, indicators, target_groups):
    """All rows as tuples, ids reserved from the tables' sequences (inside the caller's
    transaction, with the plan table locked on PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"LOCK TABLE {connection.ops.quote_name(Plan._meta.db_table)} "
                "IN SHARE ROW EXCLUSIVE MODE"
            )
    plan_count = len(owners) * len(PERIODS)
    per_plan_goals = AREAS_PER_PLAN * GOALS_PER_AREA
    goals_estimate = plan_count * (per_plan_goals + per_plan_goals // SUB_GOAL_EVERY + 1)
    measures_estimate = plan_count * per_plan_goals * MEASURES_PER_GOAL
    next_id = {
        "plan": _reserve_ids(Plan._meta.db_table, plan_count),
        "area": _reserve_ids(PriorityArea._meta.db_table, plan_count * len(AREA_TITLES)),
        "goal": _reserve_ids(Goal._meta.db_table, goals_estimate),
        "indicator": _reserve_ids(GoalIndicator._meta.db_table, goals_estimate),
        "measure": _reserve_ids(Measure._meta.db_table, measures_estimate),
        "decision": _reserve_ids(PlanDecision._meta.db_table, plan_count * 3),
    }
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    lineage_field = Plan._meta.get_field("lineage")
    plans, areas, goals, goal_indicators, measures, links, decisions = [], [], [], [], [], [], []
    goal_owners, goal_groups = [], []
    bench_plan_id = None

    def take(kind: str) -> int:
        value = next_id[kind]
        next_id[kind] += 1
        return value

    with _gc_paused():
        for owner_kind, owner_id, owner_code in owners:
            pool = (
                organisations.get(owner_id, [])
                if owner_kind == "municipality"
                else county_organisations.get(owner_id, [])
            )
            for start, end in PERIODS:
                plan_id = take("plan")
                is_bench = (
                    owner_kind == "municipality"
                    and owner_code == BENCH_MUNICIPALITY_CODE
                    and start == PERIODS[-1][0]
                )
                if is_bench:
                    bench_plan_id = plan_id
                kind = (
                    PlanKind.WELFARE_PLAN
                    if owner_kind == "municipality"
                    else PlanKind.REGIONAL_WELFARE_PLAN
                )
                title = f"Hyvinvointisuunnitelma {start}–{end}"
                approved_on = datetime.date(start - 1, 12, 1)
                plans.append(
                    (
                        plan_id,
                        lineage_field.get_db_prep_value(
                            uuid.uuid5(SCALE_NAMESPACE, f"{owner_kind}-{owner_code}-{start}"),
                            connection,
                        ),
                        1,
                        kind,
                        title,
                        title,
                        SCALE_MARKER,
                        SCALE_MARKER,
                        owner_id if owner_kind == "municipality" else None,
                        owner_id if owner_kind == "wellbeing_county" else None,
                        start,
                        end,
                        PlanState.APPROVED,
                        approved_on,
                        now,
                        now,
                    )
                )
                for body in APPROVAL_CHAINS[owner_kind]:
                    decisions.append(
                        (
                            take("decision"),
                            plan_id,
                            body,
                            DecisionOutcome.APPROVED,
                            approved_on,
                            "",
                            "",
                            now,
                        )
                    )
                if is_bench:
                    shape = _bench_shape()
                else:
                    shape = [
                        [(rng.random() < 1 / SUB_GOAL_EVERY, MEASURES_PER_GOAL)] * GOALS_PER_AREA
                        for _ in range(AREAS_PER_PLAN)
                    ]
                for position, area_goals in enumerate(shape):
                    area_id = take("area")
                    area_title = AREA_TITLES[(position + owner_id) % len(AREA_TITLES)]
                    areas.append((area_id, plan_id, area_title, area_title, "", position))
                    for goal_position, (with_sub_goal, measure_count) in enumerate(area_goals):
                        goal_title = (
                            f"{rng.choice(GOAL_HEADS)} {rng.choice(GOAL_TAILS)}"
                            f" ({position + 1}.{goal_position + 1})"
                        )
                        goal_id = take("goal")
                        goals.append(
                            (
                                goal_id,
                                plan_id,
                                area_id,
                                None,
                                goal_title,
                                goal_title,
                                "",
                                goal_position,
                                "Hyvinvointikoordinaattori",
                                now,
                            )
                        )
                        if pool:
                            goal_owners.append((goal_id, rng.choice(pool)))
                        if target_groups:
                            goal_groups.append((goal_id, rng.choice(target_groups)))
                        baseline = round(rng.uniform(5, 60), 1)
                        goal_indicators.append(
                            (
                                take("indicator"),
                                goal_id,
                                rng.choice(indicators),
                                None,
                                Direction.DECREASE,
                                start - 2,
                                baseline,
                                end,
                                "lt",
                                round(baseline * 0.9, 1),
                                0,
                            )
                        )
                        owners_of_measures = [goal_id]
                        if with_sub_goal:
                            sub_id = take("goal")
                            sub_title = f"{goal_title}: {rng.choice(GOAL_TAILS)}"
                            goals.append(
                                (
                                    sub_id,
                                    plan_id,
                                    area_id,
                                    goal_id,
                                    sub_title,
                                    sub_title,
                                    "",
                                    0,
                                    "",
                                    now,
                                )
                            )
                            owners_of_measures.append(sub_id)
                        for measure_position in range(measure_count):
                            measure_id = take("measure")
                            measure_title = (
                                f"{rng.choice(MEASURE_HEADS)} {rng.choice(MEASURE_TAILS)}"
                            )
                            measures.append(
                                (
                                    measure_id,
                                    plan_id,
                                    owners_of_measures[measure_position % len(owners_of_measures)],
                                    measure_title,
                                    measure_title,
                                    "",
                                    _weighted(rng, STATUSES),
                                    datetime.date(start, 1 + rng.randrange(6), 1),
                                    datetime.date(end, 12, 31),
                                    "",
                                    "",
                                    "",
                                    measure_position,
                                    now,
                                )
                            )
                            if pool:
                                for organisation in {
                                    rng.choice(pool) for _ in range(1 + (rng.random() < 0.3))
                                }:
                                    links.append((measure_id, organisation))
    return _tables(
        plans, decisions, areas, goals, goal_indicators, goal_owners, goal_groups, measures, links
    ), bench_plan_id


def _bench_shape() -> list[list[tuple[bool, int]]]:
    """The benchmark plan: BENCH_GOALS goals (top-level and sub-goals) and BENCH_MEASURES
    measures in five priority areas — 40 goals, 10 of them with a sub-goal."""
    top_level = BENCH_GOALS * 4 // 5
    per_area = top_level // AREAS_PER_PLAN
    per_goal = BENCH_MEASURES // top_level
    extra = BENCH_MEASURES - per_goal * top_level
    shape, index = [], 0
    for _area in range(AREAS_PER_PLAN):
        goals = []
        for _goal in range(per_area):
            goals.append((index % 4 == 0, per_goal + (1 if index < extra else 0)))
            index += 1
        shape.append(goals)
    return shape


def _tables(plans, decisions, areas, goals, indicators, owners, groups, measures, links):
    def columns(model, *names):
        return tuple(model._meta.get_field(name).column for name in names)

    tables = [
        TableRows(
            Plan._meta.db_table,
            columns(
                Plan,
                "id",
                "lineage",
                "version",
                "kind",
                "title",
                "title_fi",
                "description",
                "description_fi",
                "municipality",
                "wellbeing_county",
                "start_year",
                "end_year",
                "state",
                "approved_on",
                "created_at",
                "updated_at",
            ),
            plans,
        ),
        TableRows(
            PlanDecision._meta.db_table,
            columns(
                PlanDecision,
                "id",
                "plan",
                "body",
                "outcome",
                "decided_on",
                "reference",
                "note",
                "recorded_at",
            ),
            decisions,
        ),
        TableRows(
            PriorityArea._meta.db_table,
            columns(PriorityArea, "id", "plan", "title", "title_fi", "description", "position"),
            areas,
        ),
        TableRows(
            Goal._meta.db_table,
            columns(
                Goal,
                "id",
                "plan",
                "priority_area",
                "parent",
                "title",
                "title_fi",
                "description",
                "position",
                "owner_names",
                "updated_at",
            ),
            goals,
        ),
        TableRows(
            GoalIndicator._meta.db_table,
            columns(
                GoalIndicator,
                "id",
                "goal",
                "indicator",
                "region",
                "direction",
                "baseline_year",
                "baseline_value",
                "target_year",
                "target_comparison",
                "target_value",
                "position",
            ),
            indicators,
        ),
        TableRows(
            Goal.owner_organisations.through._meta.db_table,
            columns(Goal.owner_organisations.through, "goal", "organisation"),
            owners,
        ),
        TableRows(
            Goal.target_groups.through._meta.db_table,
            columns(Goal.target_groups.through, "goal", "targetgroup"),
            groups,
        ),
        TableRows(
            Measure._meta.db_table,
            columns(
                Measure,
                "id",
                "plan",
                "goal",
                "title",
                "title_fi",
                "description",
                "status",
                "starts_on",
                "ends_on",
                "responsible_names",
                "resources",
                "expected_output",
                "position",
                "updated_at",
            ),
            measures,
        ),
        TableRows(
            Measure.implementers.through._meta.db_table,
            columns(Measure.implementers.through, "measure", "organisation"),
            links,
        ),
    ]
    for table, model in zip(tables, PLAN_MODELS, strict=True):
        _fill_missing_columns(table, model)
    return tables


def _write(tables: list[TableRows]) -> None:
    if connection.vendor != "postgresql":
        for table in tables:
            _insert_rows(table)
        return
    # Rows are adapted by psycopg's binary COPY: UUIDs and dates as they are.
    names = [table.table for table in tables]
    bulk = sum(len(table.rows) for table in tables) >= BULK_LOAD_MIN_ROWS
    with _foreign_keys_dropped(names if bulk else []), _indexes_dropped(names if bulk else []):
        for table in tables:
            _copy_rows(table)
    # The ids were reserved from the sequences by estimate; never leave one behind its table.
    with connection.cursor() as cursor:
        for table in tables:
            if table.columns[0] != "id":
                continue
            quoted = connection.ops.quote_name(table.table)
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [quoted])
            (sequence,) = cursor.fetchone()
            cursor.execute(
                f"SELECT setval(%s, GREATEST((SELECT max(id) FROM {quoted}), "  # noqa: S608
                f"(SELECT last_value FROM {sequence})))",
                [sequence],
            )

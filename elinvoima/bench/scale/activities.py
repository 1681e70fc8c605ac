"""National-scale activity reports for benchmarks (docs/performance.md): 1,000,000 activities
of the organisations of every municipality over four years (ACTIVITY_YEARS), each serving one
or two goals of its municipality's plan of that year, and for the benchmark municipality
(Tampere) the year's card decision on its newest plan: a card for each of its first
BENCH_CARDS strategic goals, inviting its associations.

Built on the national-scale actors and plans (elinvoima.bench.scale.actors, .strategy), which
must be there. Deterministic from the seed. Rows are written with COPY on PostgreSQL (the
plans' writer: indexes and keys dropped and rebuilt), then ANALYZE; SQLite gets INSERTs."""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal
from time import perf_counter

from django.db import connection, transaction
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Organisation
from elinvoima.bench.scale.actors import TableRows, _fill_missing_columns, _gc_paused, _reserve_ids
from elinvoima.bench.scale.strategy import (
    PERIODS,
    _write,
    bench_plan,
    scale_plans,
)
from elinvoima.cards.enums import ActivityKind
from elinvoima.cards.models import Activity, CardDecision, CardTemplate
from elinvoima.strategy.models import Goal

ACTIVITIES = 1_000_000
ACTIVITY_YEARS = (2023, 2024, 2025, 2026)
BENCH_YEAR = 2026  # in the bench plan's period (2025–2028)
BENCH_CARDS = 6
SCALE_MARKER = "Skaalausaineisto (generate_scale_data)."
KINDS = (
    (ActivityKind.CLUB, 50),
    (ActivityKind.EVENT, 25),
    (ActivityKind.TRIP, 8),
    (ActivityKind.COURSE, 7),
    (ActivityKind.VISIT, 7),
    (ActivityKind.HELP, 3),
)
NAMES = {
    ActivityKind.CLUB: ("Tuolijumppa", "Kävelyryhmä", "Lukupiiri", "Käsityökerho", "Kuoro"),
    ActivityKind.EVENT: ("Kyläjuhla", "Rollaattorimarssi", "Perhepäivä", "Konsertti"),
    ActivityKind.TRIP: ("Virkistysmatka", "Teatteriretki", "Luontoretki"),
    ActivityKind.COURSE: ("Digiopastus", "Ensiapukurssi", "Luento muistista"),
    ActivityKind.VISIT: ("Vierailu päiväkodissa", "Ulkoilu palvelutalon asukkaiden kanssa"),
    ActivityKind.HELP: ("Lumityöapu", "Kauppa-apu"),
}


class ActivityScaleError(Exception):
    pass


@dataclass
class ActivityScaleResult:
    activities: int
    goal_links: int
    seconds: float
    bench_decision_id: int


def scale_activities():
    return Activity.objects.filter(description=SCALE_MARKER)


def activity_scale_exists() -> bool:
    return scale_activities().exists()


def bench_decision() -> CardDecision | None:
    return CardDecision.objects.filter(note=SCALE_MARKER).first()


@transaction.atomic
def activity_scale_delete() -> int:
    activities = scale_activities()
    count = activities.count()
    links = Activity.sub_goals.through.objects.filter(activity__in=activities.values("pk"))
    links._raw_delete(links.db)
    activities._raw_delete(activities.db)
    CardDecision.objects.filter(note=SCALE_MARKER).delete()
    return count


def activity_scale_generate(*, seed: int, activities: int = ACTIVITIES) -> ActivityScaleResult:
    """Generate the activities and the benchmark's card decision in one transaction."""
    started = perf_counter()
    plan = bench_plan()
    if plan is None:
        raise ActivityScaleError("No national-scale plans: generate them first.")
    if activity_scale_exists():
        raise ActivityScaleError("Scale activities already exist.")
    rng = random.Random(seed)
    with transaction.atomic():
        decision = _bench_decision(plan)
        goals = _goals_by_municipality_and_year()
        organisations = list(
            Organisation.objects.filter(municipality__isnull=False)
            .order_by("pk")
            .values_list("pk", "municipality_id")
        )
        tables = _tables(rng, activities, organisations, goals)
        _write(tables)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.table)}")
    return ActivityScaleResult(
        activities=len(tables[0].rows),
        goal_links=len(tables[1].rows),
        seconds=perf_counter() - started,
        bench_decision_id=decision.pk,
    )


def _bench_decision(plan) -> CardDecision:
    """The benchmark municipality's card decision of BENCH_YEAR: its first strategic goals."""
    decision = CardDecision.objects.create(
        municipality=plan.municipality,
        year=BENCH_YEAR,
        body="Kunnan johtoryhmä",
        decided_on=datetime.date(BENCH_YEAR, 1, 15),
        plan=plan,
        note=SCALE_MARKER,
    )
    goals = list(
        Goal.objects.filter(plan=plan, parent=None).order_by("position", "id")[:BENCH_CARDS]
    )
    decision.goals.set(goals)
    invited = list(
        Organisation.objects.filter(
            municipality=plan.municipality, kind=OrganisationKind.ASSOCIATION
        ).values_list("pk", flat=True)
    )
    for position, goal in enumerate(goals):
        card = CardTemplate.objects.create(
            decision=decision,
            goal=goal,
            name=goal.title[:200],
            name_fi=goal.title[:200],
            position=position,
            opens_on=datetime.date(BENCH_YEAR, 1, 1),
            closes_on=datetime.date(BENCH_YEAR, 12, 31),
        )
        card.invited.set(invited)
    return decision


def _goals_by_municipality_and_year() -> dict[tuple[int, int], list[int]]:
    """(municipality, year) → the goals of the municipality's generated plan of that year."""
    years_of = {start: range(start, end + 1) for start, end in PERIODS}
    goals: dict[tuple[int, int], list[int]] = {}
    for goal_id, municipality_id, start in (
        Goal.objects.filter(plan__in=scale_plans().filter(municipality__isnull=False))
        .order_by("pk")
        .values_list("pk", "plan__municipality_id", "plan__start_year")
    ):
        for year in years_of.get(start, ()):
            goals.setdefault((municipality_id, year), []).append(goal_id)
    return goals


def _tables(rng, count, organisations, goals) -> list[TableRows]:
    first_id = _reserve_ids(Activity._meta.db_table, count)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    kinds = [kind for kind, _weight in KINDS]
    weights = [weight for _kind, weight in KINDS]
    activities, links = [], []
    with _gc_paused():
        for n in range(count):
            organisation_id, municipality_id = organisations[rng.randrange(len(organisations))]
            year = rng.choice(ACTIVITY_YEARS)
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
            kind = rng.choices(kinds, weights)[0]
            participants = rng.randint(3, 60)
            target = rng.randint(0, participants)
            beyond = rng.randint(0, participants)
            volunteers = rng.randint(1, 8)
            hours = Decimal(volunteers * rng.choice((1, 2, 3, 4))) / 2
            activity_id = first_id + n
            activities.append(
                (
                    activity_id,
                    organisation_id,
                    municipality_id,
                    kind,
                    rng.choice(NAMES[kind]),
                    day,
                    participants,
                    target,
                    beyond,
                    rng.random() < 0.2,
                    rng.random() < 0.1,
                    rng.random() < 0.3,
                    volunteers,
                    hours,
                    SCALE_MARKER,
                    now,
                    now,
                )
            )
            pool = goals.get((municipality_id, year), ())
            for goal_id in rng.sample(pool, min(len(pool), rng.choice((1, 1, 2)))):
                links.append((activity_id, goal_id))

    def columns(model, *names):
        return tuple(model._meta.get_field(name).column for name in names)

    tables = [
        TableRows(
            Activity._meta.db_table,
            columns(
                Activity,
                *("id", "organisation", "municipality", "kind", "name", "starts_on"),
                *("participants", "in_target_group", "beyond_members", "from_remote_villages"),
                *("summer_residents", "outside_associations", "volunteers", "volunteer_hours"),
                *("description", "created_at", "updated_at"),
            ),
            activities,
        ),
        TableRows(
            Activity.sub_goals.through._meta.db_table,
            columns(Activity.sub_goals.through, "activity", "goal"),
            links,
        ),
    ]
    _fill_missing_columns(tables[0], Activity)
    return tables

"""Every page of the role × URL table that lists things makes as many queries at national
scale as with a few rows, for a signed-in welfare coordinator and for a volunteer of an
association (docs/performance.md, "Query counts").

One test, in two phases on the same database: first a small world (Tampere with its
coordinator, a volunteer's association, a plan with a goal card, a network, a few
indicators and a set of them), each page's queries counted; then the national-scale actors,
indicators and plans of the benchmarks written on top (100,000 organisations, 300,000
people, 3,000 indicators with 400,000 values, and the plans of the benchmarks for
Pirkanmaa's municipalities and county — Tampere gets thousands of organisations and three
plans of 50 goals and 300 measures), and every
page counted again. A page whose count grew makes queries per row. PostgreSQL only (not
marked both_databases): the national-scale load is the benchmarks' (COPY, indexes rebuilt).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale.actors import scale_data_generate
from elinvoima.bench.scale.indicators import indicator_scale_generate
from elinvoima.bench.scale.strategy import bench_plan, plan_scale_generate
from tests.factories.actors import (
    OrganisationFactory,
    client_of,
    coordinator_of,
    municipality_organisation,
    representative_of,
)
from tests.factories.indicators import (
    IndicatorFactory,
    IndicatorSetFactory,
    IndicatorValueFactory,
    region_of,
)
from tests.factories.networks import NetworkFactory
from tests.factories.strategy import (
    GoalCardFactory,
    GoalFactory,
    MeasureFactory,
    PlanFactory,
    PriorityAreaFactory,
)

# Committed and emptied afterwards (TRUNCATE): a rolled-back national-scale load would leave
# millions of dead rows behind for the tests after it. A minute and a half on one worker:
# started first, while the other worker runs the rest of the suite.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.runs_first]

TAMPERE, PIRKANMAA = "837", "8"
COORDINATOR, VOLUNTEER = "coordinator", "volunteer"

# URL name → kwargs from the small world (`world`). Pages that list things, and only those
# a coordinator or a volunteer may open; each is counted for both where it answers 200.
LISTING_PAGES = {
    "portal:dashboard": lambda w: {},
    "actors:municipality-list": lambda w: {},
    "actors:municipality-detail": lambda w: {"code": TAMPERE},
    "actors:activity-search": lambda w: {},
    "actors:municipality-directory": lambda w: {"municipality_code": TAMPERE},
    "actors:actor-map": lambda w: {"code": TAMPERE},
    "actors:profile-status": lambda w: {"code": TAMPERE},
    "actors:embed-listing": lambda w: {"code": TAMPERE},
    "embed-feed": lambda w: {"code": TAMPERE},
    "actors:county-list": lambda w: {},
    "actors:county-directory": lambda w: {"county_code": PIRKANMAA},
    "actors:county-detail": lambda w: {"code": PIRKANMAA},
    "actors:municipality-interfaces": lambda w: {"code": TAMPERE},
    "networks:municipality-networks": lambda w: {"code": TAMPERE},
    "networks:county-networks": lambda w: {"code": PIRKANMAA},
    "indicators:own-indicator-list": lambda w: {"code": TAMPERE},
    "indicators:import-list": lambda w: {},
    "indicators:indicator-list": lambda w: {},
    "indicators:municipality-indicators": lambda w: {"code": TAMPERE},
    "indicators:hyte-county": lambda w: {"code": PIRKANMAA},
    "indicators:hyte-follow-up": lambda w: {"code": PIRKANMAA},
    "indicators:hyte-rule-list": lambda w: {},
    "indicators:indicator-set-list": lambda w: {"code": TAMPERE},
    "indicators:indicator-set-presets": lambda w: {},
    "indicators:experiential-municipality": lambda w: {"code": TAMPERE},
    "strategy:measures-attention": lambda w: {},
    "strategy:my-measures": lambda w: {},
    "strategy:municipality-plans": lambda w: {"code": TAMPERE},
    "strategy:county-plans": lambda w: {"code": PIRKANMAA},
    "strategy:network-plans": lambda w: {"pk": w["network"].pk},
    "strategy:network-recommendations": lambda w: {"pk": w["network"].pk},
    "strategy:plan-detail": lambda w: {"pk": w["plan"].pk},
    "api:municipality-list": lambda w: {},
    "api:wellbeing-county-list": lambda w: {},
    "api:organisation-list": lambda w: {},
    "api:indicator-list": lambda w: {},
    "api:indicator-value-list": lambda w: {},
    "api:plan-list": lambda w: {},
    "api:goal-list": lambda w: {},
    "api:measure-list": lambda w: {},
    "api:goal-card-list": lambda w: {},
}


def _small_world() -> dict:
    """A few rows in every list the pages show: an empty list would skip its queries."""
    reference_data_load()
    tampere = Municipality.objects.get(code=TAMPERE)
    associations = OrganisationFactory.create_batch(
        2, kind="association", municipality=tampere, is_published=True
    )
    for association in associations:
        association.municipalities.add(tampere)
    plan = PlanFactory(approved=True, municipality=tampere)
    area = PriorityAreaFactory(plan=plan)
    goal = GoalFactory(priority_area=area)
    goal.owner_organisations.add(municipality_organisation(tampere), associations[0])
    GoalCardFactory(goal=goal)
    implementers = [*associations, municipality_organisation(tampere)]
    MeasureFactory.create_batch(2, goal=goal, implementers=implementers)
    PlanFactory(
        approved=True,
        kind="regional_welfare_plan",
        municipality=None,
        wellbeing_county=WellbeingCounty.objects.get(code=PIRKANMAA),
    )
    indicator = IndicatorFactory(sotkanet=True)
    for place in (tampere, WellbeingCounty.objects.get(code=PIRKANMAA)):
        IndicatorValueFactory(indicator=indicator, region=region_of(place), year=2024)
    IndicatorSetFactory(municipality=tampere, indicators=[indicator])
    return {
        "users": {
            COORDINATOR: coordinator_of(tampere),
            VOLUNTEER: representative_of(associations[0]),
        },
        "network": NetworkFactory(municipality=tampere, members=associations),
        "plan": plan,
    }


def _counts(world: dict) -> dict[tuple[str, str], int | str]:
    """(role, URL name) → the page's query count, or its status when not 200."""
    counts: dict[tuple[str, str], int | str] = {}
    for role, user in world["users"].items():
        client = client_of(user)
        for name, kwargs in LISTING_PAGES.items():
            url = reverse(name, kwargs=kwargs(world))
            with CaptureQueriesContext(connection) as captured:
                status = client.get(url).status_code
            counts[role, name] = len(captured.captured_queries) if status == 200 else str(status)
    return counts


def test_listing_pages__national_scale__as_many_queries_as_with_a_few_rows():
    world = _small_world()
    few = _counts(world)
    assert sum(isinstance(count, int) for count in few.values()) >= 60, few

    scale_data_generate(seed=1)
    # All 3,000 indicators but a tenth of their values: no page lists more values than one
    # page of them, and the other 3,600,000 would cost half a minute more.
    indicator_scale_generate(seed=1, values=400_000)
    # The plans at national density where the pages look: Pirkanmaa's municipalities and
    # county (~40,000 of the 600,000 measures; all of them would cost half a minute more).
    plan_scale_generate(
        seed=1,
        municipality_codes=list(
            Municipality.objects.filter(wellbeing_county__code=PIRKANMAA).values_list(
                "code", flat=True
            )
        ),
        county_codes=[PIRKANMAA],
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    world["plan"] = bench_plan()  # Tampere's newest: 50 goals and 300 measures
    many = _counts(world)

    grown = {
        f"{role} {name}": f"{few[role, name]} → {many[role, name]}"
        for role, name in few
        if not _same_or_fewer(few[role, name], many[role, name])
    }
    assert not grown, f"pages whose queries grew with the data: {grown}"


def _same_or_fewer(few: int | str, many: int | str) -> bool:
    """The same page answered the same way, with no more queries (a page may need fewer
    when, say, a chart drawn in the first phase is stored by the second)."""
    if isinstance(few, str) or isinstance(many, str):
        return few == many
    return many <= few

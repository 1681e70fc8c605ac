"""The national-scale activity reports of the benchmarks (elinvoima.bench.scale.activities),
in small numbers: every activity serves goals of its own municipality's plan of its year,
and the benchmark's card decision sums them in the council's summary."""

import pytest

from elinvoima.actors.models import Municipality
from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale.activities import (
    BENCH_CARDS,
    activity_scale_delete,
    activity_scale_generate,
    bench_decision,
)
from elinvoima.bench.scale.strategy import BENCH_MUNICIPALITY_CODE, plan_scale_generate
from elinvoima.cards.models import Activity
from elinvoima.cards.summary import council_summary
from tests.factories.actors import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def test_activity_scale__goals_of_own_plan_and_year__summed_for_the_bench_cards():
    reference_data_load()
    plan_scale_generate(seed=1, municipality_codes=[BENCH_MUNICIPALITY_CODE, "785"])
    for code in (BENCH_MUNICIPALITY_CODE, "785"):
        OrganisationFactory.create_batch(
            3, kind="association", municipality=Municipality.objects.get(code=code)
        )

    result = activity_scale_generate(seed=1, activities=3000)

    assert result.activities == Activity.objects.count() == 3000
    for activity in Activity.objects.prefetch_related("sub_goals__plan")[:300]:
        for goal in activity.sub_goals.all():
            assert goal.plan.municipality_id == activity.municipality_id
            assert goal.plan.start_year <= activity.starts_on.year <= goal.plan.end_year
    decision = bench_decision()
    cards = council_summary(decision)
    assert len(cards) == BENCH_CARDS
    assert sum(row.activities for card in cards for row in card.rows) > 0
    assert activity_scale_delete() == 3000
    assert not Activity.objects.exists() and bench_decision() is None

"""The national-scale plans of the benchmarks (elinvoima.bench.scale.strategy), in small numbers."""

import pytest
from django.urls import reverse

from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale.strategy import (
    BENCH_MUNICIPALITY_CODE,
    PERIODS,
    PlanScaleError,
    bench_plan,
    plan_scale_delete,
    plan_scale_generate,
)
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal, Measure, Plan

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def generate(seed: int = 1, **options):
    return plan_scale_generate(
        seed=seed, municipality_codes=[BENCH_MUNICIPALITY_CODE, "785"], **options
    )


def test_plan_scale_generate__bench_plan__50_goals_300_measures_approved(client):
    reference_data_load()
    result = generate()
    assert result.plans == 2 * len(PERIODS)
    plan = bench_plan()
    assert plan.pk == result.bench_plan_id
    assert plan.state == PlanState.APPROVED and plan.municipality.code == BENCH_MUNICIPALITY_CODE
    assert Goal.objects.filter(plan=plan).count() == 50
    assert Measure.objects.filter(plan=plan).count() == 300
    assert plan.decisions.count() == 3
    # the page shows it to anyone
    response = client.get(reverse("strategy:plan-detail", kwargs={"pk": plan.pk}))
    assert response.status_code == 200
    assert response.content.decode().count('class="plan-measure"') == 300


def test_plan_scale_generate__same_seed_same_rows__second_run_refused():
    reference_data_load()
    generate(seed=3)
    first = list(Measure.objects.order_by("pk").values_list("title", "status"))
    with pytest.raises(PlanScaleError):
        generate(seed=3)
    generate(seed=3, replace=True)
    assert list(Measure.objects.order_by("pk").values_list("title", "status")) == first
    assert plan_scale_delete() == 2 * len(PERIODS)
    assert not Plan.objects.exists()

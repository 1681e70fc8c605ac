"""Permission first in every service that writes (issue 11): the services behind the plan's
stage, decisions, versions, priority areas, monitoring pages, hyte negotiations and network
responses ask the same predicate as their page before anything else — a user who may not
see the plan gets Http404, one who sees it but may not change it PermissionDenied — and
nothing changes. Before, only the pages asked; a service called by another path did not."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Plan, PriorityArea
from elinvoima.strategy.monitoring.models import EvaluationReport, HyteNegotiation, Recommendation
from elinvoima.strategy.monitoring.services import (
    evaluation_report_save,
    hyte_negotiation_save,
    recommendation_respond,
)
from elinvoima.strategy.plans.services import (
    plan_decision_record,
    plan_new_version,
    plan_send_to_decision,
    plan_stage_set,
    priority_area_delete,
    priority_area_save,
)
from tests.factories import (
    MunicipalityFactory,
    coordinator_of,
    councillor_of,
    county_official_of,
)
from tests.factories.networks import NetworkFactory, chair_of
from tests.factories.strategy import PlanFactory, PriorityAreaFactory


@pytest.fixture
def world(db):
    home = MunicipalityFactory()
    elsewhere = MunicipalityFactory()
    plan = PlanFactory(municipality=home)
    return {
        "plan": plan,
        "area": PriorityAreaFactory(plan=plan),
        "stranger": coordinator_of(elsewhere),  # may not see the draft: 404
        "councillor": councillor_of(home),  # sees it, may not change it: 403
        "coordinator": coordinator_of(home),
    }


def _writes(world):
    plan, area = world["plan"], world["area"]
    return {
        "send to decision": lambda user: plan_send_to_decision(plan=plan, user=user),
        "stage": lambda user: plan_stage_set(plan=plan, state=PlanState.EVALUATION, user=user),
        "decision": lambda user: plan_decision_record(
            plan=plan,
            body=plan.approval_chain[0],
            outcome="approved",
            decided_on=datetime.date(2026, 1, 1),
            user=user,
        ),
        "area save": lambda user: priority_area_save(
            area=PriorityArea(plan=plan, title_fi="Uusi painopiste"), user=user
        ),
        "area delete": lambda user: priority_area_delete(area=area, user=user),
        "evaluation report": lambda user: evaluation_report_save(
            report=EvaluationReport(plan=plan, year=2026, summary="Yhteenveto"),
            formset=None,
            user=user,
        ),
    }


@pytest.mark.parametrize(
    "name",
    ["send to decision", "stage", "decision", "area save", "area delete", "evaluation report"],
)
def test_plan_writes__hidden_404_seen_403_nothing_changed(world, name):
    write = _writes(world)[name]
    before = (
        Plan.objects.values_list("state", "updated_at").get(pk=world["plan"].pk),
        PriorityArea.objects.count(),
        EvaluationReport.objects.count(),
    )
    with pytest.raises(Http404):
        write(world["stranger"])
    with pytest.raises(PermissionDenied):
        write(world["councillor"])
    after = (
        Plan.objects.values_list("state", "updated_at").get(pk=world["plan"].pk),
        PriorityArea.objects.count(),
        EvaluationReport.objects.count(),
    )
    assert after == before


def test_new_version__only_who_may_change_the_approved_plan(world):
    plan = world["plan"]
    Plan.objects.filter(pk=plan.pk).update(
        state=PlanState.APPROVED, approved_on=datetime.date(2026, 1, 1)
    )
    plan.refresh_from_db()
    with pytest.raises(PermissionDenied):
        plan_new_version(plan=plan, user=world["councillor"])
    assert Plan.objects.filter(lineage=plan.lineage).count() == 1
    plan_new_version(plan=plan, user=world["coordinator"])
    assert Plan.objects.filter(lineage=plan.lineage).count() == 2


def test_hyte_negotiation__only_the_county_records_it(world):
    county = world["plan"].municipality.wellbeing_county
    negotiation = HyteNegotiation(wellbeing_county=county, held_on=datetime.date(2026, 8, 17))
    with pytest.raises(PermissionDenied):
        hyte_negotiation_save(
            negotiation=negotiation, municipalities=[], organisations=[], user=world["coordinator"]
        )
    assert not HyteNegotiation.objects.exists()
    hyte_negotiation_save(
        negotiation=negotiation,
        municipalities=[],
        organisations=[],
        user=county_official_of(county),
    )
    assert HyteNegotiation.objects.count() == 1


def test_recommendation_response__only_who_runs_the_network(world):
    network = NetworkFactory()
    report = EvaluationReport.objects.create(plan=world["plan"], year=2026, summary="x")
    recommendation = Recommendation.objects.create(report=report, network=network, text="Tee")
    with pytest.raises(PermissionDenied):
        recommendation_respond(
            recommendation=recommendation, response="Teemme", user=world["coordinator"]
        )
    recommendation.refresh_from_db()
    assert recommendation.response == ""
    recommendation_respond(recommendation=recommendation, response="Teemme", user=chair_of(network))
    recommendation.refresh_from_db()
    assert recommendation.response == "Teemme"

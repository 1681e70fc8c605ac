# ruff: noqa: F811 (fixtures imported from test_plan_fixtures)
"""The monitoring pages: logic model, joy and worry lists checked against indicators,
evaluation reports with recommendations to networks, hyte negotiations."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from elinvoima.actors.models import Municipality
from elinvoima.indicators.models import IndicatorSet, IndicatorSetItem
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import ConcernKind, LogicLevel
from elinvoima.strategy.models import (
    EvaluationReport,
    Goal,
    HyteNegotiation,
    LogicModelEntry,
    Plan,
    PlanConcern,
)
from elinvoima.strategy.monitoring.services import hyte_negotiation_save

from .test_plan_fixtures import (  # noqa: F401
    add_value,
    country_region,
    make_indicator,
    region_of,
    vaala,
    vaala_plan,
)
from .test_plan_views import approve

pytestmark = pytest.mark.django_db
VAALA_NETWORK = "Vaalan ikäkausiverkosto: lapset ja lapsiperheet"


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "100",
    }


def test_logic_model__coordinator_adds_entries_linked_to_goals__shown_by_level(
    client_for, vaala_plan
):
    goal = Goal.objects.filter(plan=vaala_plan, parent=None).first()
    client = client_for("hyte.vaala")
    url = reverse("strategy:logic-model-edit", kwargs={"pk": vaala_plan.pk})
    assert client.get(url).status_code == 200
    data = {
        **management("entries", 2),
        "entries-0-level": LogicLevel.INPUT,
        "entries-0-text": "Hyvinvointikoordinaattorin työaika",
        "entries-0-goals": [goal.pk],
        "entries-1-level": LogicLevel.IMPACT,
        "entries-1-text": "Nuorten koettu terveys kohenee",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    entry = LogicModelEntry.objects.get(plan=vaala_plan, level=LogicLevel.INPUT)
    assert list(entry.goals.all()) == [goal]
    page = client_for("valtuutettu.vaala").get(
        reverse("strategy:logic-model", kwargs={"pk": vaala_plan.pk})
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "Hyvinvointikoordinaattorin työaika" in html and goal.title_fi in html
    assert html.index("Hyvinvointikoordinaattorin") < html.index("Nuorten koettu terveys")


def test_logic_model_edit__frozen__post_refused_with_the_reason(client_for, vaala_plan):
    plan = approve(vaala_plan)
    client = client_for("hyte.vaala")
    url = reverse("strategy:logic-model-edit", kwargs={"pk": plan.pk})
    assert 'id="frozen-reason"' in client.get(url).content.decode()
    data = {
        **management("entries", 1),
        "entries-0-level": LogicLevel.INPUT,
        "entries-0-text": "x",
    }
    response = client.post(url, data)
    assert response.status_code == 409
    assert not LogicModelEntry.objects.filter(plan=plan).exists()


def test_plan_concerns__checked_against_indicators__latest_values_of_the_area_and_country(
    client_for, vaala_plan, vaala
):
    indicator = make_indicator("Yksinäisyyttä kokevat, %")
    add_value(indicator, region=region_of(vaala), year=2022, value=14.0)
    add_value(indicator, region=region_of(vaala), year=2024, value=12.5)
    add_value(indicator, region=country_region(), year=2024, value=11.0)
    # offered because it is in the municipality's own indicator set
    indicator_set = IndicatorSet.objects.create(
        name="Vaalan mittarit", kind="own", municipality=vaala
    )
    IndicatorSetItem.objects.create(indicator_set=indicator_set, indicator=indicator)
    client = client_for("hyte.vaala")
    url = reverse("strategy:plan-concerns-edit", kwargs={"pk": vaala_plan.pk})
    response = client.post(
        url,
        {
            **management("concerns", 1),
            "concerns-0-kind": ConcernKind.WORRY,
            "concerns-0-text": "Yksinäisyys",
            "concerns-0-indicators": [indicator.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PlanConcern.objects.get(plan=vaala_plan).indicators.get() == indicator
    html = client.get(reverse("strategy:plan-concerns", kwargs={"pk": vaala_plan.pk})).content
    html = html.decode()
    assert "Yksinäisyys" in html
    assert "12,5 (2024)" in html  # the latest of the plan's area
    assert "-1,5" in html  # change from 2022
    assert "11,0 (2024)" in html  # the whole country


def test_evaluation_report__recommendations_to_networks__shown_on_the_network_page(
    client_for, vaala_plan
):
    plan = approve(vaala_plan)  # a report follows an approved plan
    network = Network.objects.get(name_fi=VAALA_NETWORK)
    client = client_for("hyte.vaala")
    url = reverse("strategy:evaluation-report-create", kwargs={"pk": plan.pk})
    assert client.get(url).status_code == 200
    data = {
        "year": "2030",
        "summary": "Vuoden seuranta.",
        **management("recommendations", 1),
        "recommendations-0-network": network.pk,
        "recommendations-0-text": "Kootkaa perheiden kokemustieto.",
    }
    response = client.post(url, data)
    report = EvaluationReport.objects.get(plan=plan, year=2030)
    assert response.status_code == 302
    assert report.recommendations.get().network == network
    # the same year again: refused on the year
    response = client.post(url, data)
    assert response.status_code == 200
    assert 'id="id_year_error"' in response.content.decode()
    # anyone reads the report of an approved plan and the network's recommendations
    anonymous = client_for(None)
    detail = reverse("strategy:evaluation-report-detail", kwargs={"pk": report.pk})
    assert "Kootkaa perheiden kokemustieto." in anonymous.get(detail).content.decode()
    network_page = reverse("strategy:network-recommendations", kwargs={"pk": network.pk})
    assert "Kootkaa perheiden kokemustieto." in anonymous.get(network_page).content.decode()


def test_evaluation_report__draft_plan__recommendations_hidden_from_the_public(
    client_for, vaala_plan
):
    network = Network.objects.get(name_fi=VAALA_NETWORK)
    report = EvaluationReport.objects.create(plan=vaala_plan, year=2030, summary="x")
    report.recommendations.create(network=network, text="Luonnoksen suositus")
    page = reverse("strategy:network-recommendations", kwargs={"pk": network.pk})
    assert "Luonnoksen suositus" not in client_for(None).get(page).content.decode()
    assert "Luonnoksen suositus" in client_for("hyte.vaala").get(page).content.decode()
    detail = reverse("strategy:evaluation-report-detail", kwargs={"pk": report.pk})
    assert client_for("yhdistys.mll").get(detail).status_code == 404  # the draft is hidden


def test_hyte_negotiation__county_official_records__county_municipalities_read(client_for, demo):
    client = client_for("hva.paijathame")
    url = reverse("strategy:hyte-negotiation-create", kwargs={"code": "9"})
    asikkala = Municipality.objects.get(code="016")
    response = client.post(
        url,
        {
            "held_on": "2024-08-20",
            "municipalities": [asikkala.pk],
            "participant_count": "12",
            "pre_assignment": "Kuntien hyte-tilannekuva",
            "summary": "Yhteiset painopisteet sovittiin.",
            "agreed_priorities": "Liikkumattomuus\nYksinäisyys\n",
        },
    )
    assert response.status_code == 302
    negotiation = HyteNegotiation.objects.get(held_on=datetime.date(2024, 8, 20))
    detail = reverse("strategy:hyte-negotiation-detail", kwargs={"pk": negotiation.pk})
    html = client_for("hyte.asikkala").get(detail).content.decode()
    assert "Yksinäisyys" in html and "Asikkala" in html
    assert client_for("hyte.asikkala").post(url, {}).status_code == 403
    assert client_for("hyte.vaala").get(detail).status_code == 403
    assert client_for(None).get(detail).status_code == 302


def test_hyte_negotiation_save__municipality_of_another_county__refused(demo):
    county_negotiation = HyteNegotiation(
        wellbeing_county=Municipality.objects.get(code="016").wellbeing_county,
        held_on=datetime.date(2024, 8, 20),
    )
    with pytest.raises(ValidationError) as refused:
        hyte_negotiation_save(
            negotiation=county_negotiation,
            municipalities=[Municipality.objects.get(code="785")],
            organisations=[],
        )
    assert "municipalities" in refused.value.error_dict
    assert not HyteNegotiation.objects.filter(held_on=datetime.date(2024, 8, 20)).exists()


def test_plan_detail__links_to_monitoring_pages(client_for, vaala_plan):
    html = client_for("hyte.vaala").get(vaala_plan.get_absolute_url()).content.decode()
    for name in ("strategy:logic-model", "strategy:plan-concerns"):
        assert reverse(name, kwargs={"pk": vaala_plan.pk}) in html
    assert Plan.objects.filter(pk=vaala_plan.pk).exists()


def test_recommendation_respond__network_chair_answers__member_cannot(client_for, demo):
    network = Network.objects.get(name_fi=VAALA_NETWORK)
    report = EvaluationReport.objects.create(
        plan=approve(make_plan_for_report()), year=2030, summary="x"
    )
    recommendation = report.recommendations.create(network=network, text="Kootkaa palaute.")
    url = reverse("strategy:recommendation-respond", kwargs={"pk": recommendation.pk})
    # a member of the network may not answer for it
    assert client_for("yhdistys.mll").post(url, {"response": "x"}).status_code == 403
    # the chair answers, and everyone reads the answer on the network's page
    response = client_for("hyte.vaala").post(url, {"response": "Käsitellään syyskokouksessa."})
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.response == "Käsitellään syyskokouksessa."
    page = reverse("strategy:network-recommendations", kwargs={"pk": network.pk})
    assert "Käsitellään syyskokouksessa." in client_for(None).get(page).content.decode()


def make_plan_for_report():
    from .test_plan_fixtures import fill_plan, make_plan

    plan = make_plan(
        municipality=Municipality.objects.get(code="785"), start_year=2035, end_year=2035
    )
    fill_plan(plan)
    return plan

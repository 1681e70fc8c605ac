"""The goal-to-impact view (issue 18, item 3): for every goal the indicator trend against its
target, the measures, who works on it with what reach, the money and what residents say; a
goal whose indicator moves the wrong way without an active measure is flagged; a county
sees its municipalities side by side. Utajärvi and Päijät-Häme in the demo."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from elinvoima.cards.activities.models import Activity
from elinvoima.cards.enums import ActivityKind
from elinvoima.indicators.models import ExperientialResult, ExperientialSurvey
from elinvoima.reports.impact.selectors import RIGHT, WRONG, plan_impact
from elinvoima.reports.impact.services import goal_domains_set
from elinvoima.strategy.enums import Direction, MeasureStatus
from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    client_of,
    coordinator_of,
)
from tests.factories.indicators import IndicatorFactory, IndicatorValueFactory, region_of
from tests.factories.strategy import (
    GoalFactory,
    GoalIndicatorFactory,
    MeasureFactory,
    PlanFactory,
    PriorityAreaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db):
    municipality = MunicipalityFactory(name_fi="Utajärvi")
    return PlanFactory(approved=True, municipality=municipality, start_year=2022, end_year=2025)


def _goal_with_trend(plan, values, direction=Direction.INCREASE, **link):
    goal = GoalFactory(priority_area=PriorityAreaFactory(plan=plan))
    indicator = IndicatorFactory(owner_municipality=plan.municipality, decimals=1)
    region = region_of(plan.municipality)
    for year, value in values:
        IndicatorValueFactory(indicator=indicator, region=region, year=year, value=value)
    GoalIndicatorFactory(goal=goal, indicator=indicator, direction=direction, **link)
    return goal


@pytest.mark.both_databases
def test_flag__the_wrong_way_without_an_active_measure(plan):
    worsening = _goal_with_trend(plan, [(2022, 60.0), (2024, 55.0)])
    improving = _goal_with_trend(plan, [(2022, 20.0), (2024, 18.0)], Direction.DECREASE)
    MeasureFactory(goal=worsening, status=MeasureStatus.CANCELLED)
    impact = plan_impact(plan, Client().get("/").wsgi_request.user)
    rows = {row.goal.pk: row for row in impact.goals}
    assert rows[worsening.pk].trends[0].movement == WRONG
    assert rows[improving.pk].trends[0].movement == RIGHT
    assert [row.goal.pk for row in impact.flagged] == [worsening.pk]  # a cancelled one is no help
    MeasureFactory(goal=worsening, status=MeasureStatus.IN_PROGRESS)
    assert not plan_impact(plan, Client().get("/").wsgi_request.user).flagged


@pytest.mark.both_databases
def test_trend__latest_value_against_the_target(plan):
    goal = _goal_with_trend(
        plan,
        [(2021, 24.8), (2023, 25.7), (2025, 23.5)],
        Direction.DECREASE,
        target_comparison="lt",
        target_value=24.0,
        target_year=2025,
    )
    (row,) = [r for r in plan_impact(plan, _anonymous()).goals if r.goal == goal]
    trend = row.trends[0]
    assert trend.latest == (2025, 23.5) and trend.target_met is True
    assert trend.sparkline.split()[1] == "50.0,2.0"  # 2023 in the middle, the highest at the top
    assert trend.latest_text == "23,5 %"  # the factory indicator is a percentage


def _anonymous():
    return Client().get("/").wsgi_request.user


@pytest.mark.both_databases
def test_actors__activities_of_the_year_and_implementers_an_unpublished_one_only_counted(plan):
    goal = GoalFactory(priority_area=PriorityAreaFactory(plan=plan))
    club = OrganisationFactory(name_fi="Utajärven reumayhdistys ry", municipality=plan.municipality)
    hidden = OrganisationFactory(
        name_fi="Salainen seura", municipality=plan.municipality, is_published=False
    )
    department = OrganisationFactory(name_fi="Liikuntatoimi", municipality=plan.municipality)
    MeasureFactory(goal=goal, implementers=[department])
    for organisation, day, people in (
        (club, datetime.date(2024, 3, 1), 12),
        (club, datetime.date(2024, 5, 1), 8),
        (club, datetime.date(2023, 5, 1), 99),  # another year
        (hidden, datetime.date(2024, 5, 1), 5),
    ):
        activity = Activity.objects.create(
            organisation=organisation,
            municipality=plan.municipality,
            kind=ActivityKind.EVENT,
            name="Tuolijumppa",
            starts_on=day,
            participants=people,
        )
        activity.sub_goals.add(goal)
    (row,) = plan_impact(plan, _anonymous(), year=2024).goals
    by_name = {str(a.organisation): a for a in row.actor_list}
    assert (
        by_name["Utajärven reumayhdistys ry"].activities,
        by_name["Utajärven reumayhdistys ry"].participants,
    ) == (2, 20)
    assert by_name["Liikuntatoimi"].implements == 1
    assert "Salainen seura" not in by_name and row.unnamed_actors == 1


@pytest.mark.both_databases
def test_experiences__linked_by_the_coordinator_shown_to_those_who_work_with_them(plan):
    goal = GoalFactory(priority_area=PriorityAreaFactory(plan=plan))
    survey = ExperientialSurvey.objects.create(
        municipality=plan.municipality, year=2024, title="Kyläkysely"
    )
    ExperientialResult.objects.create(
        survey=survey,
        domain="relationships",
        question="Koen kuuluvani yhteisöön",
        value=71,
        unit="%",
    )
    coordinator = coordinator_of(plan.municipality)
    with pytest.raises(PermissionDenied):
        goal_domains_set(user=coordinator_of(MunicipalityFactory()), goal=goal, domains=["leisure"])
    page = client_of(coordinator).post(
        reverse("reports:goal-domains", kwargs={"pk": goal.pk}), {"domains": ["relationships"]}
    )
    assert page.status_code == 302
    url = reverse("reports:municipality-impact", kwargs={"code": plan.municipality.code})
    assert "Koen kuuluvani yhteisöön" in client_of(coordinator).get(url).content.decode()
    public = Client().get(url).content.decode()
    assert goal.title_fi in public and "Koen kuuluvani yhteisöön" not in public


def test_queries__a_fixed_number_however_many_goals(plan, django_assert_max_num_queries):
    for number in range(12):
        goal = _goal_with_trend(plan, [(2022, 10.0 + number), (2024, 9.0)])
        MeasureFactory(goal=goal)
    with django_assert_max_num_queries(14):
        impact = plan_impact(plan, _anonymous())
    assert len(impact.goals) == 12


@pytest.mark.both_databases
def test_demo__utajarvi_and_paijat_hame(demo):
    utajarvi = Client().get(reverse("reports:municipality-impact", kwargs={"code": "889"}))
    assert utajarvi.status_code == 200
    assert "Aktiivinen ja turvallinen ikääntyminen" in utajarvi.content.decode()
    county = Client().get(reverse("reports:county-impact", kwargs={"code": "9"}))
    body = county.content.decode()
    assert county.status_code == 200 and "Asikkala" in body
    assert "Elintavat ovat terveellisiä." in body

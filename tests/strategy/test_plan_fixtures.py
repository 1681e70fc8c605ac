"""Test objects of the plan tests: a municipality's plan with a priority area, a goal with an
indicator and measures, built directly (the lead's strategy demo data may not be loaded)."""

import datetime

import pytest

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.indicators.models import Indicator, IndicatorValue, Region
from elinvoima.strategy.enums import Direction, MeasureStatus, PlanKind, PlanState
from elinvoima.strategy.models import Goal, GoalIndicator, Measure, Plan, PriorityArea

VAALA, PAIJAT_HAME = "785", "9"


def make_plan(
    *,
    municipality: Municipality | None = None,
    county: WellbeingCounty | None = None,
    title: str = "Hyvinvointisuunnitelma",
    kind: str = PlanKind.WELFARE_PLAN,
    start_year: int = 2030,
    end_year: int = 2030,
    state: str = PlanState.PLANNING,
) -> Plan:
    return Plan.objects.create(
        municipality=municipality,
        wellbeing_county=county,
        title=title,
        title_fi=title,
        kind=kind,
        start_year=start_year,
        end_year=end_year,
        state=state,
    )


def make_indicator(title: str = "Koulukiusaaminen", *, sotkanet_id: int | None = None) -> Indicator:
    return Indicator.objects.create(
        title=title, title_fi=title, sotkanet_id=sotkanet_id, decimals=1
    )


def fill_plan(plan: Plan, *, areas: int = 1, goals: int = 1, measures: int = 2) -> dict:
    """`areas` priority areas of `goals` goals of `measures` measures each; each goal has
    a sub-goal and an indicator, each measure an implementer."""
    indicator = Indicator.objects.filter(title_fi="Koulukiusaaminen").first() or make_indicator()
    implementer = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).first()
    made = {"areas": [], "goals": [], "measures": [], "indicator": indicator}
    for a in range(areas):
        area = PriorityArea.objects.create(
            plan=plan, title=f"Kärki {a + 1}", title_fi=f"Kärki {a + 1}", position=a
        )
        made["areas"].append(area)
        for g in range(goals):
            goal = Goal.objects.create(
                plan=plan,
                priority_area=area,
                title=f"Tavoite {a + 1}.{g + 1}",
                title_fi=f"Tavoite {a + 1}.{g + 1}",
                owner_names="Johanna Huttunen",
                position=g,
            )
            Goal.objects.create(
                plan=plan,
                priority_area=area,
                parent=goal,
                title=f"Alatavoite {a + 1}.{g + 1}",
                title_fi=f"Alatavoite {a + 1}.{g + 1}",
            )
            GoalIndicator.objects.create(
                goal=goal,
                indicator=indicator,
                direction=Direction.DECREASE,
                baseline_year=2021,
                baseline_value=24.8,
                target_year=2025,
                target_comparison="lt",
                target_value=24,
            )
            made["goals"].append(goal)
            for m in range(measures):
                measure = Measure.objects.create(
                    plan=plan,
                    goal=goal,
                    title=f"Toimenpide {a + 1}.{g + 1}.{m + 1}",
                    title_fi=f"Toimenpide {a + 1}.{g + 1}.{m + 1}",
                    status=MeasureStatus.IN_PROGRESS if m % 2 else MeasureStatus.DONE,
                    starts_on=datetime.date(2030, 1, 1),
                    ends_on=datetime.date(2030, 12, 31),
                )
                if implementer is not None:
                    measure.implementers.add(implementer)
                made["measures"].append(measure)
    return made


def region_of(municipality: Municipality) -> Region:
    region = Region.objects.filter(municipality=municipality).first()
    if region is None:
        region = Region.objects.create(
            id=900000 + municipality.pk,
            code=municipality.code,
            category="KUNTA",
            title=municipality.name_fi,
            title_fi=municipality.name_fi,
            municipality=municipality,
        )
    return region


def country_region() -> Region:
    region = Region.objects.filter(category="MAA").order_by("id").first()
    if region is None:
        region = Region.objects.create(
            id=999001, category="MAA", title="Koko maa", title_fi="Koko maa"
        )
    return region


def add_value(indicator: Indicator, *, region: Region, year: int, value: float):
    return IndicatorValue.objects.update_or_create(
        indicator=indicator, region=region, year=year, gender="total", defaults={"value": value}
    )[0]


@pytest.fixture
def vaala(demo) -> Municipality:
    return Municipality.objects.get(code=VAALA)


@pytest.fixture
def paijat_hame(demo) -> WellbeingCounty:
    return WellbeingCounty.objects.get(code=PAIJAT_HAME)


@pytest.fixture
def vaala_plan(vaala) -> Plan:
    plan = make_plan(municipality=vaala)
    fill_plan(plan)
    return plan

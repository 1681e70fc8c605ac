"""Factories of the strategy app: plans, their priority areas, goals, goal indicators,
measures and goal tracking cards."""

import datetime

import factory

from elinvoima.strategy.enums import Direction, MeasureStatus, PlanKind, PlanState
from elinvoima.strategy.goal_cards.models import GoalCard
from elinvoima.strategy.models import Goal, GoalIndicator, Measure, Plan, PriorityArea

from .actors import MunicipalityFactory, WellbeingCountyFactory
from .indicators import IndicatorFactory
from .networks import NetworkFactory


class PlanFactory(factory.django.DjangoModelFactory):
    """A municipality's annual welfare plan being planned. Traits: `approved`,
    `for_county` (owned by a wellbeing services county), `for_network`."""

    class Meta:
        model = Plan

    class Params:
        approved = factory.Trait(state=PlanState.APPROVED, approved_on=datetime.date(2025, 6, 16))
        for_county = factory.Trait(
            kind=PlanKind.REGIONAL_WELFARE_PLAN,
            municipality=None,
            wellbeing_county=factory.SubFactory(WellbeingCountyFactory),
        )
        for_network = factory.Trait(
            kind=PlanKind.OTHER, municipality=None, network=factory.SubFactory(NetworkFactory)
        )

    kind = PlanKind.WELFARE_PLAN
    title_fi = factory.Sequence(lambda n: f"Hyvinvointisuunnitelma {n}")
    title_sv = factory.Sequence(lambda n: f"Välfärdsplan {n}")
    title_en = factory.Sequence(lambda n: f"Welfare plan {n}")
    description_fi = "Suunnitelman kuvaus."
    description_sv = "Beskrivning av planen."
    description_en = "About the plan."
    municipality = factory.SubFactory(MunicipalityFactory)
    wellbeing_county = None
    network = None
    start_year = 2025
    end_year = 2028
    state = PlanState.PLANNING


class PriorityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityArea

    plan = factory.SubFactory(PlanFactory)
    title_fi = factory.Sequence(lambda n: f"Painopiste {n}")
    title_sv = factory.Sequence(lambda n: f"Prioritering {n}")
    title_en = factory.Sequence(lambda n: f"Priority area {n}")
    description_fi = "Painopisteen kuvaus."
    description_sv = "Beskrivning av prioriteringen."
    description_en = "About the priority area."
    position = factory.Sequence(lambda n: n % 100)


class GoalFactory(factory.django.DjangoModelFactory):
    """A goal of a priority area of its plan. `owner_users` and `owner_organisations` take
    lists."""

    class Meta:
        model = Goal
        skip_postgeneration_save = True

    priority_area = factory.SubFactory(PriorityAreaFactory)
    plan = factory.SelfAttribute("priority_area.plan")
    title_fi = factory.Sequence(lambda n: f"Tavoite {n}")
    title_sv = factory.Sequence(lambda n: f"Mål {n}")
    title_en = factory.Sequence(lambda n: f"Goal {n}")
    description_fi = "Tavoitteen kuvaus."
    description_sv = "Beskrivning av målet."
    description_en = "About the goal."
    position = factory.Sequence(lambda n: n % 100)

    @factory.post_generation
    def owner_users(self, create, extracted, **kwargs):
        if create and extracted:
            self.owner_users.add(*extracted)

    @factory.post_generation
    def owner_organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.owner_organisations.add(*extracted)


class GoalIndicatorFactory(factory.django.DjangoModelFactory):
    """Seed 001's shape: 24.8 % (2021) → target below 24 % (2025)."""

    class Meta:
        model = GoalIndicator

    goal = factory.SubFactory(GoalFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    direction = Direction.DECREASE
    baseline_year = 2021
    baseline_value = 24.8
    target_year = 2025
    target_comparison = "lt"
    target_value = 24.0


class MeasureFactory(factory.django.DjangoModelFactory):
    """A measure of a goal, in the goal's plan. `implementers` takes a list."""

    class Meta:
        model = Measure
        skip_postgeneration_save = True

    goal = factory.SubFactory(GoalFactory)
    plan = factory.SelfAttribute("goal.plan")
    title_fi = factory.Sequence(lambda n: f"Toimenpide {n}")
    title_sv = factory.Sequence(lambda n: f"Åtgärd {n}")
    title_en = factory.Sequence(lambda n: f"Measure {n}")
    description_fi = "Toimenpiteen kuvaus."
    description_sv = "Beskrivning av åtgärden."
    description_en = "About the measure."
    responsible_names = "Maija Meikäläinen"
    starts_on = datetime.date(2025, 1, 1)
    ends_on = datetime.date(2025, 12, 31)
    status = MeasureStatus.PLANNED
    position = factory.Sequence(lambda n: n % 100)

    @factory.post_generation
    def implementers(self, create, extracted, **kwargs):
        if create and extracted:
            self.implementers.add(*extracted)


class GoalCardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalCard

    goal = factory.SubFactory(GoalFactory)
    data_content = "Osuus 20–64-vuotiaista."
    intermediate_year = 2023
    intermediate_value = 24.5
    partners = "Järjestöt, seurakunta"

"""The grants tests' world: a municipality's published round tied to a goal of its approved
plan, its coordinator and reviewer, an association applying and another association."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.applications.services import ApplicationData, grant_application_save
from elinvoima.grants.enums import GrantKind
from elinvoima.grants.services import GrantRoundData, grant_round_publish, grant_round_save
from tests.factories.actors import (
    MunicipalityFactory,
    OrganisationFactory,
    coordinator_of,
    official_of,
    representative_of,
)
from tests.factories.strategy import GoalFactory, PlanFactory, PriorityAreaFactory

TODAY = timezone.localdate()


@pytest.fixture
def world(db):
    municipality = MunicipalityFactory()
    plan = PlanFactory(municipality=municipality, approved=True)
    goal = GoalFactory(priority_area=PriorityAreaFactory(plan=plan), title_fi="Ikääntyminen")
    coordinator = coordinator_of(municipality)
    reviewer = official_of(municipality, first_name="Reijo", last_name="Arvioija")
    grant_round = grant_round_save(
        user=coordinator,
        municipality=municipality,
        data=GrantRoundData(
            kind=GrantKind.OPERATING,
            texts={"name_fi": "Toiminta-avustukset"},
            budget=Decimal("5000"),
            period_starts_on=datetime.date(TODAY.year + 1, 1, 1),
            period_ends_on=datetime.date(TODAY.year + 1, 12, 31),
            opens_on=TODAY,
            closes_on=TODAY + datetime.timedelta(days=30),
            goals=(goal,),
            reviewers=(reviewer,),
        ),
    )
    grant_round = grant_round_publish(user=coordinator, grant_round=grant_round)
    association = OrganisationFactory(
        kind="association", municipality=municipality, email="reuma@example.org"
    )
    return {
        "round": grant_round,
        "goal": goal,
        "coordinator": coordinator,
        "reviewer": reviewer,
        "association": association,
        "representative": representative_of(association),
        "other": representative_of(
            OrganisationFactory(kind="association", municipality=municipality)
        ),
    }


def application_data(world, **changes) -> ApplicationData:
    values = {
        "action_plan": "Tuolijumppaa palvelutalolla joka tiistai.",
        "requested_amount": Decimal("800"),
        "contact_person": "Liisa Laine",
        "commitments": ((world["goal"], "Kaatumisten ehkäisy jumpalla"),),
        "budget_lines": (("Ohjaajan palkkio", Decimal("600")), ("Tilavuokra", Decimal("300"))),
    }
    return ApplicationData(**{**values, **changes})


def draft_application(world, **changes) -> GrantApplication:
    return grant_application_save(
        user=world["representative"],
        grant_round=world["round"],
        organisation=world["association"],
        data=application_data(world, **changes),
    )

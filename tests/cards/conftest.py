"""Shared by the cards tests: a small Utajärvi-like world built with factories."""

import pytest

from tests.factories.actors import (
    MunicipalityFactory,
    OrganisationFactory,
    coordinator_of,
    representative_of,
)
from tests.factories.strategy import GoalFactory, PlanFactory, PriorityAreaFactory

SUB_GOALS = (
    "Turvallinen asuminen ja turvallisuudentunne",
    "Yksinäisyyden vähentäminen",
    "Kaatumisten ehkäisy",
)


@pytest.fixture
def world(db):
    """Utajärvi-like: an approved plan with the goal "Aktiivinen ja turvallinen
    ikääntyminen" and its three sub-goals, another goal, an association and its
    representative, the coordinator."""
    municipality = MunicipalityFactory()
    plan = PlanFactory(municipality=municipality, approved=True)
    area = PriorityAreaFactory(plan=plan)
    elderly = GoalFactory(
        priority_area=area, title_fi="Aktiivinen ja turvallinen ikääntyminen", position=1
    )
    subs = [
        GoalFactory(priority_area=area, parent=elderly, title_fi=title, position=n)
        for n, title in enumerate(SUB_GOALS)
    ]
    children = GoalFactory(priority_area=area, title_fi="Lapset liikkuvat", position=2)
    association = OrganisationFactory(municipality=municipality)
    return {
        "municipality": municipality,
        "plan": plan,
        "elderly": elderly,
        "subs": subs,
        "children": children,
        "association": association,
        "representative": representative_of(association),
        "coordinator": coordinator_of(municipality),
    }

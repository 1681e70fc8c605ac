"""A network records the measures it agreed (issue 16, seed 000: "Ikäkausiverkostot
kirjaavat … sovitut toimenpiteet"): for the goals of the priority areas it answers for,
while the plan is prepared; they are the plan's measures and say who agreed them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from elinvoima.networks.enums import NetworkRole
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.measures.services import network_measure_create
from elinvoima.strategy.models import Goal, Measure, PriorityArea
from elinvoima.strategy.plans.services import priority_area_save
from tests.factories import (
    GoalFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    PlanFactory,
    UserFactory,
    client_of,
    coordinator_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    plan = PlanFactory(state=PlanState.PLANNING)
    network = NetworkFactory(municipality=plan.municipality, name_fi="Ikäkausiverkosto: nuoret")
    area = PriorityArea.objects.create(plan=plan, title_fi="Nuoret")
    priority_area_save(area=area, networks=[network])
    goal = GoalFactory(plan=plan, priority_area=area)
    # The welfare director chairs the network and works on the draft plan (seed 000, Vaala).
    chair = coordinator_of(plan.municipality)
    NetworkMembershipFactory(user=chair, network=network, role=NetworkRole.CHAIR)
    return {"plan": plan, "network": network, "goal": goal, "chair": chair, "area": area}


def test_chair__records_an_agreed_measure__it_is_the_plans(world):
    response = client_of(world["chair"]).post(
        reverse("strategy:network-measures", kwargs={"pk": world["network"].pk}),
        {"goal": world["goal"].pk, "title_fi": "Maksuton harrastusvuoro nuorille"},
    )
    assert response.status_code == 302
    measure = Measure.objects.get()
    assert (measure.plan, measure.goal, measure.agreed_by) == (
        world["plan"],
        world["goal"],
        world["network"],
    )
    detail = reverse("strategy:measure-detail", kwargs={"pk": measure.pk})
    assert "Ikäkausiverkosto: nuoret" in client_of(world["chair"]).get(detail).text
    # the draft plan's measures are not shown to the public on the network's page
    public = client_of(None).get(
        reverse("strategy:network-measures", kwargs={"pk": world["network"].pk})
    )
    assert "Maksuton harrastusvuoro" not in public.text


def test_goal_of_another_area__refused(world):
    other = GoalFactory(plan=world["plan"])
    with pytest.raises(ValidationError):
        network_measure_create(
            user=world["chair"], network=world["network"], goal=other, title_fi="X"
        )
    assert not Measure.objects.exists()


def test_member__may_not_record(world):
    member = UserFactory()
    NetworkMembershipFactory(user=member, network=world["network"], role=NetworkRole.MEMBER)
    with pytest.raises(PermissionDenied):
        network_measure_create(
            user=member, network=world["network"], goal=world["goal"], title_fi="X"
        )


def test_area__networks_only_of_the_plans_owner(world):
    elsewhere = NetworkFactory()
    with pytest.raises(ValidationError):
        priority_area_save(area=world["area"], networks=[elsewhere])
    assert list(world["area"].networks.all()) == [world["network"]]
    assert Goal.objects.count() == 1

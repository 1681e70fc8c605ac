"""actors.owners: one owner per row, and each owner predicate agrees with its queryset twin."""

import pytest

from elinvoima.actors.models import Municipality, Organisation, User, WellbeingCounty
from elinvoima.actors.owners import (
    one_owner_condition,
    owner_kind_of,
    owner_managed_by,
    owner_worked_with,
)
from elinvoima.networks.models import Network


def test_owner_predicates__every_demo_user_and_network__agree_with_queryset_twins(demo):
    networks = list(Network.objects.select_related("municipality", "wellbeing_county"))
    for user in User.objects.all():
        managed = set(
            Network.objects.filter(Network.managed_by_q(user)).values_list("pk", flat=True)
        )
        worked = set(
            Network.objects.filter(Network.worked_with_q(user)).values_list("pk", flat=True)
        )
        for network in networks:
            assert owner_managed_by(user, network.owner) == (network.pk in managed), (user, network)
            assert owner_worked_with(user, network.owner) == (network.pk in worked), (user, network)


def test_owner_managed_by__coordinator_and_county_official__their_own_only(demo):
    utajarvi = Municipality.objects.get(code="889")
    vaala = Municipality.objects.get(code="785")
    coordinator = User.objects.get(username="hyte.utajarvi")
    assert owner_managed_by(coordinator, utajarvi)
    assert not owner_managed_by(coordinator, vaala)
    paijat_hame = WellbeingCounty.objects.get(code="9")
    county_official = User.objects.get(username="hva.paijathame")
    assert owner_managed_by(county_official, paijat_hame)
    assert owner_worked_with(county_official, Municipality.objects.get(code="016"))
    assert not owner_managed_by(county_official, Municipality.objects.get(code="016"))


def test_owner__assign__sets_one_field_and_clears_the_others(demo):
    network = Network.objects.filter(municipality__isnull=False).first()
    county = WellbeingCounty.objects.get(code="9")
    network.owner_assign(county)
    assert (network.municipality, network.wellbeing_county) == (None, county)
    assert network.owner_kind == "wellbeing_county"
    network.owner_assign(Organisation.objects.first())  # a network project's owner
    assert network.owner_kind == "organisation" and network.wellbeing_county is None
    with pytest.raises(ValueError, match="cannot belong"):  # a network of a network: no
        network.owner_assign(Network.objects.exclude(pk=network.pk).first())


def test_owner_kind_of__not_an_owner__refused(demo):
    with pytest.raises(ValueError):
        owner_kind_of(User.objects.first())


def test_one_owner_condition__same_as_the_plans_constraint():
    from elinvoima.strategy.models import Plan

    constraint = next(c for c in Plan._meta.constraints if c.name == "plan_one_owner")
    assert (
        one_owner_condition("municipality", "wellbeing_county", "network") == constraint.condition
    )

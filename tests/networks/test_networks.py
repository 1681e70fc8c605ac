import re

import pytest
from django.urls import reverse

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Organisation
from elinvoima.networks.enums import NetworkKind, NetworkRole
from elinvoima.networks.models import Network
from tests.factories import (
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    WellbeingCountyFactory,
    chair_of,
    client_of,
    municipality_organisation,
    representative_of,
)

AGE_GROUPS = [
    ("lapset ja lapsiperheet", "barn och barnfamiljer"),
    ("nuoret", "unga"),
    ("työikäiset", "personer i arbetsför ålder"),
    ("ikäihmiset", "äldre"),
]


@pytest.fixture
def vaala(db):
    return MunicipalityFactory(code="785", name_fi="Vaala", name_sv="Vaala", name_en="Vaala")


@pytest.fixture
def mll(vaala):
    return OrganisationFactory(
        name_fi="MLL Vaalan yhdistys ry", name_sv="MLL Vaala förening rf", municipality=vaala
    )


@pytest.fixture
def vaala_networks(vaala, mll):
    """Vaala's four age-group networks (seed 000) and its steering group, by Finnish name."""
    parish = OrganisationFactory(
        name_fi="Vaalan seurakunta", kind=OrganisationKind.PARISH, municipality=vaala
    )
    coordinator = municipality_organisation(vaala)
    networks = {
        network.name_fi: network
        for network in (
            NetworkFactory(
                name_fi=f"Vaalan ikäkausiverkosto: {fi}",
                name_sv=f"Vaala åldersgruppsnätverk: {sv}",
                kind=NetworkKind.AGE_GROUP_NETWORK,
                municipality=vaala,
                coordinator=coordinator,
                members=[mll, parish] if position == 0 else [parish],
            )
            for position, (fi, sv) in enumerate(AGE_GROUPS)
        )
    }
    steering = NetworkFactory(
        name_fi="Vaalan hyvinvointijohtoryhmä",
        kind=NetworkKind.STEERING_GROUP,
        municipality=vaala,
        coordinator=coordinator,
    )
    return {**networks, steering.name_fi: steering}


def test_networks__vaala__four_age_group_networks_listed_with_members(vaala_networks):
    response = client_of(None).get(
        reverse("networks:municipality-networks", kwargs={"code": "785"})
    )
    assert response.status_code == 200
    assert len(re.findall(r"<h3><a [^>]+>Vaalan ikäkausiverkosto:", response.text)) == 4
    assert "MLL Vaalan yhdistys ry" in response.text
    network = Network.objects.get(name_fi="Vaalan ikäkausiverkosto: nuoret")
    assert reverse("strategy:network-plans", kwargs={"pk": network.pk}) in response.text


def test_networks__paijat_hame__regional_networks_of_seed_001(db):
    county = WellbeingCountyFactory(code="9", name_fi="Päijät-Hämeen hyvinvointialue")
    for name_fi, name_sv, kind in [
        ("Ravitsemusterveys", "Näringshälsa", NetworkKind.HYTE_NETWORK),
        ("Lähisuhdeväkivalta", "Våld i nära relationer", NetworkKind.PREVENTIVE_WORK_NETWORK),
        ("Yhdyspintaneuvottelukunta", "Delegationen för gränsytor", NetworkKind.ADVISORY_BOARD),
    ]:
        NetworkFactory(
            name_fi=name_fi, name_sv=name_sv, kind=kind, municipality=None, wellbeing_county=county
        )
    response = client_of(None).get(reverse("networks:county-networks", kwargs={"code": "9"}))
    for name in ("Ravitsemusterveys", "Lähisuhdeväkivalta", "Yhdyspintaneuvottelukunta"):
        assert name in response.text


def test_network_permission__chair_runs_member_does_not(vaala_networks, mll):
    network = vaala_networks["Vaalan ikäkausiverkosto: lapset ja lapsiperheet"]
    chair = chair_of(network, username="hyte.vaala")
    member = representative_of(mll, username="yhdistys.mll")
    NetworkMembershipFactory(user=member, network=network, role=NetworkRole.MEMBER)
    outsider = representative_of(OrganisationFactory(), username="yhdistys.reuma")
    assert chair.has_perm("networks.run_network", network)
    assert not member.has_perm("networks.run_network", network)
    assert not outsider.has_perm("networks.run_network", network)


def test_dashboard__network_member__sees_networks_and_role(vaala_networks, mll):
    member = representative_of(mll, username="yhdistys.mll")
    NetworkMembershipFactory(
        user=member,
        network=vaala_networks["Vaalan ikäkausiverkosto: lapset ja lapsiperheet"],
        role=NetworkRole.MEMBER,
    )
    response = client_of(member).get(reverse("portal:dashboard"))
    assert "Vaalan ikäkausiverkosto: lapset ja lapsiperheet" in response.text
    assert "Jäsen" in response.text


def test_networks__page__same_query_count_for_small_and_large_network(
    vaala, vaala_networks, django_assert_max_num_queries
):
    client = client_of(None)
    url = reverse("networks:municipality-networks", kwargs={"code": "785"})
    with django_assert_max_num_queries(6):
        client.get(url)
    network = Network.objects.get(name_fi="Vaalan ikäkausiverkosto: nuoret")
    others = Organisation.objects.bulk_create(
        OrganisationFactory.build_batch(200, kind="municipality", municipality=vaala)
    )
    network.members.add(*others)
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200

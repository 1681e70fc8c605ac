"""Factories of the networks app."""

import factory

from elinvoima.networks.enums import NetworkKind, NetworkRole
from elinvoima.networks.models import Network, NetworkMembership

from .actors import MunicipalityFactory, UserFactory


class NetworkFactory(factory.django.DjangoModelFactory):
    """A municipality's network by default; pass `municipality=None,
    wellbeing_county=county` for a county's regional network. `members` takes a list of
    organisations."""

    class Meta:
        model = Network
        skip_postgeneration_save = True

    name_fi = factory.Sequence(lambda n: f"Testiverkosto {n}")
    name_sv = factory.Sequence(lambda n: f"Testnätverk {n}")
    name_en = factory.Sequence(lambda n: f"Test network {n}")
    description_fi = "Verkosto kokoontuu kuukausittain."
    description_sv = "Nätverket träffas varje månad."
    description_en = "The network meets monthly."
    mandate_fi = "Kokoaa kuntalaisnäkemyksiä."
    mandate_sv = "Samlar invånarnas synpunkter."
    mandate_en = "Gathers residents' views."
    kind = NetworkKind.OTHER
    municipality = factory.SubFactory(MunicipalityFactory)
    wellbeing_county = None

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.add(*extracted)


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    user = factory.SubFactory(UserFactory)
    network = factory.SubFactory(NetworkFactory)
    role = NetworkRole.MEMBER


def chair_of(network: Network, **user_fields):
    """A new user (or the one with `username`) chairing the network: runs it."""
    return NetworkMembershipFactory(
        network=network, role=NetworkRole.CHAIR, user=UserFactory(**user_fields)
    ).user


def network_member_of(network: Network, **user_fields):
    return NetworkMembershipFactory(
        network=network, role=NetworkRole.MEMBER, user=UserFactory(**user_fields)
    ).user

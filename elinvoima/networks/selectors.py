from django.db.models import Prefetch, QuerySet

from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty

from .models import Network, NetworkMembership


def networks_of(
    *, municipality: Municipality | None = None, county: WellbeingCounty | None = None
) -> QuerySet[Network]:
    """Networks of a municipality or a county with their coordinator and members."""
    queryset = Network.objects.select_related("coordinator", "interface_theme").prefetch_related(
        Prefetch(
            "members", queryset=Organisation.objects.only("pk", "name_fi", "name_sv", "name_en")
        )
    )
    if municipality is not None:
        queryset = queryset.filter(municipality=municipality)
    else:
        queryset = queryset.filter(wellbeing_county=county)
    return queryset.order_by("kind", "name_fi")


def network_memberships_of(*, user) -> QuerySet[NetworkMembership]:
    return (
        NetworkMembership.objects.filter(user=user)
        .select_related("network__municipality", "network__wellbeing_county")
        .order_by("network__name_fi")
    )

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404, render
from django.utils.functional import Promise

from elinvoima.actors.models import Municipality, WellbeingCounty

from .models import Network
from .selectors import networks_of


@dataclass
class NetworkGroup:
    heading: str | Promise
    networks: list[Network] = field(default_factory=list)


def network_groups(networks: Iterable[Network]) -> list[NetworkGroup]:
    """Networks by the interface (yhdyspinta) they work on, in the themes' order, as seed
    001's regional catalogue lists them; networks without one by kind, after those."""
    by_theme: dict[int, NetworkGroup] = {}
    by_kind: dict[str, NetworkGroup] = {}
    for network in networks:
        theme = network.interface_theme
        if theme is not None:
            group = by_theme.setdefault(theme.pk, NetworkGroup(heading=theme.name))
        else:
            group = by_kind.setdefault(
                network.kind, NetworkGroup(heading=network.get_kind_display())
            )
        group.networks.append(network)
    themed = sorted(by_theme.values(), key=lambda g: g.networks[0].interface_theme.position)
    return [*themed, *by_kind.values()]


def municipality_networks(request, code: str):
    municipality = get_object_or_404(Municipality, code=code)
    return render(
        request,
        "networks/network_list.html",
        {
            "owner": municipality,
            "groups": network_groups(networks_of(municipality=municipality)),
            "parent_list_url": "actors:municipality-list",
        },
    )


def county_networks(request, code: str):
    county = get_object_or_404(WellbeingCounty, code=code)
    return render(
        request,
        "networks/network_list.html",
        {
            "owner": county,
            "groups": network_groups(networks_of(county=county)),
            "parent_list_url": "actors:county-list",
        },
    )

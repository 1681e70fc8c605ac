from django.shortcuts import get_object_or_404, render

from elinvoima.actors.models import Municipality, WellbeingCounty

from .selectors import networks_of


def municipality_networks(request, code: str):
    municipality = get_object_or_404(Municipality, code=code)
    return render(
        request,
        "networks/network_list.html",
        {
            "owner": municipality,
            "networks": networks_of(municipality=municipality),
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
            "networks": networks_of(county=county),
            "parent_list_url": "actors:county-list",
        },
    )

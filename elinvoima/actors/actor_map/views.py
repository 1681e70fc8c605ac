"""The actor map page of a municipality."""

from django.shortcuts import get_object_or_404, render

from elinvoima.actors.actor_map.selectors import actor_map
from elinvoima.actors.models import Municipality


def actor_map_view(request, code: str):
    municipality = get_object_or_404(Municipality, code=code)
    return render(
        request,
        "actors/actor_map.html",
        {"municipality": municipality, **actor_map(municipality=municipality)},
    )

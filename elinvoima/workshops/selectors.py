"""Reads of workshops: a series with its areas, hosts and workshops; a workshop's page."""

from django.db.models import Prefetch, QuerySet

from elinvoima.actors.models import Municipality

from .enums import RegistrationState
from .models import Area, Registration, Series, Workshop
from .permissions import workshops_visible_to


def series_areas(series: Series) -> QuerySet[Area]:
    return series.areas.prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name")),
        "hosts__municipality",
        "contacts__municipality",
    )


def series_workshops(series: Series, user) -> QuerySet[Workshop]:
    return (
        workshops_visible_to(user)
        .filter(series=series)
        .select_related("area", "host")
        .order_by("starts_at")
    )


def registrations_of(workshop: Workshop) -> QuerySet[Registration]:
    return workshop.registrations.select_related("municipality").order_by(
        "state", "created_at", "pk"
    )


def seats_left(workshop: Workshop) -> int:
    taken = workshop.registrations.filter(state=RegistrationState.CONFIRMED).count()
    return max(0, workshop.capacity - taken)

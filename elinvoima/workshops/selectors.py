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


def seating(workshop: Workshop) -> list[tuple[int, list[tuple[int, list[Registration]]]]]:
    """The stored seating: each round with its tables and who sits at them."""
    rounds: dict[int, dict[int, list[Registration]]] = {}
    seats = workshop.seats.select_related("registration__municipality").order_by(
        "round", "table", "registration__name"
    )
    for seat in seats:
        rounds.setdefault(seat.round, {}).setdefault(seat.table, []).append(seat.registration)
    return [(number, sorted(tables.items())) for number, tables in sorted(rounds.items())]


def previous_workshop(workshop: Workshop) -> Workshop | None:
    """The area's workshop before this one in the series: this one opens with its plans."""
    return (
        Workshop.objects.filter(
            series_id=workshop.series_id,
            area_id=workshop.area_id,
            starts_at__lt=workshop.starts_at,
        )
        .order_by("-starts_at")
        .first()
    )


def cooperation_plans(workshop: Workshop) -> list[tuple[Municipality, list]]:
    """Each municipality of the area with the actions of its plan written in the workshop."""
    actions = list(workshop.cooperation_actions.select_related("municipality"))
    return [
        (municipality, [a for a in actions if a.municipality_id == municipality.pk])
        for municipality in workshop.area.municipalities.order_by("name")
    ]

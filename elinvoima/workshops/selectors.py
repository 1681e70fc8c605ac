"""Reads of workshops: a series with its areas, hosts and workshops; a workshop's page."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Contact, Membership, Municipality
from elinvoima.networks.models import NetworkMembership

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
    actions = list(workshop.cooperation_actions.select_related("municipality", "measure"))
    return [
        (municipality, [a for a in actions if a.municipality_id == municipality.pk])
        for municipality in workshop.area.municipalities.order_by("name")
    ]


@dataclass(frozen=True)
class Invitee:
    name: str
    email: str
    role: str


MANAGER_TITLES = ("kunnanjohtaja", "kaupunginjohtaja", "kommundirektör", "stadsdirektör")
COUNCIL_KINDS = ("youth_council", "elderly_council", "disability_council")


def invitation_candidates(workshop: Workshop) -> list[Invitee]:
    """Whom seed 003 invites directly, from the directory: the area's municipal managers
    (people of the municipality titled so), the chairs of its councils and boards (the
    municipalities' public contacts titled chair), and the chairs of its youth, elderly and
    disability councils; each address once, those already invited left out."""
    municipalities = list(workshop.area.municipalities.values_list("pk", flat=True))
    found: dict[str, Invitee] = {}
    managers = Membership.objects.filter(
        organisation__kind=OrganisationKind.MUNICIPALITY,
        organisation__municipality__in=municipalities,
    ).select_related("user", "organisation")
    for membership in managers:
        title = membership.title.casefold()
        if membership.user.email and any(word in title for word in MANAGER_TITLES):
            found.setdefault(
                membership.user.email.casefold(),
                Invitee(membership.user.get_full_name(), membership.user.email, membership.title),
            )
    contacts = Contact.objects.filter(
        organisation__kind=OrganisationKind.MUNICIPALITY,
        organisation__municipality__in=municipalities,
        is_public=True,
        title__icontains="puheenjohtaja",
    ).exclude(email="")
    for contact in contacts:
        found.setdefault(
            contact.email.casefold(), Invitee(contact.name, contact.email, contact.title)
        )
    chairs = NetworkMembership.objects.filter(
        network__kind__in=COUNCIL_KINDS,
        network__municipality__in=municipalities,
        role="chair",
        ends_on__isnull=True,
    ).select_related("user", "network")
    for chair in chairs:
        if chair.user.email:
            found.setdefault(
                chair.user.email.casefold(),
                Invitee(chair.user.get_full_name(), chair.user.email, str(chair.network)),
            )
    invited = {email.casefold() for email in workshop.invitations.values_list("email", flat=True)}
    return sorted(
        (invitee for key, invitee in found.items() if key not in invited), key=lambda i: i.name
    )

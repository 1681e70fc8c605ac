"""Reads of networks: the lists of a municipality or county, a network's page, the
organisations a network may have as members, the user's networks."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty

from .models import Forward, Meeting, Network, NetworkMembership
from .permissions import meetings_visible_to, networks_visible_to

REGIONAL_KINDS = (
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.WELLBEING_COUNTY,
    OrganisationKind.WELLBEING_COUNTY_UNIT,
    OrganisationKind.JOINT_MUNICIPAL_AUTHORITY,
    OrganisationKind.REGIONAL_SUPPORT_BODY,
)


def networks_of(
    *,
    user,
    municipality: Municipality | None = None,
    county: WellbeingCounty | None = None,
) -> QuerySet[Network]:
    """Networks of a municipality or a county that the user may see, with their coordinator
    and members."""
    queryset = (
        networks_visible_to(user)
        .select_related("coordinator", "interface_theme")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=Organisation.objects.only("pk", "name_fi", "name_sv", "name_en"),
            )
        )
    )
    if municipality is not None:
        queryset = queryset.filter(municipality=municipality)
    else:
        queryset = queryset.filter(wellbeing_county=county)
    return queryset.order_by("kind", "name_fi")


def network_memberships_of(*, user) -> QuerySet[NetworkMembership]:
    """The user's current networks."""
    return (
        NetworkMembership.objects.filter(user=user, ends_on__isnull=True)
        .select_related("network")
        .order_by("network__name_fi")
    )


def network_people(network: Network) -> QuerySet[NetworkMembership]:
    """Everyone who is or was in the network, current first, with whom they represent."""
    return NetworkMembership.objects.filter(network=network).select_related("user", "organisation")


def current_members(network: Network) -> QuerySet[NetworkMembership]:
    return network_people(network).filter(ends_on__isnull=True)


def members_on(network: Network, day) -> QuerySet[NetworkMembership]:
    """Who was a member on `day` (a meeting's attendance list)."""
    return network_people(network).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day
    )


def member_organisation_choices(network: Network) -> QuerySet[Organisation]:
    """Organisations a network may have as members: those working in its municipality, or
    in its county's municipalities; for an organisation's network (a network project of
    municipalities and regions), the municipalities, counties and regional bodies."""
    if network.municipality_id:
        scope = Q(municipality_id=network.municipality_id) | Q(
            municipalities=network.municipality_id
        )
    elif network.wellbeing_county_id:
        scope = (
            Q(wellbeing_county_id=network.wellbeing_county_id)
            | Q(municipality__wellbeing_county_id=network.wellbeing_county_id)
            | Q(municipalities__wellbeing_county_id=network.wellbeing_county_id)
        )
    else:
        scope = Q(kind__in=REGIONAL_KINDS)
    if network.pk:
        scope |= Q(networks=network)  # a member from elsewhere stays choosable
    ids = Organisation.objects.filter(scope).values("pk")
    return Organisation.objects.filter(pk__in=ids).order_by("name", "pk")


def network_meetings(network: Network, user) -> QuerySet[Meeting]:
    """The network's meetings the user may see, the coming ones first."""
    return meetings_visible_to(user).filter(network=network).order_by("-starts_at")


def upcoming_and_past(meetings) -> tuple[list[Meeting], list[Meeting]]:
    now = timezone.now()
    meetings = list(meetings)
    upcoming = sorted((m for m in meetings if m.ends_at >= now), key=lambda m: m.starts_at)
    return upcoming, [m for m in meetings if m.ends_at < now]


def forwards_received(network: Network) -> QuerySet[Forward]:
    """Decisions other networks forwarded to this one, with where they came from."""
    return Forward.objects.filter(to_network=network).select_related(
        "item__meeting__network", "created_by"
    )


def forwards_to_bodies(municipality: Municipality) -> QuerySet[Forward]:
    """Decisions the municipality's networks forwarded into its decision preparation."""
    return Forward.objects.filter(
        to_network__isnull=True, item__meeting__network__municipality=municipality
    ).select_related("item__meeting__network", "created_by")


def people_to_add(network: Network) -> QuerySet:
    """People of the network's organisations (members, coordinator, owner) who are not
    members now: whom a chair adds without typing a name."""
    from elinvoima.actors.models import User

    organisations = list(network.members.values_list("pk", flat=True))
    organisations += [pk for pk in (network.coordinator_id, network.organisation_id) if pk]
    current = NetworkMembership.objects.filter(network=network, ends_on__isnull=True).values("user")
    return (
        User.objects.filter(memberships__organisation__in=organisations, is_active=True)
        .exclude(pk__in=current)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def representable_organisations(network: Network) -> QuerySet[Organisation]:
    """Whom a member may represent: the network's member organisations and its own."""
    ids = [pk for pk in (network.coordinator_id, network.organisation_id) if pk]
    return (
        Organisation.objects.filter(Q(networks=network) | Q(pk__in=ids))
        .distinct()
        .order_by("name", "pk")
    )


def networks_of_area(*, municipality_id: int | None, wellbeing_county_id: int | None):
    """A municipality's networks, or a county's (whom a plan's priority area may name)."""
    if municipality_id:
        return Network.objects.filter(municipality_id=municipality_id).order_by("name")
    if wellbeing_county_id:
        return Network.objects.filter(wellbeing_county_id=wellbeing_county_id).order_by("name")
    return Network.objects.none()

"""Which organisations the cards app asks: the associations of civil society that work in a
municipality (their home or one they work in), not the municipality's own units. A card
invites them; a help request is sent to them."""

from django.db.models import Q, QuerySet

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation

ASSOCIATION_KINDS = (
    OrganisationKind.ASSOCIATION,
    OrganisationKind.VILLAGE_ASSOCIATION,
    OrganisationKind.SPORTS_CLUB,
    OrganisationKind.PARISH,
)


def associations_of(municipality: Municipality) -> QuerySet[Organisation]:
    """The associations that work in the municipality, by name."""
    return (
        Organisation.objects.filter(kind__in=ASSOCIATION_KINDS)
        .filter(Q(municipality=municipality) | Q(municipalities=municipality))
        .distinct()
        .order_by("name", "pk")
    )

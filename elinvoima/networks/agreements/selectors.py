"""Reads of agreements and facilities."""

from django.db.models import Q, QuerySet

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation
from elinvoima.networks.agreements.models import Agreement, AgreementParty, Facility
from elinvoima.networks.enums import AgreementKind
from elinvoima.networks.permissions import agreements_visible_to


def agreements_of(owner, user) -> QuerySet[Agreement]:
    """The owner's agreements the user may see, the newest versions first."""
    return (
        agreements_visible_to(user)
        .filter(Agreement.owned_by_q(owner))
        .select_related("previous_version")
        .order_by("kind", "-version", "-id")
    )


def agreement_parties(agreement: Agreement) -> QuerySet[AgreementParty]:
    return agreement.parties.select_related("organisation").order_by("organisation__name")


def current_agreement(municipality: Municipality, kind: str) -> Agreement | None:
    """The municipality's newest published agreement of a kind (its partnership document,
    whose grant practices a new grant round starts from)."""
    return (
        Agreement.objects.filter(municipality=municipality, kind=kind, published_at__isnull=False)
        .order_by("-version", "-published_at")
        .first()
    )


def current_partnership_document(municipality: Municipality) -> Agreement | None:
    return current_agreement(municipality, AgreementKind.PARTNERSHIP_DOCUMENT)


def party_choices(agreement: Agreement) -> QuerySet[Organisation]:
    """Who can be a party: the organisations working in the municipality (its own among
    them) and the county's; for a county's agreement the county's municipalities and their
    organisations and the county's own."""
    municipality = agreement.municipality
    if municipality is not None:
        scope = (
            Q(municipality=municipality)
            | Q(municipalities=municipality)
            | Q(
                wellbeing_county_id=municipality.wellbeing_county_id,
                kind__in=(
                    OrganisationKind.WELLBEING_COUNTY,
                    OrganisationKind.WELLBEING_COUNTY_UNIT,
                ),
            )
        )
    else:
        scope = Q(wellbeing_county_id=agreement.wellbeing_county_id) | Q(
            municipality__wellbeing_county_id=agreement.wellbeing_county_id,
            kind=OrganisationKind.MUNICIPALITY,
        )
    ids = Organisation.objects.filter(scope).values("pk")
    return Organisation.objects.filter(pk__in=ids).order_by("name", "pk")


def facilities_of(municipality: Municipality) -> QuerySet[Facility]:
    return Facility.objects.filter(municipality=municipality).order_by("name_fi", "pk")

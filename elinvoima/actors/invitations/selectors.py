"""Reads of invitations: the invitation of a link, and a municipality's organisations by
how recently their profiles were updated."""

import datetime

from django.db.models import Count, Q, QuerySet

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.invitations.models import Invitation, token_digest
from elinvoima.actors.models import Municipality, Organisation


def invitation_for_token(*, token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_digest=token_digest(token))
        .first()
    )


def organisations_by_profile_age(
    *, municipality: Municipality, updated_before: datetime.datetime | None = None
) -> QuerySet[Organisation]:
    """The municipality's organisations (not the municipality's or the county's own), least
    recently updated first, each with its number of representatives; only those updated
    before `updated_before` when given."""
    organisations = (
        Organisation.objects.filter(municipality=municipality)
        .exclude(kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY])
        .annotate(
            representatives=Count(
                "memberships", filter=Q(memberships__role=Role.ASSOCIATION_REPRESENTATIVE)
            )
        )
        .order_by("updated_at", "pk")
    )
    if updated_before is not None:
        organisations = organisations.filter(updated_at__lt=updated_before)
    return organisations

"""Named permission predicates. Views, API endpoints and templates all ask these.

A user's memberships are read once per user object and kept on it, so a page that asks
many questions makes one query.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import InterfaceSide, OrganisationKind, Role

if TYPE_CHECKING:
    from elinvoima.actors.models import Organisation


@dataclass(frozen=True)
class Grant:
    role: str
    organisation_id: int
    organisation_kind: str
    municipality_id: int | None
    wellbeing_county_id: int | None


def user_grants(user) -> tuple[Grant, ...]:
    if not user.is_authenticated:
        return ()
    cached = getattr(user, "_elinvoima_grants", None)
    if cached is None:
        from elinvoima.actors.models import Membership

        cached = tuple(
            Grant(*row)
            for row in Membership.objects.filter(user=user).values_list(
                "role",
                "organisation_id",
                "organisation__kind",
                "organisation__municipality_id",
                "organisation__wellbeing_county_id",
            )
        )
        user._elinvoima_grants = cached
    return cached


def _municipality_ids(user, *roles: str) -> set[int]:
    """Municipalities the user works for in one of the roles (through the municipality's
    own organisation or one of its departments)."""
    return {
        grant.municipality_id
        for grant in user_grants(user)
        if grant.role in roles
        and grant.municipality_id is not None
        and grant.organisation_kind
        in (OrganisationKind.MUNICIPALITY, OrganisationKind.MUNICIPAL_DEPARTMENT)
    }


def municipality_ids_for(user, *roles: str) -> set[int]:
    """The municipalities the user works for in one of the roles: for the queryset twins of
    other apps' predicates built on `manages_municipality` and `works_in_municipality`."""
    return _municipality_ids(user, *roles)


def represented_organisation_ids(user, *, municipality_id: int | None = None) -> set[int]:
    """The organisations the user represents (as their association representative): those
    they answer cards, report activities and apply for grants for; those of one municipality
    if `municipality_id` is given."""
    return {
        grant.organisation_id
        for grant in user_grants(user)
        if grant.role == Role.ASSOCIATION_REPRESENTATIVE
        and (municipality_id is None or grant.municipality_id == municipality_id)
    }


def _county_ids(user, *roles: str) -> set[int]:
    return {
        grant.wellbeing_county_id
        for grant in user_grants(user)
        if grant.role in roles and grant.wellbeing_county_id is not None
    }


is_platform_admin = rules.is_superuser


@rules.predicate
def manages_municipality(user, municipality) -> bool:
    return municipality is not None and municipality.pk in _municipality_ids(user, Role.COORDINATOR)


@rules.predicate
def works_in_municipality(user, municipality) -> bool:
    """Coordinators, officials and councillors of the municipality."""
    return municipality is not None and municipality.pk in _municipality_ids(
        user, Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR
    )


@rules.predicate
def works_in_county_of(user, municipality) -> bool:
    return municipality is not None and municipality.wellbeing_county_id in _county_ids(
        user, Role.COUNTY_OFFICIAL
    )


@rules.predicate
def represents_organisation(user, organisation) -> bool:
    return organisation is not None and any(
        grant.organisation_id == organisation.pk and grant.role == Role.ASSOCIATION_REPRESENTATIVE
        for grant in user_grants(user)
    )


@rules.predicate
def coordinates_home_municipality_of(user, organisation) -> bool:
    return organisation is not None and organisation.municipality_id in _municipality_ids(
        user, Role.COORDINATOR
    )


@rules.predicate
def is_member_of(user, organisation) -> bool:
    return organisation is not None and any(
        grant.organisation_id == organisation.pk for grant in user_grants(user)
    )


@rules.predicate
def is_published(user, organisation) -> bool:
    return organisation is not None and organisation.is_published


can_edit_organisation = (
    is_platform_admin | represents_organisation | coordinates_home_municipality_of
)
can_view_organisation = is_published | is_member_of | can_edit_organisation


def organisations_visible_to(user) -> "QuerySet[Organisation]":
    """The queryset twin of `can_view_organisation`: published ones, and those the user is
    a member of or coordinates the home municipality of (e.g. one they created unpublished)."""
    from elinvoima.actors.models import Organisation  # as user_grants: read after apps load

    queryset = Organisation.objects.all()
    if user.is_superuser:
        return queryset
    visible = Q(is_published=True)
    if user.is_authenticated:
        visible |= Q(pk__in={grant.organisation_id for grant in user_grants(user)})
        visible |= Q(municipality_id__in=_municipality_ids(user, Role.COORDINATOR))
    return queryset.filter(visible)


def visible_organisation_ids(user, ids) -> set[int]:
    """Which of the organisations `ids` the user may see (one query): a page that names
    organisations for another reason (a public grant decision) shows the others unnamed."""
    ids = set(ids)
    if not ids:
        return set()
    return set(organisations_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


can_manage_municipality = is_platform_admin | manages_municipality
can_view_audit_log = is_platform_admin
can_delete_organisation = is_platform_admin | coordinates_home_municipality_of
can_invite_to_organisation = is_platform_admin | coordinates_home_municipality_of

rules.add_perm("actors.change_organisation", can_edit_organisation)
rules.add_perm("actors.view_organisation", can_view_organisation)
rules.add_perm("actors.delete_organisation", can_delete_organisation)
rules.add_perm("actors.invite_to_organisation", can_invite_to_organisation)
# Adding an organisation to a municipality's directory: the object is the municipality.
rules.add_perm("actors.add_organisation", can_manage_municipality)
rules.add_perm("actors.manage_municipality", can_manage_municipality)
rules.add_perm("core.view_audit_log", can_view_audit_log)


# Interfaces (yhdyspinnat, seed 001): the county and each of its municipalities name a
# contact person per theme. Both parties see the whole table; each edits its own side, and
# the county's HYTE officials keep the whole table of their municipalities up to date.
@rules.predicate
def works_for_county(user, county) -> bool:
    return county is not None and county.pk in _county_ids(user, Role.COUNTY_OFFICIAL)


can_view_interfaces = is_platform_admin | works_in_county_of | works_in_municipality
can_edit_interface_contacts = is_platform_admin | works_in_county_of | manages_municipality
can_view_county_interfaces = is_platform_admin | works_for_county


def interface_sides_editable(user, municipality) -> set[str]:
    """The sides of a municipality's interface table the user may change: a coordinator
    of the municipality only the municipal side, the county's officials both."""
    if is_platform_admin(user) or works_in_county_of(user, municipality):
        return {InterfaceSide.COUNTY, InterfaceSide.MUNICIPALITY}
    if manages_municipality(user, municipality):
        return {InterfaceSide.MUNICIPALITY}
    return set()


rules.add_perm("actors.view_interfaces", can_view_interfaces)
rules.add_perm("actors.change_interface_contacts", can_edit_interface_contacts)
rules.add_perm("actors.view_county_interfaces", can_view_county_interfaces)

"""Where a user works, by role: the municipalities, counties and organisations of the user's
memberships, read once per request. The apps' dashboard tasks ask it instead of each
walking the memberships again."""

from dataclasses import dataclass

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.actors.permissions import Grant, user_grants

MUNICIPAL_ROLES = (Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR, Role.EXERCISE_COUNSELLOR)
REGIONAL_ROLES = (Role.COUNTY_OFFICIAL, Role.WORKSHOP_ORGANISER)
MUNICIPAL_KINDS = (OrganisationKind.MUNICIPALITY, OrganisationKind.MUNICIPAL_DEPARTMENT)


@dataclass(frozen=True)
class UserScope:
    grants: tuple[Grant, ...]
    organisations: dict[int, Organisation]
    municipalities: dict[int, Municipality]
    counties: dict[int, WellbeingCounty]

    def municipalities_where(self, roles, kinds=None) -> list[Municipality]:
        """The municipalities of the user's grants in one of the roles (and, when given,
        through an organisation of one of the kinds), in the order of the grants."""
        ids = [
            grant.municipality_id
            for grant in self.grants
            if grant.role in roles
            and grant.municipality_id in self.municipalities
            and (kinds is None or grant.organisation_kind in kinds)
        ]
        return [self.municipalities[pk] for pk in dict.fromkeys(ids)]

    def counties_where(self, roles) -> list[WellbeingCounty]:
        ids = [
            grant.wellbeing_county_id
            for grant in self.grants
            if grant.role in roles and grant.wellbeing_county_id in self.counties
        ]
        return [self.counties[pk] for pk in dict.fromkeys(ids)]

    def organisations_where(self, roles, kinds=None) -> list[Organisation]:
        ids = [
            grant.organisation_id
            for grant in self.grants
            if grant.role in roles and (kinds is None or grant.organisation_kind in kinds)
        ]
        return [self.organisations[pk] for pk in dict.fromkeys(ids)]

    def has_role(self, *roles) -> bool:
        return any(grant.role in roles for grant in self.grants)


def user_scope(user) -> UserScope:
    """The user's scope, cached on the user object for the request."""
    cached = getattr(user, "_elinvoima_scope", None)
    if cached is None:
        grants = user_grants(user)
        cached = UserScope(
            grants=grants,
            organisations=Organisation.objects.in_bulk({g.organisation_id for g in grants}),
            municipalities=Municipality.objects.in_bulk(
                {g.municipality_id for g in grants if g.municipality_id}
            ),
            counties=WellbeingCounty.objects.in_bulk(
                {g.wellbeing_county_id for g in grants if g.wellbeing_county_id}
            ),
        )
        if user.is_authenticated:
            user._elinvoima_scope = cached
    return cached

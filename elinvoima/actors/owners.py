"""The owner of a plan, a network, a grant round, a workshop series or a card template:
exactly one municipality, wellbeing services county, organisation or network. Resolved here,
in one place: which field holds it (`Owned`), the database condition that there is exactly
one (`one_owner_condition`), and who manages it or works with it — as a predicate for one
owner and as its queryset twin for a list (`Owned.managed_by_q`, `Owned.worked_with_q`).

Each kind of owner registers its rules with `owner_kind_register`: actors registers the
municipality, the county and the organisation below; the networks app registers the
network (networks.owners), since a network sits above actors."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import models
from django.db.models import Q

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import (
    _county_ids,
    _municipality_ids,
    is_platform_admin,
    manages_municipality,
    represents_organisation,
    user_grants,
    works_for_county,
    works_in_county_of,
    works_in_municipality,
)


@dataclass(frozen=True)
class OwnerKind:
    """How one kind of owner answers who manages it and who works with it. `field` is the
    name of the owner's foreign key on an owned model and the kind's name."""

    field: str
    model_name: str  # the owner model's _meta.model_name
    manages: Callable[[Any, Any], bool]  # (user, owner) → may act for the owner
    works_with: Callable[[Any, Any], bool]  # (user, owner) → sees the owner's drafts
    managed_q: Callable[[Any, str], Q]  # (user, field) → Q of rows whose owner the user manages
    worked_with_q: Callable[[Any, str], Q]  # (user, field) → Q of rows the user works with


_KINDS: dict[str, OwnerKind] = {}


def owner_kind_register(kind: OwnerKind) -> None:
    _KINDS[kind.field] = kind


def owner_kind_of(owner) -> OwnerKind:
    model_name = owner._meta.model_name
    for kind in _KINDS.values():
        if kind.model_name == model_name:
            return kind
    raise ValueError(f"{owner!r} is not an owner.")


def owner_managed_by(user, owner) -> bool:
    """May the user act for the owner (write its plans, networks, grant rounds…)?"""
    if owner is None:
        return False
    return is_platform_admin(user) or owner_kind_of(owner).manages(user, owner)


def owner_worked_with(user, owner) -> bool:
    """Does the user work with the owner (reads its drafts)?"""
    if owner is None:
        return False
    return is_platform_admin(user) or owner_kind_of(owner).works_with(user, owner)


def one_owner_condition(*fields: str) -> Q:
    """Exactly one of the owner fields is set: for a CheckConstraint."""
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{other}__isnull": other != field for other in fields})
    return condition


class Owned(models.Model):
    """A model that belongs to one owner. The concrete model declares its owner foreign
    keys (named after the kinds: municipality, wellbeing_county, organisation, network),
    lists them in OWNER_FIELDS and adds `one_owner_condition(*OWNER_FIELDS)` as a check
    constraint; the rest comes from here."""

    OWNER_FIELDS: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True

    @property
    def owner_kind(self) -> str:
        for field in self.OWNER_FIELDS:
            if getattr(self, f"{field}_id") is not None:
                return field
        raise ValueError(f"{self!r} has no owner.")

    @property
    def owner(self):
        return getattr(self, self.owner_kind)

    def owner_assign(self, owner) -> None:
        """Set the owner and clear the other owner fields."""
        kind = owner_kind_of(owner).field
        if kind not in self.OWNER_FIELDS:
            raise ValueError(f"A {type(self).__name__} cannot belong to a {kind}.")
        for field in self.OWNER_FIELDS:
            setattr(self, field, owner if field == kind else None)

    @classmethod
    def owned_by_q(cls, owner) -> Q:
        return Q(**{owner_kind_of(owner).field: owner})

    @classmethod
    def managed_by_q(cls, user) -> Q:
        """The queryset twin of `owner_managed_by`: rows whose owner the user manages."""
        if is_platform_admin(user):
            return Q()
        return _any(_KINDS[field].managed_q(user, field) for field in cls.OWNER_FIELDS)

    @classmethod
    def worked_with_q(cls, user) -> Q:
        """The queryset twin of `owner_worked_with`."""
        if is_platform_admin(user):
            return Q()
        return _any(_KINDS[field].worked_with_q(user, field) for field in cls.OWNER_FIELDS)


def _any(conditions) -> Q:
    result = Q(pk__in=[])  # matches nothing
    for condition in conditions:
        result |= condition
    return result


# --- The kinds actors knows -----------------------------------------------------------------
def _organisation_ids(user, *roles: str) -> set[int]:
    return {grant.organisation_id for grant in user_grants(user) if grant.role in roles}


owner_kind_register(
    OwnerKind(
        field="municipality",
        model_name="municipality",
        manages=manages_municipality,
        works_with=lambda user, m: works_in_municipality(user, m) or works_in_county_of(user, m),
        managed_q=lambda user, field: Q(
            **{f"{field}_id__in": _municipality_ids(user, Role.COORDINATOR)}
        ),
        worked_with_q=lambda user, field: (
            Q(
                **{
                    f"{field}_id__in": _municipality_ids(
                        user, Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR
                    )
                }
            )
            | Q(**{f"{field}__wellbeing_county_id__in": _county_ids(user, Role.COUNTY_OFFICIAL)})
        ),
    )
)
owner_kind_register(
    OwnerKind(
        field="wellbeing_county",
        model_name="wellbeingcounty",
        manages=works_for_county,
        works_with=works_for_county,
        managed_q=lambda user, field: Q(
            **{f"{field}_id__in": _county_ids(user, Role.COUNTY_OFFICIAL)}
        ),
        worked_with_q=lambda user, field: Q(
            **{f"{field}_id__in": _county_ids(user, Role.COUNTY_OFFICIAL)}
        ),
    )
)
owner_kind_register(
    OwnerKind(
        field="organisation",
        model_name="organisation",
        manages=represents_organisation,
        works_with=lambda user, organisation: (
            organisation.pk in _organisation_ids(user, *Role.values)
        ),
        managed_q=lambda user, field: Q(
            **{f"{field}_id__in": _organisation_ids(user, Role.ASSOCIATION_REPRESENTATIVE)}
        ),
        worked_with_q=lambda user, field: Q(
            **{f"{field}_id__in": _organisation_ids(user, *Role.values)}
        ),
    )
)

"""Named predicates of workshops, each with its queryset twin. A series is organised by the
organiser organisation's workshop organisers; published series and workshops are public;
registrations (personal data) are the organisers' only."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import is_platform_admin, user_grants


def organiser_ids(user) -> set[int]:
    """The organisations the user organises workshops for (read from the cached grants)."""
    return {g.organisation_id for g in user_grants(user) if g.role == Role.WORKSHOP_ORGANISER}


@rules.predicate
def organises_series(user, series) -> bool:
    return series is not None and series.organiser_id in organiser_ids(user)


@rules.predicate
def organises_workshop(user, workshop) -> bool:
    return workshop is not None and workshop.series.organiser_id in organiser_ids(user)


@rules.predicate
def is_published_series(user, series) -> bool:
    return series is not None and series.is_published


@rules.predicate
def is_published_workshop(user, workshop) -> bool:
    return workshop is not None and workshop.is_published and workshop.series.is_published


can_organise_series = is_platform_admin | organises_series
can_organise_workshop = is_platform_admin | organises_workshop


def series_visible_to(user) -> QuerySet:
    """The twin of `workshops.view_series`."""
    from .models import Series

    if is_platform_admin(user):
        return Series.objects.all()
    return Series.objects.filter(Q(is_published=True) | Q(organiser_id__in=organiser_ids(user)))


def workshops_visible_to(user) -> QuerySet:
    """The twin of `workshops.view_workshop`."""
    from .models import Workshop

    if is_platform_admin(user):
        return Workshop.objects.all()
    return Workshop.objects.filter(
        Q(is_published=True, series__is_published=True)
        | Q(series__organiser_id__in=organiser_ids(user))
    )


def workshops_organised_by(user) -> QuerySet:
    """The twin of `workshops.organise_workshop`."""
    from .models import Workshop

    if is_platform_admin(user):
        return Workshop.objects.all()
    return Workshop.objects.filter(series__organiser_id__in=organiser_ids(user))


@rules.predicate
def organises_for(user, organisation) -> bool:
    """Asked with an organisation: may the user found its workshop series?"""
    return organisation is not None and organisation.pk in organiser_ids(user)


rules.add_perm("workshops.add_series", is_platform_admin | organises_for)
rules.add_perm("workshops.view_series", is_published_series | can_organise_series)
rules.add_perm("workshops.organise_series", can_organise_series)
rules.add_perm("workshops.view_workshop", is_published_workshop | can_organise_workshop)
rules.add_perm("workshops.organise_workshop", can_organise_workshop)

"""The county's care teams (issue 19: "professionals of the same care team, where the county
grants it" read the record). The county's keeper of the register names a team, grants or
takes away its reading and changes its members; a referral is made within the referrer's
team, which the period then records. Reading itself is the rule of `permissions.py`
(`reads_in_care_team`): a member must also hold a valid referrer's access in the client's
county, so a person removed from the team, or whose access ended, reads nothing more.

Writes: keyword-only, permission first (`keeps_register` with the team's county: never
`has_perm`, which says yes to the admin), then validation, then the write in one
transaction."""

from typing import NoReturn

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.counselling.enums import AccessRole
from elinvoima.counselling.models import CareTeam
from elinvoima.counselling.permissions import keeps_register, valid_accesses, was_granted_access


def _refuse(user) -> NoReturn:
    """As the other counselling writes refuse: 404 to anyone never granted access, 403 to
    the rest (no client is concerned, so nothing is written to the audit log)."""
    if not was_granted_access(user):
        raise Http404
    raise PermissionDenied


def _kept(user, county) -> None:
    if not keeps_register(user, county):  # the predicate itself: has_perm says yes to the admin
        _refuse(user)


def care_team_save(
    *, user, name: str, may_read: bool, county=None, team: CareTeam | None = None
) -> CareTeam:
    """A new team of `county`, or `team` renamed and its reading granted or taken away;
    who set the grant and when is kept with it."""
    _kept(user, team.wellbeing_county if team is not None else county)
    with transaction.atomic():
        return _care_team_saved(user, name, may_read, county, team)


def _care_team_saved(user, name: str, may_read: bool, county, team: CareTeam | None) -> CareTeam:
    if team is not None:
        team = CareTeam.objects.select_for_update().get(pk=team.pk)
    else:
        team = CareTeam(wellbeing_county=county)
    name = name.strip()
    if not name or len(name) > 200:
        raise ValidationError({"name": [_("Give the care team a name of at most 200 characters.")]})
    taken = CareTeam.objects.filter(wellbeing_county_id=team.wellbeing_county_id, name=name)
    if taken.exclude(pk=team.pk).exists():
        raise ValidationError({"name": [_("The county already has a care team of this name.")]})
    if team.pk is None or team.may_read != may_read:
        team.may_read_set_by, team.may_read_set_at = user, timezone.now()
    team.name, team.may_read = name, may_read
    team.save()
    return team


def care_team_member_add(*, user, team: CareTeam, member) -> CareTeam:
    """Add a professional to the team: only one the county has granted a valid referrer's
    access (without it they would read nothing anyway, and the list would mislead)."""
    _kept(user, team.wellbeing_county)
    referrer = valid_accesses(member, AccessRole.REFERRER).filter(
        wellbeing_county_id=team.wellbeing_county_id
    )
    if not referrer.exists():
        raise ValidationError(
            {"member": [_("Add only professionals with a valid referrer's access in the county.")]}
        )
    with transaction.atomic():
        team.members.add(member)
    return team


def care_team_member_remove(*, user, team: CareTeam, member) -> CareTeam:
    """Remove a member: from now on they read none of the team's records."""
    _kept(user, team.wellbeing_county)
    with transaction.atomic():
        team.members.remove(member)
    return team


def referral_teams(referrer, county) -> QuerySet[CareTeam]:
    """The care teams of the county that the referrer belongs to and whose reading the
    county has granted: what a referral of theirs can be made within."""
    return CareTeam.objects.filter(wellbeing_county=county, may_read=True, members=referrer)


def referral_care_team(referrer, county, chosen: CareTeam | None) -> CareTeam | None:
    """The team a referral is made within: the one chosen (it must be one of the
    referrer's), else the referrer's only team, else none."""
    teams = referral_teams(referrer, county)
    if chosen is not None:
        if not teams.filter(pk=chosen.pk).exists():
            raise ValidationError({"care_team": [_("Choose one of your care teams.")]})
        return chosen
    only = list(teams[:2])
    return only[0] if len(only) == 1 else None

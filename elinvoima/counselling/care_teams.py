"""The county's care teams (issue 19: "professionals of the same care team, where the county
grants it" read the record). The county's keeper of the register names a team, grants or
takes away its reading and changes its members; a referral is made within the referrer's
team, which the period then records. Reading itself is the rule of `permissions.py`
(`reads_in_care_team`): a member must also hold a valid referrer's access in the client's
county, so a person removed from the team, or whose access ended, reads nothing more.

Writes: keyword-only, permission first (`keeps_register` with the team's county: never
`has_perm`, which says yes to the admin; someone never granted access gets 404, anyone else
403 with the refusal logged), then validation, then the write in one transaction with an
audit entry. A change of the name or the reading carries the version the page loaded and
is refused if someone saved the team since (`core.concurrency`)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import User
from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.counselling.access_services import keeper_checked, register_logged
from elinvoima.counselling.enums import AccessRole, AuditAction
from elinvoima.counselling.models import CareTeam
from elinvoima.counselling.permissions import referrers_of, valid_accesses

BY_NAME = ("last_name", "first_name", "username")


# --- Reads of the keeper's pages ------------------------------------------------------------
def county_care_teams(county) -> QuerySet[CareTeam]:
    """The county's care teams by name, with their members and who set their reading."""
    return (
        CareTeam.objects.filter(wellbeing_county=county)
        .select_related("may_read_set_by")
        .prefetch_related(Prefetch("members", queryset=User.objects.order_by(*BY_NAME)))
        .order_by("name", "id")
    )


def member_candidates(team: CareTeam) -> QuerySet:
    """Who the keeper may add to the team: the county's professionals with a valid
    referrer's access (`referrers_of`), not yet members."""
    return (
        referrers_of(team.wellbeing_county).exclude(counselling_care_teams=team).order_by(*BY_NAME)
    )


def care_team_version(team: CareTeam) -> str:
    """What a page loaded (the model keeps no time of change): the values a change
    replaces."""
    return f"{team.name}|{team.may_read}"


# --- Writes ---------------------------------------------------------------------------------
def care_team_save(
    *,
    user,
    name: str,
    may_read: bool,
    county=None,
    team: CareTeam | None = None,
    loaded_version: str | None = None,
) -> CareTeam:
    """A new team of `county`, or `team` renamed and its reading granted or taken away;
    who set the grant and when is kept with it."""
    keeper_checked(user, team.wellbeing_county if team is not None else county, "care team")
    with transaction.atomic():
        return _care_team_saved(user, name, may_read, county, team, loaded_version)


def _locked(team: CareTeam) -> CareTeam:
    return CareTeam.objects.select_for_update().get(pk=team.pk)


def _care_team_saved(
    user, name: str, may_read: bool, county, team: CareTeam | None, loaded_version: str | None
) -> CareTeam:
    before = None
    if team is not None:
        team = _locked(team)
        before = care_team_version(team)
        ensure_unchanged(
            before,
            loaded_version,
            what=_("the care team “%(name)s”") % {"name": team.name},
        )
    else:
        team = CareTeam(wellbeing_county=county)
    name = name.strip()
    if not name or len(name) > 200:
        raise ValidationError({"name": [_("Give the care team a name of at most 200 characters.")]})
    taken = CareTeam.objects.filter(wellbeing_county_id=team.wellbeing_county_id, name=name)
    if taken.exclude(pk=team.pk).exists():
        raise _name_taken()
    if team.pk is None or team.may_read != may_read:
        team.may_read_set_by, team.may_read_set_at = user, timezone.now()
    team.name, team.may_read = name, may_read
    try:
        with transaction.atomic():
            team.save()
    except IntegrityError:  # the same name saved at the same moment
        raise _name_taken() from None
    if before is None:
        reading = "reading granted" if may_read else "reading not granted"
        register_logged(user, AuditAction.CREATE, f"care team {team.pk} created, {reading}: {name}")
    elif before != care_team_version(team):
        register_logged(
            user,
            AuditAction.CHANGE,
            f"care team {team.pk} changed: {before} → {care_team_version(team)}",
        )
    return team


def _name_taken() -> ValidationError:
    return ValidationError({"name": [_("The county already has a care team of this name.")]})


def care_team_member_add(*, user, team: CareTeam, member) -> CareTeam:
    """Add a professional to the team: only one the county has granted a valid referrer's
    access (without it they would read nothing anyway, and the list would mislead)."""
    keeper_checked(user, team.wellbeing_county, "care team member")
    referrer = valid_accesses(member, AccessRole.REFERRER).filter(
        wellbeing_county_id=team.wellbeing_county_id
    )
    if not referrer.exists():
        raise ValidationError(
            {"member": [_("Add only professionals with a valid referrer's access in the county.")]}
        )
    with transaction.atomic():
        team = _locked(team)
        if team.members.filter(pk=member.pk).exists():
            raise ValidationError({"member": [_("The person is already a member of the team.")]})
        team.members.add(member)
        register_logged(
            user, AuditAction.CHANGE, f"care team {team.pk}: member user {member.pk} added"
        )
    return team


def care_team_member_remove(*, user, team: CareTeam, member) -> CareTeam:
    """Remove a member: from now on they read none of the team's records."""
    keeper_checked(user, team.wellbeing_county, "care team member")
    with transaction.atomic():
        team = _locked(team)
        if not team.members.filter(pk=member.pk).exists():
            raise ValidationError(_("The person is no longer a member of the team."))
        team.members.remove(member)
        register_logged(
            user, AuditAction.CHANGE, f"care team {team.pk}: member user {member.pk} removed"
        )
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

"""Named permission predicates of networks and their meetings, each with its queryset twin.

- A network is seen by anyone when it is public; otherwise by its current members and by
  those who work with its owner. It is run (its page, members and meetings) by its chair,
  vice chair and secretary, and by those who manage its owner (a municipality's welfare
  coordinators).
- A meeting's agenda is seen, once the invitation is sent, by those who see the network;
  its minutes by the network's members once they are ready, and by everyone who sees the
  network once they are approved. Those who run the network see their drafts.
- An action item is updated by the member who owns it and by those who run the network.
"""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.owners import owner_managed_by, owner_worked_with
from elinvoima.actors.permissions import is_platform_admin

from .enums import RUNNING_ROLES


def user_network_roles(user) -> dict[int, str]:
    """network id → the user's role in it now, read once per user object."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_elinvoima_network_roles", None)
    if cached is None:
        from .models import NetworkMembership

        cached = dict(
            NetworkMembership.objects.filter(user=user, ends_on__isnull=True).values_list(
                "network_id", "role"
            )
        )
        user._elinvoima_network_roles = cached
    return cached


# --- Networks ---------------------------------------------------------------------------------
@rules.predicate
def runs_network(user, network) -> bool:
    """The chair, the vice chair and the secretary run a network."""
    return network is not None and user_network_roles(user).get(network.pk) in RUNNING_ROLES


@rules.predicate
def is_network_member(user, network) -> bool:
    return network is not None and network.pk in user_network_roles(user)


@rules.predicate
def manages_network_owner(user, network) -> bool:
    return network is not None and owner_managed_by(user, network.owner)


@rules.predicate
def works_with_network_owner(user, network) -> bool:
    return network is not None and owner_worked_with(user, network.owner)


@rules.predicate
def is_public_network(user, network) -> bool:
    return network is not None and network.is_public


can_manage_network = is_platform_admin | runs_network | manages_network_owner
can_view_network = (
    is_public_network | is_network_member | can_manage_network | works_with_network_owner
)


def networks_visible_to(user) -> QuerySet:
    """The twin of `can_view_network` (`networks.view_network`)."""
    from .models import Network

    if is_platform_admin(user):
        return Network.objects.all()
    return Network.objects.filter(
        Q(is_public=True)
        | Q(pk__in=list(user_network_roles(user)))
        | Network.worked_with_q(user)
        | Network.managed_by_q(user)
    )


def networks_managed_by(user) -> QuerySet:
    """The twin of `can_manage_network` (`networks.manage_network`)."""
    from .models import Network

    if is_platform_admin(user):
        return Network.objects.all()
    return Network.objects.filter(Q(pk__in=networks_run_by(user)) | Network.managed_by_q(user))


def networks_run_by(user) -> list[int]:
    """Ids of the networks the user runs as chair, vice chair or secretary (the dashboard
    asks only these people, not the owner's coordinators, to write minutes)."""
    return [pk for pk, role in user_network_roles(user).items() if role in RUNNING_ROLES]


# --- Meetings ---------------------------------------------------------------------------------
@rules.predicate
def runs_meeting_network(user, meeting) -> bool:
    return meeting is not None and can_manage_network(user, meeting.network)


@rules.predicate
def sees_invited_meeting(user, meeting) -> bool:
    return (
        meeting is not None
        and meeting.invited_at is not None
        and can_view_network(user, meeting.network)
    )


@rules.predicate
def reads_minutes(user, meeting) -> bool:
    if meeting is None or meeting.minutes_ready_at is None:
        return False
    if meeting.minutes_approved_at is not None and can_view_network(user, meeting.network):
        return True
    return is_network_member(user, meeting.network) or works_with_network_owner(
        user, meeting.network
    )


can_run_meeting = is_platform_admin | runs_meeting_network
can_view_meeting = can_run_meeting | sees_invited_meeting
can_view_minutes = can_run_meeting | reads_minutes


def meetings_visible_to(user) -> QuerySet:
    """The twin of `can_view_meeting` (`networks.view_meeting`)."""
    from .models import Meeting

    if is_platform_admin(user):
        return Meeting.objects.all()
    return Meeting.objects.filter(
        Q(network__in=networks_managed_by(user))
        | Q(invited_at__isnull=False, network__in=networks_visible_to(user))
    )


def minutes_visible_q(user) -> Q:
    """The twin of `can_view_minutes` (`networks.view_minutes`), as a condition on meetings
    already visible to the user."""
    if is_platform_admin(user):
        return Q(pk__isnull=False)  # every meeting (a When() needs a condition)
    from .models import Network

    members = list(user_network_roles(user))
    worked_with = Network.objects.filter(Network.worked_with_q(user))
    return (
        Q(network__in=networks_managed_by(user))
        | Q(minutes_ready_at__isnull=False, network__in=members)
        | Q(minutes_ready_at__isnull=False, network__in=worked_with)
        | Q(minutes_approved_at__isnull=False, network__in=networks_visible_to(user))
    )


@rules.predicate
def owns_action_item(user, action_item) -> bool:
    return action_item is not None and action_item.owner_id == user.pk


@rules.predicate
def runs_action_item_network(user, action_item) -> bool:
    return action_item is not None and can_manage_network(user, action_item.meeting.network)


can_change_action_item = is_platform_admin | owns_action_item | runs_action_item_network


@rules.predicate
def manages_owner(user, owner) -> bool:
    """Asked with a municipality, county or organisation: may the user found its networks?"""
    return owner_managed_by(user, owner)


# --- The annual clock: asked with its owner (a municipality, a county or a network) --------
@rules.predicate
def sees_clock_owner(user, owner) -> bool:
    """A municipality's and a county's clocks are public; a network's as the network."""
    if owner is None:
        return False
    if owner._meta.model_name == "network":
        return can_view_network(user, owner)
    return True


@rules.predicate
def keeps_clock(user, owner) -> bool:
    if owner is None:
        return False
    if owner._meta.model_name == "network":
        return can_manage_network(user, owner)
    return owner_managed_by(user, owner)


@rules.predicate
def keeps_clock_of_item(user, item) -> bool:
    return item is not None and keeps_clock(user, item.owner)


# --- Agreements and facilities ---------------------------------------------------------------
@rules.predicate
def is_published_agreement(user, agreement) -> bool:
    return agreement is not None and agreement.published_at is not None


@rules.predicate
def works_with_agreement_owner(user, agreement) -> bool:
    return agreement is not None and owner_worked_with(user, agreement.owner)


@rules.predicate
def manages_agreement_owner(user, agreement) -> bool:
    return agreement is not None and owner_managed_by(user, agreement.owner)


@rules.predicate
def is_draft_agreement(user, agreement) -> bool:
    return agreement is not None and agreement.published_at is None


def agreements_visible_to(user) -> QuerySet:
    """The twin of `networks.view_agreement`: published ones, and the drafts of the owners
    the user works with."""
    from .models import Agreement

    if is_platform_admin(user):
        return Agreement.objects.all()
    return Agreement.objects.filter(Q(published_at__isnull=False) | Agreement.worked_with_q(user))


rules.add_perm(
    "networks.view_agreement",
    is_platform_admin | is_published_agreement | works_with_agreement_owner,
)
# A published agreement is changed by a new version of it.
rules.add_perm(
    "networks.change_agreement",
    is_draft_agreement & (is_platform_admin | manages_agreement_owner),
)
rules.add_perm("networks.version_agreement", is_platform_admin | manages_agreement_owner)
rules.add_perm("networks.add_agreement", is_platform_admin | manages_owner)
rules.add_perm("networks.change_facilities", is_platform_admin | manages_owner)


rules.add_perm("networks.add_network", is_platform_admin | manages_owner)
rules.add_perm("networks.view_clock", sees_clock_owner)
rules.add_perm("networks.change_clock", is_platform_admin | keeps_clock)
rules.add_perm("networks.change_calendar_item", is_platform_admin | keeps_clock_of_item)
rules.add_perm("networks.view_network", can_view_network)
rules.add_perm("networks.manage_network", can_manage_network)
# The network's own people answer for it (strategy's recommendations to a network).
rules.add_perm("networks.run_network", is_platform_admin | runs_network)
rules.add_perm("networks.view_meeting", can_view_meeting)
rules.add_perm("networks.run_meeting", can_run_meeting)
rules.add_perm("networks.view_minutes", can_view_minutes)
rules.add_perm("networks.change_action_item", can_change_action_item)

"""Reads of a meeting's page and papers: its agenda with documents and decisions, who were
present and whether there was a quorum, its action items; the user's open action items."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from elinvoima.networks.enums import VOTING_ROLES, ActionItemStatus
from elinvoima.networks.meetings.models import ActionItem, AgendaItem, Forward, Meeting
from elinvoima.networks.models import NetworkMembership
from elinvoima.networks.selectors import members_on


def meeting_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    return (
        meeting.items.select_related(
            "presenter", "corrects__meeting", "forwarded_from__item__meeting__network"
        )
        .prefetch_related(
            "documents",
            Prefetch("forwards", queryset=Forward.objects.select_related("to_network")),
            Prefetch("corrections", queryset=AgendaItem.objects.select_related("meeting")),
        )
        .order_by("position", "pk")
    )


@dataclass
class AttendanceRow:
    membership: NetworkMembership
    present: bool


@dataclass
class Quorum:
    present: int
    needed: int

    @property
    def reached(self) -> bool:
        return self.present >= self.needed


def attendance_rows(meeting: Meeting) -> list[AttendanceRow]:
    """The members on the meeting's day, each with whether they were recorded present."""
    present = dict(meeting.attendance.values_list("membership_id", "present"))
    day = meeting.starts_at.date()
    return [
        AttendanceRow(membership, present.get(membership.pk, False))
        for membership in members_on(meeting.network, day).order_by(
            "role", "user__last_name", "user__first_name"
        )
    ]


def quorum_of(meeting: Meeting, rows: list[AttendanceRow]) -> Quorum:
    """Present voting members against the network's quorum, or more than half of them
    (invited experts are not counted)."""
    voting = [row for row in rows if row.membership.role in VOTING_ROLES]
    needed = meeting.network.quorum or len(voting) // 2 + 1
    return Quorum(present=sum(row.present for row in voting), needed=needed)


def meeting_action_items(meeting: Meeting) -> QuerySet[ActionItem]:
    return meeting.action_items.select_related("owner", "item").order_by("due_on", "pk")


def open_action_items_of(user) -> QuerySet[ActionItem]:
    """The user's action items not done yet, the most urgent first."""
    return (
        ActionItem.objects.filter(owner=user)
        .exclude(status=ActionItemStatus.DONE)
        .select_related("meeting__network")
        .order_by("due_on", "pk")
    )


def minutes_to_write_for(user) -> QuerySet[Meeting]:
    """Meetings of networks the user runs that have been held without ready minutes."""
    from django.utils import timezone

    from elinvoima.networks.permissions import networks_run_by

    return Meeting.objects.filter(
        network__in=networks_run_by(user),
        ends_at__lt=timezone.now(),
        minutes_ready_at__isnull=True,
        cancelled_at__isnull=True,
    ).order_by("starts_at")


def minutes_to_approve(meeting: Meeting) -> QuerySet[Meeting]:
    """Earlier meetings of the network whose ready minutes this meeting may approve."""
    return Meeting.objects.filter(
        network=meeting.network_id,
        starts_at__lt=meeting.starts_at,
        minutes_ready_at__isnull=False,
        minutes_approved_at__isnull=True,
        cancelled_at__isnull=True,
    ).order_by("starts_at")

"""Writes of a network's meetings (issue 16): those who run the network plan a meeting and
its agenda, send the invitation, write the minutes (attendance, a decision per item, action
items), mark them ready, and approve them at the next meeting. Approved minutes are frozen:
a correction is a new decision at a later meeting. Permission first, then validation, then
the write, in one transaction (docs/architecture.md)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import User
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.document_files import MAX_FILES, checked_kind
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.networks.enums import ActionItemStatus
from elinvoima.networks.meetings.mail import meeting_invitation_mail
from elinvoima.networks.meetings.models import (
    ActionItem,
    AgendaDocument,
    AgendaItem,
    Attendance,
    Forward,
    Meeting,
)
from elinvoima.networks.meetings.selectors import minutes_to_approve
from elinvoima.networks.models import Network
from elinvoima.networks.selectors import current_members, members_on

VISIBLE = "networks.view_meeting"


def meeting_version(meeting: Meeting) -> str:
    return meeting.updated_at.isoformat()


def _when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def _locked(meeting: Meeting, loaded_version: str | None = None) -> Meeting:
    return locked_unchanged(
        Meeting.objects.select_related("network"),
        meeting.pk,
        loaded_version,
        what=lambda row: _("the meeting “%(title)s”") % {"title": row.title},
    )


def _ensure_open(meeting: Meeting) -> None:
    """Approved minutes are the record: nothing of the meeting changes after them."""
    if meeting.minutes_approved_at is not None:
        raise ValidationError(
            _(
                "The minutes were approved on %(date)s and can no longer be changed. Record "
                "a correction as a decision of a later meeting."
            )
            % {"date": _when(meeting.minutes_approved_at)},
            code="minutes_approved",
        )
    if meeting.cancelled_at is not None:
        raise ValidationError(_("The meeting was cancelled."), code="cancelled")


# --- The meeting and its agenda -----------------------------------------------------------------
@dataclass(frozen=True)
class MeetingData:
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str = ""
    level: str = "local"
    guests: str = ""


@transaction.atomic
def meeting_save(
    *,
    user,
    data: MeetingData,
    network: Network | None = None,
    meeting: Meeting | None = None,
    loaded_version: str | None = None,
) -> Meeting:
    """Plan a meeting of the network, or change its details."""
    who = signed_in_or_none(user)
    if meeting is None:
        assert network is not None
        authorize(
            user, "networks.manage_network", network, visible=("networks.view_network", network)
        )
        meeting = Meeting(network=network, created_by=who)
    else:
        authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
        meeting = _locked(meeting, loaded_version)
        _ensure_open(meeting)
    if data.ends_at <= data.starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
    for field in ("title", "starts_at", "ends_at", "place", "level", "guests"):
        value = getattr(data, field)
        setattr(meeting, field, value.strip() if isinstance(value, str) else value)
    meeting.updated_by = who
    validate_for_save(meeting)
    meeting.save()
    return meeting


@transaction.atomic
def meeting_cancel(*, user, meeting: Meeting) -> Meeting:
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    meeting = _locked(meeting)
    _ensure_open(meeting)
    if meeting.minutes_ready_at is not None:
        raise ValidationError(_("The meeting has minutes; it was held."))
    meeting.cancelled_at = timezone.now()
    meeting.updated_by = signed_in_or_none(user)
    meeting.save(update_fields=["cancelled_at", "updated_by", "updated_at"])
    return meeting


@dataclass(frozen=True)
class ItemData:
    title: str
    proposal: str = ""
    presenter: User | None = None
    corrects: AgendaItem | None = None
    forwarded_from: Forward | None = None


def _check_item(meeting: Meeting, data: ItemData) -> None:
    errors: dict[str, list[str]] = {}
    network = meeting.network
    if (
        data.presenter is not None
        and not members_on(network, timezone.localdate()).filter(user=data.presenter).exists()
    ):
        errors["presenter"] = [_("Choose a member of the network as the presenter.")]
    if data.corrects is not None and (
        data.corrects.meeting.network_id != network.pk
        or data.corrects.meeting.minutes_approved_at is None
        or data.corrects.meeting.starts_at >= meeting.starts_at
    ):
        errors["corrects"] = [
            _("Choose a decision in approved minutes of an earlier meeting of the network.")
        ]
    if data.forwarded_from is not None and data.forwarded_from.to_network_id != network.pk:
        errors["forwarded_from"] = [_("Choose a decision forwarded to this network.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def agenda_item_save(
    *, user, data: ItemData, meeting: Meeting | None = None, item: AgendaItem | None = None
) -> AgendaItem:
    """Add an item to the agenda, last, or change one."""
    meeting = meeting or item.meeting  # type: ignore[union-attr]
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    meeting = _locked(meeting)
    _ensure_open(meeting)
    _check_item(meeting, data)
    who = signed_in_or_none(user)
    if item is None:
        last = meeting.items.aggregate(last=Max("position"))["last"] or 0
        item = AgendaItem(meeting=meeting, position=last + 1, created_by=who)
    else:
        item = AgendaItem.objects.get(pk=item.pk, meeting=meeting)
    item.title = data.title.strip()
    item.proposal = data.proposal.strip()
    item.presenter = data.presenter
    item.corrects = data.corrects
    item.forwarded_from = data.forwarded_from
    item.updated_by = who
    validate_for_save(item)
    item.save()
    return item


@transaction.atomic
def agenda_item_delete(*, user, item: AgendaItem) -> None:
    """Remove an item; those after it move up."""
    meeting = item.meeting
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    meeting = _locked(meeting)
    _ensure_open(meeting)
    if meeting.invited_at is not None and item.decision:
        raise ValidationError(_("The item has a decision in the minutes; it stays."))
    for document in item.documents.all():
        document.file.delete(save=False)
    AgendaItem.objects.filter(pk=item.pk).delete()
    for position, later in enumerate(meeting.items.order_by("position", "pk"), start=1):
        if later.position != position:
            AgendaItem.objects.filter(pk=later.pk).update(position=position)


@transaction.atomic
def agenda_document_add(*, user, item: AgendaItem, upload) -> AgendaDocument:
    """Attach a document to an agenda item: a PDF or an office file, checked by content."""
    meeting = item.meeting
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    _ensure_open(_locked(meeting))
    if item.documents.count() >= MAX_FILES:
        raise ValidationError(
            {"file": _("An item can have at most %(count)d documents.") % {"count": MAX_FILES}}
        )
    try:
        kind = checked_kind(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    name = upload.name.rsplit("/", 1)[-1][:200]
    document = AgendaDocument(
        item=item,
        name=name,
        content_type=kind.content_type,
        size=upload.size,
        created_by=signed_in_or_none(user),
    )
    upload.seek(0)
    document.file.save(f"document.{kind.extension}", upload, save=False)
    document.save()
    return document


@transaction.atomic
def agenda_document_remove(*, user, document: AgendaDocument) -> None:
    meeting = document.item.meeting
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    _ensure_open(_locked(meeting))
    document.file.delete(save=False)
    AgendaDocument.objects.filter(pk=document.pk).delete()


@transaction.atomic
def meeting_invite(*, user, meeting: Meeting, url: str) -> int:
    """Send the invitation with the agenda: the members see it, and those with an e-mail
    address get it by e-mail (a background task). How many addresses it goes to."""
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    meeting = _locked(meeting)
    _ensure_open(meeting)
    if not meeting.items.exists():
        raise ValidationError(_("Add the items of the agenda before sending the invitation."))
    if meeting.ends_at < timezone.now():
        raise ValidationError(_("The meeting is over; write its minutes instead."))
    meeting.invited_at = timezone.now()
    meeting.updated_by = signed_in_or_none(user)
    meeting.save(update_fields=["invited_at", "updated_by", "updated_at"])
    addresses = sorted({m.user.email for m in current_members(meeting.network) if m.user.email})
    if addresses:
        transaction.on_commit(lambda: meeting_invitation_mail.enqueue(meeting.pk, addresses, url))
    return len(addresses)


# --- The minutes ----------------------------------------------------------------------------------
@transaction.atomic
def minutes_save(
    *,
    user,
    meeting: Meeting,
    present: set[int],
    decisions: dict[int, str],
    loaded_version: str | None = None,
) -> Meeting:
    """Record who of the members were present (membership ids) and the decision of each
    agenda item (item id → text)."""
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    meeting = _locked(meeting, loaded_version)
    _ensure_open(meeting)
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("The minutes are written once the meeting has started."))
    members = {m.pk for m in members_on(meeting.network, timezone.localdate(meeting.starts_at))}
    if present - members:
        raise ValidationError({"present": _("Choose among the members of the network.")})
    items = {item.pk: item for item in meeting.items.all()}
    if set(decisions) - set(items):
        raise ValidationError(_("Record decisions of this meeting's agenda items."))
    Attendance.objects.filter(meeting=meeting).exclude(membership__in=members).delete()
    for membership_id in members:
        Attendance.objects.update_or_create(
            meeting=meeting,
            membership_id=membership_id,
            defaults={"present": membership_id in present},
        )
    who = signed_in_or_none(user)
    for item_id, text in decisions.items():
        item = items[item_id]
        if item.decision != text.strip():
            item.decision = text.strip()
            item.updated_by = who
            validate_for_save(item)
            item.save(update_fields=["decision", "updated_by", "updated_at"])
    meeting.updated_by = who
    meeting.save(update_fields=["updated_by", "updated_at"])
    return meeting


@transaction.atomic
def minutes_ready(*, user, meeting: Meeting) -> Meeting:
    """The secretary has written the minutes: the members read them, and the next meeting
    approves them."""
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    meeting = _locked(meeting)
    _ensure_open(meeting)
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("The minutes are written once the meeting has started."))
    if not meeting.attendance.exists():
        raise ValidationError(_("Record who were present first."))
    undecided = [item.title for item in meeting.items.all() if not item.decision]
    if undecided:
        raise ValidationError(
            _("Record a decision for every item: %(items)s.") % {"items": ", ".join(undecided)}
        )
    meeting.minutes_ready_at = timezone.now()
    meeting.updated_by = signed_in_or_none(user)
    meeting.save(update_fields=["minutes_ready_at", "updated_by", "updated_at"])
    return meeting


@transaction.atomic
def minutes_approve(*, user, meeting: Meeting, earlier: Meeting) -> Meeting:
    """The meeting approves the minutes of an earlier meeting: from now on they are frozen,
    and public where the network is."""
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    meeting = _locked(meeting)
    _ensure_open(meeting)
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Minutes are approved at a meeting that has started."))
    earlier = _locked(earlier)
    if not minutes_to_approve(meeting).filter(pk=earlier.pk).exists():
        raise ValidationError(
            {"earlier": _("Choose ready minutes of an earlier meeting of the network.")}
        )
    earlier.minutes_approved_at = timezone.now()
    earlier.minutes_approved_in = meeting
    earlier.updated_by = signed_in_or_none(user)
    earlier.save(
        update_fields=["minutes_approved_at", "minutes_approved_in", "updated_by", "updated_at"]
    )
    return earlier


# --- Action items and forwarded decisions ---------------------------------------------------------
@dataclass(frozen=True)
class ActionData:
    title: str
    owner: User
    due_on: date
    item: AgendaItem | None = None


@transaction.atomic
def action_item_add(*, user, meeting: Meeting, data: ActionData) -> ActionItem:
    """Record what a member agreed to do: it waits on their dashboard until done."""
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    meeting = _locked(meeting)
    _ensure_open(meeting)
    errors: dict[str, list[str]] = {}
    if not current_members(meeting.network).filter(user=data.owner).exists():
        errors["owner"] = [_("Choose a member of the network.")]
    if data.item is not None and data.item.meeting_id != meeting.pk:
        errors["item"] = [_("Choose an item of this meeting.")]
    if data.due_on < timezone.localdate(meeting.starts_at):
        errors["due_on"] = [_("The due date cannot be before the meeting.")]
    if errors:
        raise ValidationError(errors)
    who = signed_in_or_none(user)
    action = ActionItem(
        meeting=meeting,
        item=data.item,
        title=data.title.strip(),
        owner=data.owner,
        due_on=data.due_on,
        created_by=who,
        updated_by=who,
    )
    validate_for_save(action)
    action.save()
    return action


@transaction.atomic
def action_item_status(*, user, action_item: ActionItem, status: str) -> ActionItem:
    """The owner (or whoever runs the network) tells how far it is."""
    authorize(
        user,
        "networks.change_action_item",
        action_item,
        visible=(VISIBLE, action_item.meeting),
    )
    action = ActionItem.objects.select_for_update().get(pk=action_item.pk)
    if status not in ActionItemStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    action.status = status
    action.done_on = timezone.localdate() if status == ActionItemStatus.DONE else None
    action.updated_by = signed_in_or_none(user)
    action.save(update_fields=["status", "done_on", "updated_by", "updated_at"])
    return action


@transaction.atomic
def decision_forward(
    *, user, item: AgendaItem, to_network: Network | None, to_body: str, note: str
) -> Forward:
    """Send a decision on: to another network of the same municipality or county, or into
    the decision preparation of a body of the municipality. The receiver sees where it came
    from."""
    meeting = item.meeting
    authorize(user, "networks.run_meeting", meeting, visible=(VISIBLE, meeting))
    to_body = to_body.strip()
    errors: dict[str, list[str]] = {}
    if not item.decision:
        errors["__all__"] = [_("Record the decision before forwarding it.")]
    if (to_network is None) == (not to_body):
        errors["to_network"] = [_("Forward to a network or to a body, one of them.")]
    network = meeting.network
    if to_network is not None and (
        to_network.pk == network.pk
        or (to_network.municipality_id, to_network.wellbeing_county_id)
        != (network.municipality_id, network.wellbeing_county_id)
    ):
        errors["to_network"] = [_("Choose another network of the same municipality or county.")]
    if to_body and network.municipality_id is None:
        errors["to_body"] = [_("Only a municipality's network forwards to its bodies.")]
    if errors:
        raise ValidationError(errors)
    who = signed_in_or_none(user)
    forward = Forward(
        item=item,
        to_network=to_network,
        to_body=to_body,
        note=note.strip(),
        created_by=who,
        updated_by=who,
    )
    validate_for_save(forward)
    forward.save()
    return forward

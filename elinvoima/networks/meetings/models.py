"""A network's meetings (issue 16): the invitation with its agenda, the attendance and the
quorum, the minutes with a decision per item, the action items, and the approval of the
minutes at the next meeting. Approved minutes are frozen: a correction is a new decision at
a later meeting (`AgendaItem.corrects`). A decision can be forwarded to another network or
into a municipal body's decision preparation (`Forward`)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import User
from elinvoima.core.models import Tracked
from elinvoima.core.private_files import private_storage
from elinvoima.networks.enums import ActionItemStatus, MeetingLevel
from elinvoima.networks.models import Network, NetworkMembership


class Meeting(Tracked):
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    level = models.CharField(
        _("level"),
        max_length=16,
        choices=MeetingLevel.choices,
        default=MeetingLevel.LOCAL,
        help_text=_("A network project meets at local, regional and national level."),
    )
    guests = models.TextField(
        _("invited guests"),
        blank=True,
        help_text=_("Guests invited to this meeting who are not members, one a line."),
    )
    invited_at = models.DateTimeField(_("invitation sent"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    minutes_ready_at = models.DateTimeField(_("minutes ready"), null=True, blank=True)
    minutes_approved_at = models.DateTimeField(_("minutes approved"), null=True, blank=True)
    minutes_approved_in = models.ForeignKey(
        "self",
        verbose_name=_("minutes approved at"),
        on_delete=models.PROTECT,
        related_name="approved_minutes_of",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("The meeting must end after it starts."),
            )
        ]
        indexes = [models.Index(fields=["network", "starts_at"], name="meeting_network_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("networks:meeting", kwargs={"pk": self.pk})

    @property
    def minutes_are_approved(self) -> bool:
        return self.minutes_approved_at is not None


class AgendaItem(Tracked):
    """An item of the agenda: what is presented by whom, and in the minutes what was
    decided."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    title = models.CharField(_("title"), max_length=300)
    proposal = models.TextField(
        _("background and proposal"), blank=True, help_text=_("What is presented to the meeting.")
    )
    presenter = models.ForeignKey(
        User,
        verbose_name=_("presenter"),
        on_delete=models.SET_NULL,
        related_name="presented_agenda_items",
        null=True,
        blank=True,
    )
    decision = models.TextField(_("decision"), blank=True)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects the decision"),
        on_delete=models.PROTECT,
        related_name="corrections",
        null=True,
        blank=True,
        help_text=_("A correction to approved minutes is a new decision."),
    )
    forwarded_from = models.ForeignKey(
        "Forward",
        verbose_name=_("forwarded from"),
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "id"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class AgendaDocument(Tracked):
    """A document of an agenda item: a private file served after the meeting's permission."""

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    name = models.CharField(_("file name"), max_length=200)
    file = models.FileField(_("file"), storage=private_storage, upload_to="meetings/%Y/")
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return self.name


class Attendance(models.Model):
    """Who of the members was present, recorded with the minutes."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance"
    )
    membership = models.ForeignKey(
        NetworkMembership,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="attendance_unique")
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.membership.user}"


class ActionItem(Tracked):
    """Something a member agreed to do at a meeting: on the owner's dashboard until done."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        related_name="action_items",
        null=True,
        blank=True,
    )
    title = models.CharField(_("what is done"), max_length=300)
    owner = models.ForeignKey(
        User, verbose_name=_("who"), on_delete=models.PROTECT, related_name="action_items"
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=16, choices=ActionItemStatus.choices, default=ActionItemStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "status"], name="action_item_owner_status")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#action-{self.pk}"


class Forward(Tracked):
    """A decision sent on: to another network, or into the decision preparation of a body
    of the municipality (seed 000: "tiedonkulkua eri ikäkausiverkoston välillä ja
    verkostojen näkemyksien välittymistä myös kunnan päätöksenteon valmisteluun")."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="forwards"
    )
    to_network = models.ForeignKey(
        Network,
        verbose_name=_("to the network"),
        on_delete=models.CASCADE,
        related_name="forwards_received",
        null=True,
        blank=True,
    )
    to_body = models.CharField(
        _("to the body"),
        max_length=200,
        blank=True,
        help_text=_("A body of the municipality whose decision preparation it goes to."),
    )
    note = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("forwarded decision")
        verbose_name_plural = _("forwarded decisions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(to_network__isnull=False) & models.Q(to_body=""))
                | (models.Q(to_network__isnull=True) & ~models.Q(to_body="")),
                name="forward_one_receiver",
                violation_error_message=_("Forward to a network or to a body, one of them."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.item} → {self.to_network or self.to_body}"

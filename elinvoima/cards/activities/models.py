"""Activity reports (seed 000): the events, clubs, trips and other activities of an
association, with how many took part, how many of them were of the target group and how
many came from beyond the association's members (remote villages, summer residents, people
outside any association), the volunteers and their hours, and the sub-goals of the
municipality's cards the activity served. They feed the card, the association's annual
report and the council's summary per goal.

A recurring activity (a weekly club) is a `Club`: what does not change is kept there, so
that one meeting is reported in a few taps on a phone."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation, Village
from elinvoima.cards.enums import ActivityKind
from elinvoima.core.models import MAX_COUNT, CountField, Tracked, ends_after_it_starts, in_range
from elinvoima.strategy.models import Goal

MAX_HOURS = 100_000  # volunteer hours of one activity: a year's summer camp of many volunteers


class Club(Tracked):
    """A recurring activity of an association: a weekly club, a walking group."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="clubs",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="clubs",
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=16, choices=ActivityKind.choices, default=ActivityKind.CLUB
    )
    schedule = models.CharField(
        _("when it meets"),
        max_length=100,
        blank=True,
        help_text=_("For example: Tuesdays at 13."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    village = models.ForeignKey(
        Village,
        verbose_name=_("village"),
        on_delete=models.SET_NULL,
        related_name="clubs",
        null=True,
        blank=True,
    )
    sub_goals = models.ManyToManyField(
        Goal, verbose_name=_("goals it serves"), related_name="clubs", blank=True
    )
    volunteers = CountField(_("volunteers at a meeting"), default=0)
    volunteer_hours = models.DecimalField(
        _("volunteer hours of a meeting"), max_digits=7, decimal_places=1, default=0
    )
    is_active = models.BooleanField(_("meets now"), default=True)

    class Meta:
        verbose_name = _("club")
        verbose_name_plural = _("clubs")
        ordering = ["organisation", "name", "id"]
        constraints = [
            in_range("volunteers", 0, MAX_COUNT),
            in_range("volunteer_hours", 0, MAX_HOURS),
        ]

    def __str__(self) -> str:
        return self.name


class Activity(Tracked):
    """One activity an association reports: an event, a club meeting, a trip..."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    club = models.ForeignKey(
        Club,
        verbose_name=_("club"),
        on_delete=models.SET_NULL,
        related_name="meetings",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind.choices)
    name = models.CharField(_("what was done"), max_length=200)
    starts_on = models.DateField(_("date"))
    ends_on = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Only for an activity of many days.")
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    village = models.ForeignKey(
        Village,
        verbose_name=_("village"),
        on_delete=models.SET_NULL,
        related_name="activities",
        null=True,
        blank=True,
    )
    participants = CountField(_("participants"), default=0)
    in_target_group = CountField(_("of whom in the target group"), default=0)
    beyond_members = CountField(_("of whom not members of the association"), default=0)
    from_remote_villages = models.BooleanField(_("people from remote villages"), default=False)
    summer_residents = models.BooleanField(_("summer residents"), default=False)
    outside_associations = models.BooleanField(_("people outside any association"), default=False)
    volunteers = CountField(_("volunteers"), default=0)
    volunteer_hours = models.DecimalField(
        _("volunteer hours"), max_digits=7, decimal_places=1, default=0
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partners"),
        related_name="partner_activities",
        blank=True,
    )
    other_partners = models.CharField(
        _("other partners"),
        max_length=300,
        blank=True,
        help_text=_("For example: the parish, the village school."),
    )
    sub_goals = models.ManyToManyField(
        Goal, verbose_name=_("goals it served"), related_name="activities", blank=True
    )
    description = models.TextField(_("description"), blank=True)
    # Made by the form when it is opened: a form sent again after the connection dropped
    # (or twice by an impatient tap) finds the activity it already made.
    client_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["organisation", "starts_on"], name="activity_org_date"),
            models.Index(fields=["municipality", "starts_on"], name="activity_municipality_date"),
        ]
        constraints = [
            ends_after_it_starts("activity_ends_after_it_starts"),
            models.CheckConstraint(
                condition=models.Q(in_target_group__lte=models.F("participants"))
                & models.Q(beyond_members__lte=models.F("participants")),
                name="activity_counts_within_participants",
                violation_error_message=_(
                    "Those in the target group and those from beyond the members are "
                    "counted among the participants: neither can be more than all of them."
                ),
            ),
            models.UniqueConstraint(
                fields=["organisation", "client_key"],
                condition=models.Q(client_key__isnull=False),
                name="activity_sent_once",
            ),
            in_range("participants", 0, MAX_COUNT),
            in_range("in_target_group", 0, MAX_COUNT),
            in_range("beyond_members", 0, MAX_COUNT),
            in_range("volunteers", 0, MAX_COUNT),
            in_range("volunteer_hours", 0, MAX_HOURS),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on})"

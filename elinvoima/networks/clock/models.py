"""The annual clock (vuosikello, issue 16): a municipality's, a county's or a network's
events, meetings, decision processes, forums and hearings of residents, each in a month or
on dates, once or every year, with who is responsible and which groups are heard — so that
the clock is also the participation plan (seed 000: "Vuosikello on painotetusti samalla
osallisuussuunnitelma")."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, TargetGroup, WellbeingCounty
from elinvoima.actors.owners import Owned, one_owner_condition
from elinvoima.core.models import Tracked, YearField, ends_after_it_starts, filled, in_range
from elinvoima.networks.enums import CalendarItemKind, Recurrence
from elinvoima.networks.models import Network


class CalendarItem(Owned, Tracked):
    OWNER_FIELDS = ("municipality", "wellbeing_county", "network")

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="calendar_items",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.CASCADE,
        related_name="calendar_items",
        null=True,
        blank=True,
    )
    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="calendar_items",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=CalendarItemKind.choices)
    year = YearField(_("year"), help_text=_("For an item of every year: the first year."))
    month = models.PositiveSmallIntegerField(_("month"))
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    recurrence = models.CharField(
        _("recurrence"), max_length=8, choices=Recurrence.choices, default=Recurrence.ONCE
    )
    responsible = models.CharField(
        _("responsible"), max_length=200, blank=True, help_text=_("Who takes care of it.")
    )
    heard_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("groups heard"), related_name="calendar_items", blank=True
    )
    how_heard = models.CharField(
        _("how they are heard"),
        max_length=300,
        blank=True,
        help_text=_("For example: a survey, a village evening, the youth council."),
    )

    class Meta:
        verbose_name = _("annual clock item")
        verbose_name_plural = _("annual clock items")
        ordering = ["month", "starts_on", "title_fi", "id"]
        constraints = [
            models.CheckConstraint(
                condition=one_owner_condition("municipality", "wellbeing_county", "network"),
                name="calendar_item_one_owner",
            ),
            in_range("month", 1, 12),
            ends_after_it_starts("calendar_item_dates_in_order"),
            filled("title_fi"),
        ]
        indexes = [
            models.Index(fields=["municipality", "year"], name="calendar_item_municipality"),
            models.Index(fields=["network", "year"], name="calendar_item_network"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("networks:calendar-item-edit", kwargs={"pk": self.pk})

"""Help requests (seed 000: "kunta voi pyytää apua erilaisiin tilanteisiin"): the
municipality asks its associations for help in a situation — an event, a crisis, visiting
lonely elderly people in winter. A request says what, when, where and for whom; it goes to
the associations whose themes, villages or target groups fit; each answers with what it can
offer, and what was done is recorded as the association's activity."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation, TargetGroup, Theme, Village
from elinvoima.cards.activities.models import Activity
from elinvoima.cards.enums import HelpOfferState
from elinvoima.core.models import MAX_COUNT, CountField, Tracked, ends_after_it_starts, in_range
from elinvoima.strategy.models import Goal


class HelpRequest(Tracked):
    """What the municipality asks its associations to help with."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="help_requests",
    )
    title = models.CharField(_("what help is needed"), max_length=200)
    description = models.TextField(
        _("what it is about"),
        blank=True,
        help_text=_("What happens, and what the helpers would do."),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Only for help over many days.")
    )
    time = models.CharField(
        _("at what time"), max_length=100, blank=True, help_text=_("For example: mornings.")
    )
    place = models.CharField(_("where"), max_length=200, blank=True)
    for_whom = models.CharField(
        _("for whom"),
        max_length=200,
        blank=True,
        help_text=_("For example: elderly people living alone in the villages."),
    )
    helpers_needed = CountField(_("helpers needed"), null=True, blank=True)
    answer_by = models.DateField(_("answers by"))
    # Who the request is for: an association fits when it shares any of them (none: all).
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="help_requests", blank=True
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), related_name="help_requests", blank=True
    )
    villages = models.ManyToManyField(
        Village, verbose_name=_("villages"), related_name="help_requests", blank=True
    )
    sub_goals = models.ManyToManyField(
        Goal,
        verbose_name=_("goals it serves"),
        related_name="help_requests",
        blank=True,
        help_text=_("The help done is counted for these goals in the wellbeing cards."),
    )
    recipients = models.ManyToManyField(
        Organisation,
        verbose_name=_("sent to"),
        related_name="help_requests",
        blank=True,
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["municipality", "starts_on"], name="help_request_municipality"),
        ]
        constraints = [
            ends_after_it_starts("help_request_ends_after_it_starts"),
            in_range("helpers_needed", 0, MAX_COUNT),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None


class HelpOffer(Tracked):
    """What one association can offer for a request; then what was done (its activity)."""

    request = models.ForeignKey(
        HelpRequest,
        verbose_name=_("help request"),
        on_delete=models.CASCADE,
        related_name="offers",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="help_offers",
    )
    text = models.TextField(
        _("what we can offer"), help_text=_("For example: two volunteers on Saturdays.")
    )
    helpers = CountField(_("how many helpers"), default=1)
    state = models.CharField(
        _("state"), max_length=16, choices=HelpOfferState.choices, default=HelpOfferState.OFFERED
    )
    reply = models.TextField(_("the municipality's reply"), blank=True)
    activity = models.OneToOneField(
        Activity,
        verbose_name=_("what was done"),
        on_delete=models.SET_NULL,
        related_name="help_offer",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("help offer")
        verbose_name_plural = _("help offers")
        ordering = ["request", "organisation__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "organisation"], name="help_offer_one_per_association"
            ),
            in_range("helpers", 0, MAX_COUNT),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.request}"

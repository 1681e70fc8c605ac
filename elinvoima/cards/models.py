"""Wellbeing cards (hyvinvointikortit, seed 000, the Utajärvi model): each year the
municipality's management group decides which strategic goals of its welfare plan the
associations are asked to answer; the decision makes one card per goal, and each invited
association answers per sub-goal "What do we do?" and "How do we succeed?".

A card names the plan's goal and reads its sub-goals from the plan, so the card never
drifts from the plan: nothing of the goal is copied."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.cards.enums import ResponseState
from elinvoima.core.models import Timestamped, Tracked, YearField, filled, years_in_range
from elinvoima.strategy.models import Goal, Plan


class CardDecision(Tracked):
    """The yearly decision ("kunnan johtoryhmä määrittää vuosittain"): which strategic goals
    of which plan the associations are asked to answer in a year."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="card_decisions",
    )
    year = YearField(_("year"))
    body = models.CharField(_("decided by"), max_length=200)
    decided_on = models.DateField(_("date of decision"))
    reference = models.CharField(_("minutes reference"), max_length=100, blank=True)
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("welfare plan"),
        on_delete=models.PROTECT,
        related_name="card_decisions",
    )
    goals = models.ManyToManyField(
        Goal, verbose_name=_("strategic goals"), related_name="card_decisions"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("card decision")
        verbose_name_plural = _("card decisions")
        ordering = ["-year", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year"],
                name="card_decision_one_per_year",
                violation_error_message=_("The cards of this year have been decided already."),
            ),
            *years_in_range("year"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}"


class CardTemplate(Tracked):
    """One card of a year: a strategic goal of the plan (e.g. Ikäihmiset-kortti, "Aktiivinen
    ja turvallinen ikääntyminen"), open for answers between two dates, to the invited
    organisations. Its rows are the goal's sub-goals (the goal itself when it has none)."""

    decision = models.ForeignKey(
        CardDecision,
        verbose_name=_("decision"),
        on_delete=models.CASCADE,
        related_name="templates",
    )
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("strategic goal"),
        on_delete=models.PROTECT,
        related_name="card_templates",
    )
    name = models.CharField(_("name of the card"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    opens_on = models.DateField(_("open for answers from"))
    closes_on = models.DateField(_("open for answers until"))
    invited = models.ManyToManyField(
        Organisation,
        verbose_name=_("invited organisations"),
        related_name="card_invitations",
        blank=True,
    )

    class Meta:
        verbose_name = _("wellbeing card")
        verbose_name_plural = _("wellbeing cards")
        ordering = ["decision", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "goal"], name="card_template_one_per_goal"),
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="card_template_closes_after_opening",
                violation_error_message=_("The card cannot close before it opens."),
            ),
            filled("name_fi"),
        ]

    def __str__(self) -> str:
        return str(self.name)


class CardResponse(Tracked):
    """An organisation's answer to a card: its draft, sent, or accepted by the municipality
    (then public). One per organisation and card."""

    template = models.ForeignKey(
        CardTemplate,
        verbose_name=_("card"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="card_responses",
    )
    state = models.CharField(
        _("state"), max_length=16, choices=ResponseState.choices, default=ResponseState.DRAFT
    )
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("card answer")
        verbose_name_plural = _("card answers")
        ordering = ["template", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "organisation"], name="card_response_one_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.template}"


class CardAnswer(models.Model):
    """The answer of one row (a sub-goal) of a card."""

    response = models.ForeignKey(
        CardResponse, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="answers"
    )
    sub_goal = models.ForeignKey(
        Goal, verbose_name=_("sub-goal"), on_delete=models.PROTECT, related_name="card_answers"
    )
    what_we_do = models.TextField(_("What do we do?"), blank=True)
    how_we_succeed = models.TextField(_("How do we succeed?"), blank=True)

    class Meta:
        verbose_name = _("answer of a sub-goal")
        verbose_name_plural = _("answers of sub-goals")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "sub_goal"], name="card_answer_one_per_row"
            ),
        ]

    def __str__(self) -> str:
        return str(self.sub_goal)


class CardComment(Timestamped):
    """The municipality's comment on an organisation's answer."""

    response = models.ForeignKey(
        CardResponse, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    text = models.TextField(_("comment"))

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class CardReminder(models.Model):
    """A reminder e-mail sent to an invited organisation that had not answered a card: at
    most one a day (the unique key makes a second sending of the same day a no-op)."""

    template = models.ForeignKey(
        CardTemplate, verbose_name=_("card"), on_delete=models.CASCADE, related_name="reminders"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="card_reminders",
    )
    sent_on = models.DateField(_("sent on"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["template", "organisation", "sent_on"], name="card_reminder_once_a_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.template} {self.sent_on}"


from elinvoima.cards.activities.models import Activity, Club  # noqa: E402,F401
from elinvoima.cards.annual.models import AnnualDocument, AnnualSection  # noqa: E402,F401
from elinvoima.cards.community.models import CommunityCard, CommunitySummary  # noqa: E402,F401
from elinvoima.cards.help.models import HelpOffer, HelpRequest  # noqa: E402,F401

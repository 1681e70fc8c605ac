"""The goal tracking card of seed 001 (Päijät-Häme): one per goal, updated in four-month
periods. Every period's update is kept, so the card's history stays visible."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.core.models import YearField, updated_by_field, years_in_range
from elinvoima.strategy.enums import StatusLevel, Tertial


class GoalCard(models.Model):
    goal = models.OneToOneField(
        "strategy.Goal", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="card"
    )
    goal_indicator = models.ForeignKey(
        "strategy.GoalIndicator",
        verbose_name=_("indicator"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    data_content = models.TextField(
        _("data content of the indicator"),
        blank=True,
        help_text=_("What the indicator tells and of whom."),
    )
    intermediate_year = YearField(_("latest follow-up year"), null=True, blank=True)
    intermediate_value = models.FloatField(_("latest follow-up value"), null=True, blank=True)
    partners = models.TextField(_("partners"), blank=True)
    dependencies = models.TextField(
        _("dependencies"), blank=True, help_text=_("Plans, programmes and rules the goal hangs on.")
    )
    dependent_plans = models.ManyToManyField(
        "strategy.Plan", verbose_name=_("linked plans"), related_name="+", blank=True
    )
    follow_up_sources = models.TextField(
        _("follow-up data sources"), blank=True, help_text=_("One per line.")
    )
    updated_by = updated_by_field()
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("goal tracking card")
        verbose_name_plural = _("goal tracking cards")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(intermediate_value__isnull=True)
                | models.Q(intermediate_year__isnull=False),
                name="goal_card_intermediate_has_year",
                violation_error_message=_("A follow-up value needs its year."),
            ),
            *years_in_range("intermediate_year"),
        ]

    def __str__(self) -> str:
        return str(self.goal)

    def get_absolute_url(self) -> str:
        return reverse("strategy:goal-card", kwargs={"pk": self.goal_id})


class GoalCardTask(models.Model):
    """A task of the goal's sub-goals with its schedule ("Alatavoitteisiin liittyvät
    tehtävät ja aikataulu")."""

    card = models.ForeignKey(
        GoalCard,
        verbose_name=_("goal tracking card"),
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    text = models.CharField(_("task"), max_length=500)
    schedule = models.CharField(_("schedule"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class GoalCardUpdate(models.Model):
    """The card in one four-month period: overall status with its reasons, what was achieved
    in the last four months and what is planned for the next, risks and observations."""

    card = models.ForeignKey(
        GoalCard,
        verbose_name=_("goal tracking card"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    year = YearField(_("year"))
    tertial = models.PositiveSmallIntegerField(_("period"), choices=Tertial.choices)
    status = models.PositiveSmallIntegerField(_("overall status"), choices=StatusLevel.choices)
    status_reasons = models.TextField(_("reasons for the status"))
    achieved = models.TextField(_("achieved in the last four months"), blank=True)
    planned = models.TextField(_("planned for the next four months"), blank=True)
    risks = models.TextField(_("risks and observations"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("goal tracking card update")
        verbose_name_plural = _("goal tracking card updates")
        ordering = ["-year", "-tertial"]
        constraints = [
            models.UniqueConstraint(
                fields=["card", "year", "tertial"],
                name="goal_card_update_one_per_period",
                violation_error_message=_("This period already has an update; edit it instead."),
            ),
            *years_in_range("year"),
        ]

    def __str__(self) -> str:
        return f"{self.card} {self.year}/{self.tertial}"

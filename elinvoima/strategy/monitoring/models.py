"""Following a plan through: its logic model, the joy and worry lists, the yearly
evaluation report with recommendations to networks (Vaala, seed 000) and the annual hyte
negotiations between a county and its municipalities (Päijät-Häme, seed 001)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.core.models import MAX_COUNT, CountField, YearField, in_range, years_in_range
from elinvoima.indicators.models import Indicator
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import ConcernKind, LogicLevel


class LogicModelEntry(models.Model):
    """One box of a plan's logic model: input → output → outcome → impact."""

    plan = models.ForeignKey(
        "strategy.Plan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="logic_model",
    )
    level = models.CharField(_("level"), max_length=16, choices=LogicLevel.choices)
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    goals = models.ManyToManyField(
        "strategy.Goal", verbose_name=_("goals"), related_name="logic_entries", blank=True
    )
    measures = models.ManyToManyField(
        "strategy.Measure", verbose_name=_("measures"), related_name="logic_entries", blank=True
    )
    indicators = models.ManyToManyField(
        Indicator, verbose_name=_("indicators"), related_name="+", blank=True
    )

    class Meta:
        verbose_name = _("logic model entry")
        verbose_name_plural = _("logic model entries")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class PlanConcern(models.Model):
    """A cause for joy or worry (ilon ja huolen aihe) of a plan period, checked against
    the indicators named with it."""

    plan = models.ForeignKey(
        "strategy.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="concerns"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=ConcernKind.choices)
    text = models.CharField(_("text"), max_length=500)
    explanation = models.TextField(_("explanation"), blank=True)
    indicators = models.ManyToManyField(
        Indicator, verbose_name=_("indicators"), related_name="+", blank=True
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("cause for joy or worry")
        verbose_name_plural = _("causes for joy or worry")
        ordering = ["kind", "position", "id"]

    def __str__(self) -> str:
        return self.text


class EvaluationReport(models.Model):
    """The yearly monitoring and evaluation report of a plan (seed 000: Vaala's report
    gives recommendations to the age-group networks)."""

    plan = models.ForeignKey(
        "strategy.Plan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="evaluation_reports",
    )
    year = YearField(_("year"))
    summary = models.TextField(_("summary"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("evaluation report")
        verbose_name_plural = _("evaluation reports")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year"],
                name="evaluation_report_one_per_year",
                violation_error_message=_("This plan already has an evaluation report that year."),
            ),
            *years_in_range("year"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} {self.year}"


class Recommendation(models.Model):
    report = models.ForeignKey(
        EvaluationReport,
        verbose_name=_("evaluation report"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    network = models.ForeignKey(
        Network,
        verbose_name=_("addressed to"),
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    text = models.TextField(_("recommendation"))
    response = models.TextField(_("the network's response"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class HyteNegotiation(models.Model):
    """The annual hyte negotiations of a county with its municipalities (seed 001: the
    first on 17 Aug 2023, 49 participants, a pre-assignment, a summary that grounds the
    next year's work)."""

    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        related_name="hyte_negotiations",
    )
    held_on = models.DateField(_("date"))
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="hyte_negotiations"
    )
    participant_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("participating organisations"),
        related_name="hyte_negotiations",
        blank=True,
    )
    participant_count = CountField(_("participants"), null=True, blank=True)
    pre_assignment = models.TextField(_("pre-assignment"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    agreed_priorities = models.TextField(
        _("agreed priorities"), blank=True, help_text=_("One per line.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("hyte negotiation")
        verbose_name_plural = _("hyte negotiations")
        ordering = ["-held_on"]
        constraints = [in_range("participant_count", 0, MAX_COUNT)]

    def __str__(self) -> str:
        return f"{self.wellbeing_county} {self.held_on}"

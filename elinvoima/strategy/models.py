"""Strategy and welfare plans: a plan's priority areas (hyte-kärjet), goals and sub-goals,
the indicators that follow them, and the measures (toimenpiteet) that carry them out.

A plan belongs to a municipality, a wellbeing services county or a network. It goes
through evaluation → planning → decision-making → approved; an approved version is frozen,
and the next version starts as a copy of it (same `lineage`, `version` + 1).
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation, TargetGroup, WellbeingCounty
from elinvoima.actors.owners import Owned, one_owner_condition
from elinvoima.core.models import YearField, filled, updated_by_field, years_in_range
from elinvoima.indicators.models import Indicator, IndicatorSet, Region
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import (
    APPROVAL_CHAINS,
    DecisionBody,
    DecisionOutcome,
    Direction,
    MeasureStatus,
    PlanKind,
    PlanState,
    TargetComparison,
    Tertial,
)


class Plan(Owned):
    OWNER_FIELDS = ("municipality", "wellbeing_county", "network")

    lineage = models.UUIDField(
        _("lineage"), default=uuid.uuid4, editable=False, help_text=_("Shared by all versions.")
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous_version = models.OneToOneField(
        "self",
        verbose_name=_("previous version"),
        on_delete=models.PROTECT,
        related_name="next_version",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=32, choices=PlanKind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="plans",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        related_name="plans",
        null=True,
        blank=True,
    )
    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="plans",
        null=True,
        blank=True,
    )
    start_year = YearField(_("first year"))
    end_year = YearField(_("last year"))
    state = models.CharField(
        _("state"), max_length=16, choices=PlanState.choices, default=PlanState.PLANNING
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    indicator_sets = models.ManyToManyField(
        IndicatorSet, verbose_name=_("indicator sets"), related_name="plans", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = updated_by_field()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-start_year", "title", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=one_owner_condition("municipality", "wellbeing_county", "network"),
                name="plan_one_owner",
            ),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="plan_years_in_order",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
            models.UniqueConstraint(fields=["lineage", "version"], name="plan_version_unique"),
            *years_in_range("start_year", "end_year"),
            filled("title_fi"),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.start_year}–{self.end_year}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:plan-detail", kwargs={"pk": self.pk})

    def same_owner_q(self) -> models.Q:
        """Plans of this plan's owner: `owned_by_q` without loading the owner."""
        kind = self.owner_kind
        return models.Q(**{f"{kind}_id": getattr(self, f"{kind}_id")})

    @property
    def area(self) -> tuple[str, int]:
        """The municipality or wellbeing services county whose area the plan covers, as its
        owner field and id: the plan's owner, or the owner of the plan's network."""
        holder: Owned = self.network if self.owner_kind == "network" else self
        kind = holder.owner_kind
        return kind, getattr(holder, f"{kind}_id")

    @property
    def approval_chain(self) -> tuple[str, ...]:
        return APPROVAL_CHAINS[self.owner_kind]

    @property
    def is_frozen(self) -> bool:
        return self.state == PlanState.APPROVED


class PlanDecision(models.Model):
    """One step of a plan's approval chain: the body, its decision and the date."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="decisions"
    )
    body = models.CharField(_("decision-making body"), max_length=32, choices=DecisionBody.choices)
    outcome = models.CharField(_("decision"), max_length=16, choices=DecisionOutcome.choices)
    decided_on = models.DateField(_("date of decision"))
    reference = models.CharField(
        _("minutes reference"), max_length=200, blank=True, help_text=_("For example: § 45.")
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan decision")
        verbose_name_plural = _("plan decisions")
        ordering = ["decided_on", "recorded_at"]

    def __str__(self) -> str:
        return f"{self.get_body_display()}: {self.get_outcome_display()} {self.decided_on}"


class PriorityArea(models.Model):
    """A priority area of a plan (hyte-kärki), e.g. "Osallisuus ja yhteisöllisyys"."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="priority_areas"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    networks = models.ManyToManyField(
        Network,
        verbose_name=_("networks that answer for it"),
        related_name="priority_areas",
        blank=True,
        help_text=_(
            "For example Vaala's age-group networks: each records the measures it agreed for "
            "its area."
        ),
    )

    class Meta:
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        ordering = ["position", "id"]
        constraints = [filled("title_fi")]

    def __str__(self) -> str:
        return self.title


class Goal(models.Model):
    """A goal of a priority area, or a sub-goal of a goal (`parent`)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="goals"
    )
    priority_area = models.ForeignKey(
        PriorityArea,
        verbose_name=_("priority area"),
        on_delete=models.CASCADE,
        related_name="goals",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent goal"),
        on_delete=models.PROTECT,
        related_name="sub_goals",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    owner_names = models.CharField(
        _("owners"),
        max_length=300,
        blank=True,
        help_text=_("The people who own the goal, for example: Johanna Huttunen, Marja Koivisto."),
    )
    owner_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owners with an account"),
        related_name="owned_goals",
        blank=True,
        help_text=_("They can update the goal tracking card."),
    )
    owner_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("owner organisations"), related_name="owned_goals", blank=True
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("age groups"), related_name="goals", blank=True
    )
    indicator_sets = models.ManyToManyField(
        IndicatorSet, verbose_name=_("indicator sets"), related_name="goals", blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = updated_by_field()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["position", "id"]
        constraints = [filled("title_fi")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The goal in its plan's one-page view."""
        return reverse("strategy:plan-detail", kwargs={"pk": self.plan_id}) + f"#goal-{self.pk}"


class GoalIndicator(models.Model):
    """An indicator that follows a goal: baseline (year, value), target (year, value) and
    the desired direction. Seed 001: 24.8 % (2021) → target < 24 % (2025)."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="goal_indicators"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="goal_links"
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text=_("Whose figures are followed; by default the plan's own area."),
    )
    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices)
    baseline_year = YearField(_("baseline year"), null=True, blank=True)
    baseline_value = models.FloatField(_("baseline value"), null=True, blank=True)
    target_year = YearField(_("target year"), null=True, blank=True)
    target_comparison = models.CharField(
        _("target comparison"),
        max_length=2,
        choices=TargetComparison.choices,
        default=TargetComparison.ABOUT,
    )
    target_value = models.FloatField(_("target value"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("goal indicator")
        verbose_name_plural = _("goal indicators")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(baseline_value__isnull=True)
                | models.Q(baseline_year__isnull=False),
                name="goal_indicator_baseline_has_year",
                violation_error_message=_("A baseline value needs its year."),
            ),
            models.CheckConstraint(
                condition=models.Q(target_value__isnull=True) | models.Q(target_year__isnull=False),
                name="goal_indicator_target_has_year",
                violation_error_message=_("A target needs the year by which it is reached."),
            ),
            *years_in_range("baseline_year", "target_year"),
        ]

    def __str__(self) -> str:
        return str(self.indicator)


class Measure(models.Model):
    """A measure (toimenpide) of a goal: what is done, by whom, with what, when."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="measures"
    )
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        on_delete=models.PROTECT,  # a goal with measures is never deleted silently
        related_name="measures",
    )
    title = models.CharField(_("what is done"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    implementers = models.ManyToManyField(
        Organisation,
        verbose_name=_("implementers"),
        related_name="measures",
        blank=True,
        help_text=_("Organisations, associations and county units that carry it out."),
    )
    responsible_names = models.CharField(_("responsible people"), max_length=300, blank=True)
    resources = models.TextField(_("resources"), blank=True)
    budget = models.DecimalField(
        _("budget (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    expected_output = models.TextField(_("expected output"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    agreed_by = models.ForeignKey(
        Network,
        verbose_name=_("agreed by the network"),
        on_delete=models.SET_NULL,
        related_name="agreed_measures",
        null=True,
        blank=True,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = updated_by_field()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["position", "id"]
        constraints = [
            filled("title_fi"),
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="measure_dates_in_order",
                violation_error_message=_("The measure cannot end before it starts."),
            ),
        ]
        indexes = [models.Index(fields=["plan", "goal"], name="measure_plan_goal")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("strategy:measure-detail", kwargs={"pk": self.pk})


class MeasureReport(models.Model):
    """How a measure was realised in a reporting period, told by one of its implementers
    (an association reports its own part) or by the plan's coordinator."""

    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="reports"
    )
    year = YearField(_("year"))
    tertial = models.PositiveSmallIntegerField(_("period"), choices=Tertial.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("reported for"),
        on_delete=models.PROTECT,
        related_name="measure_reports",
        help_text=_("The implementer whose part this is, or the plan owner's organisation."),
    )
    status = models.CharField(_("status"), max_length=16, choices=MeasureStatus.choices)
    realisation = models.TextField(_("what was done"))
    notes = models.TextField(_("notes"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    reported_at = models.DateTimeField(_("reported"), auto_now=True)

    class Meta:
        verbose_name = _("measure report")
        verbose_name_plural = _("measure reports")
        ordering = ["-year", "-tertial", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "year", "tertial", "organisation"],
                name="measure_report_one_per_period",
                violation_error_message=_("This period has already been reported."),
            ),
            *years_in_range("year"),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.year}/{self.tertial}"


from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardTask, GoalCardUpdate  # noqa: E402,F401
from elinvoima.strategy.monitoring.models import (  # noqa: E402,F401
    EvaluationReport,
    HyteNegotiation,
    LogicModelEntry,
    PlanConcern,
    Recommendation,
)

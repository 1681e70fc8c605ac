"""Ex-ante impact assessment (EVA) of a decision being prepared (seed 000: Utajärvi's
vitality group supports decision preparation with it; seed 001: the county's hyte unit
assesses its decisions): the proposal, the groups it affects, its expected effects on the
domains of wellbeing and on the welfare plan's goals, the alternatives, the residents' and
associations' views collected for it, and a summary attached to the decision. The child
impact assessment variant adds its own questions. An assessment is public once the
decision is."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.owners import Owned, one_owner_condition
from elinvoima.core.models import Tracked, filled
from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.practices.enums import AffectedGroup, AssessmentKind, AssessmentState, Effect
from elinvoima.practices.hearings.models import Consultation, HearingRecord
from elinvoima.strategy.models import Goal, Plan

# The child impact assessment's questions: field name → question (the texts are in
# assessments/checklist.py with the checklist that asks them).
CHILD_FIELDS = (
    "child_best_interest",
    "child_rights",
    "child_groups",
    "child_heard",
    "child_follow_up",
)


class Assessment(Owned, Tracked):
    OWNER_FIELDS = ("municipality", "wellbeing_county")

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="impact_assessments",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.CASCADE,
        related_name="impact_assessments",
        null=True,
        blank=True,
    )
    kind = models.CharField(
        _("kind"), max_length=8, choices=AssessmentKind.choices, default=AssessmentKind.EVA
    )
    title = models.CharField(_("decision being prepared"), max_length=300)
    proposal = models.TextField(_("proposal"), blank=True)
    deciding_body = models.CharField(
        _("who decides"), max_length=200, blank=True, help_text=_("For example: the council.")
    )
    decision_due = models.DateField(_("to be decided by"), null=True, blank=True)
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("welfare plan"),
        on_delete=models.SET_NULL,
        related_name="impact_assessments",
        null=True,
        blank=True,
    )
    alternatives = models.TextField(
        _("alternatives"),
        blank=True,
        help_text=_("The other ways considered, doing nothing included, and their effects."),
    )
    views_summary = models.TextField(
        _("what residents and associations said"),
        blank=True,
        help_text=_("A summary of the views collected for this decision."),
    )
    summary = models.TextField(
        _("summary for the decision"),
        blank=True,
        help_text=_("Attached to the decision: the main effects and how they were weighed."),
    )
    child_best_interest = models.TextField(_("the best interest of the child"), blank=True)
    child_rights = models.TextField(_("children's rights and services"), blank=True)
    child_groups = models.TextField(_("different children"), blank=True)
    child_heard = models.TextField(_("how children and young people were heard"), blank=True)
    child_follow_up = models.TextField(_("following the effects on children"), blank=True)
    consultations = models.ManyToManyField(
        Consultation,
        verbose_name=_("resident consultations"),
        related_name="assessments",
        blank=True,
    )
    hearings = models.ManyToManyField(
        HearingRecord,
        verbose_name=_("hearings in person"),
        related_name="assessments",
        blank=True,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision = models.CharField(
        _("decision"),
        max_length=300,
        blank=True,
        help_text=_("Who decided what, and the minutes' section: Council 12.3.2027 § 45."),
    )
    state = models.CharField(
        _("state"), max_length=16, choices=AssessmentState.choices, default=AssessmentState.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("ex-ante impact assessment")
        verbose_name_plural = _("ex-ante impact assessments")
        ordering = ["-created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=one_owner_condition("municipality", "wellbeing_county"),
                name="assessment_one_owner",
            ),
            filled("title"),
            models.CheckConstraint(
                condition=models.Q(state=AssessmentState.DRAFT)
                | (models.Q(decided_on__isnull=False) & ~models.Q(summary="")),
                name="assessment_published_after_decision",
                violation_error_message=_(
                    "An assessment is published once the decision is made, with its summary."
                ),
            ),
        ]
        indexes = [models.Index(fields=["state", "decided_on"], name="assessment_published")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:assessment", kwargs={"pk": self.pk})


class ExpectedEffect(models.Model):
    """Which way the decision is expected to move one thing (a group's life, a domain of
    wellbeing, a goal), and how."""

    effect = models.CharField(_("expected effect"), max_length=8, choices=Effect.choices)
    description = models.TextField(_("how"), blank=True)

    class Meta:
        abstract = True


class GroupEffect(ExpectedEffect):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="group_effects"
    )
    group = models.CharField(_("group"), max_length=16, choices=AffectedGroup.choices)

    class Meta:
        verbose_name = _("effect on a group")
        verbose_name_plural = _("effects on groups")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "group"], name="assessment_group_once")
        ]

    def __str__(self) -> str:
        return self.get_group_display()


class DomainEffect(ExpectedEffect):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="domain_effects"
    )
    domain = models.CharField(_("domain"), max_length=32, choices=ExperientialDomain.choices)

    class Meta:
        verbose_name = _("effect on a domain of wellbeing")
        verbose_name_plural = _("effects on the domains of wellbeing")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "domain"], name="assessment_domain_once")
        ]

    def __str__(self) -> str:
        return self.get_domain_display()


class GoalEffect(ExpectedEffect):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="goal_effects"
    )
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="assessed_effects"
    )

    class Meta:
        verbose_name = _("effect on a goal")
        verbose_name_plural = _("effects on goals")
        ordering = ["goal__position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "goal"], name="assessment_goal_once")
        ]

    def __str__(self) -> str:
        return str(self.goal)

"""Review and decision of grant applications (issue 15): the round's reviewers score each
submitted application against the round's criteria and goals, with comments; a reviewer who
is conflicted (esteellinen) declares it and no longer sees or scores that application; the
coordinators record the decision — granted amount, conditions, reasons, payment and the
grant report's due date — and publish the round's decisions together."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.core.models import Tracked
from elinvoima.grants.applications.models import MAX_AMOUNT, GrantApplication
from elinvoima.strategy.models import Goal

MAX_POINTS = 5  # the scale of the scores: 0 (not at all) to 5 (excellently)
CENT = Decimal("0.01")


def _points_in_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{name}__gte": 0, f"{name}__lte": MAX_POINTS}),
        name=f"%(class)s_{name}_in_range",
        violation_error_message=_("Give 0 to 5 points."),
    )


class ConflictOfInterest(models.Model):
    """A reviewer's or coordinator's declaration that they are conflicted in one
    application (hallintolaki 28 §: esteellisyys): from then on they do not see, score or
    decide it."""

    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="conflicts"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "person"], name="conflict_of_interest_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.application}"


class Review(models.Model):
    """One reviewer's scores of one application: against the round's written criteria and
    against each of its goals, 0–5 points, with a comment. Other reviewers do not see it;
    the coordinators do."""

    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    criteria_points = models.PositiveSmallIntegerField(_("points for the round's criteria"))
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["application", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="review_once"),
            _points_in_range("criteria_points"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} – {self.application}"

    @property
    def mean_points(self) -> Decimal:
        """The mean of the review's points, the criteria's and the goals' (its goal scores
        prefetched where many reviews are shown)."""
        points = [self.criteria_points, *(score.points for score in self.goal_scores.all())]
        return (Decimal(sum(points)) / len(points)).quantize(CENT)


class GoalScore(models.Model):
    """How well the application serves one of the round's goals, in one reviewer's view."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="goal_scores")
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="+"
    )
    points = models.PositiveSmallIntegerField(_("points"))

    class Meta:
        verbose_name = _("score for a goal")
        verbose_name_plural = _("scores for goals")
        constraints = [
            models.UniqueConstraint(fields=["review", "goal"], name="goal_score_once"),
            _points_in_range("points"),
        ]

    def __str__(self) -> str:
        return f"{self.goal}: {self.points}"


class GrantDecision(Tracked):
    """The municipality's decision on an application (CiviGrant's granted, paid, report
    due and received): the amount, its conditions and the reasons — also for a grant of 0
    euros, which is a refusal. The applicant and the public read it once the round's
    decisions are published."""

    application = models.OneToOneField(
        GrantApplication, on_delete=models.CASCADE, related_name="decision"
    )
    granted_amount = models.DecimalField(_("granted (euros)"), max_digits=10, decimal_places=2)
    conditions = models.TextField(_("conditions"), blank=True)
    reasons = models.TextField(_("reasons"))
    pay_on = models.DateField(_("to be paid on"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    report_due_on = models.DateField(_("grant report due on"), null=True, blank=True)

    class Meta:
        verbose_name = _("grant decision")
        verbose_name_plural = _("grant decisions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(granted_amount__gte=0, granted_amount__lte=MAX_AMOUNT),
                name="grant_decision_amount_in_range",
                violation_error_message=_("Give an amount of 0 to 10,000,000 euros."),
            )
        ]

    def __str__(self) -> str:
        return str(self.application)

    @property
    def is_granted(self) -> bool:
        return self.granted_amount > 0

"""Grant rounds (issue 15): a municipality's call for grant applications, tied to the goals
of its welfare plan and the wellbeing cards the associations answer (seed 000: "Yhdistyksille
myönnettävissä avustuksissa huomioidaan yhdistysten sitoutuminen kunnan tavoitteisiin").
A round is the municipality's draft until it is published; then everyone reads it."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality
from elinvoima.cards.models import CardTemplate
from elinvoima.core.models import Tracked, filled
from elinvoima.grants.enums import GrantKind
from elinvoima.strategy.models import Goal

MAX_BUDGET = 100_000_000  # euros: more than any municipality's grants of a year


class GrantRound(Tracked):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="grant_rounds",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=GrantKind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    budget = models.DecimalField(_("budget (euros)"), max_digits=11, decimal_places=2)
    period_starts_on = models.DateField(_("grants for the period from"))
    period_ends_on = models.DateField(_("grants for the period until"))
    opens_on = models.DateField(_("applications from"))
    closes_on = models.DateField(_("applications until"))
    eligibility = models.TextField(
        _("who may apply"),
        blank=True,
        help_text=_("For example: registered associations working in the municipality."),
    )
    criteria = models.TextField(
        _("criteria"),
        blank=True,
        help_text=_("How the applications are weighed, besides the goals below."),
    )
    attachments_asked = models.TextField(
        _("attachments asked for"),
        blank=True,
        help_text=_(
            "For example: the action plan and the budget of the year. An application is "
            "submitted with at least one attachment when the round asks for them."
        ),
    )
    goals = models.ManyToManyField(
        Goal,
        verbose_name=_("goals of the welfare plan"),
        related_name="grant_rounds",
        blank=True,
        help_text=_("An application shows how the association works for them."),
    )
    card_templates = models.ManyToManyField(
        CardTemplate,
        verbose_name=_("wellbeing cards"),
        related_name="grant_rounds",
        blank=True,
        help_text=_("The association's answers to these cards are shown with its application."),
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewers"),
        related_name="grant_rounds_to_review",
        blank=True,
        help_text=_("They score the submitted applications against the criteria and goals."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    decisions_published_at = models.DateTimeField(_("decisions published"), null=True, blank=True)

    class Meta:
        verbose_name = _("grant round")
        verbose_name_plural = _("grant rounds")
        ordering = ["-opens_on", "-id"]
        constraints = [
            filled("name_fi"),
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="grant_round_closes_after_opening",
                violation_error_message=_("Applications cannot close before they open."),
            ),
            models.CheckConstraint(
                condition=models.Q(period_ends_on__gte=models.F("period_starts_on")),
                name="grant_round_period_in_order",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(budget__gte=0, budget__lte=MAX_BUDGET),
                name="grant_round_budget_in_range",
                violation_error_message=_("Give a budget of 0 to 100,000,000 euros."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.name)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def decisions_are_published(self) -> bool:
        return self.decisions_published_at is not None


class RoundQuestion(models.Model):
    """A question of the round's own that every application answers (issue 15: "form
    questions"), in Finnish and Swedish."""

    grant_round = models.ForeignKey(GrantRound, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    text_fi = models.CharField(_("question in Finnish"), max_length=500)
    text_sv = models.CharField(_("question in Swedish"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("question of the round")
        verbose_name_plural = _("questions of the round")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """In the language of the request: Swedish where given."""
        return (get_language() or "fi").startswith("sv") and self.text_sv or self.text_fi


from elinvoima.grants.applications.models import (  # noqa: E402,F401
    Attachment,
    BudgetLine,
    GoalCommitment,
    GrantApplication,
    QuestionAnswer,
)
from elinvoima.grants.reporting.models import GrantReport  # noqa: E402,F401
from elinvoima.grants.review.models import (  # noqa: E402,F401
    ConflictOfInterest,
    GoalScore,
    GrantDecision,
    Review,
)
from elinvoima.grants.support.models import SupportInKind  # noqa: E402,F401

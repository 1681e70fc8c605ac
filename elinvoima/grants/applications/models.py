"""Grant applications (issue 15): an association applies to a published round of its
municipality with its action plan, how it works for the round's goals (from its wellbeing
card answers), a budget with lines and the amount it asks for; draft → submitted → in review
→ decided, and the applicant sees where it is."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Organisation
from elinvoima.core.models import PrivateDocument, Tracked
from elinvoima.core.private_files import private_storage, random_name
from elinvoima.grants.enums import ApplicationState
from elinvoima.grants.models import GrantRound, RoundQuestion
from elinvoima.strategy.models import Goal, Measure

MAX_AMOUNT = 10_000_000  # euros: more than any association asks for


class GrantApplication(Tracked):
    """An association's application to a round: its action plan, how it works for the
    round's goals, its budget and the amount asked for. The association's own while a draft;
    once submitted, the round's coordinators read it and the applicant cannot change it. The
    organisation's details are copied from its profile when it is submitted: the application
    says what was true then."""

    grant_round = models.ForeignKey(
        GrantRound,
        verbose_name=_("grant round"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="grant_applications",
    )
    state = models.CharField(
        _("state"), max_length=16, choices=ApplicationState.choices, default=ApplicationState.DRAFT
    )
    action_plan = models.TextField(
        _("action plan"),
        blank=True,
        help_text=_("What the association will do with the grant, when and for whom."),
    )
    requested_amount = models.DecimalField(
        _("amount applied for (euros)"), max_digits=10, decimal_places=2, default=0
    )
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    # Copied from the organisation's profile when the application is submitted.
    applicant_name = models.CharField(_("name of the applicant"), max_length=300, blank=True)
    business_id = models.CharField(_("business ID"), max_length=9, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The measure of the welfare plan the grant carries out, where it was given for one
    # (a participatory budget's proposal). A measure deleted from its plan leaves the grant.
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure of the welfare plan"),
        on_delete=models.SET_NULL,
        related_name="grant_applications",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")
        ordering = ["grant_round", "organisation__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["grant_round", "organisation"],
                name="grant_application_one_per_round",
                violation_error_message=_("The association has already applied in this round."),
            ),
            models.CheckConstraint(
                condition=models.Q(requested_amount__gte=0, requested_amount__lte=MAX_AMOUNT),
                name="grant_application_amount_in_range",
                violation_error_message=_("Give an amount of 0 to 10,000,000 euros."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.grant_round}"

    @property
    def is_draft(self) -> bool:
        return self.state == ApplicationState.DRAFT


class GoalCommitment(models.Model):
    """How the applicant works for one of the round's goals (seed 000: "sitoutuminen kunnan
    tavoitteisiin"); the form offers its wellbeing card answer as the start."""

    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="commitments"
    )
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="+"
    )
    how = models.TextField(_("how we work for it"))

    class Meta:
        verbose_name = _("commitment to a goal")
        verbose_name_plural = _("commitments to goals")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "goal"], name="goal_commitment_one_per_goal"
            )
        ]

    def __str__(self) -> str:
        return str(self.goal)


class BudgetLine(models.Model):
    """One line of the application's budget: a cost, and how much of it is applied for."""

    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="budget_lines"
    )
    position = models.PositiveSmallIntegerField(default=0)
    description = models.CharField(_("cost"), max_length=200)
    amount = models.DecimalField(_("euros"), max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0, amount__lte=MAX_AMOUNT),
                name="budget_line_amount_in_range",
                violation_error_message=_("Give an amount of 0 to 10,000,000 euros."),
            )
        ]

    def __str__(self) -> str:
        return self.description


def attachment_path(attachment: "Attachment", filename: str) -> str:
    """A random name outside the web root: the original name is kept in the row only."""
    return random_name("grant-attachments", attachment.kind)


class Attachment(PrivateDocument):
    """A file of an application (a PDF or office document: applications/files.py), in the
    private storage, sent only to those who may read the application."""

    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path)

    class Meta(PrivateDocument.Meta):
        pass


class QuestionAnswer(models.Model):
    """The application's answer to one of the round's own questions."""

    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(RoundQuestion, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("answer"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="question_answer_once")
        ]

    def __str__(self) -> str:
        return self.text[:50]

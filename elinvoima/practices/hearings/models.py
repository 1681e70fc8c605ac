"""Hearing residents (kuntalaisnäkemykset, seed 000): short consultations online — a few
questions, open from one day to another, answered without an account — and hearings in
person, which count as much ("kyläillat ovat täynnä"; the youth council, the children's
parliament): an event of the annual clock with who came and what was said. Both are linked
to the plan or the ex-ante assessment that asked for them, and both are part of the annual
clock's participation plan."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, TargetGroup, WellbeingCounty
from elinvoima.actors.owners import Owned, one_owner_condition
from elinvoima.core.models import Tracked, ends_after_it_starts, filled
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.practices.enums import QuestionKind
from elinvoima.strategy.models import Plan


class Consultation(Owned, Tracked):
    OWNER_FIELDS = ("municipality", "wellbeing_county")

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="consultations",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.CASCADE,
        related_name="consultations",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("What is being decided and why we ask.")
    )
    starts_on = models.DateField(_("open from"))
    ends_on = models.DateField(_("open until"))
    one_per_person = models.BooleanField(
        _("one answer per person"),
        default=False,
        help_text=_(
            "Respondents give their e-mail address, which is kept only as a keyed hash to "
            "stop a second answer."
        ),
    )
    heard_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("groups heard"), related_name="consultations", blank=True
    )
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan"),
        on_delete=models.SET_NULL,
        related_name="consultations",
        null=True,
        blank=True,
        help_text=_("The plan that asked for the residents' views, if any."),
    )
    results_summary = models.TextField(_("summary of the results"), blank=True)
    published_at = models.DateTimeField(_("opened for answers"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    calendar_item = models.ForeignKey(
        CalendarItem,
        verbose_name=_("annual clock item"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("resident consultation")
        verbose_name_plural = _("resident consultations")
        ordering = ["-starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=one_owner_condition("municipality", "wellbeing_county"),
                name="consultation_one_owner",
            ),
            ends_after_it_starts("consultation_dates_in_order"),
            filled("title"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:consultation", kwargs={"pk": self.pk})


class ConsultationQuestion(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("question"), max_length=500)
    kind = models.CharField(
        _("kind of answer"), max_length=8, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For a question with choices: one choice a line.")
    )
    required = models.BooleanField(_("answer required"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ConsultationResponse(models.Model):
    """One answer to a consultation. Nothing in it names the respondent: `person_hash` is a
    keyed hash of the e-mail address (only where one answer per person is asked),
    `source_hash` a keyed hash of the address the answer came from (for the limit on
    answers from one place) and `content_hash` one of the answers (a double submit)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    submitted_at = models.DateTimeField(_("answered"), auto_now_add=True)
    person_hash = models.CharField(max_length=64, blank=True, editable=False)
    source_hash = models.CharField(max_length=64, editable=False)
    content_hash = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("answer to a consultation")
        verbose_name_plural = _("answers to consultations")
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "person_hash"],
                condition=~Q(person_hash=""),
                name="consultation_one_answer_per_person",
            ),
            models.UniqueConstraint(
                fields=["consultation", "source_hash", "content_hash"],
                name="consultation_no_duplicate_answer",
            ),
        ]
        indexes = [
            models.Index(
                fields=["consultation", "source_hash", "submitted_at"],
                name="consultation_answers_from",
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation} {self.submitted_at:%Y-%m-%d}"


class ConsultationAnswer(models.Model):
    response = models.ForeignKey(
        ConsultationResponse, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        ConsultationQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="consultation_answer_once"
            )
        ]

    def __str__(self) -> str:
        return self.text[:50]


class HearingRecord(Tracked):
    """A hearing in person: an event of the annual clock (a village evening, the youth
    council, the children's parliament) with who came and what was said."""

    calendar_item = models.ForeignKey(
        CalendarItem,
        verbose_name=_("annual clock event"),
        on_delete=models.CASCADE,
        related_name="hearing_records",
    )
    held_on = models.DateField(_("held on"))
    attendance = models.PositiveIntegerField(_("how many came"), null=True, blank=True)
    who_came = models.TextField(
        _("who came"), help_text=_("For example: village association members, 25 residents.")
    )
    what_was_said = models.TextField(_("what was said"))
    heard_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("groups heard"), related_name="hearing_records", blank=True
    )
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan"),
        on_delete=models.SET_NULL,
        related_name="hearing_records",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("hearing in person")
        verbose_name_plural = _("hearings in person")
        ordering = ["-held_on", "id"]
        constraints = [filled("who_came"), filled("what_was_said")]

    def __str__(self) -> str:
        return f"{self.calendar_item} {self.held_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("practices:hearing", kwargs={"pk": self.pk})

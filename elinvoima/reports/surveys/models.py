"""The cooperation situation survey (tilannekuvakysely, seed 001): a county asks the
leadership of its municipalities, its own leadership and the associations how the
statements of cooperation have come true, how clear the division of work is per interface
theme, and where the cooperation stands on the six-level maturity scale. Repeated yearly.

Answers are anonymous: an invitation only knows whether it has been used, and a response
knows its group and day, never its invitation. Imported at the end of reports/models.py so
that Django finds the models."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.models import WellbeingCounty
from elinvoima.core.models import Tracked, YearField, filled, in_range, years_in_range
from elinvoima.reports.enums import Clarity, Maturity, Realisation, RespondentGroup, SurveyState


class Survey(Tracked):
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        related_name="cooperation_surveys",
    )
    year = YearField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=SurveyState.choices, default=SurveyState.DRAFT
    )
    closes_on = models.DateField(_("last day to answer"))
    themes = models.ManyToManyField(
        InterfaceTheme,
        verbose_name=_("interface themes asked about"),
        related_name="+",
        blank=True,
    )
    observations = models.TextField(
        _("observations"),
        blank=True,
        help_text=_("What the organisers read from the results (Havainnot)."),
    )
    results_published = models.BooleanField(_("results published"), default=False)

    class Meta:
        verbose_name = _("cooperation survey")
        verbose_name_plural = _("cooperation surveys")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["wellbeing_county", "year"],
                name="survey_one_per_county_year",
                violation_error_message=_("The county already has a survey that year."),
            ),
            filled("title_fi"),
            *years_in_range("year"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:survey", kwargs={"pk": self.pk})


class SurveyStatement(models.Model):
    """A statement whose realisation is asked, e.g. "Selkeästi määritellyt vastuuhenkilöt
    oman organisaation osalta"."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="statements"
    )
    text = models.CharField(_("statement"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["position", "id"]
        constraints = [filled("text_fi")]

    def __str__(self) -> str:
        return self.text


class SurveyInvitation(models.Model):
    """A personal answer link sent to one address. The link's token is derived from the
    id with the site's secret (services.invitation_token), so nothing secret is stored and
    a reminder sends the same link. `answered` is all that is kept of the answer."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="invitations"
    )
    group = models.CharField(_("respondent group"), max_length=24, choices=RespondentGroup.choices)
    email = models.EmailField(_("e-mail"))
    answered = models.BooleanField(_("answered"), default=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["group", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "email"],
                name="survey_invitation_one_per_address",
                violation_error_message=_("This address has already been invited."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey}: {self.get_group_display()}"


class SurveyResponse(models.Model):
    """One anonymous response: its group and the day, nothing that names the respondent."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="responses"
    )
    group = models.CharField(_("respondent group"), max_length=24, choices=RespondentGroup.choices)
    maturity = models.PositiveSmallIntegerField(
        _("where the cooperation stands"), choices=Maturity.choices, null=True, blank=True
    )
    observations = models.TextField(_("observations"), blank=True)
    submitted_on = models.DateField(_("submitted"))

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [in_range("maturity", 1, 6)]
        indexes = [models.Index(fields=["survey", "group"], name="survey_response_group")]

    def __str__(self) -> str:
        return f"{self.survey}: {self.get_group_display()} {self.submitted_on}"


class StatementAnswer(models.Model):
    """A statement's realisation in one response; "cannot say" leaves no row."""

    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="statement_answers"
    )
    statement = models.ForeignKey(SurveyStatement, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(choices=Realisation.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="statement_answer_one_per_response"
            ),
            in_range("value", 1, 5),
        ]

    def __str__(self) -> str:
        return str(self.value)


class ThemeAnswer(models.Model):
    """How clear the division of work is in a theme, in one response."""

    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="theme_answers"
    )
    theme = models.ForeignKey(InterfaceTheme, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(choices=Clarity.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "theme"], name="theme_answer_one_per_response"
            ),
            in_range("value", 1, 5),
        ]

    def __str__(self) -> str:
        return str(self.value)

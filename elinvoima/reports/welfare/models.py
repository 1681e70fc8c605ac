"""The welfare report (hyvinvointiraportti, seed 001) of a county or a municipality: its
narrative sections written in the browser, the cards its contributors deliver (data
collection), the snapshot of data it is assembled from, its approval chain and versions,
and the files made of it (PDF, DOCX, XLSX). An approved report is frozen and published;
the next version starts as a copy. Imported at the end of reports/models.py."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.actors.owners import Owned, one_owner_condition
from elinvoima.core.models import Tracked, YearField, filled, in_range, years_in_range
from elinvoima.core.private_files import private_storage
from elinvoima.reports.enums import (
    ContributionKind,
    ContributionState,
    FileFormat,
    JobState,
    ReportKind,
    ReportState,
    SectionKey,
)
from elinvoima.strategy.enums import DecisionBody, DecisionOutcome
from elinvoima.strategy.models import HyteNegotiation, Plan


class Report(Owned, Tracked):
    OWNER_FIELDS = ("municipality", "wellbeing_county")

    lineage = models.UUIDField(default=uuid.uuid4, editable=False)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous_version = models.OneToOneField(
        "self",
        verbose_name=_("previous version"),
        on_delete=models.PROTECT,
        related_name="next_version",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=24, choices=ReportKind.choices)
    title = models.CharField(_("title"), max_length=300)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="welfare_reports",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        related_name="welfare_reports",
        null=True,
        blank=True,
    )
    start_year = YearField(_("first year reported"))
    end_year = YearField(_("last year reported"))
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan reported on"),
        on_delete=models.PROTECT,
        related_name="welfare_reports",
        null=True,
        blank=True,
    )
    state = models.CharField(
        _("state"), max_length=16, choices=ReportState.choices, default=ReportState.COLLECTING
    )
    collection_due_on = models.DateField(_("cards due"), null=True, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    snapshot = models.JSONField(_("data snapshot"), null=True, blank=True, editable=False)
    snapshot_at = models.DateTimeField(_("data read"), null=True, blank=True)
    negotiation = models.ForeignKey(
        HyteNegotiation,
        verbose_name=_("hyte negotiations it opened"),
        on_delete=models.SET_NULL,
        related_name="welfare_reports",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("welfare report")
        verbose_name_plural = _("welfare reports")
        ordering = ["-end_year", "title", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=one_owner_condition("municipality", "wellbeing_county"),
                name="welfare_report_one_owner",
            ),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="welfare_report_years_in_order",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
            models.UniqueConstraint(
                fields=["lineage", "version"], name="welfare_report_version_unique"
            ),
            filled("title_fi"),
            *years_in_range("start_year", "end_year"),
        ]

    def __str__(self) -> str:
        years = (
            str(self.end_year)
            if self.start_year == self.end_year
            else f"{self.start_year}–{self.end_year}"
        )
        return f"{self.title} {years}"

    def get_absolute_url(self) -> str:
        return reverse("reports:report", kwargs={"pk": self.pk})

    @property
    def is_frozen(self) -> bool:
        return self.state == ReportState.APPROVED


class ReportSection(models.Model):
    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="sections"
    )
    key = models.CharField(_("section"), max_length=16, choices=SectionKey.choices)
    text = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="report_section_once")
        ]

    def __str__(self) -> str:
        return self.get_key_display()


class ReportDecision(models.Model):
    """One step of the report's approval chain (the owner's bodies, as for plans)."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="decisions"
    )
    body = models.CharField(_("decision-making body"), max_length=32, choices=DecisionBody.choices)
    outcome = models.CharField(_("decision"), max_length=16, choices=DecisionOutcome.choices)
    decided_on = models.DateField(_("date of decision"))
    reference = models.CharField(_("minutes reference"), max_length=200, blank=True)
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
        verbose_name = _("report decision")
        verbose_name_plural = _("report decisions")
        ordering = ["decided_on", "recorded_at"]

    def __str__(self) -> str:
        return f"{self.get_body_display()}: {self.get_outcome_display()} {self.decided_on}"


class Contribution(models.Model):
    """A card a contributor must deliver for the report: a municipality its municipality
    card, a sector of the county its sector card, an association its part of the
    association card. Not delivered is shown as missing, never as zero."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(_("card"), max_length=24, choices=ContributionKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("contributor"),
        on_delete=models.PROTECT,
        related_name="report_contributions",
    )
    due_on = models.DateField(_("due"))
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=ContributionState.choices,
        default=ContributionState.REQUESTED,
    )
    done = models.TextField(_("what we did"), blank=True)
    successes = models.TextField(_("what succeeded"), blank=True)
    challenges = models.TextField(_("challenges and needs for development"), blank=True)
    next_steps = models.TextField(_("focus next year"), blank=True)
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delivered by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("report contribution")
        verbose_name_plural = _("report contributions")
        ordering = ["kind", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "kind", "organisation"],
                name="report_contribution_once",
                violation_error_message=_("This contributor has already been asked for the card."),
            ),
            in_range("people_reached", 0, 10_000_000),
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.get_kind_display()}, {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("reports:contribution", kwargs={"pk": self.pk})


def _file_path(job: "ReportFile", filename: str) -> str:
    return f"reports/{job.report_id}/{filename}"


class ReportFile(models.Model):
    """A file made of the report in the background, with its progress; kept privately and
    served after the report's view permission is asked."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="files"
    )
    format = models.CharField(_("format"), max_length=8, choices=FileFormat.choices)
    language = models.CharField(_("language"), max_length=2, default="fi")
    state = models.CharField(
        _("state"), max_length=16, choices=JobState.choices, default=JobState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    file = models.FileField(_("file"), storage=private_storage, upload_to=_file_path, blank=True)
    error = models.TextField(_("error"), blank=True)
    snapshot_at = models.DateTimeField(_("data read"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        ordering = ["-created_at"]
        constraints = [in_range("progress", 0, 100)]

    def __str__(self) -> str:
        return f"{self.report} ({self.get_format_display()}, {self.language})"

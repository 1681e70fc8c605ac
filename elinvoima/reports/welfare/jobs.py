"""Making a report's files in the background (django-tasks; `manage.py db_worker` runs it),
with the progress the page shows: read the data (a report being written reads them anew;
an approved one keeps those it was approved with), draw the charts, then make the PDF
(WeasyPrint: paginated, with contents and page numbers, tagged), the DOCX or the XLSX."""

import logging
import tempfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task

from elinvoima.core.pdf import pdf_from_html
from elinvoima.core.permissions import authorize
from elinvoima.reports.enums import FileFormat, JobState
from elinvoima.reports.welfare.models import Report, ReportFile
from elinvoima.reports.welfare.rendering import report_document
from elinvoima.reports.welfare.snapshot import snapshot_read
from elinvoima.reports.welfare.word import report_docx
from elinvoima.reports.welfare.workbook import report_xlsx

logger = logging.getLogger(__name__)


def _step(job: ReportFile, progress: int, step: str) -> None:
    ReportFile.objects.filter(pk=job.pk).update(
        progress=progress, step=step, state=JobState.RUNNING
    )


def document_html(document) -> str:
    """The self-contained HTML the PDF is made of (charts inline)."""
    with translation.override(document.language):
        return render_to_string(
            "reports/welfare/document.html", {"doc": document, "inline_charts": True}
        )


def _refresh_data(report: Report) -> Report:
    """A report being written reads its data anew; an approved one keeps its own."""
    if report.is_frozen and report.snapshot is not None:
        return report
    snapshot = snapshot_read(report)
    taken = timezone.now()
    Report.objects.filter(pk=report.pk, state=report.state).update(
        snapshot=snapshot, snapshot_at=taken
    )
    report.snapshot, report.snapshot_at = snapshot, taken
    return report


def file_make(job: ReportFile) -> ReportFile:
    """Make the job's file now (the task's work; also callable directly)."""
    report = Report.objects.select_related("municipality", "wellbeing_county").get(pk=job.report_id)
    language = job.language
    with translation.override(language):
        _step(job, 5, _("Reading the data"))
        report = _refresh_data(report)
        name = slugify(f"{report.title_fi} {report.end_year} v{report.version}") or "report"
        if job.format == FileFormat.XLSX:
            _step(job, 40, _("Writing the sheets"))
            document = report_document(report, language, with_charts=False)
            with tempfile.TemporaryFile() as target:
                report_xlsx(
                    report,
                    document,
                    target,
                    progress=lambda sheet: _step(
                        job, min(95, 40 + sheet * 8), _("Writing the sheets")
                    ),
                )
                target.seek(0)
                job.file.save(f"{name}-{language}.xlsx", File(target), save=False)
        else:
            _step(job, 20, _("Drawing the charts"))
            embed = job.format == FileFormat.PDF  # the DOCX draws its charts as PNG
            document = report_document(report, language, embed_charts=embed)
            if job.format == FileFormat.PDF:
                _step(job, 50, _("Making the pages"))
                content = pdf_from_html(document_html(document))
                job.file.save(f"{name}-{language}.pdf", ContentFile(content), save=False)
            else:
                _step(job, 50, _("Writing the document"))
                job.file.save(
                    f"{name}-{language}.docx", ContentFile(report_docx(document)), save=False
                )
    job.state, job.progress, job.step = JobState.DONE, 100, ""
    job.snapshot_at, job.finished_at = report.snapshot_at, timezone.now()
    job.save(update_fields=["file", "state", "progress", "step", "snapshot_at", "finished_at"])
    return job


@task()
def report_file_task(job_id: int) -> dict:
    job = ReportFile.objects.get(pk=job_id)
    try:
        file_make(job)
    except Exception as error:  # shown on the page; the trace goes to the log
        logger.exception("Making report file %s failed", job_id)
        ReportFile.objects.filter(pk=job_id).update(
            state=JobState.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        return {"state": JobState.FAILED}
    return {"state": JobState.DONE}


@transaction.atomic
def file_request(*, user, report: Report, file_format: str, language: str) -> ReportFile:
    """Start making a file of the report (a file of the same kind already being made is
    returned instead of a second one)."""

    report = Report.objects.get(pk=report.pk)
    authorize(user, "reports.change_report", report, visible=("reports.view_report", report))
    if file_format not in FileFormat.values or language not in ("fi", "sv"):
        raise ValidationError(_("Choose a format and a language."))
    running = report.files.filter(
        format=file_format, language=language, state__in=(JobState.QUEUED, JobState.RUNNING)
    ).first()
    if running is not None:
        return running
    job = ReportFile.objects.create(
        report=report, format=file_format, language=language, created_by=user
    )
    transaction.on_commit(lambda: report_file_task.enqueue(job.pk))
    return job

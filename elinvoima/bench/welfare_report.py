"""county_report_pdf and activities_xlsx_export: the welfare report at national scale (all
municipalities' actors, 3,000 indicators with ~4,000,000 values, three plans of every
municipality and county, 1,000,000 activities; elinvoima.bench.scale).

county_report_pdf
  A: the PDF of a county's yearly report as the background job makes it
     (`reports.welfare.jobs.file_make`): the data read in one consistent read (the county
     plan's indicators for the county and its ten municipalities, the goals with their
     measures and activities, the HYTE coefficient, the association card over the
     activities of the year, the cards every municipality delivered), the charts (the
     indicator app's, kept once drawn: warm after the first pair), the HTML, WeasyPrint.
  B: WeasyPrint alone rendering the same HTML, already built: the ratio is the cost of
     gathering the data and building the document on top of the rendering (goal: 1.5x).
  Checked: A's and B's PDFs have the same number of pages.

activities_xlsx_export
  A: every one of the 1,000,000 activities exported to XLSX as the report's data workbook
     writes its activity sheet (`reports.welfare.workbook.activity_table` + core.exports'
     write-only `xlsx_write`), in a child process that reports its own time and peak memory
     (VmHWM: its maximum resident set since it started, Python and Django included).
  B: the best the database can do for the same rows: the same SELECT (names joined) sent
     out by PostgreSQL's COPY … TO STDOUT (CSV) and read through psycopg.
  Checked: the workbook has 1,000,000 rows under its header.
"""

import datetime
import io
import os
import subprocess
import sys
import tempfile
import time

from django.db import connection
from django.db.models import Count

from elinvoima.actors.models import WellbeingCounty
from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale.activities import (
    ACTIVITIES,
    activity_scale_exists,
    activity_scale_generate,
)
from elinvoima.bench.scale.actors import scale_data_exists, scale_data_generate
from elinvoima.bench.scale.indicators import indicator_scale_exists, indicator_scale_generate
from elinvoima.bench.scale.strategy import plan_scale_exists, plan_scale_generate
from elinvoima.cards.activities.models import Activity
from elinvoima.core.pdf import pdf_from_html
from elinvoima.reports.enums import ContributionKind, ReportKind
from elinvoima.reports.welfare.jobs import document_html, file_make
from elinvoima.reports.welfare.models import Report, ReportFile
from elinvoima.reports.welfare.rendering import report_document
from elinvoima.reports.welfare.selectors import contributor_choices
from elinvoima.reports.welfare.services import (
    CardData,
    ReportData,
    contribution_deliver,
    contributions_request,
    report_save,
)
from elinvoima.reports.welfare.snapshot import report_snapshot_take
from elinvoima.strategy.models import Plan

from .harness import Result, alternate, progress, require_postgres, result_from_samples

SEED = 1
REPORT_TITLE = "Skaalausraportti (bench)"
REPORT_YEAR = 2025  # in the scale plans' period 2025–2028
PDF_PAIRS = 5
PDF_BUDGET = 240.0
XLSX_PAIRS = 3
XLSX_BUDGET = 600.0


def _scale_data() -> None:
    """The national-scale data, generated where missing: indicators before plans, so that
    the plans' goals follow indicators that have values."""
    require_postgres()
    reference_data_load()
    if not scale_data_exists():
        progress("welfare report: generating the national-scale actors")
        scale_data_generate(seed=SEED)
    if not indicator_scale_exists():
        progress("welfare report: generating the national-scale indicators")
        indicator_scale_generate(seed=SEED)
    if not plan_scale_exists():
        progress("welfare report: generating the national-scale plans")
        plan_scale_generate(seed=SEED)
    if not activity_scale_exists():
        progress("welfare report: generating the national-scale activities")
        activity_scale_generate(seed=SEED)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _bench_report():
    """The county report of the benchmark: of the first county with ten municipalities,
    on its plan of the year, every municipality's card delivered."""
    existing = Report.objects.filter(title_fi=REPORT_TITLE).first()
    if existing is not None:
        return existing
    county = (
        WellbeingCounty.objects.annotate(size=Count("municipalities"))
        .filter(size=10)
        .order_by("code")
        .first()
    )
    plan = Plan.objects.filter(
        wellbeing_county=county, start_year__lte=REPORT_YEAR, end_year__gte=REPORT_YEAR
    ).first()
    report = report_save(
        user=None,
        owner=county,
        data=ReportData(
            kind=ReportKind.COUNTY_YEARLY,
            title_fi=REPORT_TITLE,
            start_year=REPORT_YEAR,
            end_year=REPORT_YEAR,
            plan=plan,
        ),
    )
    due = datetime.date.today() + datetime.timedelta(days=30)
    contributions_request(
        user=None,
        report=report,
        kind=ContributionKind.MUNICIPALITY_CARD,
        organisations=list(contributor_choices(report, ContributionKind.MUNICIPALITY_CARD)),
        due_on=due,
    )
    for contribution in report.contributions.all():
        contribution_deliver(
            user=None,
            contribution=contribution,
            data=CardData(
                done="Liikuntaneuvonnan ohjausprosessi tehtiin, ja ajanvaraus on "
                "potilastietojärjestelmässä. " * 4,
                successes="Yhteistyö yhdistysten kanssa vahvistui. " * 3,
                challenges="Resurssien niukkuus ja henkilövaihdokset. " * 3,
                next_steps="Vähän liikkuvat tavoitetaan.",
                people_reached=240,
            ),
        )
    return report


def _pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def county_report_pdf() -> Result:
    _scale_data()
    report = _bench_report()
    made: list[bytes] = []

    def whole() -> None:
        job = file_make(ReportFile.objects.create(report=report, format="pdf", language="fi"))
        made.append(job.file.read())
        job.file.delete(save=False)
        job.delete()

    report_snapshot_take(report)
    html = document_html(report_document(report, "fi"))
    rendered: list[bytes] = []

    def weasyprint_only() -> None:
        rendered.append(pdf_from_html(html))

    a, b = alternate(
        whole,
        weasyprint_only,
        pairs=PDF_PAIRS,
        budget_seconds=PDF_BUDGET,
        label="county_report_pdf",
    )
    pages = _pages(made[-1])
    if pages != _pages(rendered[-1]):
        raise RuntimeError(f"A made {pages} pages, B {_pages(rendered[-1])}")
    snapshot = report.snapshot or {}
    result = result_from_samples(
        "county_report_pdf",
        a,
        b,
        unit="s",
        baseline="WeasyPrint on the built HTML",
        notes=(
            f"{pages} pages; {len(snapshot.get('municipality_cards', []))} municipalities, "
            f"{len(snapshot.get('indicators', []))} indicators charted for the county and each "
            f"municipality, {len(snapshot.get('goals', []))} goals"
        ),
        budget_seconds=PDF_BUDGET,
    )
    result.extra = f"{pages} pages"
    return result


EXPORT_SQL = """
COPY (
  SELECT a.starts_on, m.name_fi,
         CASE WHEN o.is_published THEN o.name_fi ELSE '' END,
         a.kind, a.name, a.participants, a.in_target_group, a.volunteers, a.volunteer_hours
  FROM cards_activity a
  JOIN actors_municipality m ON m.id = a.municipality_id
  JOIN actors_organisation o ON o.id = a.organisation_id
  ORDER BY a.starts_on, a.id
) TO STDOUT WITH (FORMAT csv)
"""


def activities_xlsx_export() -> Result:
    from openpyxl import load_workbook

    _scale_data()
    count = Activity.objects.count()
    if count < ACTIVITIES:
        raise RuntimeError(f"{count} activities, not {ACTIVITIES}")
    directory = tempfile.mkdtemp(prefix="elinvoima-xlsx-")
    path = os.path.join(directory, "activities.xlsx")

    def export() -> tuple[float, float]:
        """The export's own seconds (Django's start-up left out) and the child's peak MB."""
        child = subprocess.Popen(  # noqa: S603 (our own module, our own temporary path)
            [sys.executable, "-m", "elinvoima.bench.xlsx_child", path],
            stdout=subprocess.PIPE,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "false"},
        )
        output, _errors = child.communicate()
        if child.returncode != 0:
            raise RuntimeError(f"the export failed ({child.returncode})")
        seconds, peak = output.decode().split()[-2:]
        return float(seconds), float(peak)

    def copy() -> float:
        started = time.perf_counter()
        connection.ensure_connection()
        sent = 0
        with connection.connection.cursor() as cursor, cursor.copy(EXPORT_SQL) as stream:
            for block in stream:
                sent += len(block)
        if not sent:
            raise RuntimeError("COPY sent nothing")
        return time.perf_counter() - started

    a: list[float] = []
    b: list[float] = []
    peaks: list[float] = []
    started = time.perf_counter()
    for index in range(XLSX_PAIRS + 1):  # the first pair warms up
        if index > 1 and time.perf_counter() - started > XLSX_BUDGET:
            break
        seconds, peak = export()
        copied = copy()
        peaks.append(peak)
        progress(
            f"activities_xlsx_export: export {seconds:.1f} s ({peak:.0f} MB), COPY {copied:.1f} s"
        )
        if index:
            a.append(seconds)
            b.append(copied)
    sheet = load_workbook(path, read_only=True).active
    rows = sum(1 for _row in sheet.iter_rows(max_col=1, values_only=True)) - 1  # the header
    os.remove(path)
    os.rmdir(directory)
    if rows != count:
        raise RuntimeError(f"the workbook has {rows} rows, not {count}")
    peak = max(peaks)
    result = result_from_samples(
        "activities_xlsx_export",
        a,
        b,
        unit="s",
        baseline="COPY of the same rows to CSV",
        notes=f"{count} rows; peak memory of the exporting process {peak:.0f} MB (goal < 300 MB)",
        budget_seconds=XLSX_BUDGET,
    )
    result.extra = f"peak memory {peak:.0f} MB"
    return result

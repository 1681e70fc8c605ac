"""The welfare report (issue 18, items 1–2): data collection with cards that are shown
missing (never zero) when not delivered, one consistent data snapshot, the approval chain
that freezes and publishes the report, versions, the hyte negotiations it opens, the files
made in the background (PDF, DOCX, XLSX) — Päijät-Häme's report with Asikkala's card."""

import datetime
import io
import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind
from elinvoima.reports.enums import ContributionKind, FileFormat, JobState, ReportKind, ReportState
from elinvoima.reports.welfare import snapshot as snapshot_module
from elinvoima.reports.welfare.jobs import file_make, file_request
from elinvoima.reports.welfare.models import Report, ReportFile
from elinvoima.reports.welfare.rendering import report_document
from elinvoima.reports.welfare.services import (
    CardData,
    ReportData,
    contribution_deliver,
    contributions_request,
    decision_record,
    negotiation_start,
    report_data_read,
    report_new_version,
    report_save,
    report_send_to_decision,
    section_save,
)
from elinvoima.strategy.enums import DecisionBody, DecisionOutcome
from elinvoima.strategy.models import Goal
from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    WellbeingCountyFactory,
    client_of,
    coordinator_of,
    county_official_of,
    municipality_organisation,
    representative_of,
)
from tests.factories.strategy import GoalFactory, PlanFactory, PriorityAreaFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1
DUE = timezone.localdate() + datetime.timedelta(days=20)
CHAIN = (DecisionBody.HYTE_BOARD, DecisionBody.REGIONAL_BOARD, DecisionBody.REGIONAL_COUNCIL)


@pytest.fixture
def county(db):
    county = WellbeingCountyFactory(name_fi="Päijät-Häme")
    for name in ("Asikkala", "Hollola", "Sysmä"):
        municipality_organisation(MunicipalityFactory(name_fi=name, wellbeing_county=county))
    return county


@pytest.fixture
def official(county):
    return county_official_of(county)


def _report(official, county, **changes) -> Report:
    plan = PlanFactory(
        for_county=True, wellbeing_county=county, approved=True, start_year=YEAR - 2, end_year=YEAR
    )
    GoalFactory(
        priority_area=PriorityAreaFactory(plan=plan), title_fi="Elintavat ovat terveellisiä."
    )
    data = {
        "kind": ReportKind.COUNTY_YEARLY,
        "title_fi": "Hyvinvointiraportti",
        "title_sv": "Välfärdsrapport",
        "start_year": YEAR,
        "end_year": YEAR,
        "plan": plan,
        **changes,
    }
    return report_save(user=official, owner=county, data=ReportData(**data))


def _cards(official, report):
    organisations = [
        municipality_organisation(m)
        for m in report.wellbeing_county.municipalities.order_by("name")
    ]
    return contributions_request(
        user=official,
        report=report,
        kind=ContributionKind.MUNICIPALITY_CARD,
        organisations=organisations,
        due_on=DUE,
    )


@pytest.mark.both_databases
def test_cards__not_delivered_is_missing_not_zero(county, official):
    report = _report(official, county)
    asikkala, hollola, sysma = _cards(official, report)
    coordinator = coordinator_of(asikkala.organisation.municipality)
    contribution_deliver(
        user=coordinator,
        contribution=asikkala,
        data=CardData(done="Liikuntaneuvonnan ohjausprosessi tehtiin.", people_reached=240),
    )
    report_data_read(user=official, report=report)
    report.refresh_from_db()
    document = report_document(report, "fi", with_charts=False)
    cards = {card.name: card for card in document.municipality_cards}
    assert not cards["Asikkala"].missing and cards["Asikkala"].card.people_reached == 240
    assert cards["Hollola"].missing and cards["Hollola"].card.people_reached is None
    assert document.missing_cards == 2
    page = client_of(official).get(report.get_absolute_url()).content.decode()
    assert "Liikuntaneuvonnan ohjausprosessi tehtiin." in page


@pytest.mark.both_databases
def test_cards__only_the_contributors_own_and_not_after_the_report_went_to_decision(
    county, official
):
    report = _report(official, county)
    asikkala, hollola, _sysma = _cards(official, report)
    asikkala_coordinator = coordinator_of(asikkala.organisation.municipality)
    with pytest.raises((PermissionDenied, Http404)):
        contribution_deliver(
            user=asikkala_coordinator, contribution=hollola, data=CardData(done="x")
        )
    assert client_of(asikkala_coordinator).get(hollola.get_absolute_url()).status_code in (403, 404)
    with pytest.raises(ValidationError):
        contribution_deliver(user=asikkala_coordinator, contribution=asikkala, data=CardData())
    report_send_to_decision(user=official, report=report)
    with pytest.raises(ValidationError, match="päätöksentekoon|decision"):
        contribution_deliver(
            user=asikkala_coordinator, contribution=asikkala, data=CardData(done="Myöhässä")
        )


@pytest.mark.both_databases
def test_cards__asked_only_of_the_countys_own_contributors_and_reminded_by_mail(
    county, official, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    report = _report(official, county)
    stranger = municipality_organisation(MunicipalityFactory())  # another county's
    with pytest.raises(ValidationError):
        contributions_request(
            user=official,
            report=report,
            kind=ContributionKind.MUNICIPALITY_CARD,
            organisations=[stranger],
            due_on=DUE,
        )
    (asikkala, *_rest) = _cards(official, report)
    coordinator_of(asikkala.organisation.municipality, email="koordinaattori@asikkala.example")
    page = client_of(official).post(
        reverse("reports:contributions", kwargs={"pk": report.pk}), {"remind": "1"}
    )
    assert page.status_code == 302
    sent = [m for m in mail.outbox if "koordinaattori@asikkala.example" in m.to]
    assert len(sent) == 1 and f"/fi/welfare-report-cards/{asikkala.pk}/" in sent[0].body


@pytest.mark.both_databases
def test_approval_chain__in_order_freezes_and_publishes_then_a_new_version(county, official):
    report = _report(official, county)
    assert Client().get(report.get_absolute_url()).status_code == 302  # a draft: log in first
    report_send_to_decision(user=official, report=report)
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        decision_record(
            user=official,
            report=report,
            body=DecisionBody.REGIONAL_COUNCIL,
            outcome=DecisionOutcome.APPROVED,
            decided_on=today,
        )
    for body in CHAIN:
        decision_record(
            user=official,
            report=report,
            body=body,
            outcome=DecisionOutcome.APPROVED,
            decided_on=today,
        )
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED and report.published_at is not None
    assert Client().get(report.get_absolute_url()).status_code == 200  # public now
    with pytest.raises(ValidationError):
        section_save(
            user=official,
            report=report,
            key="summary",
            text_fi="Muutos",
            text_sv="",
            loaded_version=None,
        )
    newer = report_new_version(user=official, report=report)
    assert (newer.version, newer.state, newer.previous_version) == (2, ReportState.DRAFTING, report)
    assert newer.sections.count() == report.sections.count()


@pytest.mark.both_databases
def test_approval_chain__a_return_sends_it_back_to_writing(county, official):
    report = _report(official, county)
    report_send_to_decision(user=official, report=report)
    decision_record(
        user=official,
        report=report,
        body=DecisionBody.HYTE_BOARD,
        outcome=DecisionOutcome.RETURNED,
        decided_on=timezone.localdate(),
    )
    report.refresh_from_db()
    assert report.state == ReportState.DRAFTING


@pytest.mark.both_databases
def test_negotiations__open_from_the_approved_county_report(county, official):
    report = _report(official, county)
    summary = report.sections.get(key="summary")
    section_save(
        user=official,
        report=report,
        key="summary",
        text_fi="Vähän liikkuvat tavoitetaan.",
        text_sv="",
        loaded_version=summary.updated_at.isoformat(),
    )
    with pytest.raises(ValidationError):
        negotiation_start(user=official, report=report, held_on=DUE)
    report_send_to_decision(user=official, report=report)
    for body in CHAIN:
        decision_record(
            user=official,
            report=report,
            body=body,
            outcome=DecisionOutcome.APPROVED,
            decided_on=timezone.localdate(),
        )
    negotiation = negotiation_start(user=official, report=report, held_on=DUE)
    assert set(negotiation.municipalities.all()) == set(county.municipalities.all())
    assert "Vähän liikkuvat tavoitetaan." in negotiation.pre_assignment
    with pytest.raises(ValidationError):
        negotiation_start(user=official, report=report, held_on=DUE)
    # The municipalities received it: it waits on their coordinators' dashboards.
    coordinator = coordinator_of(county.municipalities.first())
    dashboard = client_of(coordinator).get(reverse("portal:dashboard")).content.decode()
    assert report.get_absolute_url() in dashboard


@pytest.mark.both_databases
def test_section__two_writers_cannot_overwrite_each_other(county, official):
    report = _report(official, county)
    loaded = report.sections.get(key="introduction").updated_at.isoformat()
    section_save(
        user=official,
        report=report,
        key="introduction",
        text_fi="A",
        text_sv="",
        loaded_version=loaded,
    )
    with pytest.raises(ValidationError):
        section_save(
            user=county_official_of(county),
            report=report,
            key="introduction",
            text_fi="B",
            text_sv="",
            loaded_version=loaded,
        )
    assert report.sections.get(key="introduction").text_fi == "A"


@pytest.mark.both_databases
def test_permissions__a_draft_is_its_owners_a_published_report_everyones(county, official):
    report = _report(official, county)
    other = county_official_of(WellbeingCountyFactory())
    with pytest.raises(Http404):
        report_send_to_decision(user=other, report=report)
    with pytest.raises(PermissionDenied):
        report_save(user=other, owner=county, data=ReportData("county_yearly", "X", YEAR, YEAR))
    assert client_of(other).get(report.get_absolute_url()).status_code == 404
    assert Client().get(reverse("api:welfare-report-list")).json()["count"] == 0
    assert client_of(official).get(reverse("api:welfare-report-list")).json()["count"] == 1


def test_files__pdf_docx_and_xlsx_of_paijat_hame_with_asikkalas_card(demo, settings, tmp_path):
    """The demo report made into each file, opened with the libraries that read them."""
    from docx import Document as WordDocument
    from openpyxl import load_workbook
    from pypdf import PdfReader

    settings.PRIVATE_ROOT = tmp_path
    report = Report.objects.get(wellbeing_county__code="9")
    made = {}
    for file_format, language in (("pdf", "fi"), ("docx", "fi"), ("xlsx", "sv")):
        job = file_make(
            ReportFile.objects.create(report=report, format=file_format, language=language)
        )
        assert job.state == JobState.DONE and job.progress == 100
        made[file_format] = job.file.read()
    pdf = PdfReader(io.BytesIO(made["pdf"]))
    assert len(pdf.pages) >= 15 and "/StructTreeRoot" in pdf.trailer["/Root"]  # tagged
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Asikkala" in text and "Liikuntaneuvonnan ohjausprosessi" in text
    assert "3 / " in pdf.pages[2].extract_text()  # page numbers
    word = WordDocument(io.BytesIO(made["docx"]))
    texts = [p.text for p in word.paragraphs]
    assert "Asikkala" in texts and any("Liikuntaneuvonnan ohjausprosessi" in t for t in texts)
    assert len(word.inline_shapes) >= 1  # the charts as pictures
    book = load_workbook(io.BytesIO(made["xlsx"]), read_only=True)
    assert len(book.sheetnames) == 7  # six of the snapshot, then every activity row
    activities = book[book.sheetnames[-1]]
    assert len(next(activities.iter_rows(max_row=1, values_only=True))) == 9
    municipalities = book[book.sheetnames[3]]
    names = [row[0] for row in municipalities.iter_rows(min_row=2, values_only=True)]
    assert "Asikkala" in names


@pytest.mark.both_databases
def test_files__made_in_the_background_downloaded_by_readers(
    county, official, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PRIVATE_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    report = _report(official, county)
    client = client_of(official)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reports:report-files", kwargs={"pk": report.pk}),
            {"format": "xlsx", "language": "fi"},
        )
    job = ReportFile.objects.get(report=report)
    assert job.state == JobState.DONE
    download = client.get(reverse("reports:report-file", kwargs={"pk": job.pk}))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    other = client_of(county_official_of(WellbeingCountyFactory()))
    assert other.get(reverse("reports:report-file", kwargs={"pk": job.pk})).status_code == 404
    with pytest.raises(Http404):  # a county's draft is not the municipality's to see
        file_request(
            user=coordinator_of(county.municipalities.first()),
            report=report,
            file_format=FileFormat.PDF,
            language="fi",
        )


@pytest.mark.django_db(transaction=True)
def test_snapshot__one_consistent_read_while_the_data_change(county, official, monkeypatch):
    """A goal renamed while the report's data are being read: the snapshot has the goal as
    it was when the read began, in every part (PostgreSQL's REPEATABLE READ)."""
    report = _report(official, county)
    goal = Goal.objects.get(plan=report.plan)
    read_structures = snapshot_module._structures

    def renamed_meanwhile(report):
        rows = read_structures(report)

        def rename():
            Goal.objects.filter(pk=goal.pk).update(title_fi="Nimetty uudelleen")
            connection.close()

        writer = threading.Thread(target=rename)
        writer.start()
        writer.join()
        return rows

    monkeypatch.setattr(snapshot_module, "_structures", renamed_meanwhile)
    snapshot = snapshot_module.snapshot_read(report)
    assert Goal.objects.get(pk=goal.pk).title_fi == "Nimetty uudelleen"
    assert [g["title"]["fi"] for g in snapshot["goals"]] == ["Elintavat ovat terveellisiä."]


@pytest.mark.both_databases
def test_association_card__activities_by_goal_unpublished_organisations_counted_not_named(
    county, official
):
    from elinvoima.cards.activities.models import Activity
    from elinvoima.cards.enums import ActivityKind

    report = _report(official, county)
    goal = Goal.objects.get(plan=report.plan)
    municipality = county.municipalities.first()
    for name, published in (("Asikkalan Raikas ry", True), ("Piiloseura ry", False)):
        club = OrganisationFactory(
            name_fi=name,
            municipality=municipality,
            kind=OrganisationKind.SPORTS_CLUB,
            is_published=published,
        )
        activity = Activity.objects.create(
            organisation=club,
            municipality=municipality,
            kind=ActivityKind.EVENT,
            name="Tuolijumppa",
            starts_on=datetime.date(YEAR, 5, 1),
            participants=10,
        )
        activity.sub_goals.add(goal)
    representative_of(OrganisationFactory(municipality=municipality))
    report_data_read(user=official, report=report)
    report.refresh_from_db()
    card = report.snapshot["association_card"]
    assert (card["associations"], card["activities"], card["participants"]) == (2, 2, 20)
    assert card["by_goal"][0]["goal"]["fi"] == "Elintavat ovat terveellisiä."
    assert "Piiloseura" not in str(report.snapshot)

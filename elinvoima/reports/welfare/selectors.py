"""Reads of welfare reports: an owner's reports, a report's cards and files, and the cards
waiting for a user's organisations (their dashboard)."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.models import Organisation
from elinvoima.actors.owners import owner_kind_of
from elinvoima.actors.permissions import municipality_ids_for
from elinvoima.reports.enums import ContributionKind, ContributionState, ReportKind, ReportState
from elinvoima.reports.permissions import contributions_of, reports_visible_to
from elinvoima.reports.welfare.models import Contribution, Report, ReportFile

ASSOCIATION_KINDS = (
    OrganisationKind.ASSOCIATION,
    OrganisationKind.VILLAGE_ASSOCIATION,
    OrganisationKind.SPORTS_CLUB,
    OrganisationKind.PARISH,
    OrganisationKind.OTHER,
)


def contributor_choices(report: Report, kind: str) -> QuerySet[Organisation]:
    """Who may be asked for a card: for a county's report its municipalities (their own
    organisations), its sectors (the county's units) and the associations of its area; for
    a municipality's report its departments and its associations."""
    if report.owner_kind == "wellbeing_county":
        county_id = report.wellbeing_county_id
        if kind == ContributionKind.MUNICIPALITY_CARD:
            return Organisation.objects.filter(
                kind=OrganisationKind.MUNICIPALITY, municipality__wellbeing_county_id=county_id
            )
        if kind == ContributionKind.SECTOR_CARD:
            return Organisation.objects.filter(
                kind=OrganisationKind.WELLBEING_COUNTY_UNIT, wellbeing_county_id=county_id
            )
        return Organisation.objects.filter(
            kind__in=ASSOCIATION_KINDS, municipality__wellbeing_county_id=county_id
        )
    mine = Organisation.objects.filter(municipality=report.municipality)
    if kind == ContributionKind.MUNICIPALITY_CARD:
        return mine.filter(kind=OrganisationKind.MUNICIPALITY)
    if kind == ContributionKind.SECTOR_CARD:
        return mine.filter(kind=OrganisationKind.MUNICIPAL_DEPARTMENT)
    return mine.filter(kind__in=ASSOCIATION_KINDS)


def reports_of(owner, user) -> QuerySet[Report]:
    return reports_visible_to(user).filter(**{owner_kind_of(owner).field: owner})


def contributions_of_report(report: Report) -> QuerySet[Contribution]:
    return report.contributions.select_related("organisation").order_by(
        "kind", "organisation__name"
    )


def files_of(report: Report) -> QuerySet[ReportFile]:
    return report.files.order_by("-created_at")[:12]


def latest_files(report: Report) -> dict[tuple[str, str], ReportFile]:
    """The newest finished file of each format and language: what a reader downloads."""
    found: dict[tuple[str, str], ReportFile] = {}
    for job in report.files.filter(state="done").order_by("-finished_at"):
        found.setdefault((job.format, job.language), job)
    return found


def cards_waiting_for(user) -> QuerySet[Contribution]:
    """Cards the user's organisations have not yet delivered, of reports still collecting
    or being written."""
    return (
        contributions_of(user)
        .filter(
            state=ContributionState.REQUESTED,
            report__state__in=(ReportState.COLLECTING, ReportState.DRAFTING),
        )
        .select_related("report", "organisation")
        .order_by("due_on")
    )


RECEIVED_FOR_DAYS = 120


def reports_new_for(user) -> QuerySet[Report]:
    """County reports approved in the last months, of the counties of the municipalities the
    user works for ("Raportti kuntiin"): they open the year's hyte negotiations."""
    municipalities = municipality_ids_for(user, Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR)
    if not municipalities:
        return Report.objects.none()
    since = timezone.now() - datetime.timedelta(days=RECEIVED_FOR_DAYS)
    return Report.objects.filter(
        kind=ReportKind.COUNTY_YEARLY,
        published_at__gte=since,
        wellbeing_county__municipalities__in=municipalities,
    ).distinct()

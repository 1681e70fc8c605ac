"""Reads of annual plans and reports for their pages, each in a fixed number of queries:
the document's sections card by card, and for each row what the association's activities
(report) or clubs (plan) add to it."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from elinvoima.actors.models import Organisation
from elinvoima.cards.activities.models import Activity, Club
from elinvoima.cards.activities.selectors import Totals, totals_of
from elinvoima.cards.annual.models import AnnualDocument, AnnualSection
from elinvoima.cards.enums import AnnualDocumentKind
from elinvoima.cards.models import CardTemplate
from elinvoima.cards.permissions import annual_documents_visible_to

NAMES_SHOWN = 8  # the activities named under a row; the rest are counted


def documents_of(user, organisation: Organisation) -> QuerySet[AnnualDocument]:
    return (
        annual_documents_visible_to(user)
        .filter(organisation=organisation)
        .select_related("updated_by")
        .order_by("-year", "kind")
    )


@dataclass
class Row:
    section: AnnualSection
    totals: Totals | None = None  # report: the activities that served the row's goal
    names: list[tuple[str, int]] = field(default_factory=list)  # (activity, how many times)
    more_names: int = 0
    clubs: list[Club] = field(default_factory=list)  # plan: the clubs that serve it


@dataclass
class CardPart:
    card: CardTemplate
    rows: list[Row]


def _activity_figures(document: AnnualDocument) -> tuple[dict, dict]:
    activities = Activity.objects.filter(
        organisation=document.organisation_id, starts_on__year=document.year
    )
    totals = {
        row["sub_goals"]: Totals(
            activities=row["activities"],
            participants=row["participants"],
            beyond_members=row["beyond_members"],
            volunteer_hours=row["volunteer_hours"],
        )
        for row in activities.filter(sub_goals__isnull=False)
        .values("sub_goals")
        .annotate(
            activities=Count("id"),
            participants=Sum("participants", default=0),
            beyond_members=Sum("beyond_members", default=0),
            volunteer_hours=Sum("volunteer_hours", default=Decimal(0)),
        )
        .order_by()
    }
    names: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for row in (
        activities.filter(sub_goals__isnull=False)
        .values("sub_goals", "name")
        .annotate(times=Count("id"))
        .order_by("sub_goals", "-times", "name")
    ):
        names[row["sub_goals"]].append((row["name"], row["times"]))
    return totals, names


def document_parts(document: AnnualDocument) -> list[CardPart]:
    """The document's sections, card by card, with what the activities or clubs add."""
    sections = list(document.sections.select_related("template", "goal").order_by("position"))
    totals: dict = {}
    names: dict = {}
    clubs: dict[int, list[Club]] = defaultdict(list)
    if document.kind == AnnualDocumentKind.REPORT:
        totals, names = _activity_figures(document)
    else:
        for club in Club.objects.filter(
            organisation=document.organisation_id, is_active=True
        ).prefetch_related("sub_goals"):
            for goal in club.sub_goals.all():
                clubs[goal.pk].append(club)
    parts: dict[int, CardPart] = {}
    for section in sections:
        named = names.get(section.goal_id, [])
        row = Row(
            section,
            totals=totals.get(section.goal_id),
            names=named[:NAMES_SHOWN],
            more_names=max(len(named) - NAMES_SHOWN, 0),
            clubs=clubs.get(section.goal_id, []),
        )
        parts.setdefault(section.template_id, CardPart(section.template, [])).rows.append(row)
    return list(parts.values())


def year_totals(document: AnnualDocument) -> Totals | None:
    """All the association's activities of the year (report only)."""
    if document.kind != AnnualDocumentKind.REPORT:
        return None
    return totals_of(document.organisation, document.year)

"""The data under a welfare report as an XLSX workbook: a sheet each of the indicators'
values, the goals, the measures, the municipality cards, the association card and the
cards' delivery, from the report's snapshot; and every activity reported in the area in
the year, streamed from the database (openpyxl write-only: memory stays flat — see
`bench activities_xlsx_export`). Unpublished organisations are not named."""

import datetime
from collections.abc import Iterator

from django.db.models import Case, CharField, F, QuerySet, Value, When
from django.utils import translation
from django.utils.translation import gettext as _

from elinvoima.cards.activities.models import Activity
from elinvoima.cards.enums import ActivityKind
from elinvoima.core.exports import Table, xlsx_write
from elinvoima.reports.enums import ContributionKind
from elinvoima.reports.welfare.models import Report
from elinvoima.reports.welfare.rendering import Document
from elinvoima.reports.welfare.selectors import ASSOCIATION_KINDS

ACTIVITY_CHUNK = 5_000


def activities_of_report(report: Report) -> QuerySet[Activity]:
    """The associations' activities of the report's area and last year, as they were when
    its data were read (those reported later are left out)."""
    area = (
        {"municipality_id": report.municipality_id}
        if report.owner_kind == "municipality"
        else {"municipality__wellbeing_county_id": report.wellbeing_county_id}
    )
    activities = Activity.objects.filter(
        **area, starts_on__year=report.end_year, organisation__kind__in=ASSOCIATION_KINDS
    )
    if report.snapshot_at is not None:
        activities = activities.filter(created_at__lte=report.snapshot_at)
    return activities


def activity_table(activities: QuerySet[Activity], language: str) -> Table:
    """Activity rows as a streamed table: one query read in chunks (`iterator`), the
    organisation named only when it is public."""
    name = f"organisation__name_{language}"
    rows = (
        activities.annotate(
            public_name=Case(
                When(organisation__is_published=True, then=F(name)),
                default=Value(""),
                output_field=CharField(),
            )
        )
        .order_by("starts_on", "pk")
        .values_list(
            "starts_on",
            f"municipality__name_{language}",
            "public_name",
            "kind",
            "name",
            "participants",
            "in_target_group",
            "volunteers",
            "volunteer_hours",
        )
    )
    kinds = dict(ActivityKind.choices)

    def lines() -> Iterator[tuple]:
        for (
            day,
            municipality,
            organisation,
            kind,
            title,
            people,
            target,
            volunteers,
            hours,
        ) in rows.iterator(chunk_size=ACTIVITY_CHUNK):
            yield (
                day,
                municipality,
                organisation,
                str(kinds.get(kind, kind)),
                title,
                people,
                target,
                volunteers,
                float(hours),
            )

    return Table(
        header=[
            _("Date"),
            _("Municipality"),
            _("Organisation"),
            _("Kind"),
            _("What was done"),
            _("Participants"),
            _("Of whom in the target group"),
            _("Volunteers"),
            _("Volunteer hours"),
        ],
        rows=lines(),
        title=_("Activities"),
    )


def _indicator_rows(doc: Document, snapshot: dict) -> Iterator[tuple]:
    regions = {
        str(r["id"]): r["title"].get(doc.language) or r["title"]["fi"] for r in snapshot["regions"]
    }
    cards = {
        str(c["region"]): c["name"].get(doc.language) or c["name"]["fi"]
        for c in snapshot["municipality_cards"]
        if c["region"]
    }
    for indicator in snapshot["indicators"]:
        title = indicator["title"].get(doc.language) or indicator["title"]["fi"]
        for region, values in indicator["series"].items():
            for year, value in values.items():
                yield (title, regions.get(region, region), int(year), value)
        for card in snapshot["municipality_cards"]:
            for year, value in card["values"].get(str(indicator["id"]), {}).items():
                yield (title, cards.get(str(card["region"]), ""), int(year), value)


def report_tables(report: Report, doc: Document) -> list[Table]:
    snapshot = report.snapshot or {}
    missing = _("not delivered")
    kinds = {key: str(label) for key, label in ContributionKind.choices}
    return [
        Table(
            [_("Indicator"), _("Area"), _("Year"), _("Value")],
            _indicator_rows(doc, snapshot),
            _("Indicators"),
        ),
        Table(
            [
                _("Goal"),
                _("Measures"),
                _("Activities"),
                _("Participants"),
                _("Organisations"),
                _("Granted (€)"),
                _("Needs a measure"),
            ],
            [
                (
                    g["title"],
                    len(g["measures"]),
                    g["activities"],
                    g["participants"],
                    g["organisations"],
                    g["granted"],
                    _("yes") if g["flagged"] else "",
                )
                for g in doc.goals
            ],
            _("Goals"),
        ),
        Table(
            [_("Goal"), _("Measure"), _("Status"), _("Implementers")],
            [
                (g["title"], m["title"], m["status"], m["implementers"])
                for g in doc.goals
                for m in g["measures"]
            ],
            _("Measures"),
        ),
        Table(
            [
                _("Municipality"),
                *[
                    label
                    for label, _value in (
                        doc.municipality_cards[0].figures if doc.municipality_cards else []
                    )
                ],
                _("Card"),
            ],
            [
                (
                    c.name,
                    *[value for _label, value in c.figures],
                    missing if c.missing else _("delivered"),
                )
                for c in doc.municipality_cards
            ],
            _("Municipality cards"),
        ),
        Table(
            [_("Goal"), _("Associations"), _("Activities"), _("Participants")],
            [
                (r["goal"], r["associations"], r["activities"], r["participants"])
                for r in doc.association.get("by_goal", [])
            ],
            _("Association card"),
        ),
        Table(
            [_("Card"), _("Contributor"), _("Due"), _("Delivered")],
            [
                (
                    kinds[c["kind"]],
                    c["organisation"].get(doc.language) or c["organisation"]["fi"],
                    datetime.date.fromisoformat(c["due_on"]),
                    c["delivered_on"] or missing,
                )
                for c in snapshot.get("contributions", [])
            ],
            _("Cards"),
        ),
        activity_table(activities_of_report(report), doc.language),
    ]


def report_xlsx(report: Report, doc: Document, target, *, progress=None) -> None:
    with translation.override(doc.language):
        xlsx_write(report_tables(report, doc), target, progress=progress)

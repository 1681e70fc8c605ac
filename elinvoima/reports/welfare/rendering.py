"""The welfare report as a document in one language, built from its snapshot and its
sections: the same parts for the web page, the PDF and the DOCX. Charts are the indicator
app's, drawn from the snapshot's values (not the database as it is now) and kept as
ChartImages, so that a report made again reuses them."""

import base64
import datetime
from dataclasses import dataclass, field

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from elinvoima.indicators.charts.drawing import StoredChart, charts_of_series
from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.indicators.selectors import ChartRegion, chart_indicators_by_id
from elinvoima.networks.enums import NetworkKind
from elinvoima.reports.enums import ContributionKind, ReportKind, SectionKey
from elinvoima.reports.welfare.models import Report
from elinvoima.strategy.enums import Direction, MeasureStatus, PlanKind, TargetComparison


def _text(value, lang: str) -> str:
    if isinstance(value, dict):
        return value.get(lang) or value.get("fi") or ""
    return value or ""


def _number(value, decimals: int = 1) -> str:
    if value is None:
        return "–"
    if float(value).is_integer():
        return formats.number_format(int(value), decimal_pos=0, use_l10n=True)
    return formats.number_format(round(value, decimals), decimal_pos=decimals, use_l10n=True)


# A municipality card charts the plan's first indicators (all are in its table): a card
# stays about two pages however many indicators the plan follows.
CARD_CHARTS = 3


@dataclass
class Chart:
    title: str
    svg: bytes
    image_id: int
    fingerprint: str
    stored: StoredChart  # drawn as PNG for Word (indicators.charts.drawing.chart_png)

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg).decode()


@dataclass
class IndicatorBlock:
    title: str
    goal: str
    unit: str
    direction: str
    target: str
    rows: list[tuple[str, str, str]]  # region, latest value (year), change since previous
    chart: Chart | None = None


@dataclass
class Card:
    """A contributor's card: the delivered texts, or missing."""

    organisation: str
    kind: str
    delivered: bool
    due_on: str
    texts: list[tuple[str, str]] = field(default_factory=list)  # (heading, text)
    people_reached: int | None = None


@dataclass
class MunicipalityCard:
    name: str
    figures: list[tuple[str, str]]  # (label, value)
    indicators: list[tuple[str, str, str]]  # (indicator, latest (year), change)
    charts: list[Chart]
    card: Card | None
    missing: bool


@dataclass
class Document:
    report: Report
    language: str
    title: str
    owner: str
    years: str
    sections: dict[str, str]
    section_titles: dict[str, str]
    indicators: list[IndicatorBlock]
    hyte: list[tuple[str, str, str]]
    experiential: list[tuple[str, str, str, str]]
    structures: list[tuple[str, str, int]]
    goals: list[dict]
    municipality_cards: list[MunicipalityCard]
    sector_cards: list[Card]
    association_parts: list[Card]
    association: dict
    separate_plans: list[dict]
    taken_at: str
    missing_cards: int

    @property
    def is_county(self) -> bool:
        return self.report.kind == ReportKind.COUNTY_YEARLY


CARD_HEADINGS = [
    ("done", lambda: _("What we did")),
    ("successes", lambda: _("What succeeded")),
    ("challenges", lambda: _("Challenges and needs for development")),
    ("next_steps", lambda: _("Focus next year")),
]


def _card(data: dict, lang: str) -> Card:
    texts = []
    if data["delivered"]:
        texts = [
            (heading(), data["texts"][name])
            for name, heading in CARD_HEADINGS
            if data["texts"][name]
        ]
    return Card(
        organisation=_text(data["organisation"], lang),
        kind=data["kind"],
        delivered=data["delivered"],
        due_on=formats.date_format(_date(data["due_on"]), "SHORT_DATE_FORMAT"),
        texts=texts,
        people_reached=data.get("people_reached"),
    )


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _latest(values: dict[str, float], decimals: int) -> tuple[str, str]:
    """The latest value "24,8 (2023)" and its change since the value before it."""
    points = sorted((int(year), value) for year, value in values.items())
    if not points:
        return "–", "–"
    year, value = points[-1]
    latest = f"{_number(value, decimals)} ({year})"
    if len(points) < 2:
        return latest, "–"
    change = value - points[-2][1]
    sign = "+" if change > 0 else ""
    return latest, f"{sign}{_number(change, decimals)} ({points[-2][0]}–{year})"


def _target(indicator: dict) -> str:
    if indicator["target_value"] is None:
        return ""
    comparison = dict(TargetComparison.choices).get(indicator["comparison"], "")
    value = _number(indicator["target_value"], indicator["decimals"])
    return f"{comparison} {value} ({indicator['target_year']})"


def _charts(
    snapshot: dict,
    region_rows: list[dict],
    values_of,
    lang: str,
    embed: bool,
    limit: int | None = None,
) -> dict[int, Chart]:
    """The charts of the snapshot's indicators (the first `limit`) for the regions (the first
    is the one the chart is about), from the values `values_of(indicator, region)` gives;
    with `embed` their SVGs too (a page links to them instead)."""
    indicators = snapshot["indicators"][:limit]
    if not indicators or not region_rows:
        return {}
    regions = [
        ChartRegion(row["id"], _text(row["title"], lang), row["role"], row.get("code", ""))
        for row in region_rows
    ]
    series = {
        indicator["id"]: {
            region.id: {int(year): value for year, value in values_of(indicator, region.id).items()}
            for region in regions
        }
        for indicator in indicators
    }
    found: list[StoredChart] = charts_of_series(
        indicators=chart_indicators_by_id([i["id"] for i in indicators]),
        regions=regions,
        series=series,
        with_svg=embed,
    )
    titles = {i["id"]: _text(i["title"], lang) for i in indicators}
    return {
        chart.indicator_id: Chart(
            titles[chart.indicator_id], chart.svg, chart.image_id, chart.fingerprint, chart
        )
        for chart in found
    }


def _own_values(indicator: dict, region_id: int) -> dict:
    return indicator["series"].get(str(region_id), {})


def report_document(
    report: Report, language: str, *, with_charts: bool = True, embed_charts: bool = True
) -> Document:
    """The report in `language` ("fi" or "sv"), from its snapshot; its charts' SVGs read
    only for a document that embeds them (`embed_charts`: the PDF)."""
    snapshot = report.snapshot or {}
    with translation.override(language):
        return _document(report, snapshot, language, with_charts, embed_charts)


def _document(
    report: Report, snapshot: dict, lang: str, with_charts: bool, embed: bool
) -> Document:
    regions = snapshot.get("regions", [])
    decimals = {i["id"]: i["decimals"] for i in snapshot.get("indicators", [])}
    charts = _charts(snapshot, regions, _own_values, lang, embed) if with_charts else {}
    directions = dict(Direction.choices)
    indicators = []
    for indicator in snapshot.get("indicators", []):
        rows = []
        for region in regions:
            latest, change = _latest(
                indicator["series"].get(str(region["id"]), {}), indicator["decimals"]
            )
            rows.append((_text(region["title"], lang), latest, change))
        indicators.append(
            IndicatorBlock(
                title=_text(indicator["title"], lang),
                goal=_text(indicator["goal"], lang),
                unit=_text(indicator["unit"], lang),
                direction=str(directions.get(indicator["direction"], "")),
                target=_target(indicator),
                rows=rows,
                chart=charts.get(indicator["id"]),
            )
        )
    cards = [_card(c, lang) for c in snapshot.get("contributions", [])]
    municipality_cards = []
    county_and_country = [
        r
        for r in regions
        if r["role"] != "municipality" or snapshot["owner"]["kind"] == "wellbeing_county"
    ]
    for data in snapshot.get("municipality_cards", []):
        region = data["region"]
        card_charts = {}
        if with_charts and region is not None:
            own = {
                "id": region,
                "title": data["name"],
                "role": "municipality",
                "code": data["code"],
            }
            others = [
                {**r, "role": "county" if r["role"] == "municipality" else r["role"]}
                for r in county_and_country
            ]

            def values_of(indicator, region_id, data=data, region=region):
                if region_id == region:
                    return data["values"].get(str(indicator["id"]), {})
                return indicator["series"].get(str(region_id), {})

            card_charts = _charts(snapshot, [own, *others], values_of, lang, embed, CARD_CHARTS)
        figures = [
            (_("Plan"), _text(data["plan"], lang) if data["plan"] else _("No approved plan")),
        ]
        if data["goals"] is not None:
            figures += [
                (_("Goals"), str(data["goals"])),
                (_("Goals moving the wrong way without a measure"), str(data["flagged"])),
                (_("Active measures"), str(data["active_measures"])),
                (_("Activities reported"), str(data["activities"])),
                (_("Participants"), str(data["participants"])),
                (_("Granted (€)"), _number(float(data["granted"] or 0), 0)),
            ]
        rows = []
        for indicator in snapshot.get("indicators", []):
            latest, change = _latest(
                data["values"].get(str(indicator["id"]), {}), decimals[indicator["id"]]
            )
            rows.append((_text(indicator["title"], lang), latest, change))
        card = _card(data["card"], lang) if data["card"] else None
        municipality_cards.append(
            MunicipalityCard(
                name=_text(data["name"], lang),
                figures=figures,
                indicators=rows,
                charts=list(card_charts.values()),
                card=card,
                missing=card is None or not card.delivered,
            )
        )
    statuses = dict(MeasureStatus.choices)
    goals = [
        {
            **goal,
            "title": _text(goal["title"], lang),
            "measures": [
                {
                    "title": _text(m["title"], lang),
                    "status": str(statuses.get(m["status"], m["status"])),
                    "implementers": ", ".join(_text(name, lang) for name in m["implementers"]),
                }
                for m in goal["measures"]
            ],
        }
        for goal in snapshot.get("goals", [])
    ]
    association = snapshot.get("association_card", {})
    kinds = dict(PlanKind.choices)
    separate = [
        {
            "title": _text(plan["title"], lang),
            "kind": str(kinds.get(plan["kind"], "")),
            "years": f"{plan['start_year']}–{plan['end_year']}",
            "areas": [_text(area, lang) for area in plan["areas"]],
            "goals": plan["goals"],
            "measures": [
                (str(statuses.get(status, status)), count)
                for status, count in sorted(plan["measures"].items())
            ],
        }
        for plan in snapshot.get("separate_plans", [])
    ]
    domains = dict(ExperientialDomain.choices)
    network_kinds = dict(NetworkKind.choices)
    sections = {s.key: getattr(s, f"text_{lang}") or s.text_fi or "" for s in report.sections.all()}
    taken = snapshot.get("taken_at")
    return Document(
        report=report,
        language=lang,
        title=getattr(report, f"title_{lang}") or report.title_fi,
        owner=_text(snapshot.get("owner", {}).get("name"), lang),
        years=str(report.end_year)
        if report.start_year == report.end_year
        else f"{report.start_year}–{report.end_year}",
        sections=sections,
        section_titles={key: str(label) for key, label in SectionKey.choices},
        indicators=indicators,
        hyte=[
            (str(row["year"]), _text(row["name"], lang), _number(row["score"], 2))
            for row in snapshot.get("hyte", [])
        ],
        experiential=[
            (
                _text(row["municipality"], lang),
                str(domains.get(row["domain"], "")),
                row["question"],
                f"{_number(row['value'])} {row['unit']}".strip()
                if row["value"] is not None
                else "–",
            )
            for row in snapshot.get("experiential", [])
        ],
        structures=[
            (_text(row["name"], lang), str(network_kinds.get(row["kind"], "")), row["people"])
            for row in snapshot.get("structures", [])
        ],
        goals=goals,
        municipality_cards=municipality_cards,
        sector_cards=[c for c in cards if c.kind == ContributionKind.SECTOR_CARD],
        association_parts=[c for c in cards if c.kind == ContributionKind.ASSOCIATION_CARD],
        association={
            **association,
            "by_goal": [
                {**row, "goal": _text(row["goal"], lang)} for row in association.get("by_goal", [])
            ],
            "by_municipality": [
                {**row, "municipality": _text(row["municipality"], lang)}
                for row in association.get("by_municipality", [])
            ],
        },
        separate_plans=separate,
        taken_at=formats.date_format(_datetime(taken), "SHORT_DATETIME_FORMAT") if taken else "",
        missing_cards=sum(1 for c in cards if not c.delivered),
    )


def _datetime(text: str) -> datetime.datetime:
    return timezone.localtime(datetime.datetime.fromisoformat(text))

"""Reads of the monitoring pages: the logic model, the joy and worry lists checked against
indicators, evaluation reports with recommendations, and hyte negotiations. A fixed number
of queries per page, whatever the size of the plan or of the indicator data."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from elinvoima.actors.models import WellbeingCounty
from elinvoima.core.translation import active_language, text_in, translated_field_names
from elinvoima.indicators.enums import Gender, RegionCategory
from elinvoima.indicators.models import (
    Indicator,
    IndicatorSet,
    IndicatorSetItem,
    IndicatorValue,
    Region,
)
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import ConcernKind, LogicLevel
from elinvoima.strategy.models import (
    EvaluationReport,
    GoalIndicator,
    HyteNegotiation,
    LogicModelEntry,
    Plan,
    PlanConcern,
    Recommendation,
)


# --- Logic model ------------------------------------------------------------------------------
@dataclass
class LogicEntryRow:
    id: int
    text: str
    goals: list[tuple[int, str]] = field(default_factory=list)
    measures: list[tuple[int, str]] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)


@dataclass
class LogicColumn:
    level: str
    label: str
    entries: list[LogicEntryRow]


def logic_model(*, plan: Plan) -> list[LogicColumn]:
    """The four levels input → output → outcome → impact with their entries and what each
    links to (goals, measures, indicators). Four queries."""
    lang = active_language()
    entries: dict[int, LogicEntryRow] = {}
    levels: dict[str, list[LogicEntryRow]] = defaultdict(list)
    for pk, level, text in (
        LogicModelEntry.objects.filter(plan=plan)
        .order_by("position", "id")
        .values_list("id", "level", "text")
    ):
        entries[pk] = LogicEntryRow(pk, text)
        levels[level].append(entries[pk])
    through = LogicModelEntry.goals.through
    for entry_id, goal_id, *titles in (
        through.objects.filter(logicmodelentry__plan=plan)
        .order_by("goal__position", "goal_id")
        .values_list(
            "logicmodelentry_id",
            "goal_id",
            *(f"goal__{f}" for f in translated_field_names("title")),
        )
    ):
        entries[entry_id].goals.append((goal_id, text_in(tuple(titles), lang)))
    through = LogicModelEntry.measures.through
    for entry_id, measure_id, *titles in (
        through.objects.filter(logicmodelentry__plan=plan)
        .order_by("measure__position", "measure_id")
        .values_list(
            "logicmodelentry_id",
            "measure_id",
            *(f"measure__{f}" for f in translated_field_names("title")),
        )
    ):
        entries[entry_id].measures.append((measure_id, text_in(tuple(titles), lang)))
    through = LogicModelEntry.indicators.through
    for entry_id, *titles in (
        through.objects.filter(logicmodelentry__plan=plan)
        .order_by("indicator__title_fi", "indicator_id")
        .values_list(
            "logicmodelentry_id", *(f"indicator__{f}" for f in translated_field_names("title"))
        )
    ):
        entries[entry_id].indicators.append(text_in(tuple(titles), lang))
    return [
        LogicColumn(level, str(label), levels.get(level, [])) for level, label in LogicLevel.choices
    ]


# --- Joy and worry lists, checked against indicators -----------------------------------------
@dataclass
class IndicatorCheck:
    indicator_id: int
    title: str
    decimals: int
    region_title: str
    year: int | None = None
    value: float | None = None
    previous_year: int | None = None
    previous_value: float | None = None
    country_year: int | None = None
    country_value: float | None = None

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous_value is None:
            return None
        return self.value - self.previous_value


@dataclass
class ConcernRow:
    id: int
    kind: str
    text: str
    explanation: str
    checks: list[IndicatorCheck] = field(default_factory=list)


def plan_area_regions(plan: Plan) -> tuple[Region | None, Region | None]:
    """The Sotkanet region of the plan's area (its municipality or county; a network's
    municipality or county) and the whole country (category MAA). One query."""
    kind, pk = plan.area
    condition = Q(category=RegionCategory.COUNTRY) | Q(**{f"{kind}_id": pk})
    own = country = None
    for region in Region.objects.filter(condition).order_by("id"):
        if region.category == RegionCategory.COUNTRY:
            country = country or region
        else:
            own = own or region
    return own, country


def plan_concerns(*, plan: Plan) -> dict[str, list[ConcernRow]]:
    """The causes for joy and worry of the plan, each with its indicators' latest two values
    for the plan's area and the country's latest value. Four queries."""
    lang = active_language()
    own, country = plan_area_regions(plan)
    concerns: dict[int, ConcernRow] = {
        pk: ConcernRow(pk, kind, text, explanation)
        for pk, kind, text, explanation in PlanConcern.objects.filter(plan=plan)
        .order_by("kind", "position", "id")
        .values_list("id", "kind", "text", "explanation")
    }
    through = PlanConcern.indicators.through
    links = list(
        through.objects.filter(planconcern__plan=plan)
        .order_by("indicator__title_fi", "indicator_id")
        .values_list(
            "planconcern_id",
            "indicator_id",
            "indicator__decimals",
            *(f"indicator__{f}" for f in translated_field_names("title")),
        )
    )
    indicator_ids = {link[1] for link in links}
    region_ids = [region.pk for region in (own, country) if region is not None]
    values: dict[tuple[int, int], list[tuple[int, float]]] = defaultdict(list)
    if indicator_ids and region_ids:
        for indicator_id, region_id, year, value in (
            IndicatorValue.objects.filter(
                indicator_id__in=indicator_ids, region_id__in=region_ids, gender=Gender.TOTAL
            )
            .order_by("indicator_id", "region_id", "-year")
            .values_list("indicator_id", "region_id", "year", "value")
        ):
            values[(indicator_id, region_id)].append((year, value))
    own_title = text_in((own.title_fi, own.title_sv, own.title_en), lang) if own else ""
    for concern_id, indicator_id, decimals, *titles in links:
        check = IndicatorCheck(indicator_id, text_in(tuple(titles), lang), decimals, own_title)
        if own is not None:
            series = values.get((indicator_id, own.pk), [])
            if series:
                check.year, check.value = series[0]
            if len(series) > 1:
                check.previous_year, check.previous_value = series[1]
        if country is not None and (series := values.get((indicator_id, country.pk))):
            check.country_year, check.country_value = series[0]
        concerns[concern_id].checks.append(check)
    grouped = {kind: [] for kind in ConcernKind.values}
    for concern in concerns.values():
        grouped[concern.kind].append(concern)
    return grouped


def plan_indicator_choices(plan: Plan):
    """Indicators offered for a plan's logic model and joy and worry lists: those its goals
    follow, those of its own indicator sets, of its owner's sets and of the preset sets
    (the THL minimum list, the HYTE coefficient), and those already linked; all indicators
    when there are none of these."""
    kind, pk = plan.area
    sets = Q(is_preset=True) | Q(plans=plan) | Q(**{f"{kind}_id": pk})
    ids = set(
        IndicatorSetItem.objects.filter(
            indicator_set__in=IndicatorSet.objects.filter(sets)
        ).values_list("indicator_id", flat=True)
    )
    ids |= set(GoalIndicator.objects.filter(goal__plan=plan).values_list("indicator_id", flat=True))
    ids |= set(
        PlanConcern.indicators.through.objects.filter(planconcern__plan=plan).values_list(
            "indicator_id", flat=True
        )
    )
    ids |= set(
        LogicModelEntry.indicators.through.objects.filter(logicmodelentry__plan=plan).values_list(
            "indicator_id", flat=True
        )
    )
    queryset = Indicator.objects.order_by("title_fi", "pk")
    return queryset.filter(pk__in=ids) if ids else queryset


# --- Evaluation reports ---------------------------------------------------------------------
def report_recommendations(*, report: EvaluationReport) -> list[Recommendation]:
    return list(
        Recommendation.objects.filter(report=report)
        .select_related("network")
        .order_by("network__name", "position", "id")
    )


def owner_networks(plan: Plan):
    """The networks a plan's evaluation can address: the owner's networks."""
    match plan.owner_kind:
        case "municipality":
            return Network.objects.filter(municipality_id=plan.municipality_id)
        case "wellbeing_county":
            return Network.objects.filter(
                Q(wellbeing_county_id=plan.wellbeing_county_id)
                | Q(municipality__wellbeing_county_id=plan.wellbeing_county_id)
            )
        case _:
            return Network.objects.filter(pk=plan.network_id)


def network_recommendations(*, network: Network, user) -> list[Recommendation]:
    """Recommendations addressed to the network in reports the user may read."""
    rows = list(
        Recommendation.objects.filter(network=network)
        .select_related(
            "report", "report__plan", "report__plan__municipality", "report__plan__wellbeing_county"
        )
        .order_by("-report__year", "position", "id")
    )
    readable: dict[int, bool] = {}
    result = []
    for row in rows:
        plan = row.report.plan
        if plan.pk not in readable:
            readable[plan.pk] = user.has_perm("strategy.view_plan", plan)
        if readable[plan.pk]:
            result.append(row)
    return result


# --- Hyte negotiations ----------------------------------------------------------------------
def county_negotiations(*, county: WellbeingCounty) -> list[HyteNegotiation]:
    return list(HyteNegotiation.objects.filter(wellbeing_county=county).order_by("-held_on"))


def negotiation_detail(*, negotiation: HyteNegotiation) -> dict:
    return {
        "municipalities": list(negotiation.municipalities.order_by("name_fi")),
        "organisations": list(negotiation.participant_organisations.order_by("name_fi")),
        "priorities": [
            line.strip() for line in negotiation.agreed_priorities.splitlines() if line.strip()
        ],
    }

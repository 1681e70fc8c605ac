"""Reads of the HYTE coefficient (hyte-kerroin, seed 001): a county's published scores and
funding per year (the arithmetic in funding.py), the funding rules, and the follow-up
table of the coefficient's indicators that the county's monitoring group
(hyte-kertoimen seurantaryhmä) uses."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import WellbeingCounty
from elinvoima.indicators.enums import FundingLevel, Gender, IndicatorSetKind, RegionCategory
from elinvoima.indicators.hyte.funding import (
    POPULATION_MISSING,
    POPULATION_OF_MUNICIPALITIES,
    POPULATION_OF_MUNICIPALITY,
    POPULATION_ON_SCORE,
    CountyHyte,
    FundingLine,
    YearFunding,
)
from elinvoima.indicators.models import (
    HyteCoefficientScore,
    HyteFundingRule,
    Indicator,
    IndicatorSet,
    IndicatorValue,
    Region,
)


def hyte_county_overview(*, county: WellbeingCounty) -> CountyHyte:
    """A county's scores and funding per year, with its municipalities' and the whole
    region's. Three queries whatever the number of years and municipalities."""
    municipalities = list(county.municipalities.order_by("name"))
    scores = list(
        HyteCoefficientScore.objects.filter(
            Q(wellbeing_county=county) | Q(municipality__wellbeing_county=county)
        )
    )
    rules = {(rule.year, rule.level): rule for rule in HyteFundingRule.objects.all()}
    county_scores = {s.year: s for s in scores if s.wellbeing_county_id == county.pk}
    municipality_scores = {(s.year, s.municipality_id): s for s in scores if s.municipality_id}
    years = sorted({s.year for s in scores} | {year for year, _level in rules}, reverse=True)

    overview = CountyHyte(county=county)
    for year in years:
        county_rule = rules.get((year, FundingLevel.WELLBEING_COUNTY))
        municipality_rule = rules.get((year, FundingLevel.MUNICIPALITY))
        lines = [
            _municipality_line(
                municipality, municipality_scores.get((year, municipality.pk)), municipality_rule
            )
            for municipality in municipalities
        ]
        overview.years.append(
            YearFunding(
                year=year,
                county=_county_line(county, county_scores.get(year), municipalities, county_rule),
                municipalities=lines,
                county_rule=county_rule,
                municipality_rule=municipality_rule,
            )
        )
    return overview


def _municipality_line(municipality, score_row, rule) -> FundingLine:
    if score_row is not None and score_row.population is not None:
        population, year, basis = (
            score_row.population,
            score_row.population_year,
            POPULATION_ON_SCORE,
        )
    elif municipality.population is not None:
        population, year, basis = (
            municipality.population,
            municipality.population_year,
            POPULATION_OF_MUNICIPALITY,
        )
    else:
        population, year, basis = None, None, POPULATION_MISSING
    return FundingLine(
        name=municipality.name,
        level=FundingLevel.MUNICIPALITY,
        score_row=score_row,
        population=population,
        population_year=year,
        population_basis=basis,
        rule=rule,
        municipality=municipality,
    )


def _county_line(county, score_row, municipalities, rule) -> FundingLine:
    if score_row is not None and score_row.population is not None:
        population, year, basis = (
            score_row.population,
            score_row.population_year,
            POPULATION_ON_SCORE,
        )
    elif municipalities and all(m.population is not None for m in municipalities):
        population = sum(m.population for m in municipalities)
        years = {m.population_year for m in municipalities}
        year = years.pop() if len(years) == 1 else None
        basis = POPULATION_OF_MUNICIPALITIES
    else:
        population, year, basis = None, None, POPULATION_MISSING
    return FundingLine(
        name=county.name,
        level=FundingLevel.WELLBEING_COUNTY,
        score_row=score_row,
        population=population,
        population_year=year,
        population_basis=basis,
        rule=rule,
    )


def hyte_scores_of_county(*, county: WellbeingCounty) -> QuerySet[HyteCoefficientScore]:
    """The scores of the county and of its municipalities."""
    return HyteCoefficientScore.objects.filter(
        Q(wellbeing_county=county) | Q(municipality__wellbeing_county=county)
    ).select_related("municipality")


def hyte_funding_rules() -> QuerySet[HyteFundingRule]:
    return HyteFundingRule.objects.order_by("-year", "level")


# --- Follow-up of the coefficient's indicators ------------------------------------------------


@dataclass
class Column:
    label: str
    region: Region | None
    kind: str  # "country", "county" or "municipality"


@dataclass
class Cell:
    value: float
    year: int


@dataclass
class FollowUpRow:
    indicator: Indicator
    cells: list[Cell | None]


@dataclass
class FollowUp:
    county: WellbeingCounty
    year: int
    indicator_set: IndicatorSet | None
    columns: list[Column]
    rows: list[FollowUpRow]
    set_years: list[int]

    @property
    def has_values(self) -> bool:
        return any(cell is not None for row in self.rows for cell in row.cells)


def _hyte_sets(county: WellbeingCounty):
    """The HYTE coefficient sets that apply to the county: its own and the shared presets."""
    return IndicatorSet.objects.filter(kind=IndicatorSetKind.HYTE_COEFFICIENT).filter(
        Q(wellbeing_county=county)
        | Q(is_preset=True, municipality__isnull=True, wellbeing_county__isnull=True)
    )


def hyte_follow_up_years(*, county: WellbeingCounty) -> list[int]:
    return sorted(
        {y for y in _hyte_sets(county).values_list("year", flat=True) if y is not None},
        reverse=True,
    )


def hyte_follow_up_set(*, county: WellbeingCounty, year: int) -> IndicatorSet | None:
    """The year's set: the county's own before the shared preset, a set of the year before
    one without a year."""
    candidates = list(_hyte_sets(county).filter(Q(year=year) | Q(year__isnull=True)))

    def rank(indicator_set: IndicatorSet) -> tuple[int, int, int]:
        return (
            0 if indicator_set.year == year else 1,
            0 if indicator_set.wellbeing_county_id == county.pk else 1,
            indicator_set.pk,
        )

    return min(candidates, key=rank) if candidates else None


def hyte_follow_up(*, county: WellbeingCounty, year: int) -> FollowUp:
    """The indicators of the year's HYTE coefficient set with their latest values (total
    gender) for the whole country, the county and each of its municipalities."""
    indicator_set = hyte_follow_up_set(county=county, year=year)
    municipalities = list(county.municipalities.order_by("name"))
    regions = list(
        Region.objects.filter(
            Q(category=RegionCategory.COUNTRY)
            | Q(wellbeing_county=county)
            | Q(municipality__wellbeing_county=county)
        ).order_by("id")
    )
    country = next((r for r in regions if r.category == RegionCategory.COUNTRY), None)
    county_region = next((r for r in regions if r.wellbeing_county_id == county.pk), None)
    by_municipality = {r.municipality_id: r for r in regions if r.municipality_id}
    columns = [
        Column(str(_("Whole country")), country, "country"),
        Column(county.short_name, county_region, "county"),
        *(Column(m.name, by_municipality.get(m.pk), "municipality") for m in municipalities),
    ]
    rows: list[FollowUpRow] = []
    if indicator_set is not None:
        indicators = [
            item.indicator
            for item in indicator_set.items.select_related("indicator").order_by("position", "id")
        ]
        region_ids = [column.region.pk for column in columns if column.region is not None]
        latest: dict[tuple[int, int], Cell] = {}
        values = IndicatorValue.objects.filter(
            indicator__in=[indicator.pk for indicator in indicators],
            region_id__in=region_ids,
            gender=Gender.TOTAL,
        ).values_list("indicator_id", "region_id", "year", "value")
        for indicator_id, region_id, value_year, value in values:
            known = latest.get((indicator_id, region_id))
            if known is None or value_year > known.year:
                latest[indicator_id, region_id] = Cell(value=value, year=value_year)
        for indicator in indicators:
            rows.append(
                FollowUpRow(
                    indicator=indicator,
                    cells=[
                        latest.get((indicator.pk, column.region.pk)) if column.region else None
                        for column in columns
                    ],
                )
            )
    return FollowUp(
        county=county,
        year=year,
        indicator_set=indicator_set,
        columns=columns,
        rows=rows,
        set_years=hyte_follow_up_years(county=county),
    )

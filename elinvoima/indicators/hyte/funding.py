"""The HYTE coefficient's funding arithmetic (hyte-kerroin, seed 001): the funding each
county and municipality receives, and the lines of a county's funding table.

Funding = population × euros per resident, in Decimal and rounded to cents. The population
is the one recorded on the score row; without one, a municipality's recorded population and,
for a county, the sum of its municipalities' recorded populations. Each line says which.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.indicators.models import HyteCoefficientScore, HyteFundingRule

CENT = Decimal("0.01")
TENTH = Decimal("0.1")
MILLION = Decimal(1_000_000)


def funding_euros(*, population: int, euros_per_resident: Decimal) -> Decimal:
    """The funding of one recipient in euros, rounded to cents (half up)."""
    return (Decimal(population) * Decimal(euros_per_resident)).quantize(
        CENT, rounding=ROUND_HALF_UP
    )


def in_millions(amount: Decimal) -> Decimal:
    """Euros as millions rounded to a tenth, as the seed writes them: 8 642 382 → 8.6."""
    return (amount / MILLION).quantize(TENTH, rounding=ROUND_HALF_UP)


# Where a line's population comes from.
POPULATION_ON_SCORE = "score"
POPULATION_OF_MUNICIPALITY = "municipality"
POPULATION_OF_MUNICIPALITIES = "municipalities"
POPULATION_MISSING = "missing"

POPULATION_BASIS_LABELS: dict[str, str | Promise] = {
    POPULATION_ON_SCORE: _("recorded with the score"),
    POPULATION_OF_MUNICIPALITY: _("the municipality's population in the reference data"),
    POPULATION_OF_MUNICIPALITIES: _("the sum of the municipalities' populations"),
    POPULATION_MISSING: _("no population recorded"),
}


@dataclass
class FundingLine:
    """One recipient's score and funding in one year."""

    name: str
    level: str
    score_row: HyteCoefficientScore | None
    population: int | None
    population_year: int | None
    population_basis: str
    rule: HyteFundingRule | None
    municipality: Municipality | None = None

    @property
    def score(self) -> Decimal | None:
        return self.score_row.score if self.score_row else None

    @property
    def population_basis_label(self) -> str | Promise:
        return POPULATION_BASIS_LABELS[self.population_basis]

    @property
    def euros_per_resident(self) -> Decimal | None:
        return self.rule.euros_per_resident if self.rule else None

    @property
    def funding(self) -> Decimal | None:
        if self.rule is None or self.population is None:
            return None
        return funding_euros(
            population=self.population, euros_per_resident=self.rule.euros_per_resident
        )

    @property
    def funding_millions(self) -> Decimal | None:
        funding = self.funding
        return None if funding is None else in_millions(funding)


def _sum(amounts) -> Decimal | None:
    amounts = [amount for amount in amounts if amount is not None]
    return sum(amounts, Decimal("0.00")) if amounts else None


@dataclass
class YearFunding:
    year: int
    county: FundingLine
    municipalities: list[FundingLine]
    county_rule: HyteFundingRule | None
    municipality_rule: HyteFundingRule | None

    @property
    def municipalities_total(self) -> Decimal | None:
        return _sum(line.funding for line in self.municipalities)

    @property
    def municipalities_total_millions(self) -> Decimal | None:
        total = self.municipalities_total
        return None if total is None else in_millions(total)

    @property
    def total(self) -> Decimal | None:
        """The whole region: the county and its municipalities."""
        return _sum([self.county.funding, self.municipalities_total])

    @property
    def total_millions(self) -> Decimal | None:
        total = self.total
        return None if total is None else in_millions(total)

    @property
    def without_funding(self) -> list[FundingLine]:
        return [line for line in [self.county, *self.municipalities] if line.funding is None]

    @property
    def rules(self) -> list[HyteFundingRule]:
        return [rule for rule in (self.county_rule, self.municipality_rule) if rule]


@dataclass
class CountyHyte:
    county: WellbeingCounty
    years: list[YearFunding] = field(default_factory=list)

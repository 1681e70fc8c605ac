"""Reads of a municipality's own indicators: the list, and an indicator's values for its
municipality."""

from dataclasses import dataclass

from django.db.models import QuerySet

from elinvoima.actors.models import Municipality
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator, IndicatorValue


@dataclass(frozen=True)
class OwnValue:
    year: int
    gender: str
    value: float


def own_indicator_list(*, municipality: Municipality) -> QuerySet[Indicator]:
    return Indicator.objects.filter(
        source=IndicatorSource.OWN, owner_municipality=municipality
    ).order_by("title_fi", "id")


def own_values(*, indicator: Indicator) -> list[OwnValue]:
    rows = IndicatorValue.objects.filter(
        indicator=indicator, region__municipality=indicator.owner_municipality
    ).order_by("year", "gender")
    return [OwnValue(row.year, row.gender, row.value) for row in rows]

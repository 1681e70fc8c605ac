"""Reads of indicator sets: a municipality's sets, the presets, a set's indicators in
order, and the indicators of the catalogue that may be added to a set."""

from django.db.models import Count, Q, QuerySet

from elinvoima.actors.models import Municipality
from elinvoima.indicators.models import Indicator, IndicatorSet, IndicatorSetItem

SEARCH_LIMIT = 20


def indicator_sets_of_municipality(*, municipality: Municipality) -> QuerySet[IndicatorSet]:
    return IndicatorSet.objects.filter(municipality=municipality).annotate(
        indicator_count=Count("items")
    )


def indicator_set_presets() -> QuerySet[IndicatorSet]:
    return IndicatorSet.objects.filter(
        is_preset=True, municipality__isnull=True, wellbeing_county__isnull=True
    ).annotate(indicator_count=Count("items"))


def indicator_set_items(*, indicator_set: IndicatorSet) -> QuerySet[IndicatorSetItem]:
    return indicator_set.items.select_related("indicator").order_by("position", "id")


def indicator_set_candidates(
    *, query: str, indicator_set: IndicatorSet | None = None, limit: int = SEARCH_LIMIT
) -> list[Indicator]:
    """The indicators that may be added to the set: those of the catalogue whose title (in
    any language) or Sotkanet id matches the query, leaving out those already in the set."""
    query = query.strip()[:100]
    if not query:
        return []
    condition = Q(title_fi__icontains=query) | Q(title_sv__icontains=query)
    condition |= Q(title_en__icontains=query)
    if query.isdigit():
        condition |= Q(sotkanet_id=int(query))
    indicators = Indicator.objects.filter(condition)
    if indicator_set is not None:
        indicators = indicators.exclude(
            pk__in=indicator_set.items.values("indicator_id"),
        )
    return list(indicators.order_by("title", "id")[:limit])

"""Reads of indicator sets: a municipality's sets, the presets, a set's indicators in
order, and the indicators of the catalogue that may be added to a set."""

from django.db.models import Count, Q, QuerySet

from elinvoima.actors.models import Municipality
from elinvoima.core.text_search import TextSearch
from elinvoima.indicators.catalogue.selectors import SEARCHED
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
    """The indicators that may be added to the set: those of the catalogue matching the
    query as the catalogue's search does, or by Sotkanet id, leaving out those already in
    the set; the best match first."""
    search = TextSearch(query)  # bounded: the form has refused a longer search
    if not search and not query.strip().isdigit():
        return []
    condition = search.filter(SEARCHED) if search else Q(pk__in=[])
    if query.strip().isdigit():
        condition |= Q(sotkanet_id=int(query))
    indicators = Indicator.objects.filter(condition)
    if indicator_set is not None:
        indicators = indicators.exclude(
            pk__in=indicator_set.items.values("indicator_id"),
        )
    if search:
        indicators = indicators.annotate(search_rank=search.rank(SEARCHED))
        return list(indicators.order_by("-search_rank", "title", "id")[:limit])
    return list(indicators.order_by("title", "id")[:limit])

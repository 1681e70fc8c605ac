"""Indicator sets: the municipality's own list, THL's minimum list and the HYTE coefficient's
measures. Presets have no owner; a coordinator copies one to the municipality and edits the
copy (adds and removes indicators, orders them). Plans and goals of the strategy app refer to
sets by primary key."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.indicators.models import Indicator, IndicatorSet, IndicatorSetItem


@transaction.atomic
def indicator_set_create(
    *,
    name: str,
    kind: str,
    description: str = "",
    year: int | None = None,
    municipality: Municipality | None = None,
    wellbeing_county: WellbeingCounty | None = None,
    copy_from: IndicatorSet | None = None,
) -> IndicatorSet:
    """A new set of a municipality or a county, or a preset (neither); when `copy_from` is
    given, its indicators in the same order and with the same weights."""
    indicator_set = IndicatorSet(
        name=name,
        kind=kind,
        description=description,
        year=year,
        municipality=municipality,
        wellbeing_county=wellbeing_county,
        is_preset=municipality is None and wellbeing_county is None,
    )
    indicator_set.full_clean()
    indicator_set.save()
    if copy_from is not None:
        IndicatorSetItem.objects.bulk_create(
            IndicatorSetItem(
                indicator_set=indicator_set,
                indicator_id=item.indicator_id,
                position=position,
                weight=item.weight,
            )
            for position, item in enumerate(copy_from.items.order_by("position", "id"))
        )
    return indicator_set


@transaction.atomic
def indicator_set_update(
    *, indicator_set: IndicatorSet, name: str, kind: str, description: str, year: int | None
) -> IndicatorSet:
    indicator_set.name, indicator_set.kind = name, kind
    indicator_set.description, indicator_set.year = description, year
    indicator_set.full_clean()
    indicator_set.save()
    return indicator_set


@transaction.atomic
def indicator_set_item_add(
    *, indicator_set: IndicatorSet, indicator: Indicator
) -> IndicatorSetItem:
    IndicatorSet.objects.select_for_update().filter(pk=indicator_set.pk).first()
    if indicator_set.items.filter(indicator=indicator).exists():
        raise ValidationError(
            _("“%(title)s” is already in the set.") % {"title": indicator.title},
            code="already_in_set",
        )
    last = indicator_set.items.aggregate(last=Max("position"))["last"]
    item = IndicatorSetItem.objects.create(
        indicator_set=indicator_set,
        indicator=indicator,
        position=0 if last is None else last + 1,
    )
    indicator_set.save(update_fields=["updated_at"])
    return item


@transaction.atomic
def indicator_set_item_remove(*, indicator_set: IndicatorSet, item_id: int) -> None:
    deleted, _counts = indicator_set.items.filter(pk=item_id).delete()
    if not deleted:
        raise ValidationError(_("That indicator is no longer in the set."), code="not_in_set")
    _renumber(indicator_set, [item.pk for item in indicator_set.items.order_by("position", "id")])


@transaction.atomic
def indicator_set_item_move(*, indicator_set: IndicatorSet, item_id: int, offset: int) -> None:
    """Move an item up (offset -1) or down (+1); positions are renumbered 0, 1, 2..."""
    IndicatorSet.objects.select_for_update().filter(pk=indicator_set.pk).first()
    order = [item.pk for item in indicator_set.items.order_by("position", "id")]
    if item_id not in order:
        raise ValidationError(_("That indicator is no longer in the set."), code="not_in_set")
    index = order.index(item_id)
    target = min(max(index + offset, 0), len(order) - 1)
    order.insert(target, order.pop(index))
    _renumber(indicator_set, order)


def _renumber(indicator_set: IndicatorSet, order: list[int]) -> None:
    items = indicator_set.items.in_bulk(order)
    changed = []
    for position, pk in enumerate(order):
        if items[pk].position != position:
            items[pk].position = position
            changed.append(items[pk])
    IndicatorSetItem.objects.bulk_update(changed, ["position"])
    indicator_set.save(update_fields=["updated_at"])


@transaction.atomic
def indicator_set_delete(*, indicator_set: IndicatorSet) -> None:
    indicator_set.delete()

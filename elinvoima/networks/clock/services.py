"""Writes of the annual clock: those who keep a municipality's, a county's or a network's
clock add, change and remove its items. Permission first, then validation, then the write,
in one transaction (docs/architecture.md)."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.enums import Recurrence

FIRST_YEAR, LAST_YEAR = 2000, 2100
TEXT_FIELDS = (
    "title_fi",
    "title_sv",
    "description_fi",
    "description_sv",
    "how_heard_fi",
    "how_heard_sv",
)


@dataclass(frozen=True)
class ItemData:
    title_fi: str
    kind: str
    year: int
    month: int | None = None
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    recurrence: str = Recurrence.ONCE
    responsible: str = ""
    title_sv: str = ""
    description_fi: str = ""
    description_sv: str = ""
    how_heard_fi: str = ""
    how_heard_sv: str = ""
    heard_groups: list = field(default_factory=list)


def calendar_item_version(item: CalendarItem) -> str:
    return item.updated_at.isoformat()


def _when(data: ItemData) -> tuple[int, int]:
    """The item's year and month: from its first day when it has one."""
    errors: dict[str, list[str]] = {}
    year, month = data.year, data.month
    if data.starts_on is not None:
        if data.starts_on.year != data.year:
            errors["starts_on"] = [_("Give a day of the year %(year)d.") % {"year": data.year}]
        month = data.starts_on.month
    if data.ends_on is not None:
        if data.starts_on is None:
            errors["ends_on"] = [_("Give the first day too.")]
        elif data.ends_on < data.starts_on:
            errors["ends_on"] = [_("The last day cannot be before the first.")]
        elif (data.ends_on - data.starts_on).days > 366:
            errors["ends_on"] = [_("An item lasts at most a year.")]
    if month is None:
        errors["month"] = [_("Give the month, or the day.")]
    if not FIRST_YEAR <= year <= LAST_YEAR:
        errors["year"] = [_("Give a year of 2000 to 2100.")]
    if errors:
        raise ValidationError(errors)
    return year, month  # type: ignore[return-value]


@transaction.atomic
def calendar_item_save(
    *,
    user,
    data: ItemData,
    owner=None,
    item: CalendarItem | None = None,
    loaded_version: str | None = None,
) -> CalendarItem:
    """Add an item to the owner's annual clock, or change one."""
    who = signed_in_or_none(user)
    if item is None:
        authorize(user, "networks.change_clock", owner, visible=("networks.view_clock", owner))
        item = CalendarItem(created_by=who)
        item.owner_assign(owner)
    else:
        authorize(
            user,
            "networks.change_calendar_item",
            item,
            visible=("networks.view_clock", item.owner),
        )
        item = locked_unchanged(
            CalendarItem.objects.all(),
            item.pk,
            loaded_version,
            what=lambda row: _("the item “%(title)s”") % {"title": row.title},
        )
    item.year, item.month = _when(data)
    for name in TEXT_FIELDS:
        setattr(item, name, getattr(data, name).strip())
    setattr(item, "title_en", data.title_fi.strip())  # noqa: B010 (a translation column)
    item.kind = data.kind
    item.starts_on = data.starts_on
    item.ends_on = data.ends_on
    item.recurrence = data.recurrence
    item.responsible = data.responsible.strip()
    item.updated_by = who
    validate_for_save(item)
    item.save()
    item.heard_groups.set(data.heard_groups)
    return item


@transaction.atomic
def calendar_item_delete(*, user, item: CalendarItem) -> None:
    authorize(
        user, "networks.change_calendar_item", item, visible=("networks.view_clock", item.owner)
    )
    CalendarItem.objects.filter(pk=item.pk).delete()

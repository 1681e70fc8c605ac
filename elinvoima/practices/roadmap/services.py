"""Writes of the partnership roadmap: a municipality's coordinators record, step by step, who
takes care of it, by when, and when it was done. Permission first, then validation, then
the write, in one transaction; a step saved by someone else since the form was loaded is
refused (also the very first save of a step, when two people start it at once)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.practices.enums import RoadmapStepCode
from elinvoima.practices.roadmap.models import RoadmapStep

VIEW, CHANGE = "practices.view_roadmap", "practices.change_roadmap"
# The version of a step not saved yet: a form loaded then is refused once someone has saved.
NOT_STARTED = "not-started"
YEARS_AHEAD = 10  # a step is planned at most this many years ahead


def roadmap_step_version(step: RoadmapStep | None) -> str:
    return step.updated_at.isoformat() if step is not None and step.pk else NOT_STARTED


@dataclass(frozen=True)
class RoadmapStepData:
    responsible: str = ""
    due_on: datetime.date | None = None
    done_on: datetime.date | None = None
    notes: str = ""


def _validated(data: RoadmapStepData, previous_due_on: datetime.date | None) -> None:
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if data.done_on is not None and data.done_on > today:
        errors["done_on"] = _("The day it was done cannot be in the future.")
    elif data.done_on is not None and data.done_on.year < 2000:
        errors["done_on"] = _("Choose a day of this century.")
    if data.due_on is not None:
        if data.due_on > today + datetime.timedelta(days=365 * YEARS_AHEAD):
            errors["due_on"] = _("Plan the step at most %(years)d years ahead.") % {
                "years": YEARS_AHEAD
            }
        elif data.due_on < today and data.done_on is None and data.due_on != previous_due_on:
            # A past date is kept as it was (an overdue step), never set anew.
            errors["due_on"] = _("Choose a day from today on, or record the step as done.")
    if errors:
        raise ValidationError(errors)


def _what(row: RoadmapStep) -> str:
    return _("the step “%(step)s”") % {"step": row.get_step_display()}


@transaction.atomic
def roadmap_step_save(
    *,
    user,
    municipality: Municipality,
    step: str,
    data: RoadmapStepData,
    loaded_version: str | None = None,
) -> RoadmapStep:
    """Record a step of the municipality's roadmap, or change it. `loaded_version` is the
    version the form showed (`roadmap_step_version`; NOT_STARTED for a step not saved yet),
    None for a trusted caller that does not check."""
    authorize(user, CHANGE, municipality, visible=(VIEW, municipality))
    if step not in RoadmapStepCode.values:
        raise ValidationError({"step": _("Choose one of the five steps.")})
    existing = RoadmapStep.objects.filter(municipality=municipality, step=step)
    pk = existing.values_list("pk", flat=True).first()
    row = None
    if pk is not None:
        row = locked_unchanged(RoadmapStep.objects.all(), pk, loaded_version, what=_what)
    _validated(data, row.due_on if row is not None else None)
    who = signed_in_or_none(user)
    if row is None:
        row = RoadmapStep(municipality=municipality, step=step, created_by=who)
    row.responsible = data.responsible.strip()
    row.due_on = data.due_on
    row.done_on = data.done_on
    row.notes = data.notes.strip()
    row.updated_by = who
    validate_for_save(row, exclude=("municipality",), constraints=False)
    if row.pk is not None:
        row.save()
        return row
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:  # started by someone else in the same instant: theirs is newer
        locked_unchanged(existing, existing.get().pk, NOT_STARTED, what=_what)  # refuses
        raise
    return row

"""A municipality's own indicators (its surveys, its registers): the indicator in the
catalogue's model and its values for the municipality, entered by the coordinators.

Values live in the same table as Sotkanet's, on the municipality's Sotkanet region, so the
charts and the API show them alike; a municipality whose region is not imported yet gets
one (see `regions.regions_ensure`)."""

import datetime
import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality
from elinvoima.core.validation import validate_for_save
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator, IndicatorValue
from elinvoima.indicators.own_indicators.selectors import OwnValue
from elinvoima.indicators.regions import regions_ensure


@transaction.atomic
def own_indicator_save(
    *,
    indicator: Indicator,
    municipality: Municipality,
    values: list[OwnValue],
    loaded_at: datetime.datetime | None,
) -> Indicator:
    """Save an own indicator and replace its values for the municipality. Refused when
    someone else saved the indicator after the form was loaded."""
    if indicator.pk is not None:
        current = Indicator.objects.select_for_update().get(pk=indicator.pk)
        if loaded_at is not None and current.updated_at > loaded_at:
            raise ValidationError(
                _(
                    "Someone else saved this indicator at %(time)s, after you opened it. "
                    "Reload the page to see their changes, then make yours again."
                )
                % {"time": current.updated_at.strftime("%d.%m.%Y %H:%M")},
                code="concurrent_edit",
            )
    indicator.source = IndicatorSource.OWN
    indicator.sotkanet_id = None
    indicator.owner_municipality = municipality
    # modeltranslation's fields, unknown to mypy.
    indicator.title_en = indicator.title_en or indicator.title_fi  # type: ignore[attr-defined]
    validate_for_save(indicator)
    indicator.save()

    seen: set[tuple[int, str]] = set()
    for row in values:
        if (row.year, row.gender) in seen:
            raise ValidationError(
                _("%(year)d is given twice for the same gender.") % {"year": row.year},
                code="duplicate_year",
            )
        seen.add((row.year, row.gender))
        if not math.isfinite(row.value):  # SQLite stores NaN as NULL; JSON has neither
            raise ValidationError(
                _("The value of %(year)d is not a finite number.") % {"year": row.year},
                code="not_finite",
            )
        validate_for_save(
            IndicatorValue(year=row.year, gender=row.gender, value=row.value),
            exclude=("indicator", "region"),  # the region is ensured below
        )
    region_id = regions_ensure(municipality_codes=[municipality.code]).municipalities[
        municipality.code
    ]
    IndicatorValue.objects.filter(indicator=indicator).exclude(
        region_id=region_id
    ).delete()  # an own indicator has values only for its municipality
    existing = {
        (value.year, value.gender): value
        for value in IndicatorValue.objects.filter(indicator=indicator, region_id=region_id)
    }
    IndicatorValue.objects.filter(
        pk__in=[value.pk for key, value in existing.items() if key not in seen]
    ).delete()
    for row in values:
        IndicatorValue.objects.update_or_create(
            indicator=indicator,
            region_id=region_id,
            year=row.year,
            gender=row.gender,
            defaults={"value": row.value},
        )
    return indicator


@transaction.atomic
def own_indicator_delete(*, indicator: Indicator) -> None:
    """Refused while a goal follows the indicator: the goal would lose its target."""
    if indicator.goal_links.exists():
        raise ValidationError(
            _(
                "Goals of plans follow this indicator. Remove it from those goals first, "
                "then delete it."
            ),
            code="used_by_goals",
        )
    indicator.delete()

"""Writes of experiential data (koettu hyvinvointitieto, seed 000): a municipality's survey,
one result, and a CSV file of results imported all or nothing (read by parsing.py)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality, Village
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.validation import validate_for_save
from elinvoima.indicators.experiential.parsing import experiential_csv_parse, separator_name
from elinvoima.indicators.models import ExperientialResult, ExperientialSurvey


@transaction.atomic
def experiential_survey_create(
    *,
    municipality: Municipality,
    user,
    title: str,
    year: int,
    method: str = "",
    description: str = "",
    respondents: int | None = None,
) -> ExperientialSurvey:
    survey = ExperientialSurvey(
        municipality=municipality,
        title=title,
        year=year,
        method=method,
        description=description,
        respondents=respondents,
        created_by=signed_in_or_none(user),
    )
    validate_for_save(survey)
    survey.save()
    return survey


@transaction.atomic
def experiential_result_add(
    *,
    survey: ExperientialSurvey,
    domain: str,
    question: str,
    village: Village | None = None,
    group: str = "",
    value: float | None = None,
    unit: str = "",
    respondents: int | None = None,
    summary: str = "",
) -> ExperientialResult:
    if village is not None and village.municipality_id != survey.municipality_id:
        raise ValidationError(
            _("The village is not in the survey's municipality."), code="foreign_village"
        )
    result = ExperientialResult(
        survey=survey,
        domain=domain,
        question=question,
        village=village,
        group=group,
        value=value,
        unit=unit,
        respondents=respondents,
        summary=summary,
    )
    validate_for_save(result)
    result.save()
    survey.save(update_fields=["updated_at"])
    return result


# --- CSV import -----------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int
    separator: str
    separator_name: str


@transaction.atomic
def experiential_results_import(*, survey: ExperientialSurvey, data: bytes) -> ImportResult:
    """Import a results file into a survey: every row or none."""
    rows, separator = experiential_csv_parse(data=data, municipality=survey.municipality)
    results = [ExperientialResult(survey=survey, **row) for row in rows]
    for result in results:
        # NUL characters, lengths and choices; the survey, the village and the bounds of the
        # respondents were checked by the parser (and would cost a query a row).
        validate_for_save(result, exclude=("survey", "village", "respondents"))
    ExperientialResult.objects.bulk_create(results)
    survey.save(update_fields=["updated_at"])
    return ImportResult(
        created=len(rows), separator=separator, separator_name=separator_name(separator)
    )

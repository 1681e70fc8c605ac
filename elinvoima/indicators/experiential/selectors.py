"""Reads of experiential data: a municipality's surveys and results, a survey's results,
and results grouped by the six domains of the community card."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils.functional import Promise

from elinvoima.actors.models import Municipality
from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.indicators.models import ExperientialResult, ExperientialSurvey


@dataclass
class DomainResults:
    domain: str
    label: str | Promise
    results: list[ExperientialResult] = field(default_factory=list)


def results_by_domain(results) -> list[DomainResults]:
    """The six domains in the card's order, each with its results (empty ones too)."""
    groups = {
        domain.value: DomainResults(domain=domain.value, label=domain.label)
        for domain in ExperientialDomain
    }
    for result in results:
        groups[result.domain].results.append(result)
    return list(groups.values())


def experiential_surveys_of(*, municipality: Municipality) -> QuerySet[ExperientialSurvey]:
    return municipality.experiential_surveys.annotate(result_count=Count("results")).order_by(
        "-year", "title"
    )


def experiential_results_of(*, municipality: Municipality) -> QuerySet[ExperientialResult]:
    return (
        ExperientialResult.objects.filter(survey__municipality=municipality)
        .select_related("survey", "village")
        .order_by("domain", "-survey__year", "survey__title", "id")
    )


def experiential_results_of_survey(*, survey: ExperientialSurvey) -> QuerySet[ExperientialResult]:
    return survey.results.select_related("village").order_by("domain", "id")

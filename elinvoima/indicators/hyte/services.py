"""Writes of the HYTE coefficient: a score of a county or a municipality, and a funding
rule (euros per resident, per year and level)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from elinvoima.core.validation import validate_for_save
from elinvoima.indicators.models import HyteCoefficientScore, HyteFundingRule


@transaction.atomic
def hyte_score_save(*, score: HyteCoefficientScore) -> HyteCoefficientScore:
    """Save a new or changed score. The form has checked it; so does the service, for its
    trusted callers: the fields first, then one score per recipient and year (in words),
    then NUL characters and the database's check constraints (a recipient that matches the
    level, 0–100)."""
    score.full_clean(validate_unique=False, validate_constraints=False)
    _refuse_duplicate_score(score)
    validate_for_save(score)
    score.save()
    return score


def _refuse_duplicate_score(score: HyteCoefficientScore) -> None:
    others = HyteCoefficientScore.objects.filter(year=score.year).exclude(pk=score.pk)
    if score.wellbeing_county_id is not None:
        others = others.filter(wellbeing_county_id=score.wellbeing_county_id)
    elif score.municipality_id is not None:
        others = others.filter(municipality_id=score.municipality_id)
    else:
        return  # no recipient: refused by the form and by the database's constraint
    if others.exists():
        raise ValidationError(
            _("A score of %(year)s has already been recorded for this recipient: change it.")
            % {"year": score.year},
            code="duplicate_score",
        )


@transaction.atomic
def hyte_funding_rule_save(*, rule: HyteFundingRule) -> HyteFundingRule:
    rule.full_clean(validate_unique=False, validate_constraints=False)
    if (
        HyteFundingRule.objects.filter(year=rule.year, level=rule.level)
        .exclude(pk=rule.pk)
        .exists()
    ):
        raise ValidationError(
            _("The funding rule of %(year)s for this level has already been recorded: change it.")
            % {"year": rule.year},
            code="duplicate_rule",
        )
    validate_for_save(rule)  # NUL characters and the check constraints
    rule.save()
    return rule

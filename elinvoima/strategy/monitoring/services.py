"""Writes of the monitoring pages. The logic model and the joy and worry lists are plan
content (copied into a new version, frozen with an approved one): they go through
`plan_ensure_editable`. Evaluation reports and hyte negotiations follow an approved plan,
so they are written whatever the plan's state."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.strategy.models import EvaluationReport, HyteNegotiation, Plan
from elinvoima.strategy.plans.services import (
    CONCURRENT_EDIT_MESSAGE,
    plan_authorize_change,
    plan_lock_for_change,
)


@transaction.atomic
def logic_model_save(*, plan: Plan, formset, user=None) -> None:
    """Save a valid formset of the plan's logic model entries (added, changed, removed)."""
    plan_lock_for_change(plan.pk, user)
    formset.save()


@transaction.atomic
def plan_concerns_save(*, plan: Plan, formset, user=None) -> None:
    """Save a valid formset of the plan's causes for joy and worry."""
    plan_lock_for_change(plan.pk, user)
    formset.save()


@transaction.atomic
def evaluation_report_save(
    *, report: EvaluationReport, formset, user=None, loaded_at: str | None = None
) -> EvaluationReport:
    """Save an evaluation report with its recommendations to networks in one go. One report
    per plan and year; a concurrent save is refused."""
    plan_authorize_change(user, Plan.objects.select_for_update().get(pk=report.plan_id))
    if (
        report.pk is not None
        and not EvaluationReport.objects.filter(pk=report.pk, plan_id=report.plan_id).exists()
    ):
        raise ValidationError({"plan": _("A report cannot move to another plan.")})
    if report.pk is not None and loaded_at is not None:
        current = EvaluationReport.objects.select_for_update().get(pk=report.pk)
        ensure_unchanged(
            current.updated_at.isoformat(),
            loaded_at,
            message=CONCURRENT_EDIT_MESSAGE,
            code="concurrent_edit",
        )
    duplicate = (
        EvaluationReport.objects.filter(plan_id=report.plan_id, year=report.year)
        .exclude(pk=report.pk)
        .exists()
    )
    if duplicate:
        raise ValidationError(
            {"year": _("This plan already has an evaluation report that year.")},
            code="duplicate_year",
        )
    if report.pk is None:
        report.created_by = user
    validate_for_save(report)
    report.save()
    formset.instance = report
    formset.save()
    return report


@transaction.atomic
def hyte_negotiation_save(
    *,
    negotiation: HyteNegotiation,
    municipalities,
    organisations,
    user=None,
    loaded_at: str | None = None,
) -> HyteNegotiation:
    """Save a hyte negotiation record of the county (permission first); the municipalities
    must be the county's own."""
    authorize(user, "strategy.record_hyte_negotiation", negotiation.wellbeing_county)
    if negotiation.pk is not None:
        current = HyteNegotiation.objects.select_for_update().get(pk=negotiation.pk)
        if current.wellbeing_county_id != negotiation.wellbeing_county_id:
            raise ValidationError(
                {"wellbeing_county": _("A negotiation cannot move to another county.")}
            )
    if negotiation.pk is not None and loaded_at is not None:
        ensure_unchanged(
            current.updated_at.isoformat(),
            loaded_at,
            message=CONCURRENT_EDIT_MESSAGE,
            code="concurrent_edit",
        )
    foreign = [
        m for m in municipalities if m.wellbeing_county_id != negotiation.wellbeing_county_id
    ]
    if foreign:
        raise ValidationError(
            {
                "municipalities": _("%(name)s is not a municipality of this county.")
                % {"name": foreign[0]}
            },
            code="foreign_municipality",
        )
    validate_for_save(negotiation)
    negotiation.save()
    negotiation.municipalities.set(municipalities)
    negotiation.participant_organisations.set(organisations)
    return negotiation


@transaction.atomic
def recommendation_respond(*, recommendation, response: str, user=None) -> None:
    """The network's response to a recommendation addressed to it (Vaala's age-group
    networks answer the evaluation report's recommendations); those who run the network
    respond."""
    authorize(user, "networks.run_network", recommendation.network)
    recommendation.response = response.strip()
    validate_for_save(recommendation)
    recommendation.save(update_fields=["response"])

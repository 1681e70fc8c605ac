"""Writes of grant reports: the association prepares its report of a granted grant from its
activity reports, submits it, and the round's coordinator receives it. Permission first,
then validation, then the write, in one transaction (docs/architecture.md)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from elinvoima.cards.activities.models import Activity
from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.reporting.models import GrantReport
from elinvoima.grants.review.models import GrantDecision


@dataclass(frozen=True)
class GrantReportData:
    summary: str
    used_amount: Decimal
    activities: tuple[Activity, ...] = field(default=())


def report_version(report: GrantReport | None) -> str:
    return report.updated_at.isoformat() if report is not None else ""


def _euros(amount: Decimal) -> str:
    return formats.number_format(amount, 2, use_l10n=True)


def _locked(user, permission: str, application: GrantApplication) -> GrantDecision:
    authorize(user, permission, application, visible=("grants.view_application", application))
    return GrantDecision.objects.select_for_update(of=("self",)).get(application=application)


@transaction.atomic
def grant_report_save(
    *,
    user,
    application: GrantApplication,
    data: GrantReportData,
    loaded_version: str | None = None,
) -> GrantReport:
    """Save the association's report as a draft (its first save or a change)."""
    decision = _locked(user, "grants.write_report", application)
    report = GrantReport.objects.filter(decision=decision).first()
    if report is not None:
        ensure_unchanged(
            report_version(report),
            loaded_version,
            what=_("the grant report"),
            changed_by=report.updated_by,
            changed_at=report.updated_at,
        )
        if report.is_submitted:
            raise ValidationError(_("The grant report was submitted: it is not changed any more."))
    grant_round = application.grant_round
    errors: dict[str, list[str]] = {}
    if data.used_amount > decision.granted_amount:
        errors["used_amount"] = [
            _("The grant was %(granted)s euros.") % {"granted": _euros(decision.granted_amount)}
        ]
    if any(
        activity.organisation_id != application.organisation_id
        or not grant_round.period_starts_on <= activity.starts_on <= grant_round.period_ends_on
        for activity in data.activities
    ):
        errors["activities"] = [
            _("Choose the association's activities of the grant's period only.")
        ]
    if errors:
        raise ValidationError(errors)
    who = signed_in_or_none(user)
    if report is None:
        report = GrantReport(decision=decision, created_by=who)
    report.summary = data.summary.strip()
    report.used_amount = data.used_amount
    report.updated_by = who
    validate_for_save(report, exclude=("decision",))
    report.save()
    report.activities.set(data.activities)
    return report


@transaction.atomic
def grant_report_submit(
    *, user, application: GrantApplication, loaded_version: str | None = None
) -> GrantReport:
    """Send the report to the municipality: the activities' figures are summed into it,
    and it is not changed any more."""
    decision = _locked(user, "grants.write_report", application)
    report = GrantReport.objects.filter(decision=decision).first()
    if report is None or not report.summary:
        raise ValidationError({"summary": [_("Tell what the association did with the grant.")]})
    ensure_unchanged(
        report_version(report),
        loaded_version,
        what=_("the grant report"),
        changed_by=report.updated_by,
        changed_at=report.updated_at,
    )
    figures = report.activities.aggregate(
        count=Count("id"),
        participants=Sum("participants", default=0),
        beyond_members=Sum("beyond_members", default=0),
        volunteer_hours=Sum("volunteer_hours", default=Decimal(0)),
    )
    report.activity_count = figures["count"]
    report.participants = figures["participants"]
    report.beyond_members = figures["beyond_members"]
    report.volunteer_hours = figures["volunteer_hours"]
    report.submitted_at = timezone.now()
    report.updated_by = signed_in_or_none(user)
    report.save()
    return report


@transaction.atomic
def grant_report_receive(*, user, application: GrantApplication) -> GrantReport:
    """The coordinator has read the report and receives it: the grant is accounted for."""
    decision = _locked(user, "grants.receive_report", application)
    report = GrantReport.objects.get(decision=decision)
    if report.received_at is None:
        report.received_at = timezone.now()
        report.received_by = signed_in_or_none(user)
        report.save(update_fields=["received_at", "received_by", "updated_at"])
    return report

"""Writes to measures (toimenpiteet) and their realisation reports.

A measure's definition is plan content: an approved (frozen) plan refuses changes to it. The
realisation reports are the follow-up and go on while the approved plan is in force. Each
implementer reports its own part; the plan's planners may report for any implementer.

The HTML views and the API call the same functions; each asks permission first (404 for a
measure or goal the user may not see, 403 when the user may not change or report it), then
validates, then writes in one transaction."""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from elinvoima.actors.models import Organisation
from elinvoima.actors.permissions import is_member_of
from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.translation import text_in, translated_field_names
from elinvoima.core.validation import validate_for_save
from elinvoima.strategy.enums import MeasureStatus
from elinvoima.strategy.goal_cards.services import field_error, period_validate
from elinvoima.strategy.models import Goal, Measure, MeasureReport
from elinvoima.strategy.permissions import can_change_plan
from elinvoima.strategy.plans.services import plan_ensure_editable, version_of

# What a measure says about itself; `implementers` and `goal` are passed separately.
MEASURE_FIELDS = frozenset(
    {
        "title_fi",
        "title_sv",
        "title_en",
        "description_fi",
        "description_sv",
        "description_en",
        "responsible_names",
        "resources",
        "budget",
        "starts_on",
        "ends_on",
        "expected_output",
        "status",
        "position",
    }
)


def _validate_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - MEASURE_FIELDS
    if unknown:
        raise TypeError(f"unknown measure fields: {sorted(unknown)}")


def _validate_measure(measure: Measure) -> None:
    errors: dict[str, str] = {}
    titles = (getattr(measure, field) for field in translated_field_names("title"))
    if not text_in(tuple(titles)).strip():
        errors["title_fi"] = _("Tell what is done.")
    if measure.starts_on and measure.ends_on and measure.ends_on < measure.starts_on:
        errors["ends_on"] = _("The measure cannot end before it starts.")
    if measure.budget is not None and Decimal(measure.budget) < 0:
        errors["budget"] = _("The budget cannot be negative.")
    if measure.status not in MeasureStatus.values:
        errors["status"] = _("Choose a status.")
    if errors:
        raise ValidationError(errors, code="invalid")


def measure_authorize_add(user, goal: Goal) -> None:
    """May the user add a measure under the goal: 404 when the goal is hidden from the user."""
    authorize(user, "strategy.change_plan", goal.plan, visible=("strategy.view_goal", goal))


def measure_authorize_change(user, measure: Measure) -> None:
    authorize(
        user, "strategy.change_plan", measure.plan, visible=("strategy.view_measure", measure)
    )


def measure_authorize_report(user, measure: Measure) -> None:
    authorize(user, "strategy.report_measure", measure, visible=("strategy.view_measure", measure))


def _measure_locked(measure: Measure) -> Measure:
    try:
        return Measure.objects.select_for_update().select_related("plan").get(pk=measure.pk)
    except Measure.DoesNotExist:
        raise Http404 from None


@transaction.atomic
def measure_create(
    *, goal: Goal, user, implementers: Iterable[Organisation] = (), **fields: Any
) -> Measure:
    """Add a measure under a goal of an editable plan."""
    goal = Goal.objects.select_related("plan").get(pk=goal.pk)
    measure_authorize_add(user, goal)
    _validate_fields(fields)
    plan_ensure_editable(goal.plan)
    if "position" not in fields:
        last = Measure.objects.filter(goal=goal).aggregate(last=Max("position"))["last"]
        fields["position"] = 0 if last is None else last + 1
    measure = Measure(plan=goal.plan, goal=goal, **fields)
    _validate_measure(measure)
    measure.updated_by = signed_in_or_none(user)
    validate_for_save(measure)
    measure.save()
    measure.implementers.set(list(implementers))
    return measure


@transaction.atomic
def measure_update(
    *,
    measure: Measure,
    user,
    goal: Goal | None = None,
    implementers: Iterable[Organisation] | None = None,
    loaded_version=None,
    **fields: Any,
) -> Measure:
    """Change a measure of an editable plan; `goal` moves it under another goal of the same
    plan. Refused when someone else saved it since `loaded_version` (the form's `loaded_at`,
    the API's If-Match; None: not known, `ANY`: If-Match: *), compared under the row lock."""
    measure = _measure_locked(measure)
    measure_authorize_change(user, measure)
    plan_ensure_editable(measure.plan)
    ensure_unchanged(
        version_of(measure),
        loaded_version,
        what=_("this measure"),
        changed_by=measure.updated_by,
        changed_at=measure.updated_at,
    )
    _validate_fields(fields)
    if goal is not None:
        # A goal the user may not see is refused as one of another plan: no hint it exists.
        hidden = user is not None and not user.has_perm("strategy.view_goal", goal)
        if hidden or goal.plan_id != measure.plan_id:
            raise field_error(
                "goal",
                _("A measure can only move under another goal of the same plan."),
                code="foreign_goal",
            )
        measure.goal = goal
    for name, value in fields.items():
        setattr(measure, name, value)
    _validate_measure(measure)
    measure.updated_by = signed_in_or_none(user)
    validate_for_save(measure)
    measure.save()
    if implementers is not None:
        measure.implementers.set(list(implementers))
    return measure


@transaction.atomic
def measure_delete(*, measure: Measure, user) -> int:
    """Delete a measure of an editable plan with its reports; returns how many reports went
    with it (the page told the user before asking)."""
    measure = _measure_locked(measure)
    measure_authorize_change(user, measure)
    plan_ensure_editable(measure.plan)
    reports = measure.reports.count()
    measure.delete()
    return reports


# --- Realisation reports --------------------------------------------------------------------


def measure_reportable_organisations(*, measure: Measure, user) -> list[Organisation]:
    """The implementers the user may report for: planners (and the platform admin) for any,
    everyone else only for the organisations they are members of (`user` None: a trusted
    caller, for any)."""
    implementers = list(measure.implementers.all())
    if user is None or can_change_plan(user, measure.plan):
        return implementers
    return [organisation for organisation in implementers if is_member_of(user, organisation)]


def measure_report_version(report: MeasureReport | None) -> str:
    """The version of a report a form loaded: when it was saved, or "" for a new one."""
    if report is None or report.pk is None:
        return ""
    return report.reported_at.isoformat()


@transaction.atomic
def measure_report_save(
    *,
    measure: Measure,
    user,
    organisation: Organisation,
    year: int,
    tertial: int,
    status: str,
    realisation: str,
    notes: str = "",
    loaded_version: str | None = None,
) -> MeasureReport:
    """Report (or correct) how an implementer carried out the measure in a four-month
    period. When it is the newest period reported, the measure's status follows it.

    `loaded_version` guards against overwriting someone else's report saved meanwhile ("" for
    a new report); None skips the check (a client that does not know it). Compared as
    core.concurrency compares versions; the refusal names who reported (code
    "concurrent_edit", which the report page answers by showing their text)."""
    measure = _measure_locked(measure)
    measure_authorize_report(user, measure)
    if organisation.pk not in {o.pk for o in measure.implementers.all()}:
        raise field_error(
            "organisation",
            _("%(name)s is not an implementer of this measure.") % {"name": organisation},
            code="not_implementer",
        )
    if organisation.pk not in {
        o.pk for o in measure_reportable_organisations(measure=measure, user=user)
    }:
        raise PermissionDenied(_("You can report only for the organisations you act for."))
    period_validate(plan=measure.plan, year=year, tertial=tertial)
    if status not in MeasureStatus.values:
        raise field_error("status", _("Choose a status."), code="status")
    if not realisation.strip():
        raise field_error("realisation", _("Tell what was done in the period."), code="required")
    report = (
        MeasureReport.objects.filter(
            measure=measure, year=year, tertial=tertial, organisation=organisation
        )
        .select_related("reported_by")
        .first()
    )
    who = report.reported_by if report is not None else None
    ensure_unchanged(
        measure_report_version(report),
        loaded_version,
        message=_(
            "%(name)s saved the report of this period while you were writing yours. "
            "Their text is shown on the page; check it and save again."
        )
        % {"name": who or _("someone")},
        code="concurrent_edit",
    )
    if report is None:
        report = MeasureReport(
            measure=measure, year=year, tertial=tertial, organisation=organisation
        )
    report.status = status
    report.realisation = realisation
    report.notes = notes
    report.reported_by = signed_in_or_none(user)
    validate_for_save(report)
    report.save()
    newest = MeasureReport.objects.filter(measure=measure).order_by("-year", "-tertial").first()
    if newest is not None and (newest.year, newest.tertial) == (year, tertial):
        # The realisation status is follow-up, not plan content: it changes on a frozen plan.
        Measure.objects.filter(pk=measure.pk).update(status=status)
    return report


def measure_is_late(measure: Measure, *, today: datetime.date) -> bool:
    if measure.status == MeasureStatus.DELAYED:
        return True
    return (
        measure.ends_on is not None
        and measure.ends_on < today
        and measure.status not in (MeasureStatus.DONE, MeasureStatus.CANCELLED)
    )


# --- Measures a network agreed ---------------------------------------------------------------
def network_goals(network) -> QuerySet[Goal]:
    """Goals of the priority areas the network answers for (sub-goals included)."""
    return (
        Goal.objects.filter(
            Q(priority_area__networks=network) | Q(parent__priority_area__networks=network)
        )
        .select_related("plan")
        .distinct()
    )


@transaction.atomic
def network_measure_create(
    *,
    user,
    network,
    goal: Goal,
    title_fi: str,
    title_sv: str = "",
    description_fi: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> Measure:
    """A measure the network agreed for a goal of a priority area it answers for, in the plan
    (seed 000: "Ikäkausiverkostot kirjaavat … sovitut toimenpiteet ja toteuttajat"). Recorded
    by those who run the network, while the plan is being prepared."""
    authorize(user, "networks.run_network", network, visible=("networks.view_network", network))
    if not network_goals(network).filter(pk=goal.pk).exists() or (
        user is not None and not user.has_perm("strategy.view_goal", goal)
    ):
        raise field_error(
            "goal",
            _("Choose a goal of a priority area the network answers for."),
            code="foreign_goal",
        )
    goal = Goal.objects.select_related("plan").get(pk=goal.pk)
    plan_ensure_editable(goal.plan)
    last = Measure.objects.filter(goal=goal).aggregate(last=Max("position"))["last"]
    measure = Measure(
        plan=goal.plan,
        goal=goal,
        agreed_by=network,
        description_fi=description_fi.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        position=0 if last is None else last + 1,
        updated_by=signed_in_or_none(user),
    )
    for language, text in (("fi", title_fi), ("sv", title_sv), ("en", title_fi)):
        setattr(measure, f"title_{language}", text.strip())
    _validate_measure(measure)
    validate_for_save(measure)
    measure.save()
    return measure

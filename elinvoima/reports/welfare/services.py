"""Writes of the welfare report: start a report, write its sections, ask contributors for
their cards and remind them, take the data snapshot, send it to decision-making, record
the approval chain's decisions (the last approval freezes and publishes it), start the
next version, and open the year's hyte negotiations from an approved county report.
Permission first, then validation, then the write, in one transaction."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.core.concurrency import ensure_unchanged, locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.reports.enums import (
    ContributionKind,
    ContributionState,
    ReportKind,
    ReportState,
    SectionKey,
)
from elinvoima.reports.welfare.models import (
    Contribution,
    Report,
    ReportDecision,
    ReportSection,
)
from elinvoima.reports.welfare.selectors import contributor_choices
from elinvoima.reports.welfare.snapshot import report_snapshot_take
from elinvoima.strategy.enums import APPROVAL_CHAINS, DecisionBody, DecisionOutcome
from elinvoima.strategy.models import HyteNegotiation, Plan
from elinvoima.strategy.monitoring.services import hyte_negotiation_save

VIEW, CHANGE = "reports.view_report", "reports.change_report"


def report_version(report: Report) -> str:
    return report.updated_at.isoformat()


def _locked(report: Report, loaded_version: str | None = None) -> Report:
    return locked_unchanged(
        Report.objects.all(),
        report.pk,
        loaded_version,
        what=lambda row: _("the report “%(title)s”") % {"title": row.title},
    )


def _writable(user, report: Report, loaded_version: str | None = None) -> Report:
    """The report locked for a change, asked as it is now; refused once approved."""
    report = Report.objects.get(pk=report.pk)
    authorize(user, CHANGE, report, visible=(VIEW, report))
    report = _locked(report, loaded_version)
    if report.is_frozen:
        raise ValidationError(
            _("An approved report is not changed: start a new version of it."), code="frozen"
        )
    return report


@dataclass(frozen=True)
class ReportData:
    kind: str
    title_fi: str
    start_year: int
    end_year: int
    title_sv: str = ""
    plan: Plan | None = None
    collection_due_on: datetime.date | None = None


def _check(report: Report, data: ReportData) -> None:
    owner_kind = report.owner_kind
    if (data.kind == ReportKind.COUNTY_YEARLY) != (owner_kind == "wellbeing_county"):
        raise ValidationError(
            {"kind": _("A county writes the county's yearly report; a municipality its own.")}
        )
    if data.plan is not None and (
        data.plan.owner_kind != owner_kind or data.plan.owner != report.owner
    ):
        raise ValidationError({"plan": _("Choose a plan of the report's own owner.")})


@transaction.atomic
def report_save(
    *,
    user,
    data: ReportData,
    owner=None,
    report: Report | None = None,
    loaded_version: str | None = None,
) -> Report:
    """Start a report of `owner` (a municipality or a county), with its empty sections, or
    change one not yet approved."""
    who = signed_in_or_none(user)
    created = report is None
    if report is None:
        authorize(user, "reports.add_report", owner)
        report = Report(created_by=who, state=ReportState.COLLECTING)
        report.owner_assign(owner)
    else:
        report = _writable(user, report, loaded_version)
    _check(report, data)
    report.kind = data.kind
    for language, text in (("fi", data.title_fi), ("sv", data.title_sv), ("en", data.title_fi)):
        setattr(report, f"title_{language}", text.strip())
    report.start_year, report.end_year = data.start_year, data.end_year
    report.plan = data.plan
    report.collection_due_on = data.collection_due_on
    report.updated_by = who
    validate_for_save(report)
    report.save()
    if created:
        ReportSection.objects.bulk_create(
            ReportSection(report=report, key=key) for key in SectionKey.values
        )
    return report


@transaction.atomic
def section_save(
    *, user, report: Report, key: str, text_fi: str, text_sv: str, loaded_version: str | None
) -> ReportSection:
    """Write a narrative section; two writers of one section cannot overwrite each other."""
    report = _writable(user, report)
    section = (
        ReportSection.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .get(report=report, key=key)
    )
    ensure_unchanged(
        section.updated_at.isoformat(),
        loaded_version,
        what=_("the section “%(section)s”") % {"section": section.get_key_display()},
        changed_by=section.updated_by,
        changed_at=section.updated_at,
    )
    for language, text in (("fi", text_fi), ("sv", text_sv), ("en", text_fi)):
        setattr(section, f"text_{language}", text.strip())
    section.updated_by = signed_in_or_none(user)
    validate_for_save(section)
    section.save()
    return section


# --- Data collection --------------------------------------------------------------------------


@transaction.atomic
def contributions_request(
    *, user, report: Report, kind: str, organisations, due_on: datetime.date
) -> list[Contribution]:
    """Ask each of `organisations` for its card of `kind` by `due_on`; one already asked is
    skipped."""
    report = _writable(user, report)
    if kind not in ContributionKind.values:
        raise ValidationError({"kind": _("Choose a card.")})
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": _("The due date cannot be in the past.")})
    allowed = set(contributor_choices(report, kind).values_list("pk", flat=True))
    chosen = [organisation for organisation in organisations if organisation.pk in allowed]
    if len(chosen) != len(list(organisations)) or not chosen:
        raise ValidationError(
            {"organisations": _("Choose contributors among those offered for this card.")}
        )
    asked = set(report.contributions.filter(kind=kind).values_list("organisation_id", flat=True))
    return Contribution.objects.bulk_create(
        Contribution(report=report, kind=kind, organisation=organisation, due_on=due_on)
        for organisation in chosen
        if organisation.pk not in asked
    )


@dataclass(frozen=True)
class CardData:
    done: str = ""
    successes: str = ""
    challenges: str = ""
    next_steps: str = ""
    people_reached: int | None = None


@transaction.atomic
def contribution_deliver(
    *, user, contribution: Contribution, data: CardData, loaded_version: str | None = None
) -> Contribution:
    """Deliver the card (or change it while the report is being written)."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    authorize(
        user,
        "reports.deliver_contribution",
        contribution,
        visible=("reports.view_contribution", contribution),
    )
    ensure_unchanged(
        contribution.updated_at.isoformat(),
        loaded_version,
        what=_("the card"),
        changed_by=contribution.delivered_by,
        changed_at=contribution.updated_at,
    )
    if contribution.report.state in (ReportState.PROCESSING, ReportState.APPROVED):
        raise ValidationError(
            _("The report has gone to decision-making: the cards can no longer change.")
        )
    if not (data.done.strip() or data.successes.strip() or data.challenges.strip()):
        raise ValidationError(
            {"done": _("Tell at least what you did, what succeeded or what was hard.")}
        )
    for name in ("done", "successes", "challenges", "next_steps"):
        setattr(contribution, name, getattr(data, name).strip())
    contribution.people_reached = data.people_reached
    contribution.state = ContributionState.DELIVERED
    contribution.delivered_at = timezone.now()
    contribution.delivered_by = signed_in_or_none(user)
    validate_for_save(contribution)
    contribution.save()
    return contribution


@transaction.atomic
def contributions_to_remind(*, user, report: Report) -> list[int]:
    """The cards not delivered, marked reminded now; their contributors' people are mailed
    (reports/welfare/mail.py)."""
    report = _writable(user, report)
    pending = report.contributions.filter(state=ContributionState.REQUESTED)
    ids = list(pending.values_list("pk", flat=True))
    if not ids:
        raise ValidationError(_("Every card has been delivered."))
    Contribution.objects.filter(pk__in=ids).update(reminded_at=timezone.now())
    return ids


# --- The path to approval -----------------------------------------------------------------------


def report_data_read(*, user, report: Report) -> Report:
    """Read the data of a report being prepared anew, in one consistent read. Written with
    an update that leaves `updated_at` alone: reading the data is no edit that others'
    forms should be told about."""
    report = Report.objects.get(pk=report.pk)
    authorize(user, CHANGE, report, visible=(VIEW, report))
    if report.is_frozen:
        raise ValidationError(_("An approved report keeps the data it was approved with."))
    report_snapshot_take(report)
    Report.objects.filter(pk=report.pk).update(
        snapshot=report.snapshot, snapshot_at=report.snapshot_at
    )
    return report


@transaction.atomic
def report_send_to_decision(*, user, report: Report) -> Report:
    """To the approval chain: the data are read once more and stay as read."""
    report = _writable(user, report)
    if report.state == ReportState.PROCESSING:
        raise ValidationError(_("The report is already in decision-making."))
    report_snapshot_take(report)
    report.state = ReportState.PROCESSING
    report.save(update_fields=["state", "snapshot", "snapshot_at", "updated_at"])
    return report


def next_decision_body(report: Report) -> str | None:
    """The body whose decision the report waits for, or None when approved or not sent."""
    if report.state != ReportState.PROCESSING:
        return None
    chain = APPROVAL_CHAINS[report.owner_kind]
    position = 0
    for decision in report.decisions.order_by("decided_on", "recorded_at", "pk"):
        if decision.outcome == DecisionOutcome.RETURNED:
            position = 0
        elif position < len(chain) and decision.body == chain[position]:
            position += 1
    return chain[position] if position < len(chain) else None


@transaction.atomic
def decision_record(
    *, user, report: Report, body: str, outcome: str, decided_on, reference: str = ""
) -> ReportDecision:
    """Record the next body's decision. A return sends the report back to writing; the
    last body's approval freezes the report and publishes it (seed 001: hyte board →
    regional board → regional council → the report to the municipalities)."""
    report = _writable(user, report)
    expected = next_decision_body(report)
    if expected is None or body != expected:
        labels = dict(DecisionBody.choices)
        raise ValidationError(
            {
                "body": _("The report waits for the decision of: %(body)s.")
                % {"body": labels.get(expected, "—") if expected else "—"}
            }
        )
    if outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": _("Choose the decision.")})
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("A decision cannot be dated in the future.")})
    decision = ReportDecision.objects.create(
        report=report,
        body=body,
        outcome=outcome,
        decided_on=decided_on,
        reference=reference.strip(),
        recorded_by=signed_in_or_none(user),
    )
    if outcome == DecisionOutcome.RETURNED:
        report.state = ReportState.DRAFTING
    elif body == APPROVAL_CHAINS[report.owner_kind][-1]:
        report.state = ReportState.APPROVED
        report.approved_on = decided_on
        report.published_at = timezone.now()
    report.save(update_fields=["state", "approved_on", "published_at", "updated_at"])
    return decision


@transaction.atomic
def report_new_version(*, user, report: Report) -> Report:
    """The next version of an approved report: a copy of its title and sections, being
    written, whose data are read anew; its cards are asked anew."""
    report = Report.objects.get(pk=report.pk)
    authorize(user, CHANGE, report, visible=(VIEW, report))
    report = _locked(report)
    if not report.is_frozen:
        raise ValidationError(_("Only an approved report gets a new version."))
    if Report.objects.filter(previous_version=report).exists():
        raise ValidationError(_("A newer version of this report already exists."))
    sections = list(report.sections.all())
    copy = Report.objects.get(pk=report.pk)
    copy.pk = None
    copy.version = report.version + 1
    copy.previous_version = report
    copy.state = ReportState.DRAFTING
    copy.approved_on = copy.published_at = copy.snapshot = copy.snapshot_at = None
    copy.negotiation = None
    copy.created_by = copy.updated_by = signed_in_or_none(user)
    copy.save()
    for section in sections:
        section.pk = None
        section.report = copy
    ReportSection.objects.bulk_create(sections)
    return copy


@transaction.atomic
def negotiation_start(*, user, report: Report, held_on: datetime.date) -> HyteNegotiation:
    """Open the year's hyte negotiations from an approved county report ("Raportti kuntiin →
    Vuosittaiset hyte-neuvottelut"): the negotiation record of the strategy app, with the
    county's municipalities and the report's summary as the pre-assignment."""
    report = Report.objects.select_related("wellbeing_county").get(pk=report.pk)
    authorize(user, VIEW, report)
    if report.kind != ReportKind.COUNTY_YEARLY or not report.is_frozen:
        raise ValidationError(_("The negotiations start from the county's approved report."))
    if report.negotiation_id is not None:
        raise ValidationError(_("The negotiations of this report have already been started."))
    county = report.wellbeing_county
    assert county is not None  # a county's yearly report
    summary = report.sections.filter(key=SectionKey.SUMMARY).values_list("text_fi", flat=True)
    negotiation = hyte_negotiation_save(
        negotiation=HyteNegotiation(
            wellbeing_county=county,
            held_on=held_on,
            pre_assignment=_(
                "Read the welfare report “%(title)s” and its summary before the negotiations:"
            )
            % {"title": str(report)}
            + "\n\n"
            + (summary.first() or ""),
        ),
        municipalities=list(county.municipalities.all()),
        organisations=[],
        user=user,
    )
    report.negotiation = negotiation
    report.save(update_fields=["negotiation"])
    return negotiation

"""Writes of review and decision: a reviewer scores an application or declares a conflict
of interest; a coordinator records the decision, publishes the round's decisions and records
the payment. Permission first, then validation, then the write, in one transaction
(docs/architecture.md). A decision locks its round's row, so that two coordinators deciding
at once cannot together grant more than the round's budget."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from elinvoima.actors.models import Organisation
from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.enums import ApplicationState
from elinvoima.grants.models import GrantRound
from elinvoima.grants.review.models import (
    MAX_POINTS,
    ConflictOfInterest,
    GoalScore,
    GrantDecision,
    Review,
)
from elinvoima.strategy.models import Goal, Measure


@dataclass(frozen=True)
class ReviewData:
    criteria_points: int
    comment: str = ""
    # Points for each of the round's goals.
    goal_points: tuple[tuple[Goal, int], ...] = field(default=())


@dataclass(frozen=True)
class DecisionData:
    granted_amount: Decimal
    reasons: str
    conditions: str = ""
    pay_on: datetime.date | None = None
    report_due_on: datetime.date | None = None


def _euros(amount: Decimal) -> str:
    return formats.number_format(amount, 2, use_l10n=True)


def review_version(review: Review | None) -> str:
    return review.updated_at.isoformat() if review is not None else ""


def decision_version(decision: GrantDecision | None) -> str:
    return decision.updated_at.isoformat() if decision is not None else ""


def _mark_in_review(application: GrantApplication) -> None:
    GrantApplication.objects.filter(pk=application.pk, state=ApplicationState.SUBMITTED).update(
        state=ApplicationState.IN_REVIEW, updated_at=timezone.now()
    )


@transaction.atomic
def review_save(
    *, user, application: GrantApplication, data: ReviewData, loaded_version: str | None = None
) -> Review:
    """Save the user's scores of the application (their first, or a change)."""
    authorize(
        user,
        "grants.review_application",
        application,
        visible=("grants.view_application", application),
    )
    application = GrantApplication.objects.select_for_update(of=("self",)).get(pk=application.pk)
    review = Review.objects.filter(application=application, reviewer=user).first()
    ensure_unchanged(
        review_version(review) or None,
        loaded_version if review is not None else None,
        message=_("You changed your review in another window. Check it and save again."),
    )
    round_goals = {goal.pk for goal in application.grant_round.goals.all()}
    points = [data.criteria_points, *(points for _goal, points in data.goal_points)]
    if any(goal.pk not in round_goals for goal, _points in data.goal_points):
        raise ValidationError(_("Score the goals of this round only."))
    if any(not 0 <= value <= MAX_POINTS for value in points):
        raise ValidationError(_("Give 0 to 5 points."))
    if review is None:
        review = Review(application=application, reviewer=user)
    review.criteria_points = data.criteria_points
    review.comment = data.comment.strip()
    review.save()
    review.goal_scores.all().delete()
    GoalScore.objects.bulk_create(
        GoalScore(review=review, goal=goal, points=value) for goal, value in data.goal_points
    )
    _mark_in_review(application)
    return review


@transaction.atomic
def conflict_declare(*, user, application: GrantApplication, reason: str) -> ConflictOfInterest:
    """Declare that the user is conflicted in the application: their scores of it are
    removed, and from now on they do not see, score or decide it."""
    authorize(
        user,
        "grants.declare_conflict",
        application,
        visible=("grants.view_application", application),
    )
    if not reason.strip():
        raise ValidationError({"reason": [_("Tell why you are conflicted.")]})
    try:
        with transaction.atomic():
            conflict = ConflictOfInterest.objects.create(
                application=application, person=user, reason=reason.strip()
            )
    except IntegrityError:  # declared in another window: once is enough
        return ConflictOfInterest.objects.get(application=application, person=user)
    Review.objects.filter(application=application, reviewer=user).delete()
    return conflict


def _ensure_closed(grant_round: GrantRound) -> None:
    if grant_round.closes_on >= timezone.localdate():
        raise ValidationError(
            _("The applications are decided once the round has closed on %(closes)s.")
            % {"closes": formats.date_format(grant_round.closes_on, "SHORT_DATE_FORMAT")},
            code="round_open",
        )


def _granted_by_others(grant_round: GrantRound, application: GrantApplication) -> Decimal:
    return GrantDecision.objects.filter(application__grant_round=grant_round).exclude(
        application=application
    ).aggregate(total=Sum("granted_amount"))["total"] or Decimal(0)


@transaction.atomic
def grant_decision_save(
    *,
    user,
    application: GrantApplication,
    data: DecisionData,
    loaded_version: str | None = None,
) -> GrantDecision:
    """Record or change the decision on an application until the round's decisions are
    published. The round's decisions together stay within its budget."""
    authorize(user, "grants.decide", application, visible=("grants.view_application", application))
    # The round's row is the lock of its budget: deciders of one round queue here.
    grant_round = GrantRound.objects.select_for_update(of=("self",)).get(
        pk=application.grant_round_id
    )
    application = GrantApplication.objects.select_for_update(of=("self",)).get(pk=application.pk)
    decision = GrantDecision.objects.filter(application=application).first()
    if decision is not None:
        ensure_unchanged(
            decision_version(decision),
            loaded_version,
            what=_("the decision on the application of %(name)s")
            % {"name": application.organisation},
            changed_by=decision.updated_by,
            changed_at=decision.updated_at,
        )
    if grant_round.decisions_published_at is not None:
        raise ValidationError(_("The decisions of the round have been published."))
    _ensure_closed(grant_round)
    errors: dict[str, list[str]] = {}
    if not data.reasons.strip():
        errors["reasons"] = [_("Give the reasons for the decision.")]
    if data.granted_amount > application.requested_amount:
        errors["granted_amount"] = [
            _("The association applied for %(requested)s euros.")
            % {"requested": _euros(application.requested_amount)}
        ]
    else:
        total = _granted_by_others(grant_round, application) + data.granted_amount
        if total > grant_round.budget:
            errors["granted_amount"] = [
                _(
                    "The round's decisions would grant %(over)s euros more than its budget "
                    "of %(budget)s euros."
                )
                % {"over": _euros(total - grant_round.budget), "budget": _euros(grant_round.budget)}
            ]
    if errors:
        raise ValidationError(errors)
    who = signed_in_or_none(user)
    if decision is None:
        decision = GrantDecision(application=application, created_by=who)
    decision.granted_amount = data.granted_amount
    decision.reasons = data.reasons.strip()
    decision.conditions = data.conditions.strip()
    decision.pay_on = data.pay_on if data.granted_amount > 0 else None
    decision.report_due_on = data.report_due_on if data.granted_amount > 0 else None
    decision.updated_by = who
    validate_for_save(decision, exclude=("application",))
    decision.save()
    _mark_in_review(application)
    return decision


@transaction.atomic
def grant_decisions_publish(*, user, grant_round: GrantRound) -> GrantRound:
    """Publish the round's decisions together once every submitted application has one:
    the applicants and everyone read them, and the applications are decided."""
    authorize(
        user, "grants.publish_decisions", grant_round, visible=("grants.view_round", grant_round)
    )
    grant_round = GrantRound.objects.select_for_update(of=("self",)).get(pk=grant_round.pk)
    if grant_round.decisions_published_at is not None:
        return grant_round  # published twice (a double click): once is enough
    _ensure_closed(grant_round)
    undecided = (
        GrantApplication.objects.filter(grant_round=grant_round, decision__isnull=True)
        .exclude(state=ApplicationState.DRAFT)
        .count()
    )
    if undecided:
        raise ValidationError(
            ngettext(
                "%(count)d application has no decision yet.",
                "%(count)d applications have no decision yet.",
                undecided,
            )
            % {"count": undecided}
        )
    now = timezone.now()
    GrantApplication.objects.filter(grant_round=grant_round, decision__isnull=False).update(
        state=ApplicationState.DECIDED, updated_at=now
    )
    grant_round.decisions_published_at = now
    grant_round.updated_by = signed_in_or_none(user)
    grant_round.save(update_fields=["decisions_published_at", "updated_by", "updated_at"])
    return grant_round


@transaction.atomic
def grant_payment_record(
    *, user, application: GrantApplication, paid_on: datetime.date | None
) -> GrantDecision:
    """Record the day the grant was paid (None: not paid after all)."""
    authorize(
        user, "grants.record_payment", application, visible=("grants.view_application", application)
    )
    decision = GrantDecision.objects.select_for_update().filter(application=application).first()
    if decision is None or not decision.is_granted:
        raise ValidationError(_("Nothing was granted to pay."))
    if paid_on is not None and paid_on > timezone.localdate():
        raise ValidationError({"paid_on": [_("Give the day it was paid, today at the latest.")]})
    decision.paid_on = paid_on
    decision.updated_by = signed_in_or_none(user)
    decision.save(update_fields=["paid_on", "updated_by", "updated_at"])
    return decision


@dataclass(frozen=True)
class Award:
    """A grant given without an application of the association's own (a participatory
    budget's funded proposal): to whom, how much, for which measure, why."""

    organisation: Organisation
    amount: Decimal
    action_plan: str
    reasons: str
    measure: Measure | None = None


@transaction.atomic
def grants_award(
    *, user, grant_round: GrantRound, awards: tuple[Award, ...], report_due_on=None
) -> list[GrantDecision]:
    """Record decided grants in a closed round prepared for them (`grant_round`, published,
    taking no applications): an application for each award, decided and published at once,
    so that they are paid and reported as any grant. Their sum stays within the round's
    budget."""
    authorize(
        user, "grants.publish_decisions", grant_round, visible=("grants.view_round", grant_round)
    )
    grant_round = GrantRound.objects.select_for_update(of=("self",)).get(pk=grant_round.pk)
    if grant_round.decisions_published_at is not None:
        raise ValidationError(_("The decisions of the round have been published."))
    total = sum((award.amount for award in awards), Decimal(0))
    if total > grant_round.budget:
        raise ValidationError(
            _(
                "The round's decisions would grant %(over)s euros more than its budget of "
                "%(budget)s euros."
            )
            % {"over": _euros(total - grant_round.budget), "budget": _euros(grant_round.budget)}
        )
    who, now = signed_in_or_none(user), timezone.now()
    decisions = []
    for award in awards:
        organisation = award.organisation
        application = GrantApplication.objects.create(
            grant_round=grant_round,
            organisation=organisation,
            state=ApplicationState.DECIDED,
            action_plan=award.action_plan,
            requested_amount=award.amount,
            applicant_name=str(organisation.name),
            business_id=organisation.business_id,
            email=organisation.email,
            phone=organisation.phone,
            submitted_at=now,
            measure=award.measure,
            created_by=who,
            updated_by=who,
        )
        decisions.append(
            GrantDecision.objects.create(
                application=application,
                granted_amount=award.amount,
                reasons=award.reasons,
                report_due_on=report_due_on,
                created_by=who,
                updated_by=who,
            )
        )
    grant_round.decisions_published_at = now
    grant_round.updated_by = who
    grant_round.save(update_fields=["decisions_published_at", "updated_by", "updated_at"])
    return decisions

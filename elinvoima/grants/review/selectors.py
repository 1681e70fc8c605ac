"""Reads of review and decision for the pages."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum
from django.utils import timezone

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import municipality_ids_for
from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.enums import ApplicationState
from elinvoima.grants.models import GrantRound
from elinvoima.grants.permissions import applications_visible_to, reviews_visible_to
from elinvoima.grants.review.models import ConflictOfInterest, GrantDecision, Review


@dataclass(frozen=True)
class DeskRow:
    """One submitted application on the round's review desk, as the user may see it."""

    application: GrantApplication
    conflicted: bool  # the user declared a conflict: the name only
    own_review: Review | None
    review_count: int
    mean_points: Decimal | None
    decision: GrantDecision | None


def review_desk(user, grant_round: GrantRound, *, sees_reviews: bool) -> list[DeskRow]:
    """The round's submitted applications: those the user may read, with the user's own
    review, and — for who sees every review (`sees_reviews`) — their count, the mean of
    their points and the decision in preparation; after them those the user is conflicted
    in, by name only."""
    reviews = Review.objects.prefetch_related("goal_scores")
    applications = (
        applications_visible_to(user)
        .filter(grant_round=grant_round)
        .exclude(state=ApplicationState.DRAFT)
        .select_related("organisation", "decision__report")
        .prefetch_related(
            Prefetch("reviews", reviews.filter(reviewer=user), to_attr="own_reviews"),
            *([Prefetch("reviews", reviews, to_attr="all_reviews")] if sees_reviews else []),
        )
        .order_by("organisation__name", "pk")
    )
    rows = [
        DeskRow(
            application=application,
            conflicted=False,
            own_review=next(iter(application.own_reviews), None),
            review_count=len(getattr(application, "all_reviews", ())),
            mean_points=_mean(getattr(application, "all_reviews", ())),
            decision=getattr(application, "decision", None) if sees_reviews else None,
        )
        for application in applications
    ]
    conflicted = (
        GrantApplication.objects.filter(grant_round=grant_round, conflicts__person=user)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    rows += [DeskRow(application, True, None, 0, None, None) for application in conflicted]
    return sorted(
        rows, key=lambda row: (str(row.application.organisation.name), row.application.pk)
    )


def _mean(reviews) -> Decimal | None:
    """The mean of the reviews' means, None without reviews."""
    if not reviews:
        return None
    return (sum((review.mean_points for review in reviews), Decimal(0)) / len(reviews)).quantize(
        Decimal("0.01")
    )


def granted_in_all(grant_round: GrantRound) -> Decimal:
    return GrantDecision.objects.filter(application__grant_round=grant_round).aggregate(
        total=Sum("granted_amount")
    )["total"] or Decimal(0)


def reviews_of(user, application: GrantApplication) -> list[Review]:
    """The application's reviews the user reads, with their goal scores."""
    return list(
        reviews_visible_to(user)
        .filter(application=application)
        .select_related("reviewer")
        .prefetch_related("goal_scores__goal")
        .order_by("reviewer__last_name", "reviewer__first_name", "pk")
    )


def own_review(user, application: GrantApplication) -> Review | None:
    return (
        Review.objects.filter(application=application, reviewer=user)
        .prefetch_related("goal_scores")
        .first()
    )


def conflicts_of(application: GrantApplication) -> QuerySet[ConflictOfInterest]:
    return application.conflicts.select_related("person").order_by("declared_at")


def published_decisions(grant_round: GrantRound) -> list[GrantDecision]:
    """The round's decisions once published, by the applicant's name: a public record."""
    if grant_round.decisions_published_at is None:
        return []
    return list(
        GrantDecision.objects.filter(application__grant_round=grant_round)
        .select_related("application__organisation")
        .order_by("application__organisation__name", "pk")
    )


def applications_to_score(user) -> list[int]:
    """Submitted applications of the rounds the user reviews that they have not scored
    (their rounds' ids, one per application, the first round first)."""
    return list(
        applications_visible_to(user)
        .filter(
            grant_round__reviewers=user,
            grant_round__decisions_published_at__isnull=True,
            state__in=(ApplicationState.SUBMITTED, ApplicationState.IN_REVIEW),
        )
        .exclude(reviews__reviewer=user)
        .order_by("grant_round__closes_on", "grant_round_id")
        .values_list("grant_round_id", flat=True)
    )


def rounds_to_decide(user) -> list[int]:
    """Closed rounds of the user's municipalities whose submitted applications have no
    decision yet (the rounds' ids, one per application)."""
    return list(
        applications_visible_to(user)
        .filter(
            grant_round__municipality_id__in=municipality_ids_for(user, Role.COORDINATOR),
            grant_round__closes_on__lt=timezone.localdate(),
            grant_round__decisions_published_at__isnull=True,
            decision__isnull=True,
        )
        .exclude(state=ApplicationState.DRAFT)
        .order_by("grant_round__closes_on", "grant_round_id")
        .values_list("grant_round_id", flat=True)
    )

"""Named predicates of grants, each with its queryset twin. A municipality's welfare
coordinators prepare and publish its grant rounds; a published round is public.

An association's representatives apply for it to a published round; the application is
theirs, and the round's coordinators and reviewers read it once it is submitted (a draft is
not theirs to read). No other applicant reads it.

A reviewer scores the submitted applications of the rounds they are named to and sees their
own scores only; the coordinators see every review and record the decisions. Whoever has
declared a conflict of interest in an application does not see, score or decide it. The
decisions are published together; from then on the applicant and everyone read them.

For a granted grant the association writes its grant report; the coordinators read it once
submitted and receive it."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import (
    is_platform_admin,
    manages_municipality,
    municipality_ids_for,
    represented_organisation_ids,
    represents_organisation,
)
from elinvoima.grants.enums import ApplicationState
from elinvoima.grants.models import (
    ConflictOfInterest,
    GrantApplication,
    GrantDecision,
    GrantRound,
    Review,
    SupportInKind,
)


@rules.predicate
def coordinates_grants(user, obj) -> bool:
    """The welfare coordinators of the municipality of a round, an application or support
    in kind (or of the municipality)."""
    if isinstance(obj, GrantApplication):
        obj = obj.grant_round
    municipality = obj.municipality if isinstance(obj, GrantRound | SupportInKind) else obj
    return obj is not None and manages_municipality(user, municipality)


@rules.predicate
def is_published(user, grant_round) -> bool:
    return grant_round is not None and grant_round.published_at is not None


@rules.predicate
def represents_applicant(user, application) -> bool:
    return application is not None and represents_organisation(user, application.organisation)


@rules.predicate
def is_submitted(user, application) -> bool:
    return application is not None and application.state != ApplicationState.DRAFT


@rules.predicate
def represents_association_of(user, grant_round) -> bool:
    """Representatives of an organisation of the round's municipality."""
    return grant_round is not None and bool(
        represented_organisation_ids(user, municipality_id=grant_round.municipality_id)
    )


def _round_of(obj) -> GrantRound | None:
    return obj.grant_round if isinstance(obj, GrantApplication) else obj


@rules.predicate
def reviews_round(user, obj) -> bool:
    """The reviewers named to the round (of the application)."""
    grant_round = _round_of(obj)
    if grant_round is None or not user.is_authenticated:
        return False
    reviewer_ids = getattr(grant_round, "_reviewer_ids", None)
    if reviewer_ids is None:  # asked many times on one page: read once per round object
        reviewer_ids = set(grant_round.reviewers.values_list("pk", flat=True))
        grant_round._reviewer_ids = reviewer_ids
    return user.pk in reviewer_ids


@rules.predicate
def is_conflicted(user, application) -> bool:
    """Whether the user has declared a conflict of interest in the application."""
    if application is None or not user.is_authenticated:
        return False
    conflicted = getattr(application, "_conflicted_ids", None)
    if conflicted is None:
        conflicted = set(application.conflicts.values_list("person_id", flat=True))
        application._conflicted_ids = conflicted
    return user.pk in conflicted


@rules.predicate
def is_granted(user, application) -> bool:
    decision = getattr(application, "decision", None) if application is not None else None
    return decision is not None and decision.granted_amount > 0


def _report_of(application):
    decision = getattr(application, "decision", None) if application is not None else None
    return getattr(decision, "report", None) if decision is not None else None


@rules.predicate
def report_submitted(user, application) -> bool:
    report = _report_of(application)
    return report is not None and report.submitted_at is not None


@rules.predicate
def report_received(user, application) -> bool:
    report = _report_of(application)
    return report is not None and report.received_at is not None


@rules.predicate
def decisions_published(user, obj) -> bool:
    grant_round = _round_of(obj)
    return grant_round is not None and grant_round.decisions_published_at is not None


# The object: the municipality whose rounds are prepared.
rules.add_perm("grants.add_round", is_platform_admin | coordinates_grants)
# The object: a round.
rules.add_perm("grants.view_round", is_platform_admin | is_published | coordinates_grants)
rules.add_perm("grants.change_round", is_platform_admin | coordinates_grants)
# The object: a round. Its submitted applications, listed for its coordinators and reviewers;
# the coordinators publish its decisions.
rules.add_perm("grants.view_applications", is_platform_admin | coordinates_grants | reviews_round)
rules.add_perm("grants.publish_decisions", is_platform_admin | coordinates_grants)
# The object: a round. Whether the user is one of its reviewers.
rules.add_perm("grants.review_round", reviews_round)
# The object: a round. Whether the user applies to it for an association of its
# municipality they represent.
rules.add_perm("grants.apply", is_published & represents_association_of)
# The object: an application.
rules.add_perm(
    "grants.view_application",
    is_platform_admin
    | represents_applicant
    | (is_submitted & (coordinates_grants | reviews_round) & ~is_conflicted),
)
rules.add_perm("grants.change_application", is_platform_admin | represents_applicant)
# Review: the reviewer's own scores, until the decisions are published.
rules.add_perm(
    "grants.review_application",
    is_submitted & reviews_round & ~is_conflicted & ~decisions_published,
)
rules.add_perm(
    "grants.declare_conflict",
    is_submitted & (reviews_round | coordinates_grants) & ~is_conflicted & ~decisions_published,
)
# Every reviewer's scores, and the decision in preparation.
rules.add_perm("grants.view_reviews", is_platform_admin | (coordinates_grants & ~is_conflicted))
rules.add_perm(
    "grants.decide",
    (is_platform_admin | (coordinates_grants & ~is_conflicted))
    & is_submitted
    & ~decisions_published,
)
rules.add_perm(
    "grants.record_payment",
    (is_platform_admin | (coordinates_grants & ~is_conflicted)) & decisions_published,
)
# The grant report (the object: the application): the association writes it for a granted
# grant once the decision is published; the coordinators read it once submitted and
# receive it.
rules.add_perm(
    "grants.write_report",
    represents_applicant & decisions_published & is_granted & ~report_submitted,
)
rules.add_perm(
    "grants.view_report",
    is_platform_admin
    | (represents_applicant & decisions_published & is_granted)
    | (coordinates_grants & ~is_conflicted & report_submitted),
)
rules.add_perm(
    "grants.receive_report",
    (is_platform_admin | (coordinates_grants & ~is_conflicted))
    & report_submitted
    & ~report_received,
)
# Support in kind (the object: the municipality, or the support): public, recorded by the
# municipality's coordinators.
rules.add_perm("grants.add_support", is_platform_admin | coordinates_grants)
rules.add_perm("grants.change_support", is_platform_admin | coordinates_grants)
# The decision: the coordinators' while they prepare it, everyone's once published.
rules.add_perm(
    "grants.view_decision",
    is_platform_admin | (coordinates_grants & ~is_conflicted) | decisions_published,
)


def rounds_visible_to(user) -> QuerySet[GrantRound]:
    """The queryset twin of `grants.view_round`."""
    rounds = GrantRound.objects.all()
    if is_platform_admin(user):
        return rounds
    visible = Q(published_at__isnull=False)
    if user.is_authenticated:
        visible |= Q(municipality_id__in=municipality_ids_for(user, Role.COORDINATOR))
    return rounds.filter(visible)


def applications_visible_to(user) -> QuerySet[GrantApplication]:
    """The queryset twin of `grants.view_application`."""
    applications = GrantApplication.objects.all()
    if is_platform_admin(user):
        return applications
    if not user.is_authenticated:
        return applications.none()
    return applications.filter(
        Q(organisation_id__in=represented_organisation_ids(user))
        | (
            ~Q(state=ApplicationState.DRAFT)
            & (
                Q(grant_round__municipality_id__in=municipality_ids_for(user, Role.COORDINATOR))
                | Q(grant_round__in=GrantRound.objects.filter(reviewers=user))
            )
            & ~Q(pk__in=ConflictOfInterest.objects.filter(person=user).values("application"))
        )
    )


def _unconflicted_coordinated(user, prefix: str = "") -> Q:
    """Applications (at `prefix`) of rounds the user coordinates, but for those the user
    is conflicted in."""
    return Q(
        **{
            f"{prefix}grant_round__municipality_id__in": municipality_ids_for(
                user, Role.COORDINATOR
            )
        }
    ) & ~Q(
        **{f"{prefix}pk__in": ConflictOfInterest.objects.filter(person=user).values("application")}
    )


def reviews_visible_to(user) -> QuerySet[Review]:
    """The reviews the user reads: their own, and every review where they have
    `grants.view_reviews` (the queryset twin of the two)."""
    reviews = Review.objects.all()
    if is_platform_admin(user):
        return reviews
    if not user.is_authenticated:
        return reviews.none()
    return reviews.filter(Q(reviewer=user) | _unconflicted_coordinated(user, "application__"))


def decisions_visible_to(user) -> QuerySet[GrantDecision]:
    """The queryset twin of `grants.view_decision`."""
    decisions = GrantDecision.objects.all()
    if is_platform_admin(user):
        return decisions
    visible = Q(application__grant_round__decisions_published_at__isnull=False)
    if user.is_authenticated:
        visible |= _unconflicted_coordinated(user, "application__")
    return decisions.filter(visible)

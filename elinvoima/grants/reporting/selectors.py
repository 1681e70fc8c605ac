"""Reads of grant reports for the pages and the dashboard."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import municipality_ids_for, represented_organisation_ids
from elinvoima.cards.activities.models import Activity
from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.permissions import applications_visible_to
from elinvoima.strategy.models import Goal


def activities_for_report(application: GrantApplication) -> QuerySet[Activity]:
    """The association's activity reports of the grant's period, the first first; each
    marked `serves_round` when it served one of the round's goals (or their sub-goals):
    those the form offers as chosen."""
    grant_round = application.grant_round
    goal_ids = list(grant_round.goals.values_list("pk", flat=True))
    serving = Goal.objects.filter(
        Q(pk__in=goal_ids) | Q(parent_id__in=goal_ids), activities=OuterRef("pk")
    )
    return (
        Activity.objects.filter(
            organisation_id=application.organisation_id,
            starts_on__range=(grant_round.period_starts_on, grant_round.period_ends_on),
        )
        .annotate(serves_round=Exists(serving))
        .order_by("starts_on", "pk")
    )


def reports_due(user) -> list[int]:
    """The user's associations' granted applications whose report is not submitted yet
    (their ids, the earliest due first)."""
    return list(
        GrantApplication.objects.filter(
            organisation_id__in=represented_organisation_ids(user),
            grant_round__decisions_published_at__isnull=False,
            decision__granted_amount__gt=0,
            decision__report_due_on__isnull=False,
        )
        .filter(Q(decision__report__isnull=True) | Q(decision__report__submitted_at__isnull=True))
        .order_by("decision__report_due_on", "pk")
        .values_list("pk", flat=True)
    )


def reports_to_receive(user) -> list[int]:
    """Submitted grant reports of the rounds the user coordinates, not received yet (their
    applications' ids)."""
    return list(
        applications_visible_to(user)
        .filter(
            grant_round__municipality_id__in=municipality_ids_for(user, Role.COORDINATOR),
            decision__report__submitted_at__isnull=False,
            decision__report__received_at__isnull=True,
        )
        .order_by("decision__report__submitted_at", "pk")
        .values_list("pk", flat=True)
    )

"""Writes of the goal-to-impact view: which experiential domains tell about a goal, chosen
by those who plan for the plan's owner. Permission first, then the write."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from elinvoima.core.permissions import authorize
from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.reports.impact.models import GoalDomain
from elinvoima.strategy.models import Goal


@transaction.atomic
def goal_domains_set(*, user, goal: Goal, domains: list[str]) -> list[str]:
    authorize(user, "reports.link_goal_domains", goal, visible=("strategy.view_goal", goal))
    if not set(domains) <= set(ExperientialDomain.values):
        raise ValidationError({"domains": _("Choose among the domains shown.")})
    GoalDomain.objects.filter(goal=goal).exclude(domain__in=domains).delete()
    taken = set(GoalDomain.objects.filter(goal=goal).values_list("domain", flat=True))
    GoalDomain.objects.bulk_create(
        GoalDomain(goal=goal, domain=domain) for domain in domains if domain not in taken
    )
    return sorted(domains)

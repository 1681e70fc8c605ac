"""Named predicates of reports, each with its queryset twin.

A cooperation survey is run by the HYTE officials of its county. Its results (never a
single response) become public when they publish them; until then only they see the
survey. Answering needs no account, only the personal link (surveys/services.py)."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import is_platform_admin, user_grants, works_for_county
from elinvoima.strategy.permissions import plans_goal


def county_official_ids(user) -> set[int]:
    return {
        grant.wellbeing_county_id
        for grant in user_grants(user)
        if grant.role == Role.COUNTY_OFFICIAL and grant.wellbeing_county_id is not None
    }


@rules.predicate
def runs_survey(user, survey) -> bool:
    return survey is not None and survey.wellbeing_county_id in county_official_ids(user)


@rules.predicate
def has_published_results(user, survey) -> bool:
    return survey is not None and survey.results_published


can_manage_survey = is_platform_admin | runs_survey
can_view_survey = has_published_results | can_manage_survey


def surveys_visible_to(user) -> QuerySet:
    """The twin of `reports.view_survey`."""
    from .models import Survey

    if is_platform_admin(user):
        return Survey.objects.all()
    return Survey.objects.filter(
        Q(results_published=True) | Q(wellbeing_county_id__in=county_official_ids(user))
    )


# Which experiential data tells about a goal: those who plan for the plan's owner.
rules.add_perm("reports.link_goal_domains", is_platform_admin | plans_goal)
rules.add_perm("reports.add_survey", is_platform_admin | works_for_county)  # with a county
rules.add_perm("reports.manage_survey", can_manage_survey)
rules.add_perm("reports.view_survey", can_view_survey)

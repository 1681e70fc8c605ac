"""Named predicates of reports, each with its queryset twin.

A welfare report is written by those who plan for its owner (a municipality's welfare
coordinators, a county's HYTE officials); those who work with the owner read its drafts;
an approved report is published and public. A contributor's card is delivered by the
members of the contributing organisation.

A cooperation survey is run by the HYTE officials of its county. Its results (never a
single response) become public when they publish them; until then only they see the
survey. Answering needs no account, only the personal link (surveys/services.py)."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.owners import owner_managed_by, owner_worked_with
from elinvoima.actors.permissions import (
    is_member_of,
    is_platform_admin,
    user_grants,
    works_for_county,
)
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


# --- Welfare reports ------------------------------------------------------------------------
@rules.predicate
def writes_report(user, report) -> bool:
    return report is not None and owner_managed_by(user, report.owner)


@rules.predicate
def works_with_report(user, report) -> bool:
    return report is not None and owner_worked_with(user, report.owner)


@rules.predicate
def is_published_report(user, report) -> bool:
    return report is not None and report.published_at is not None


@rules.predicate
def manages_owner(user, owner) -> bool:
    """Asked with a municipality or a county: may the user start its welfare report?"""
    return owner_managed_by(user, owner)


@rules.predicate
def delivers_contribution(user, contribution) -> bool:
    return contribution is not None and is_member_of(user, contribution.organisation)


@rules.predicate
def writes_report_of(user, contribution) -> bool:
    return contribution is not None and writes_report(user, contribution.report)


@rules.predicate
def works_with_report_of(user, contribution) -> bool:
    return contribution is not None and works_with_report(user, contribution.report)


can_view_report = is_platform_admin | is_published_report | works_with_report
can_deliver_contribution = is_platform_admin | delivers_contribution | writes_report_of


def reports_visible_to(user) -> QuerySet:
    """The twin of `reports.view_report`."""
    from .models import Report

    if is_platform_admin(user):
        return Report.objects.all()
    return Report.objects.filter(Q(published_at__isnull=False) | Report.worked_with_q(user))


def contributions_of(user) -> QuerySet:
    """The twin of `delivers_contribution`: the cards the user's organisations deliver."""
    from .models import Contribution

    organisations = {grant.organisation_id for grant in user_grants(user)}
    return Contribution.objects.filter(organisation_id__in=organisations)


rules.add_perm("reports.add_report", is_platform_admin | manages_owner)
rules.add_perm("reports.view_report", can_view_report)
rules.add_perm("reports.change_report", is_platform_admin | writes_report)
rules.add_perm("reports.deliver_contribution", can_deliver_contribution)
rules.add_perm("reports.view_contribution", can_deliver_contribution | works_with_report_of)


@rules.predicate
def records_county_negotiations(user, report) -> bool:
    """Asked with a county's report: may the user open the county's hyte negotiations?"""
    return report is not None and report.wellbeing_county_id in county_official_ids(user)


rules.add_perm("reports.open_negotiations", is_platform_admin | records_county_negotiations)

"""Named predicates of strategy and welfare plans.

Approved plans are public documents; drafts are read by those who work on them. A plan is
edited by its owner's planners: a municipality's welfare coordinators, a county's HYTE
officials, a network's chair and secretary. Goal owners keep their goal tracking cards up
to date, and every implementer reports its own part of a measure.
"""

import rules

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import (
    is_member_of,
    is_platform_admin,
    manages_municipality,
    user_grants,
    works_for_county,
    works_in_county_of,
    works_in_municipality,
)
from elinvoima.networks.permissions import runs_network, user_network_roles

from .enums import PlanState


@rules.predicate
def plans_for_owner(user, plan) -> bool:
    if plan is None:
        return False
    if plan.municipality_id:
        return manages_municipality(user, plan.municipality)
    if plan.wellbeing_county_id:
        return works_for_county(user, plan.wellbeing_county)
    return runs_network(user, plan.network)


@rules.predicate
def works_with_plan(user, plan) -> bool:
    """Reads drafts: those who work in the owner municipality (councillors included), the
    county's HYTE officials, the network's members."""
    if plan is None:
        return False
    if plan.municipality_id:
        return works_in_municipality(user, plan.municipality) or works_in_county_of(
            user, plan.municipality
        )
    if plan.wellbeing_county_id:
        return works_for_county(user, plan.wellbeing_county)
    return plan.network_id in user_network_roles(user)


@rules.predicate
def is_approved(user, plan) -> bool:
    return plan is not None and plan.state == PlanState.APPROVED


@rules.predicate
def owns_goal(user, goal) -> bool:
    if goal is None or not user.is_authenticated:
        return False
    organisation_ids = {grant.organisation_id for grant in user_grants(user)}
    return any(owner.pk == user.pk for owner in goal.owner_users.all()) or any(
        organisation.pk in organisation_ids for organisation in goal.owner_organisations.all()
    )


@rules.predicate
def plans_goal(user, goal) -> bool:
    return goal is not None and plans_for_owner(user, goal.plan)


@rules.predicate
def implements_measure(user, measure) -> bool:
    return measure is not None and any(
        is_member_of(user, organisation) for organisation in measure.implementers.all()
    )


@rules.predicate
def plans_measure(user, measure) -> bool:
    return measure is not None and plans_for_owner(user, measure.plan)


@rules.predicate
def can_view_goal_predicate(user, goal) -> bool:
    # A goal's owners keep its card up to date, also while the plan is a draft.
    return goal is not None and (can_view_plan(user, goal.plan) or owns_goal(user, goal))


@rules.predicate
def can_view_measure_predicate(user, measure) -> bool:
    # An implementer (an association too) sees the measure it reports on, also in a draft.
    return measure is not None and (
        can_view_plan(user, measure.plan) or implements_measure(user, measure)
    )


can_view_plan = is_platform_admin | is_approved | works_with_plan | plans_for_owner
can_change_plan = is_platform_admin | plans_for_owner
can_update_goal_card = is_platform_admin | plans_goal | owns_goal
can_report_measure = is_platform_admin | plans_measure | implements_measure

rules.add_perm("strategy.view_plan", can_view_plan)
rules.add_perm("strategy.change_plan", can_change_plan)
rules.add_perm("strategy.view_goal", can_view_goal_predicate)
rules.add_perm("strategy.update_goal_card", can_update_goal_card)
rules.add_perm("strategy.view_measure", can_view_measure_predicate)
rules.add_perm("strategy.report_measure", can_report_measure)
# Adding a plan: the object is the owner (municipality, county or network).
rules.add_perm("strategy.add_municipality_plan", is_platform_admin | manages_municipality)
rules.add_perm("strategy.add_county_plan", is_platform_admin | works_for_county)
rules.add_perm("strategy.add_network_plan", is_platform_admin | runs_network)
# Hyte negotiations: the object is the county.
rules.add_perm("strategy.record_hyte_negotiation", is_platform_admin | works_for_county)


@rules.predicate
def works_in_municipality_of_county(user, county) -> bool:
    """Coordinators, officials and councillors of one of the county's municipalities."""
    if county is None:
        return False
    ids = {
        grant.municipality_id
        for grant in user_grants(user)
        if grant.municipality_id is not None
        and grant.role in (Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR)
    }
    return bool(ids) and county.municipalities.filter(pk__in=ids).exists()


# The county's negotiation records are read by the county and its municipalities.
rules.add_perm(
    "strategy.view_hyte_negotiations",
    is_platform_admin | works_for_county | works_in_municipality_of_county,
)

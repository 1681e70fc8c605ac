"""Named predicates of strategy and welfare plans.

Approved plans are public documents; drafts are read by those who work on them. A plan is
edited by its owner's planners: a municipality's welfare coordinators, a county's HYTE
officials, a network's chair and secretary. Goal owners keep their goal tracking cards up
to date, and every implementer reports its own part of a measure.
"""

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.owners import owner_managed_by, owner_worked_with
from elinvoima.actors.permissions import (
    is_member_of,
    is_platform_admin,
    manages_municipality,
    user_grants,
    works_for_county,
)
from elinvoima.networks.permissions import runs_network
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal, GoalCard, Measure, Plan

MUNICIPAL_WORK_ROLES = (Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR)


@rules.predicate
def plans_for_owner(user, plan) -> bool:
    """Plans for the owner: a municipality's welfare coordinators, a county's HYTE officials,
    a network's chair and secretary (actors.owners; the platform admin too)."""
    return plan is not None and owner_managed_by(user, plan.owner)


@rules.predicate
def works_with_plan(user, plan) -> bool:
    """Reads drafts: those who work in the owner municipality (councillors included) or in its
    county as HYTE officials, the county's HYTE officials, the network's members
    (actors.owners; the platform admin too)."""
    return plan is not None and owner_worked_with(user, plan.owner)


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


@rules.predicate
def can_view_goal_card_predicate(user, card) -> bool:
    # A card is read by whoever may read its goal.
    return card is not None and can_view_goal_predicate(user, card.goal)


can_view_plan = is_platform_admin | is_approved | works_with_plan | plans_for_owner
can_view_goal = can_view_goal_predicate
can_view_measure = can_view_measure_predicate
can_view_goal_card = can_view_goal_card_predicate
can_change_plan = is_platform_admin | plans_for_owner
can_update_goal_card = is_platform_admin | plans_goal | owns_goal
can_report_measure = is_platform_admin | plans_measure | implements_measure

rules.add_perm("strategy.view_plan", can_view_plan)
rules.add_perm("strategy.change_plan", can_change_plan)
rules.add_perm("strategy.view_goal", can_view_goal)
rules.add_perm("strategy.view_goal_card", can_view_goal_card)
rules.add_perm("strategy.update_goal_card", can_update_goal_card)
rules.add_perm("strategy.view_measure", can_view_measure)
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
        if grant.municipality_id is not None and grant.role in MUNICIPAL_WORK_ROLES
    }
    return bool(ids) and county.municipalities.filter(pk__in=ids).exists()


# --- The predicates' queryset twins -----------------------------------------------------------
# Lists ask these; each selects exactly the rows its predicate above allows (tests compare
# the two for every demo role and row). Change a predicate and its twin together.


def _user_organisation_ids(user) -> set[int]:
    return {grant.organisation_id for grant in user_grants(user)}


def plans_visible_q(user) -> Q:
    """`can_view_plan` as a filter of plans: approved plans are public; drafts for those who
    work with the owner (`works_with_plan`), which includes those who plan for it."""
    if is_platform_admin(user):
        return Q()  # not `Q(state=…) | Q()`: an empty Q drops out of an OR
    return Q(state=PlanState.APPROVED) | Plan.worked_with_q(user)


def plans_visible_to(user) -> QuerySet[Plan]:
    """The twin of `can_view_plan` (`strategy.view_plan`)."""
    return Plan.objects.filter(plans_visible_q(user))


def goals_visible_to(user) -> QuerySet[Goal]:
    """The twin of `can_view_goal` (`strategy.view_goal`): goals of readable plans and the
    goals the user or the user's organisations own."""
    visible = Q(plan__in=plans_visible_to(user))
    if user.is_authenticated and not is_platform_admin(user):
        owned = Goal.owner_users.through.objects.filter(goal_id=OuterRef("pk"), user_id=user.pk)
        visible |= Q(Exists(owned))
        organisation_ids = _user_organisation_ids(user)
        if organisation_ids:
            visible |= Q(
                Exists(
                    Goal.owner_organisations.through.objects.filter(
                        goal_id=OuterRef("pk"), organisation_id__in=organisation_ids
                    )
                )
            )
    return Goal.objects.filter(visible)


def measures_visible_to(user) -> QuerySet[Measure]:
    """The twin of `can_view_measure` (`strategy.view_measure`): measures of readable plans
    and those the user's organisations implement (an association sees what it reports on)."""
    visible = Q(plan__in=plans_visible_to(user))
    organisation_ids = _user_organisation_ids(user)
    if organisation_ids and not is_platform_admin(user):
        visible |= Q(
            Exists(
                Measure.implementers.through.objects.filter(
                    measure_id=OuterRef("pk"), organisation_id__in=organisation_ids
                )
            )
        )
    return Measure.objects.filter(visible)


def goal_cards_visible_to(user) -> QuerySet[GoalCard]:
    """The twin of `can_view_goal_card` (`strategy.view_goal_card`)."""
    return GoalCard.objects.filter(goal__in=goals_visible_to(user))


# The county's negotiation records are read by the county and its municipalities.
rules.add_perm(
    "strategy.view_hyte_negotiations",
    is_platform_admin | works_for_county | works_in_municipality_of_county,
)

"""Each visibility predicate of `strategy.permissions` and its queryset twin agree: for every
demo role (and anonymous) and every plan, goal, measure and goal card of the demo data,
`user.has_perm(...)` is true exactly when the row is in the twin's queryset."""

import pytest
from django.contrib.auth.models import AnonymousUser

from elinvoima.actors.models import User
from elinvoima.strategy.goal_cards.models import GoalCard
from elinvoima.strategy.models import Goal, Measure, Plan
from elinvoima.strategy.permissions import (
    goal_cards_visible_to,
    goals_visible_to,
    measures_visible_to,
    plans_visible_to,
)
from tests.conftest import DEMO_USERNAMES

PAIRS = {
    "plans": ("strategy.view_plan", plans_visible_to, Plan),
    "goals": ("strategy.view_goal", goals_visible_to, Goal),
    "measures": ("strategy.view_measure", measures_visible_to, Measure),
    "goal_cards": ("strategy.view_goal_card", goal_cards_visible_to, GoalCard),
}


def _user(username: str | None):
    return AnonymousUser() if username is None else User.objects.get(username=username)


def _disagreements(user, permission, twin, model) -> list[str]:
    in_twin = set(twin(user).values_list("pk", flat=True))
    return [
        f"{model.__name__} {row.pk}: predicate {allowed}, queryset {row.pk in in_twin}"
        for row in model.objects.all()
        if (allowed := user.has_perm(permission, row)) != (row.pk in in_twin)
    ]


@pytest.mark.parametrize("kind", sorted(PAIRS))
def test_predicate_and_queryset_twin__agree_for_every_demo_role_and_row(demo, kind):
    permission, twin, model = PAIRS[kind]
    assert model.objects.exists(), "the demo data has no rows to compare"
    problems = {}
    for username in [None, *DEMO_USERNAMES]:
        if found := _disagreements(_user(username), permission, twin, model):
            problems[username or "anonymous"] = found
    assert not problems, problems


def test_predicate_and_queryset_twin__each_role_sees_something_and_not_all(demo):
    """The comparison above means something: drafts exist that some roles do not see."""
    hidden = {
        username: Plan.objects.exclude(pk__in=plans_visible_to(_user(username))).count()
        for username in DEMO_USERNAMES
    }
    assert hidden["admin"] == 0
    assert any(count for count in hidden.values())

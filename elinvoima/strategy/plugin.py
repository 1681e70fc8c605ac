"""What the strategy app adds to the portal (core.registry): "My measures", the plans tabs of
a municipality, a county and a network, the county's hyte negotiations, dashboard tasks, the
API collections and the demo plans."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.actors.enums import Role
from elinvoima.actors.scopes import MUNICIPAL_ROLES, user_scope
from elinvoima.core.registry import (
    ApiRoute,
    DashboardTasks,
    DashboardWork,
    DemoLoader,
    Link,
    NavEntry,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)
from elinvoima.strategy.api import GoalCardViewSet, GoalViewSet, MeasureViewSet, PlanViewSet
from elinvoima.strategy.demo import strategy_demo_load
from elinvoima.strategy.measures.selectors import AttentionReason, attention_counts, my_work


def _tasks(user):
    scope = user_scope(user)
    for municipality in scope.municipalities_where(MUNICIPAL_ROLES):
        yield Link(
            _("Plans of %(name)s") % {"name": municipality},
            reverse("strategy:municipality-plans", kwargs={"code": municipality.code}),
            _("The welfare report and plans: goals, measures and who does what."),
        )
    for county in scope.counties_where([Role.COUNTY_OFFICIAL]):
        yield Link(
            _("Plans of %(name)s") % {"name": county},
            reverse("strategy:county-plans", kwargs={"code": county.code}),
            _("The regional welfare plan and the separate plans, with their decisions."),
        )
        yield Link(
            _("Hyte negotiations of %(name)s") % {"name": county},
            reverse("strategy:county-hyte-negotiations", kwargs={"code": county.code}),
            _("The annual negotiations with the municipalities and what was agreed."),
        )
    if scope.grants:
        yield Link(
            _("My measures"),
            reverse("strategy:my-measures"),
            _("What your organisations carry out and the goals you own: what to report now."),
        )
    if scope.has_role(Role.COORDINATOR, Role.COUNTY_OFFICIAL):
        yield Link(
            _("Measures that need attention"),
            reverse("strategy:measures-attention"),
            _("Late measures, missing reports and measures without an implementer."),
        )


def _work(user):
    """What waits for the user: reports and goal cards of this four-month period; for a
    coordinator or a county official, the measures of the place that need attention."""
    scope = user_scope(user)
    if scope.grants:
        mine = my_work(user=user)
        url = reverse("strategy:my-measures")
        yield WorkItem(
            ngettext(
                "measure to report this four-month period",
                "measures to report this four-month period",
                mine.measures_to_report,
            ),
            mine.measures_to_report,
            url,
        )
        yield WorkItem(
            ngettext(
                "goal card to update this four-month period",
                "goal cards to update this four-month period",
                mine.goal_cards_to_update,
            ),
            mine.goal_cards_to_update,
            url,
        )
    places = [
        ("municipality", place, place.name)
        for place in scope.municipalities_where([Role.COORDINATOR])
    ] + [("county", place, place.name) for place in scope.counties_where([Role.COUNTY_OFFICIAL])]
    for kind, place, name in places:
        counts = attention_counts(user=user, **{kind: place})
        base = reverse("strategy:measures-attention")
        for reason in (
            AttentionReason.LATE,
            AttentionReason.NOT_REPORTED,
            AttentionReason.NO_IMPLEMENTER,
        ):
            count = counts[reason]
            yield WorkItem(
                _attention_label(reason, count) % {"name": name},
                count,
                f"{base}?{urlencode({kind: place.code, 'reason': reason})}",
            )


def _attention_label(reason: str, count: int) -> str:
    if reason == AttentionReason.LATE:
        return ngettext("late measure in %(name)s", "late measures in %(name)s", count)
    if reason == AttentionReason.NOT_REPORTED:
        return ngettext(
            "measure of %(name)s not reported for the last period",
            "measures of %(name)s not reported for the last period",
            count,
        )
    return ngettext(
        "measure of %(name)s without an implementer",
        "measures of %(name)s without an implementer",
        count,
    )


def register(registry: Registry) -> None:
    registry.add(
        NavEntry(_("My measures"), "strategy:my-measures", order=10, signed_in=True),
        Tab(
            "municipality",
            _("Plans"),
            "strategy:municipality-plans",
            lambda municipality: {"code": municipality.code},
            order=30,
        ),
        Tab("county", _("Plans"), "strategy:county-plans", lambda c: {"code": c.code}, order=30),
        Tab(
            "county",
            _("Hyte negotiations"),
            "strategy:county-hyte-negotiations",
            lambda county: {"code": county.code},
            order=40,
            predicate="strategy.view_hyte_negotiations",
        ),
        Tab("network", _("Plans"), "strategy:network-plans", lambda n: {"pk": n.pk}, order=10),
        Tab(
            "network",
            _("Agreed measures"),
            "strategy:network-measures",
            lambda n: {"pk": n.pk},
            order=11,
        ),
        Tab(
            "network",
            _("Recommendations to the network"),
            "strategy:network-recommendations",
            lambda network: {"pk": network.pk},
            order=20,
        ),
        DashboardWork(_work, order=30),
        DashboardTasks(_tasks, order=30),
        ApiRoute("plans", PlanViewSet, "plan"),
        ApiRoute("goals", GoalViewSet, "goal"),
        ApiRoute("measures", MeasureViewSet, "measure"),
        ApiRoute("goal-cards", GoalCardViewSet, "goal-card"),
        UrlModule("elinvoima.strategy.urls"),
        DemoLoader(
            "strategy", lambda context: strategy_demo_load(context.objects["organisations"])
        ),
    )

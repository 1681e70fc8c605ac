"""What the networks app adds to the portal (core.registry): the networks tab of a
municipality and a county, the dashboard tasks and the user's networks, the demo networks."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.scopes import MUNICIPAL_ROLES, REGIONAL_ROLES, user_scope
from elinvoima.core.registry import (
    DashboardPanel,
    DashboardTasks,
    DemoLoader,
    Link,
    Registry,
    Tab,
    UrlModule,
)

from .demo import networks_demo_load
from .selectors import network_memberships_of


def _tasks(user):
    scope = user_scope(user)
    for municipality in scope.municipalities_where(MUNICIPAL_ROLES):
        yield Link(
            _("Networks of %(name)s") % {"name": municipality},
            reverse("networks:municipality-networks", kwargs={"code": municipality.code}),
            _("Vitality groups, age-group networks and who takes part."),
        )
    for county in scope.counties_where(REGIONAL_ROLES):
        yield Link(
            _("Networks of %(name)s") % {"name": county},
            reverse("networks:county-networks", kwargs={"code": county.code}),
            _("The regional networks and who takes part."),
        )


def _memberships_panel(user):
    memberships = list(network_memberships_of(user=user))
    return {"memberships": memberships} if memberships else None


def register(registry: Registry) -> None:
    registry.add(
        Tab(
            "municipality",
            _("Networks"),
            "networks:municipality-networks",
            lambda municipality: {"code": municipality.code},
            order=20,
        ),
        Tab(
            "county",
            _("Networks"),
            "networks:county-networks",
            lambda county: {"code": county.code},
            order=20,
        ),
        DashboardTasks(_tasks, order=20),
        DashboardPanel("networks/dashboard/_memberships.html", _memberships_panel, order=20),
        UrlModule("elinvoima.networks.urls"),
        DemoLoader("networks", networks_demo_load),
    )

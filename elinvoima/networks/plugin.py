"""What the networks app adds to the portal (core.registry): the networks tab of a
municipality and a county, the dashboard's work (action items, minutes to write) and tasks,
the user's networks, the API of networks and meetings, the demo networks and meetings."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.actors.scopes import MUNICIPAL_ROLES, REGIONAL_ROLES, user_scope
from elinvoima.core.registry import (
    ApiRoute,
    DashboardPanel,
    DashboardTasks,
    DashboardWork,
    DemoLoader,
    Link,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)

from .api import AgreementViewSet, CalendarItemViewSet, MeetingViewSet, NetworkViewSet
from .demo import networks_demo_load
from .meetings.selectors import minutes_to_write_for, open_action_items_of
from .selectors import network_memberships_of


def _work(user):
    if not user.is_authenticated:
        return
    actions = list(open_action_items_of(user).values_list("pk", flat=True))
    if actions:
        yield WorkItem(
            ngettext("%(count)d action item to do", "%(count)d action items to do", len(actions))
            % {"count": len(actions)},
            len(actions),
            reverse("networks:my-action-items"),
        )
    meetings = list(minutes_to_write_for(user).values_list("pk", flat=True))
    if meetings:
        yield WorkItem(
            ngettext(
                "%(count)d meeting's minutes to write",
                "%(count)d meetings' minutes to write",
                len(meetings),
            )
            % {"count": len(meetings)},
            len(meetings),
            reverse("networks:meeting", kwargs={"pk": meetings[0]}),
        )


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
        Tab(
            "municipality",
            _("Annual clock"),
            "networks:municipality-clock",
            lambda municipality: {"code": municipality.code},
            order=21,
        ),
        Tab(
            "county",
            _("Annual clock"),
            "networks:county-clock",
            lambda county: {"code": county.code},
            order=21,
        ),
        Tab(
            "municipality",
            _("Agreements"),
            "networks:municipality-agreements",
            lambda municipality: {"code": municipality.code},
            order=22,
        ),
        Tab(
            "county",
            _("Agreements"),
            "networks:county-agreements",
            lambda county: {"code": county.code},
            order=22,
        ),
        Tab(
            "network", _("Annual clock"), "networks:network-clock", lambda n: {"pk": n.pk}, order=5
        ),
        DashboardWork(_work, order=20),
        DashboardTasks(_tasks, order=20),
        DashboardPanel("networks/dashboard/_memberships.html", _memberships_panel, order=20),
        UrlModule("elinvoima.networks.urls"),
        ApiRoute("networks", NetworkViewSet, "network"),
        ApiRoute("meetings", MeetingViewSet, "meeting"),
        ApiRoute("calendar-items", CalendarItemViewSet, "calendar-item"),
        ApiRoute("agreements", AgreementViewSet, "agreement"),
        DemoLoader("networks", networks_demo_load),
    )

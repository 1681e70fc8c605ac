"""What the reports app adds to the portal (core.registry): the goal-to-impact view on a
municipality's and a county's page, the cooperation surveys on a county's page, the
organisers' dashboard task, the URLs, the API and the demo surveys."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import Role
from elinvoima.actors.scopes import user_scope
from elinvoima.core.registry import (
    ApiRoute,
    DashboardTasks,
    DemoLoader,
    Link,
    Registry,
    Tab,
    UrlModule,
)

from .api import SurveyViewSet
from .demo import reports_demo_load


def _tasks(user):
    if not user.is_authenticated:
        return
    for county in user_scope(user).counties_where((Role.COUNTY_OFFICIAL,)):
        yield Link(
            _("Cooperation surveys of %(county)s") % {"county": county.name},
            reverse("reports:county-surveys", kwargs={"code": county.code}),
            _("Ask the municipalities, the county and the associations how cooperation works."),
        )


def register(registry: Registry) -> None:
    registry.add(
        Tab(
            "county",
            _("Cooperation surveys"),
            "reports:county-surveys",
            lambda county: {"code": county.code},
            order=60,
        ),
        Tab(
            "municipality",
            _("Goals and impact"),
            "reports:municipality-impact",
            lambda municipality: {"code": municipality.code},
            order=25,
        ),
        Tab(
            "county",
            _("Goals and impact"),
            "reports:county-impact",
            lambda county: {"code": county.code},
            order=25,
        ),
        DashboardTasks(_tasks, order=60),
        UrlModule("elinvoima.reports.urls"),
        ApiRoute("surveys", SurveyViewSet, "survey"),
        DemoLoader("reports", reports_demo_load),
    )

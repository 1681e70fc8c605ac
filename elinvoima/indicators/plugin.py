"""What the indicators app adds to the portal (core.registry): the catalogue in the
navigation, a municipality's indicator tabs, the county's HYTE coefficient, dashboard tasks,
the API collections and the demo values."""

import datetime

from django.urls import reverse
from django.utils import timezone
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
from elinvoima.indicators.api import IndicatorValueViewSet, IndicatorViewSet
from elinvoima.indicators.demo import indicator_demo_load
from elinvoima.indicators.enums import ImportStatus
from elinvoima.indicators.hyte.demo import hyte_demo_load
from elinvoima.indicators.permissions import import_jobs_visible_to

FAILED_IMPORTS_DAYS = 30


def _tasks(user):
    scope = user_scope(user)
    for municipality in scope.municipalities_where(MUNICIPAL_ROLES):
        code = {"code": municipality.code}
        if user.has_perm("indicators.view_experiential_data", municipality):
            yield Link(
                _("Experiential data of %(name)s") % {"name": municipality},
                reverse("indicators:experiential-municipality", kwargs=code),
                _("What residents tell of their wellbeing, by the six domains."),
            )
        yield Link(
            _("Indicators of %(name)s") % {"name": municipality},
            reverse("indicators:municipality-indicators", kwargs=code),
            _("Charts of the municipality against its county and the whole country."),
        )
        yield Link(
            _("Indicator sets of %(name)s") % {"name": municipality},
            reverse("indicators:indicator-set-list", kwargs=code),
            _("The lists of indicators the municipality follows."),
        )
    for county in scope.counties_where([Role.COUNTY_OFFICIAL]):
        yield Link(
            _("HYTE coefficient of %(name)s") % {"name": county},
            reverse("indicators:hyte-county", kwargs={"code": county.code}),
            _("Scores, the funding they bring and the follow-up of the indicators."),
        )
    if user.has_perm("indicators.import_sotkanet"):
        yield Link(
            _("Import Sotkanet data"),
            reverse("indicators:import-list"),
            _("Upload THL's indicator metadata, regions and values; follow the imports."),
        )


def _work(user):
    """Imports refused in the last 30 days, of those the user may see."""
    if not user.has_perm("indicators.import_sotkanet"):
        return
    since = timezone.now() - datetime.timedelta(days=FAILED_IMPORTS_DAYS)
    count = (
        import_jobs_visible_to(user)
        .filter(status=ImportStatus.FAILED, created_at__gte=since)
        .count()
    )
    yield WorkItem(
        ngettext(
            "import refused in the last 30 days", "imports refused in the last 30 days", count
        ),
        count,
        reverse("indicators:import-list"),
        _("See what was wrong in the file and import it again."),
    )


def _municipality_tab(label, url_name, order, predicate=None):
    return Tab(
        "municipality",
        label,
        url_name,
        lambda municipality: {"code": municipality.code},
        order=order,
        predicate=predicate,
    )


def register(registry: Registry) -> None:
    registry.add(
        NavEntry(_("Indicators"), "indicators:indicator-list", order=40),
        _municipality_tab(_("Indicators"), "indicators:municipality-indicators", 50),
        _municipality_tab(_("Own indicators"), "indicators:own-indicator-list", 60),
        _municipality_tab(_("Indicator sets"), "indicators:indicator-set-list", 70),
        _municipality_tab(
            _("Experiential data"),
            "indicators:experiential-municipality",
            80,
            predicate="indicators.view_experiential_data",
        ),
        Tab(
            "county",
            _("HYTE coefficient"),
            "indicators:hyte-county",
            lambda county: {"code": county.code},
            order=50,
        ),
        DashboardWork(_work, order=40),
        DashboardTasks(_tasks, order=40),
        ApiRoute("indicators", IndicatorViewSet, "indicator"),
        ApiRoute("indicator-values", IndicatorValueViewSet, "indicator-value"),
        UrlModule("elinvoima.indicators.urls"),
        DemoLoader("indicators", lambda context: indicator_demo_load()),
        DemoLoader("hyte-coefficient", lambda context: hyte_demo_load()),
    )

"""What the grants app adds to the portal (core.registry): the grants tab of a
municipality, its pages and API, and the demo round."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.core.registry import (
    ApiRoute,
    CalendarSource,
    DashboardWork,
    DemoLoader,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)

from .api import GrantApplicationViewSet, GrantRoundViewSet
from .applications.selectors import drafts_to_submit
from .calendar import grant_deadlines
from .demo import grants_demo_load
from .reporting.selectors import reports_due, reports_to_receive
from .review.selectors import applications_to_score, rounds_to_decide

# What waits for the user, kind by kind: the ids of the items (the first is linked), what
# a count of them is called, and the page of the first.
WORK = (
    (
        drafts_to_submit,
        lambda n: ngettext("grant application to submit", "grant applications to submit", n),
        "grants:application",
    ),
    (
        applications_to_score,
        lambda n: ngettext("grant application to score", "grant applications to score", n),
        "grants:round-applications",
    ),
    (
        rounds_to_decide,
        lambda n: ngettext("grant application to decide", "grant applications to decide", n),
        "grants:round-applications",
    ),
    (
        reports_due,
        lambda n: ngettext("grant report to write", "grant reports to write", n),
        "grants:report",
    ),
    (
        reports_to_receive,
        lambda n: ngettext("grant report to receive", "grant reports to receive", n),
        "grants:report",
    ),
)


def _work(user):
    if not user.is_authenticated:
        return
    for ids_of, called, url_name in WORK:
        ids = ids_of(user)
        if ids:
            yield WorkItem(called(len(ids)), len(ids), reverse(url_name, kwargs={"pk": ids[0]}))


def register(registry: Registry) -> None:
    registry.add(
        Tab(
            "municipality",
            _("Grants"),
            "grants:municipality-rounds",
            lambda municipality: {"code": municipality.code},
            order=27,
        ),
        UrlModule("elinvoima.grants.urls"),
        ApiRoute("grant-rounds", GrantRoundViewSet, "grant-round"),
        ApiRoute("grant-applications", GrantApplicationViewSet, "grant-application"),
        DashboardWork(_work, order=27),
        CalendarSource(grant_deadlines, order=40),
        DemoLoader("grants", grants_demo_load),
    )

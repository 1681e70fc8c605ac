"""What the reports app adds to the portal (core.registry): the welfare reports and the
goal-to-impact view on a municipality's and a county's page, the cards to deliver on the
dashboard, the cooperation surveys on a county's page, the
organisers' dashboard task, the URLs, the API and the demo surveys."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.actors.enums import Role
from elinvoima.actors.scopes import MUNICIPAL_KINDS, user_scope
from elinvoima.core.registry import (
    ApiRoute,
    DashboardTasks,
    DashboardWork,
    DemoLoader,
    Link,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)

from .api import ReportViewSet, SurveyViewSet
from .demo import reports_demo_load
from .welfare.selectors import cards_waiting_for, reports_new_for


def _tasks(user):
    if not user.is_authenticated:
        return
    scope = user_scope(user)
    for municipality in scope.municipalities_where((Role.COORDINATOR,), MUNICIPAL_KINDS):
        yield Link(
            _("Welfare reports of %(municipality)s") % {"municipality": municipality.name},
            reverse("reports:municipality-reports", kwargs={"code": municipality.code}),
            _("The yearly and the council-term welfare report: data, cards, approval."),
        )
    for county in scope.counties_where((Role.COUNTY_OFFICIAL,)):
        yield Link(
            _("Welfare reports of %(county)s") % {"county": county.name},
            reverse("reports:county-reports", kwargs={"code": county.code}),
            _("The county's yearly welfare report: data, cards, approval."),
        )
        yield Link(
            _("Cooperation surveys of %(county)s") % {"county": county.name},
            reverse("reports:county-surveys", kwargs={"code": county.code}),
            _("Ask the municipalities, the county and the associations how cooperation works."),
        )


def _work(user):
    """The report cards the user's organisations have to deliver, and the county reports
    just approved that the user's municipalities have received."""
    if not user.is_authenticated:
        return
    cards = list(cards_waiting_for(user).values_list("pk", flat=True)[:100])
    if cards:
        yield WorkItem(
            ngettext(
                "%(count)d card to deliver for a welfare report",
                "%(count)d cards to deliver for welfare reports",
                len(cards),
            )
            % {"count": len(cards)},
            len(cards),
            reverse("reports:contribution", kwargs={"pk": cards[0]}),
        )
    received = list(reports_new_for(user).values_list("pk", flat=True)[:20])
    if received:
        yield WorkItem(
            ngettext(
                "%(count)d county welfare report received: read it before the hyte negotiations",
                "%(count)d county welfare reports received: read them before the hyte negotiations",
                len(received),
            )
            % {"count": len(received)},
            len(received),
            reverse("reports:report", kwargs={"pk": received[0]}),
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
        Tab(
            "municipality",
            _("Welfare reports"),
            "reports:municipality-reports",
            lambda municipality: {"code": municipality.code},
            order=26,
        ),
        Tab(
            "county",
            _("Welfare reports"),
            "reports:county-reports",
            lambda county: {"code": county.code},
            order=26,
        ),
        DashboardWork(_work, order=26),
        DashboardTasks(_tasks, order=60),
        UrlModule("elinvoima.reports.urls"),
        ApiRoute("surveys", SurveyViewSet, "survey"),
        ApiRoute("welfare-reports", ReportViewSet, "welfare-report"),
        DemoLoader("reports", reports_demo_load),
    )

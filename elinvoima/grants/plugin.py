"""What the grants app adds to the portal (core.registry): the grants tab of a
municipality, its pages and API, and the demo round."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.core.registry import (
    ApiRoute,
    DashboardWork,
    DemoLoader,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)

from .api import GrantApplicationViewSet, GrantRoundViewSet
from .applications.selectors import drafts_to_submit
from .demo import grants_demo_load
from .reporting.selectors import reports_due, reports_to_receive
from .review.selectors import applications_to_score, rounds_to_decide


def _work(user):
    if not user.is_authenticated:
        return
    drafts = drafts_to_submit(user)
    if drafts:
        yield WorkItem(
            ngettext("grant application to submit", "grant applications to submit", len(drafts)),
            len(drafts),
            reverse("grants:application", kwargs={"pk": drafts[0]}),
        )
    to_score = applications_to_score(user)
    if to_score:
        yield WorkItem(
            ngettext("grant application to score", "grant applications to score", len(to_score)),
            len(to_score),
            reverse("grants:round-applications", kwargs={"pk": to_score[0]}),
        )
    to_decide = rounds_to_decide(user)
    if to_decide:
        yield WorkItem(
            ngettext("grant application to decide", "grant applications to decide", len(to_decide)),
            len(to_decide),
            reverse("grants:round-applications", kwargs={"pk": to_decide[0]}),
        )

    due = reports_due(user)
    if due:
        yield WorkItem(
            ngettext("grant report to write", "grant reports to write", len(due)),
            len(due),
            reverse("grants:report", kwargs={"pk": due[0]}),
        )
    to_receive = reports_to_receive(user)
    if to_receive:
        yield WorkItem(
            ngettext("grant report to receive", "grant reports to receive", len(to_receive)),
            len(to_receive),
            reverse("grants:report", kwargs={"pk": to_receive[0]}),
        )


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
        DemoLoader("grants", grants_demo_load),
    )

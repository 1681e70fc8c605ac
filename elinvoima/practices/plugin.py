"""What the practice library adds to the portal (core.registry): the library in the main
navigation, the neighbours' practices on a municipality's page, the editors' records
waiting for review, the URLs, the API and the seeds' records."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.core.registry import (
    ApiRoute,
    DashboardWork,
    DemoLoader,
    NavEntry,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)

from .api import PracticeViewSet
from .demo import practices_demo_load
from .enums import PracticeState
from .permissions import is_editor, practices_visible_to


def _work(user):
    if not user.is_authenticated or not is_editor(user):
        return  # no query for those who review nothing
    waiting = list(
        practices_visible_to(user)
        .filter(state=PracticeState.IN_REVIEW)
        .exclude(created_by=user)
        .values_list("pk", flat=True)[:100]
    )
    if waiting:
        yield WorkItem(
            ngettext(
                "%(count)d good practice waiting for review",
                "%(count)d good practices waiting for review",
                len(waiting),
            )
            % {"count": len(waiting)},
            len(waiting),
            reverse("practices:practice", kwargs={"pk": waiting[0]}),
        )


def register(registry: Registry) -> None:
    registry.add(
        NavEntry(_("Good practices"), "practices:list", order=55),
        Tab(
            "municipality",
            _("Practices from neighbours"),
            "practices:neighbours",
            lambda municipality: {"code": municipality.code},
            order=70,
        ),
        DashboardWork(_work, order=70),
        UrlModule("elinvoima.practices.urls"),
        ApiRoute("practices", PracticeViewSet, "practice"),
        DemoLoader("practices", practices_demo_load),
    )

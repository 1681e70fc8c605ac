"""What the workshops app adds to the portal (core.registry): the workshops in the main
navigation, the organisers' dashboard tasks, the URLs and the demo series of Keski-Suomi."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.core.registry import (
    ApiRoute,
    CalendarSource,
    DashboardTasks,
    DemoLoader,
    Link,
    NavEntry,
    Registry,
    UrlModule,
)

from .api import RegistrationViewSet, WorkshopViewSet
from .calendar import workshop_dates
from .demo import workshops_demo_load
from .permissions import organiser_ids, series_visible_to


def _tasks(user):
    if not user.is_authenticated or not organiser_ids(user):
        return  # no query for those who organise nothing
    for series in series_visible_to(user).filter(is_published=False)[:5]:
        yield Link(
            series.name,
            reverse("workshops:series", kwargs={"pk": series.pk}),
            _("A workshop series being prepared."),
        )


def register(registry: Registry) -> None:
    registry.add(
        NavEntry(_("Regional workshops"), "workshops:series-list", order=45),
        DashboardTasks(_tasks, order=45),
        UrlModule("elinvoima.workshops.urls"),
        ApiRoute("workshops", WorkshopViewSet, "workshop"),
        ApiRoute("workshop-registrations", RegistrationViewSet, "workshop-registration"),
        CalendarSource(workshop_dates, order=45),
        DemoLoader("workshops", workshops_demo_load),
    )

"""The workshops in the annual clocks (core.registry's CalendarSource): a published
workshop and the tasks of its timeline appear in the clock of every municipality of its
area."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.core.registry import CalendarEntry

from .models import Workshop, WorkshopTask


def workshop_dates(municipality, year: int):
    workshops = (
        Workshop.objects.filter(
            area__municipalities=municipality,
            is_published=True,
            series__is_published=True,
            starts_at__year=year,
        )
        .select_related("series")
        .order_by("starts_at", "pk")
    )
    for workshop in workshops:
        yield CalendarEntry(
            uid=f"workshop-{workshop.pk}",
            title=workshop.theme,
            kind=_("Regional workshops"),
            starts_on=timezone.localdate(workshop.starts_at),
            url=reverse("workshops:workshop", kwargs={"pk": workshop.pk}),
            description=workshop.series.name,
        )
    tasks = (
        WorkshopTask.objects.filter(
            workshop__area__municipalities=municipality,
            workshop__is_published=True,
            workshop__series__is_published=True,
            due_on__year=year,
        )
        .select_related("workshop")
        .order_by("due_on", "pk")
    )
    for task in tasks:
        yield CalendarEntry(
            uid=f"workshop-task-{task.pk}",
            title=f"{task.get_kind_display()}: {task.workshop.theme}",
            kind=_("Regional workshops"),
            starts_on=task.due_on,
            url=reverse("workshops:workshop", kwargs={"pk": task.workshop_id}),
        )

"""The workshops in the annual clocks (core.registry's CalendarSource): a published
workshop appears in the clock of every municipality of its area."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.core.registry import CalendarEntry

from .models import Workshop


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

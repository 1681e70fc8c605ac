"""The wellbeing cards' dates in a municipality's annual clock (core.registry's
CalendarSource): the day each card closes for answers."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from elinvoima.cards.models import CardTemplate
from elinvoima.core.registry import CalendarEntry


def card_closing_dates(municipality, year: int):
    templates = CardTemplate.objects.filter(
        decision__municipality=municipality, closes_on__year=year
    ).order_by("closes_on", "pk")
    for template in templates:
        yield CalendarEntry(
            uid=f"card-{template.pk}-closes",
            title=_("The card “%(card)s” closes for answers") % {"card": template.name},
            kind=_("Wellbeing cards"),
            starts_on=template.closes_on,
            url=reverse("cards:card", kwargs={"pk": template.pk}),
            description=_("Open for answers from %(day)s.")
            % {"day": formats.date_format(template.opens_on, "SHORT_DATE_FORMAT")},
        )

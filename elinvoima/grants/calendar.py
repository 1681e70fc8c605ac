"""The grant rounds' dates in a municipality's annual clock (core.registry's
CalendarSource): the last day of applications of each published round."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from elinvoima.core.registry import CalendarEntry
from elinvoima.grants.models import GrantRound


def grant_deadlines(municipality, year: int):
    rounds = GrantRound.objects.filter(
        municipality=municipality, published_at__isnull=False, closes_on__year=year
    ).order_by("closes_on", "pk")
    for grant_round in rounds:
        yield CalendarEntry(
            uid=f"grant-round-{grant_round.pk}-closes",
            title=_("Applications for “%(round)s” close") % {"round": grant_round.name},
            kind=_("Grants"),
            starts_on=grant_round.closes_on,
            url=reverse("grants:round", kwargs={"pk": grant_round.pk}),
            description=_("Applications from %(day)s.")
            % {"day": formats.date_format(grant_round.opens_on, "SHORT_DATE_FORMAT")},
        )

"""Statistics of exercise counselling for a municipality and its county (seed 001: "yhteistyö
mahdollistaa myös käyntien tilastoinnin"): in a year, the clients who began, the visits,
where clients came from, how periods ended and the times missed — aggregated, never one
client, and small counts suppressed: a count of 1 to 4 is shown as "fewer than 5", and when
a breakdown would then hide one count only, the next smallest is hidden too, so that no
count can be worked out by subtracting the shown ones from the total."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from elinvoima.counselling.enums import BookingState, ClientSource, Outcome
from elinvoima.counselling.models import Booking, Period, Visit

SMALLEST_SHOWN = 5


@dataclass(frozen=True)
class Cell:
    label: str
    count: int | None  # None: suppressed


def _suppressed(rows: list[tuple[str, int]]) -> list[Cell]:
    hidden = {i for i, (_label, n) in enumerate(rows) if 0 < n < SMALLEST_SHOWN}
    if len(hidden) == 1:  # one hidden count could be worked out from the total
        others = sorted((n, i) for i, (_label, n) in enumerate(rows) if i not in hidden and n > 0)
        if others:
            hidden.add(others[0][1])
    return [Cell(label, None if i in hidden else n) for i, (label, n) in enumerate(rows)]


def _total(n: int) -> int | None:
    return None if 0 < n < SMALLEST_SHOWN else n


@dataclass(frozen=True)
class Statistics:
    year: int
    began: int | None  # periods that began
    clients: int | None  # clients with a visit
    visits: int | None
    missed: int | None
    sources: list[Cell]
    outcomes: list[Cell]


def counselling_statistics(*, municipalities, year: int) -> Statistics:
    """The counts of the municipalities' counselling in `year` (four queries)."""
    start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    periods = Period.objects.filter(
        municipality__in=municipalities, opened_at__date__gte=start, opened_at__date__lt=end
    )
    by_source = dict(periods.values_list("source").annotate(n=Count("id")).order_by())
    closed = Period.objects.filter(
        municipality__in=municipalities, closed_at__date__gte=start, closed_at__date__lt=end
    )
    by_outcome = dict(closed.values_list("outcome").annotate(n=Count("id")).order_by())
    visits = Visit.objects.filter(
        period__municipality__in=municipalities, visited_on__gte=start, visited_on__lt=end
    ).aggregate(visits=Count("id"), clients=Count("period__client", distinct=True))
    missed = Booking.objects.filter(
        Q(slot__starts_at__date__gte=start) & Q(slot__starts_at__date__lt=end),
        slot__municipality__in=municipalities,
        state=BookingState.NO_SHOW,
    ).count()
    return Statistics(
        year=year,
        began=_total(sum(by_source.values())),
        clients=_total(visits["clients"]),
        visits=_total(visits["visits"]),
        missed=_total(missed),
        sources=_suppressed(
            [(str(label), by_source.get(code, 0)) for code, label in ClientSource.choices]
        ),
        outcomes=_suppressed(
            [(str(label), by_outcome.get(code, 0)) for code, label in Outcome.choices]
        ),
    )

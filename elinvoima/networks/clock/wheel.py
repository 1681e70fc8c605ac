"""The annual clock drawn as a year wheel (SVG): twelve month sectors from January at the
top, clockwise, each a link to the month in the list beside it, with the number of its
entries and how many of them hear residents; a hand at today in the current year. The
template draws what this computes; the list is the accessible alternative."""

import datetime
import math
from dataclasses import dataclass

from django.utils.dates import MONTHS_AP

SIZE = 360
CENTRE = SIZE / 2
OUTER, INNER = 172, 70
LABEL_RADIUS = 146
COUNT_RADIUS = 108


@dataclass
class Sector:
    month: int
    name: str
    short: str  # the abbreviation drawn in the wheel (tammi, jan)
    path: str  # the SVG path of the annular sector
    label_x: float
    label_y: float
    count_x: float
    count_y: float
    count: int
    participation: int


def _point(radius: float, angle: float) -> tuple[float, float]:
    """A point at `angle` (radians, 0 at the top, clockwise) from the centre."""
    return (
        round(CENTRE + radius * math.sin(angle), 2),
        round(CENTRE - radius * math.cos(angle), 2),
    )


def _sector_path(start: float, end: float) -> str:
    (ox1, oy1), (ox2, oy2) = _point(OUTER, start), _point(OUTER, end)
    (ix2, iy2), (ix1, iy1) = _point(INNER, end), _point(INNER, start)
    return (
        f"M{ox1},{oy1} A{OUTER},{OUTER} 0 0 1 {ox2},{oy2} "
        f"L{ix2},{iy2} A{INNER},{INNER} 0 0 0 {ix1},{iy1} Z"
    )


def sectors(month_names: list[str], counts: dict[int, tuple[int, int]]) -> list[Sector]:
    """The twelve sectors; `counts`: month → (entries, entries hearing residents)."""
    short_names = [str(MONTHS_AP[month]).rstrip(".") for month in range(1, 13)]
    step = 2 * math.pi / 12
    result = []
    for index, name in enumerate(month_names):
        start, end = index * step, (index + 1) * step
        middle = (start + end) / 2
        label_x, label_y = _point(LABEL_RADIUS, middle)
        count_x, count_y = _point(COUNT_RADIUS, middle)
        count, participation = counts.get(index + 1, (0, 0))
        result.append(
            Sector(
                index + 1,
                name,
                short_names[index],
                _sector_path(start, end),
                label_x,
                label_y,
                count_x,
                count_y,
                count,
                participation,
            )
        )
    return result


def hand(day: datetime.date) -> tuple[float, float]:
    """Where the hand points on `day`: the end of a line from the centre."""
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return _point(OUTER, 2 * math.pi * (day - start).days / length)

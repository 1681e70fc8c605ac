"""National-scale networks, meetings and annual clocks for benchmarks (docs/performance.md):
NETWORKS (2,000) networks across the municipalities with MEETINGS (20,000) meetings over six
years, and annual clock items of the municipalities and networks. The benchmark municipality
(Tampere) has exactly CLOCK_ENTRIES (500) entries in its clock of the current year: 300 of
its own (200 of the year, 100 recurring every year since an earlier one), 100 of its ten
public networks, and 100 meetings of those networks in the year. Deterministic from the
seed; written with bulk inserts, then ANALYZE."""

import datetime
import random
from dataclasses import dataclass
from time import perf_counter

from django.db import connection, transaction
from django.utils import timezone

from elinvoima.actors.models import Municipality, TargetGroup
from elinvoima.bench.scale.strategy import BENCH_MUNICIPALITY_CODE
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.enums import CalendarItemKind, NetworkKind, Recurrence
from elinvoima.networks.meetings.models import Meeting
from elinvoima.networks.models import Network

NETWORKS = 2_000
MEETINGS = 20_000
BENCH_NETWORKS = 10
OWN_ONCE, OWN_YEARLY, NETWORK_ITEMS, BENCH_MEETINGS = 200, 100, 100, 100
CLOCK_ENTRIES = OWN_ONCE + OWN_YEARLY + NETWORK_ITEMS + BENCH_MEETINGS
OTHER_MUNICIPALITY_ITEMS = 30
SCALE_MARKER = "Skaalausaineisto (generate_scale_data)."
BATCH = 5_000
KINDS = list(CalendarItemKind.values)
TABLES = ("networks_network", "networks_meeting", "networks_calendaritem")


@dataclass
class NetworkScaleResult:
    networks: int
    meetings: int
    items: int
    seconds: float


def scale_networks():
    return Network.objects.filter(description_fi=SCALE_MARKER)


def network_scale_exists() -> bool:
    return scale_networks().exists()


@transaction.atomic
def network_scale_delete() -> int:
    """Delete the generated networks (their meetings and items with them) and clock items."""
    CalendarItem.objects.filter(description_fi=SCALE_MARKER).delete()
    count, _ = scale_networks().delete()
    return count


def bench_year() -> int:
    return timezone.localdate().year


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _day(rng: random.Random, year: int) -> datetime.date:
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))


class NetworkScaleError(Exception):
    pass


def network_scale_generate(*, seed: int) -> NetworkScaleResult:
    started = perf_counter()
    if network_scale_exists():
        raise NetworkScaleError("The scale networks already exist.")
    rng = random.Random(seed)
    year = bench_year()
    municipalities = list(Municipality.objects.order_by("code"))
    bench = next(m for m in municipalities if m.code == BENCH_MUNICIPALITY_CODE)
    others = [m for m in municipalities if m.pk != bench.pk]
    groups = list(TargetGroup.objects.order_by("pk"))
    kinds = [NetworkKind.AGE_GROUP_NETWORK, NetworkKind.VITALITY_GROUP, NetworkKind.HYTE_NETWORK]
    with transaction.atomic():
        homes = [bench] * BENCH_NETWORKS + [
            rng.choice(others) for _ in range(NETWORKS - BENCH_NETWORKS)
        ]
        Network.objects.bulk_create(
            (
                Network(
                    name=f"Skaalausverkosto {n} {home.name_fi}",
                    name_fi=f"Skaalausverkosto {n} {home.name_fi}",
                    name_en=f"Scale network {n}",
                    kind=rng.choice(kinds),
                    description_fi=SCALE_MARKER,
                    municipality=home,
                    is_public=n < BENCH_NETWORKS or rng.random() < 0.8,
                )
                for n, home in enumerate(homes)
            ),
            batch_size=BATCH,
        )
        networks = list(scale_networks().order_by("pk"))
        bench_networks = [n for n in networks if n.municipality_id == bench.pk]
        meetings = []
        per_network = MEETINGS // len(networks)
        for network in networks:
            in_bench = network.municipality_id == bench.pk
            for n in range(per_network):
                day = _day(rng, year if in_bench else year - 4 + n % 6)
                meetings.append(
                    Meeting(
                        network=network,
                        title=f"Kokous {n + 1}",
                        starts_at=_at(day, 17),
                        ends_at=_at(day, 19),
                        place="Kunnantalo",
                        invited_at=_at(day, 9) - datetime.timedelta(days=14),
                    )
                )
        Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        items = []

        def item(owner: dict, n: int, *, item_year: int, recurrence=Recurrence.ONCE) -> None:
            dated = rng.random() < 0.5
            day = _day(rng, item_year)
            items.append(
                CalendarItem(
                    title=f"Vuosikellon kohta {n}",
                    title_fi=f"Vuosikellon kohta {n}",
                    title_en=f"Annual clock item {n}",
                    description_fi=SCALE_MARKER,
                    kind=rng.choice(KINDS),
                    year=item_year,
                    month=day.month,
                    starts_on=day if dated else None,
                    recurrence=recurrence,
                    responsible="Hyvinvointikoordinaattori",
                    **owner,
                )
            )

        for n in range(OWN_ONCE):
            item({"municipality": bench}, n, item_year=year)
        for n in range(OWN_YEARLY):
            item({"municipality": bench}, n, item_year=year - 3, recurrence=Recurrence.YEARLY)
        for network in bench_networks:
            for n in range(NETWORK_ITEMS // BENCH_NETWORKS):
                item({"network": network}, n, item_year=year)
        for municipality in others:
            for n in range(OTHER_MUNICIPALITY_ITEMS):
                item({"municipality": municipality}, n, item_year=year - 2 + n % 4)
        for network in networks:
            if network.municipality_id != bench.pk:
                for n in range(5):
                    item({"network": network}, n, item_year=year - 2 + n % 4)
        CalendarItem.objects.bulk_create(items, batch_size=BATCH)
        heard = CalendarItem.heard_groups.through
        created = CalendarItem.objects.filter(
            title_fi__startswith="Vuosikellon kohta", kind=CalendarItemKind.HEARING
        ).values_list("pk", flat=True)
        heard.objects.bulk_create(
            (heard(calendaritem_id=pk, targetgroup_id=rng.choice(groups).pk) for pk in created),
            batch_size=BATCH,
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(f"ANALYZE {table}")
    return NetworkScaleResult(
        networks=len(networks),
        meetings=len(meetings),
        items=len(items),
        seconds=perf_counter() - started,
    )

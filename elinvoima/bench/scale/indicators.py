"""National-scale indicator data (docs/performance.md, "Scale data"): 3,000 indicators with about
4,000,000 values, generated deterministically from a seed, for benchmarks and load tests.

Regions: every municipality (category KUNTA, code = municipality code), every wellbeing
county (HYVINVOINTIALUE, Sotkanet's real ids from WellbeingCounty.sotkanet_region_id) and
the whole country (MAA). Regions already there — from a real Sotkanet `/regions` import or
the demo data — are reused; missing ones are created (`indicators.regions.regions_ensure`,
shared with the demo data). Sotkanet's ids of municipalities are not known offline, so a created
municipality region gets SYNTHETIC_REGION_BASE + its code and the country
SYNTHETIC_COUNTRY_ID: Sotkanet's own region ids are far below (a few thousand at most), so
they never collide with real ones.

Indicators: Sotkanet-like, numbered from SCALE_SOTKANET_ID_BASE (real Sotkanet ids are
below 10,000), so they are recognisable and deletable. About a fifth have values for every
municipality, county and the country; the others only for the counties and the country,
as many of Sotkanet's do. Every indicator has ten years; three in ten also by gender.

Values are written with PostgreSQL's COPY (executemany on SQLite), the value table's
secondary indexes and foreign keys dropped during a national-scale load and rebuilt after
it (as elinvoima.bench.scale.actors does), then ANALYZEd.
"""

import io
import random
from dataclasses import dataclass
from time import perf_counter

from django.db import connection, transaction

# The generic bulk-loading helpers of the actors' generator: drop a table's secondary
# indexes and foreign keys for a load and rebuild them after it, in the caller's transaction.
from elinvoima.bench.scale.actors import BULK_LOAD_MIN_ROWS, _foreign_keys_dropped, _indexes_dropped
from elinvoima.indicators.enums import Gender, IndicatorSource
from elinvoima.indicators.models import Indicator, IndicatorValue, Region
from elinvoima.indicators.regions import regions_ensure

SCALE_SOTKANET_ID_BASE = 900_000
INDICATOR_MODELS = (Indicator, IndicatorValue)  # the tables the generator writes
SCALE_FLAG = "elinvoima_scale"
INDICATORS = 3_000
VALUES = 4_000_000
YEARS = tuple(range(2015, 2025))
GENDERED_SHARE = 0.3


class IndicatorScaleError(Exception):
    """Generation refused: data already there, or no reference data to build on."""


# --- Indicators -----------------------------------------------------------------------------
# Titles are made of a measure and a group, as Sotkanet's are ("…, % 20–64-vuotiaista").
MEASURES = (
    ("Liikuntaa harrastavat", "Motionerar", "Physically active"),
    ("Yksinäisyyttä kokevat", "Upplever ensamhet", "Feeling lonely"),
    ("Tupakoivat", "Röker", "Smoking"),
    ("Terveytensä hyväksi kokevat", "Upplever sin hälsa som god", "Perceived good health"),
    ("Toimeentulotukea saaneet", "Mottagare av utkomststöd", "Social assistance recipients"),
    ("Työttömät", "Arbetslösa", "Unemployed"),
    ("Kotihoidon asiakkaat", "Klienter inom hemvården", "Home care clients"),
    ("Lastensuojelun avohuollon asiakkaat", "Klienter inom öppenvården", "Child welfare clients"),
    ("Päivittäin kasviksia syövät", "Äter grönsaker dagligen", "Eating vegetables daily"),
    ("Harrastustoimintaan osallistuvat", "Deltar i hobbyverksamhet", "Taking part in hobbies"),
    ("Ylipainoiset", "Överviktiga", "Overweight"),
    ("Psyykkisesti kuormittuneet", "Psykiskt belastade", "Psychologically strained"),
    ("Kouluterveydenhoitajalla käyneet", "Besökt skolhälsovårdaren", "Visited the school nurse"),
    ("Koulutuksen ulkopuolelle jääneet", "Utanför utbildning", "Without education"),
    ("Alkoholia runsaasti käyttävät", "Storkonsumenter av alkohol", "Heavy drinkers"),
    ("Vapaaehtoistyötä tekevät", "Gör frivilligarbete", "Doing voluntary work"),
)  # fmt: skip
GROUPS = (
    ("8. ja 9. luokan oppilaat", "elever i åk 8 och 9", "pupils in years 8 and 9"),
    ("20–64-vuotiaat", "20–64-åringar", "aged 20–64"),
    ("65 vuotta täyttäneet", "personer över 65 år", "aged 65 and over"),
    ("lukion 1. ja 2. vuoden opiskelijat", "gymnasiestuderande", "upper secondary students"),
    ("alle 18-vuotiaat", "personer under 18 år", "aged under 18"),
    ("75 vuotta täyttäneet", "personer över 75 år", "aged 75 and over"),
    ("työikäiset", "personer i arbetsför ålder", "of working age"),
)  # fmt: skip
VALUE_TYPES = (
    ("PERCENTAGE", ("Prosentti", "Procent", "Per cent"), 1, (5.0, 60.0)),
    ("PER1000", ("Tuhatta asukasta kohden", "Per tusen invånare", "Per 1 000 inhabitants"), 1,
     (10.0, 300.0)),
    ("PER100000", ("Sataa tuhatta asukasta kohden", "Per hundratusen invånare",
                   "Per 100 000 inhabitants"), 0, (200.0, 5000.0)),
)  # fmt: skip
ORGANISATIONS = (
    ("Terveyden ja hyvinvoinnin laitos (THL)", "Institutet för hälsa och välfärd (THL)",
     "Finnish Institute for Health and Welfare (THL)"),
    ("Tilastokeskus", "Statistikcentralen", "Statistics Finland"),
    ("Kela", "FPA", "Kela"),
)  # fmt: skip
SUBJECTS = (
    {"fi": "liikunta", "sv": "motion", "en": "physical activity", "uri": "http://www.yso.fi/onto/yso/p916"},
    {"fi": "hyvinvointi", "sv": "välbefinnande", "en": "well-being", "uri": "http://www.yso.fi/onto/yso/p1947"},
    {"fi": "terveys", "sv": "hälsa", "en": "health", "uri": "http://www.yso.fi/onto/yso/p2762"},
    {"fi": "työttömyys", "sv": "arbetslöshet", "en": "unemployment", "uri": "http://www.yso.fi/onto/yso/p2026"},
    {"fi": "nuoret", "sv": "unga", "en": "young people", "uri": "http://www.yso.fi/onto/yso/p11617"},
    {"fi": "ikääntyneet", "sv": "äldre", "en": "older people", "uri": "http://www.yso.fi/onto/yso/p2433"},
)  # fmt: skip


@dataclass
class ScaleIndicator:
    sotkanet_id: int
    municipal: bool  # values for municipalities too, not only counties and the country
    gendered: bool
    level: float
    trend: float  # relative change a year
    decimals: int


def _build_indicators(
    rng: random.Random, count: int, values: int, regions_top: int, regions_local: int
) -> list[ScaleIndicator]:
    """`count` indicators; enough of them, drawn at random, get municipal values too for
    the total to come as near `values` as whole indicators allow."""
    specs = []
    for index in range(count):
        _code, _titles, decimals, (low, high) = VALUE_TYPES[index % len(VALUE_TYPES)]
        specs.append(
            ScaleIndicator(
                sotkanet_id=SCALE_SOTKANET_ID_BASE + index + 1,
                municipal=False,
                gendered=rng.random() < GENDERED_SHARE,
                level=rng.uniform(low, high),
                trend=rng.uniform(-0.04, 0.04),
                decimals=decimals,
            )
        )
    per_year = [len(YEARS) * (3 if spec.gendered else 1) for spec in specs]
    total = sum(per_year) * regions_top
    for index in rng.sample(range(count), count):
        extra = per_year[index] * regions_local
        if total + extra / 2 > values:
            continue  # nearer without it; a smaller one may still fit
        specs[index].municipal = True
        total += extra
    return specs


def _indicator_rows(specs: list[ScaleIndicator]) -> list[Indicator]:
    indicators = []
    for index, spec in enumerate(specs):
        measure = MEASURES[index % len(MEASURES)]
        group = GROUPS[(index // len(MEASURES)) % len(GROUPS)]
        code, value_type, _decimals, _range = VALUE_TYPES[index % len(VALUE_TYPES)]
        organisation = ORGANISATIONS[index % len(ORGANISATIONS)]
        number = spec.sotkanet_id - SCALE_SOTKANET_ID_BASE
        titles = [f"{m}, {g} ({number})" for m, g in zip(measure, group, strict=True)]
        indicators.append(
            Indicator(
                source=IndicatorSource.SOTKANET,
                sotkanet_id=spec.sotkanet_id,
                title=titles[0],
                title_fi=titles[0],
                title_sv=titles[1],
                title_en=titles[2],
                description_fi="Kansallisen mittakaavan testiaineiston indikaattori.",
                description_sv="Indikator i testdata i nationell skala.",
                description_en="An indicator of the national-scale test data.",
                value_type_code=code,
                value_type=value_type[0],
                value_type_fi=value_type[0],
                value_type_sv=value_type[1],
                value_type_en=value_type[2],
                organization=organisation[0],
                organization_fi=organisation[0],
                organization_sv=organisation[1],
                organization_en=organisation[2],
                decimals=spec.decimals,
                subjects=[SUBJECTS[index % len(SUBJECTS)]],
                genders=["male", "female", "total"] if spec.gendered else ["total"],
                range_start=YEARS[0],
                range_end=YEARS[-1],
                metadata={SCALE_FLAG: True},
            )
        )
    return indicators


# --- Values ---------------------------------------------------------------------------------
def _value_lines(
    rng: random.Random,
    spec: ScaleIndicator,
    indicator_id: int,
    regions: list[tuple[int, float]],  # region id, its own offset
) -> list[str]:
    """COPY text lines: indicator, region, year, gender, value, abs value."""
    genders = (
        (Gender.TOTAL, 1.0), (Gender.MALE, 1.08), (Gender.FEMALE, 0.92)
    ) if spec.gendered else ((Gender.TOTAL, 1.0),)  # fmt: skip
    lines = []
    append = lines.append
    gauss = rng.gauss
    digits = spec.decimals
    for region_id, offset in regions:
        level = spec.level * offset
        for step, year in enumerate(YEARS):
            trend = level * (1 + spec.trend) ** step
            for gender, factor in genders:
                value = max(0.0, trend * factor * (1 + gauss(0, 0.03)))
                append(f"{indicator_id}\t{region_id}\t{year}\t{gender}\t{value:.{digits}f}\t\\N")
    return lines


@dataclass
class IndicatorScaleResult:
    regions: int
    indicators: int
    municipal_indicators: int
    values: int
    seconds: float
    replaced: int | None = None


def indicator_scale_exists() -> bool:
    return Indicator.objects.filter(sotkanet_id__gte=SCALE_SOTKANET_ID_BASE).exists()


def indicator_scale_delete() -> int:
    """Delete the generated indicators and their values (and stored charts of them)."""
    scale = Indicator.objects.filter(sotkanet_id__gte=SCALE_SOTKANET_ID_BASE)
    with transaction.atomic():
        deleted = IndicatorValue.objects.filter(indicator__in=scale)._raw_delete(
            IndicatorValue.objects.db
        )
        scale.delete()
    return deleted


def indicator_scale_generate(
    *,
    seed: int,
    indicators: int = INDICATORS,
    values: int = VALUES,
    replace: bool = False,
) -> IndicatorScaleResult:
    """Generate the national-scale regions, indicators and values in one transaction.
    Refuses when generated indicators are there already, unless `replace`."""
    started = perf_counter()
    replaced = None
    if indicator_scale_exists():
        if not replace:
            raise IndicatorScaleError(
                f"Scale indicators already exist (Sotkanet ids from {SCALE_SOTKANET_ID_BASE}). "
                "Use --replace to delete them and generate them again."
            )
        replaced = indicator_scale_delete()
    with transaction.atomic():
        region_ids = regions_ensure()
        if not region_ids.municipalities:
            raise IndicatorScaleError("No municipalities: load the reference data first.")
        rng = random.Random(seed)
        top = [*sorted(region_ids.counties.values()), region_ids.country]
        local = [region_ids.municipalities[code] for code in sorted(region_ids.municipalities)]
        specs = _build_indicators(rng, indicators, values, len(top), len(local))
        municipal = sum(spec.municipal for spec in specs)
        created = Indicator.objects.bulk_create(_indicator_rows(specs), batch_size=1000)
        # Each region's own level, the same for every indicator: some places sit higher.
        offsets = {region: rng.uniform(0.7, 1.3) for region in local}
        offsets.update(dict.fromkeys(top, 1.0))
        written = _values_write(rng, specs, [i.pk for i in created], top, local, offsets)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {IndicatorValue._meta.db_table}")
            cursor.execute(f"ANALYZE {Indicator._meta.db_table}")
            cursor.execute(f"ANALYZE {Region._meta.db_table}")
    return IndicatorScaleResult(
        regions=len(top) + len(local),
        indicators=len(created),
        municipal_indicators=municipal,
        values=written,
        seconds=perf_counter() - started,
        replaced=replaced,
    )


def _values_write(rng, specs, ids, top, local, offsets) -> int:
    table = IndicatorValue._meta.db_table
    columns = ("indicator_id", "region_id", "year", "gender", "value", "abs_value")

    def batches():
        for spec, indicator_id in zip(specs, ids, strict=True):
            regions = [*top, *local] if spec.municipal else top
            yield _value_lines(rng, spec, indicator_id, [(r, offsets[r]) for r in regions])

    expected = sum(
        (len(top) + (len(local) if s.municipal else 0)) * len(YEARS) * (3 if s.gendered else 1)
        for s in specs
    )
    written = 0
    if connection.vendor != "postgresql":
        quote = connection.ops.quote_name
        statement = "INSERT INTO {} ({}) VALUES (%s, %s, %s, %s, %s, NULL)".format(  # noqa: S608
            quote(table), ", ".join(map(quote, columns))
        )
        with connection.cursor() as cursor:
            for lines in batches():
                rows = [line.split("\t")[:5] for line in lines]
                cursor.executemany(statement, rows)
                written += len(rows)
        return written
    # Dropping the indexes pays when the load is most of the table (as in actors.scale).
    bulk = expected >= BULK_LOAD_MIN_ROWS and IndicatorValue.objects.count() < expected
    tables = [table] if bulk else []
    with _foreign_keys_dropped(tables), _indexes_dropped(tables), connection.cursor() as cursor:
        statement = f"COPY {connection.ops.quote_name(table)} ({', '.join(columns)}) FROM STDIN"
        with cursor.copy(statement) as copy:
            buffer = io.StringIO()
            for lines in batches():
                buffer.write("\n".join(lines))
                buffer.write("\n")
                written += len(lines)
                if buffer.tell() > 4_000_000:
                    copy.write(buffer.getvalue())
                    buffer = io.StringIO()
            copy.write(buffer.getvalue())
    return written

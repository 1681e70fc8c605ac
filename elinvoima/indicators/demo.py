"""Demo indicator data: enough for Utajärvi's indicator page to show charts against
Pohjois-Pohjanmaa and the whole country. Idempotent: running it again changes nothing.

The metadata of Sotkanet indicators 186 and 322 is THL's own (data/indicators_186_322.json,
as `GET /indicators/{id}` gave it). Their VALUES here are made up — there is no network to
fetch them — and so are the municipalities' own indicators below: every indicator whose
values are invented carries DEMO_VALUES_FLAG in its metadata, and the pages say so
("illustrative demo values, not THL figures"). An indicator that already exists (imported
from Sotkanet) is left as it is and gets no invented values.

Regions: see regions.regions_ensure — the counties get Sotkanet's real ids; municipalities and
the country, whose Sotkanet ids are not known offline, get ids from 990,000 up, far above
Sotkanet's own, so they never collide with a later import of the real regions.
"""

import json
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from elinvoima.actors.models import Municipality
from elinvoima.indicators.enums import Gender, IndicatorSource
from elinvoima.indicators.models import Indicator, IndicatorValue
from elinvoima.indicators.regions import regions_ensure
from elinvoima.indicators.selectors import DEMO_VALUES_FLAG

DATA_DIR = Path(__file__).resolve().parent / "data"
METADATA_FILE = DATA_DIR / "indicators_186_322.json"
DEMO_MUNICIPALITIES = ("889", "785", "407", "016")  # Utajärvi, Vaala, Lapinjärvi, Asikkala
YEARS = tuple(range(2015, 2025))
GENDER_FACTORS = {Gender.TOTAL: 1.0, Gender.MALE: 1.07, Gender.FEMALE: 0.93}

# Invented levels (first year, last year) per region: municipality codes, county codes and
# "country". Roughly the shape of the real figures, but NOT THL's numbers.
DEMO_LEVELS: dict[int, dict[str, tuple[float, float]]] = {
    186: {  # deaths per 100 000 inhabitants: older, smaller places higher, rising
        "country": (965.0, 1090.0),
        "19": (860.0, 960.0),  # Pohjois-Pohjanmaa
        "1": (1010.0, 1150.0),  # Itä-Uusimaa
        "9": (1160.0, 1290.0),  # Päijät-Häme
        "889": (1350.0, 1510.0),
        "785": (1720.0, 1890.0),
        "407": (1420.0, 1580.0),
        "016": (1310.0, 1460.0),
    },
    322: {  # deaths per 100 000 aged 65 and over: falling
        "country": (4350.0, 4050.0),
        "19": (4420.0, 4150.0),
        "1": (4300.0, 3990.0),
        "9": (4380.0, 4110.0),
        "889": (4600.0, 4250.0),
        "785": (4750.0, 4420.0),
        "407": (4500.0, 4150.0),
        "016": (4400.0, 4080.0),
    },
}
DEMO_NOTE = {
    "fi": "Kuvitteellinen esittelyaineisto: luvut on keksitty palvelun kokeilua varten.",
    "sv": "Fiktiva demouppgifter: talen är påhittade för att pröva tjänsten.",
    "en": "Illustrative demo data: the figures are made up for trying out the service.",
}
OWN_INDICATORS = (
    {
        "owner": "889",
        "title": {
            "fi": "Hyvinvointinsa hyväksi kokevat, % kuntalaiskyselyyn vastanneista",
            "sv": "Upplever sitt välbefinnande som gott, % av dem som svarade på enkäten",
            "en": "Rate their wellbeing as good, % of the residents' survey respondents",
        },
        "value_type": {"fi": "Prosentti", "sv": "Procent", "en": "Per cent"},
        "value_type_code": "PERCENTAGE",
        "decimals": 0,
        "organization": {"fi": "Utajärven kunta", "sv": "Utajärvi kommun", "en": "Utajärvi"},
        "values": {2019: 61.0, 2021: 58.0, 2023: 64.0, 2024: 66.0},
    },
    {
        "owner": "785",
        "title": {
            "fi": "Kylätalojen tapahtumien kävijät / 1 000 asukasta",
            "sv": "Besökare på bygdegårdarnas evenemang / 1 000 invånare",
            "en": "Visitors to village hall events per 1 000 inhabitants",
        },
        "value_type": {
            "fi": "Tuhatta asukasta kohden",
            "sv": "Per tusen invånare",
            "en": "Per 1 000 inhabitants",
        },
        "value_type_code": "PER1000",
        "decimals": 1,
        "organization": {"fi": "Vaalan kunta", "sv": "Vaala kommun", "en": "Vaala"},
        "values": {2020: 410.5, 2021: 455.0, 2022: 612.3, 2023: 690.8, 2024: 731.2},
    },
)


@dataclass
class IndicatorDemoResult:
    regions: int
    indicators: int
    values: int


def sotkanet_metadata_fields(item: dict) -> dict:
    """Indicator fields from Sotkanet's `GET /indicators/{id}` metadata."""
    fields: dict = {"source": IndicatorSource.SOTKANET, "sotkanet_id": int(item["id"])}
    for name, key in (
        ("title", "title"),
        ("description", "description"),
        ("interpretation", "interpretation"),
        ("limits", "limits"),
        ("notices", "notices"),
    ):
        texts = item.get(key) or {}
        fields.update(_languages(name, texts))
    value_type = item.get("primaryValueType") or {}
    fields["value_type_code"] = value_type.get("code", "")
    fields.update(_languages("value_type", value_type.get("title") or {}))
    fields.update(_languages("organization", (item.get("organization") or {}).get("title") or {}))
    fields["decimals"] = int(item.get("decimals") or 0)
    fields["sources"] = item.get("sources") or []
    fields["subjects"] = item.get("subjects") or []
    sex = (item.get("classifications") or {}).get("sex") or {}
    fields["genders"] = sex.get("values") or []
    range_ = item.get("range") or {}
    fields["range_start"] = range_.get("start")
    fields["range_end"] = range_.get("end")
    if updated := item.get("data-updated"):
        fields["data_updated"] = date.fromisoformat(updated)
    return fields


def _languages(name: str, texts: dict) -> dict:
    fi = texts.get("fi") or texts.get("sv") or texts.get("en") or ""
    return {
        name: fi,
        f"{name}_fi": fi,
        f"{name}_sv": texts.get("sv") or "",
        f"{name}_en": texts.get("en") or "",
    }


@transaction.atomic
def indicator_demo_load() -> IndicatorDemoResult:
    regions = regions_ensure(municipality_codes=list(DEMO_MUNICIPALITIES))
    region_of = {**regions.municipalities, **regions.counties, "country": regions.country}
    values: list[IndicatorValue] = []

    metadata = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    for item in metadata:
        fields = sotkanet_metadata_fields(item)
        indicator = Indicator.objects.filter(sotkanet_id=fields["sotkanet_id"]).first()
        if indicator is None:
            indicator = Indicator.objects.create(
                **fields, metadata={**item, DEMO_VALUES_FLAG: True}
            )
        if not indicator.metadata.get(DEMO_VALUES_FLAG):
            continue  # real data: no invented values beside it
        rng = random.Random(indicator.sotkanet_id)  # noqa: S311 (made-up figures)
        for key, (first, last) in DEMO_LEVELS.get(indicator.sotkanet_id, {}).items():
            if key not in region_of:
                continue
            noise = 0.04 if len(key) == 3 and key.isdigit() else 0.01  # small places vary
            for step, year in enumerate(YEARS):
                level = first + (last - first) * step / (len(YEARS) - 1)
                for gender, factor in GENDER_FACTORS.items():
                    value = level * factor * (1 + rng.gauss(0, noise))
                    values.append(
                        IndicatorValue(
                            indicator=indicator,
                            region_id=region_of[key],
                            year=year,
                            gender=gender,
                            value=round(value, indicator.decimals),
                        )
                    )

    municipalities = Municipality.objects.in_bulk(list(DEMO_MUNICIPALITIES), field_name="code")
    own_count = 0
    for spec in OWN_INDICATORS:
        owner = municipalities.get(spec["owner"])
        if owner is None:
            continue
        indicator, _created = Indicator.objects.get_or_create(
            source=IndicatorSource.OWN,
            owner_municipality=owner,
            title_fi=spec["title"]["fi"],
            defaults={
                **_languages("title", spec["title"]),
                **_languages("description", DEMO_NOTE),
                **_languages("value_type", spec["value_type"]),
                **_languages("organization", spec["organization"]),
                "value_type_code": spec["value_type_code"],
                "decimals": spec["decimals"],
                "genders": [Gender.TOTAL],
                "range_start": min(spec["values"]),
                "range_end": max(spec["values"]),
                "metadata": {DEMO_VALUES_FLAG: True},
            },
        )
        own_count += 1
        if not indicator.metadata.get(DEMO_VALUES_FLAG):
            continue
        for year, value in spec["values"].items():
            values.append(
                IndicatorValue(
                    indicator=indicator,
                    region_id=region_of[owner.code],
                    year=year,
                    gender=Gender.TOTAL,
                    value=value,
                )
            )
    # Values already there (an earlier run, or edited since) are kept.
    IndicatorValue.objects.bulk_create(values, ignore_conflicts=True)
    return IndicatorDemoResult(
        regions=len(region_of), indicators=len(metadata) + own_count, values=len(values)
    )

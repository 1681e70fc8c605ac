"""Writes for actors. Keyword-only, transactional."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .enums import OrganisationKind
from .models import Municipality, Organisation, WellbeingCounty

REFERENCE_DATA_DIR = Path(__file__).resolve().parent / "reference_data"
POPULATION_YEAR = 2020


@dataclass
class ReferenceDataResult:
    counties: int
    municipalities: int


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(REFERENCE_DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def reference_data_load() -> ReferenceDataResult:
    """Load or refresh all wellbeing counties and municipalities, and the organisation that
    acts for each of them. Running it again changes nothing that is already right."""
    counties = {}
    for row in _read_csv("wellbeing_counties.csv"):
        county, _ = WellbeingCounty.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_fi"],
                "short_name_fi": row["short_name_fi"],
                "short_name_sv": row["short_name_sv"],
                "short_name_en": row["short_name_fi"],
                "sotkanet_region_id": int(row["sotkanet_region_id"]) or None,
            },
        )
        counties[county.code] = county
        Organisation.objects.get_or_create(
            kind=OrganisationKind.WELLBEING_COUNTY,
            wellbeing_county=county,
            defaults={
                "name_fi": county.name_fi,
                "name_sv": county.name_sv,
                "name_en": county.name_fi,
            },
        )
    municipalities = 0
    for row in _read_csv("municipalities.csv"):
        municipality, _ = Municipality.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_fi"],
                "wellbeing_county": counties[row["wellbeing_county_code"]],
                "population": int(row["population_2020"]),
                "population_year": POPULATION_YEAR,
            },
        )
        municipalities += 1
        organisation, created = Organisation.objects.get_or_create(
            kind=OrganisationKind.MUNICIPALITY,
            municipality=municipality,
            defaults={
                "name_fi": municipality.name_fi,
                "name_sv": municipality.name_sv,
                "name_en": municipality.name_fi,
            },
        )
        if created:
            organisation.municipalities.add(municipality)
    return ReferenceDataResult(counties=len(counties), municipalities=municipalities)

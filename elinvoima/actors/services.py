"""Writes for actors: the reference data (counties, municipalities, themes, target groups)
and the acting organisations of counties and municipalities. Keyword-only, transactional."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import models, transaction

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.models import (
    Municipality,
    Organisation,
    TargetGroup,
    Theme,
    WellbeingCounty,
)

REFERENCE_DATA_DIR = Path(__file__).resolve().parent / "reference_data"
POPULATION_YEAR = 2020


@dataclass
class ReferenceDataResult:
    counties: int
    municipalities: int


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(REFERENCE_DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _sync(model, rows: dict[str, dict], key: str = "code") -> dict[str, models.Model]:
    """Create what is missing and update what differs, keyed on the official code. Only
    real changes are saved one by one, so a re-run is quick and the audit log stays clean."""
    existing = model.objects.in_bulk(field_name=key)
    missing = [
        model(**{key: code}, **values) for code, values in rows.items() if code not in existing
    ]
    model.objects.bulk_create(missing)
    for code, values in rows.items():
        instance = existing.get(code)
        if instance is not None and any(getattr(instance, f) != v for f, v in values.items()):
            for name, value in values.items():
                setattr(instance, name, value)
            instance.save()
    return model.objects.in_bulk(field_name=key)


@transaction.atomic
def reference_data_load() -> ReferenceDataResult:
    """Load or refresh all wellbeing counties and municipalities, the organisation that acts
    for each of them, the themes and target groups of the directory and the interface
    themes (yhdyspinnat) of seed 001. Running it again changes nothing that is already
    right."""
    counties = _sync(
        WellbeingCounty,
        {
            row["code"]: {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_fi"],
                "short_name_fi": row["short_name_fi"],
                "short_name_sv": row["short_name_sv"],
                "short_name_en": row["short_name_fi"],
                "sotkanet_region_id": int(row["sotkanet_region_id"]) or None,
            }
            for row in _read_csv("wellbeing_counties.csv")
        },
    )
    municipalities = _sync(
        Municipality,
        {
            row["code"]: {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_fi"],
                "wellbeing_county_id": counties[row["wellbeing_county_code"]].pk,
                "population": int(row["population_2020"]),
                "population_year": POPULATION_YEAR,
            }
            for row in _read_csv("municipalities.csv")
        },
    )
    for model, file_name in (
        (Theme, "themes.csv"),
        (TargetGroup, "target_groups.csv"),
        (InterfaceTheme, "interface_themes.csv"),
    ):
        _sync(
            model,
            {
                row["code"]: {
                    "name_fi": row["name_fi"],
                    "name_sv": row["name_sv"],
                    "name_en": row["name_en"],
                    "position": position,
                }
                for position, row in enumerate(_read_csv(file_name))
            },
        )
    _ensure_acting_organisations(counties.values(), municipalities.values())
    return ReferenceDataResult(counties=len(counties), municipalities=len(municipalities))


def _ensure_acting_organisations(counties, municipalities) -> None:
    """Each county and municipality acts through an organisation of its own kind."""
    have_county = set(
        Organisation.objects.filter(kind=OrganisationKind.WELLBEING_COUNTY).values_list(
            "wellbeing_county_id", flat=True
        )
    )
    Organisation.objects.bulk_create(
        Organisation(
            kind=OrganisationKind.WELLBEING_COUNTY,
            wellbeing_county=county,
            name_fi=county.name_fi,
            name_sv=county.name_sv,
            name_en=county.name_en,
        )
        for county in counties
        if county.pk not in have_county
    )
    have_municipality = set(
        Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).values_list(
            "municipality_id", flat=True
        )
    )
    created = Organisation.objects.bulk_create(
        Organisation(
            kind=OrganisationKind.MUNICIPALITY,
            municipality=municipality,
            name_fi=municipality.name_fi,
            name_sv=municipality.name_sv,
            name_en=municipality.name_en,
        )
        for municipality in municipalities
        if municipality.pk not in have_municipality
    )
    Organisation.municipalities.through.objects.bulk_create(
        Organisation.municipalities.through(
            organisation_id=organisation.pk, municipality_id=organisation.municipality_id
        )
        for organisation in created
    )

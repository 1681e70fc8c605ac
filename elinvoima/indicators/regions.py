"""Sotkanet regions of the municipalities, their counties and the whole country, created
where missing. Regions already there — from a real Sotkanet `/regions` import or earlier —
are reused. Sotkanet's ids of municipalities are not known offline, so a created municipality
region gets SYNTHETIC_REGION_BASE + its code and the country SYNTHETIC_COUNTRY_ID: Sotkanet's
own region ids are far below (a few thousand at most), so they never collide with real ones.
Used by the demo data, own indicators and the scale data."""

from dataclasses import dataclass

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.indicators.enums import RegionCategory
from elinvoima.indicators.models import Region

SYNTHETIC_REGION_BASE = 990_000  # + the municipality code (005–992)
SYNTHETIC_COUNTRY_ID = 990_000  # no municipality has code 000


class RegionIdTaken(Exception):
    """A region to create would take a Sotkanet id another region already has."""


COUNTRY_TITLES = {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"}


# --- Regions --------------------------------------------------------------------------------
def synthetic_region_id(municipality_code: str) -> int:
    return SYNTHETIC_REGION_BASE + int(municipality_code)


@dataclass
class RegionIds:
    municipalities: dict[str, int]  # municipality code → region id
    counties: dict[str, int]  # county code → region id
    country: int


def regions_ensure(*, municipality_codes: list[str] | None = None) -> RegionIds:
    """The Sotkanet regions of the municipalities (all when None), of their counties and of
    the whole country, created where missing; existing ones are reused (matched by their
    link, else by category and official code) and linked if they were not."""
    municipalities = Municipality.objects.select_related("wellbeing_county").order_by("code")
    if municipality_codes is not None:
        municipalities = municipalities.filter(code__in=municipality_codes)
    municipalities = list(municipalities)
    counties = {m.wellbeing_county.code: m.wellbeing_county for m in municipalities}
    if municipality_codes is None:
        counties.update({c.code: c for c in WellbeingCounty.objects.all()})

    existing = list(
        Region.objects.filter(
            category__in=[
                RegionCategory.MUNICIPALITY,
                RegionCategory.WELLBEING_COUNTY,
                RegionCategory.COUNTRY,
            ]
        ).order_by("id")
    )
    by_municipality = {r.municipality_id: r for r in existing if r.municipality_id}
    by_county = {r.wellbeing_county_id: r for r in existing if r.wellbeing_county_id}
    by_code = {(r.category, r.code): r for r in reversed(existing) if r.code}  # lowest id wins
    by_id = {r.id: r for r in existing}
    taken = set(Region.objects.values_list("id", flat=True))

    result = RegionIds(municipalities={}, counties={}, country=0)
    for municipality in municipalities:
        region = by_municipality.get(municipality.pk) or by_code.get(
            (RegionCategory.MUNICIPALITY, municipality.code)
        )
        if region is None:
            region_id = synthetic_region_id(municipality.code)
            region = _region_create(
                region_id,
                taken,
                category=RegionCategory.MUNICIPALITY,
                code=municipality.code,
                titles=_titles(municipality, "name"),
                municipality=municipality,
            )
        elif region.municipality_id is None:
            region.municipality = municipality
            region.save(update_fields=["municipality"])
        result.municipalities[municipality.code] = region.id
    for code, county in sorted(counties.items()):
        region = (
            by_county.get(county.pk)
            or by_id.get(county.sotkanet_region_id or -1)
            or by_code.get((RegionCategory.WELLBEING_COUNTY, county.code))
        )
        if region is None:
            if not county.sotkanet_region_id:
                continue  # no Sotkanet id known: nothing to compare with
            region = _region_create(
                county.sotkanet_region_id,
                taken,
                category=RegionCategory.WELLBEING_COUNTY,
                code=county.code,
                titles=_titles(county, "name"),
                wellbeing_county=county,
            )
        elif region.wellbeing_county_id is None and region.category == (
            RegionCategory.WELLBEING_COUNTY
        ):
            region.wellbeing_county = county
            region.save(update_fields=["wellbeing_county"])
        result.counties[code] = region.id
    country = next((r for r in existing if r.category == RegionCategory.COUNTRY), None)
    if country is None:
        country = _region_create(
            SYNTHETIC_COUNTRY_ID,
            taken,
            category=RegionCategory.COUNTRY,
            code="",
            titles=COUNTRY_TITLES,
        )
    result.country = country.id
    return result


def _titles(obj, field: str) -> dict[str, str]:
    fi = getattr(obj, f"{field}_fi") or ""
    return {
        "fi": fi,
        "sv": getattr(obj, f"{field}_sv", "") or fi,
        "en": getattr(obj, f"{field}_en", "") or fi,
    }


def _region_create(region_id: int, taken: set[int], *, titles: dict, **fields) -> Region:
    if region_id in taken:
        raise RegionIdTaken(f"Sotkanet region id {region_id} is already used.")
    taken.add(region_id)
    return Region.objects.create(
        id=region_id,
        title=titles["fi"],
        title_fi=titles["fi"],
        title_sv=titles["sv"],
        title_en=titles["en"],
        **fields,
    )

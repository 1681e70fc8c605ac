"""Factories of the indicators app: Sotkanet regions, indicators (Sotkanet's and a
municipality's own), their values and indicator sets."""

import factory

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.indicators.enums import Gender, IndicatorSetKind, IndicatorSource, RegionCategory
from elinvoima.indicators.models import Indicator, IndicatorSet, IndicatorValue, Region
from elinvoima.indicators.regions import synthetic_region_id

from .actors import MunicipalityFactory


class RegionFactory(factory.django.DjangoModelFactory):
    """A Sotkanet region of no municipality; `region_of(municipality)` gives the linked one."""

    class Meta:
        model = Region
        django_get_or_create = ("id",)

    id = factory.Sequence(lambda n: 5000 + n)  # Sotkanet's own ids are a few thousand at most
    code = factory.Sequence(lambda n: f"T{n}")
    category = RegionCategory.OTHER
    title_fi = factory.Sequence(lambda n: f"Testialue {n}")
    title_sv = factory.Sequence(lambda n: f"Testområde {n}")
    title_en = factory.Sequence(lambda n: f"Test region {n}")


def region_of(place: Municipality | WellbeingCounty) -> Region:
    """The Sotkanet region of a municipality or a county, created where missing (with the
    id `regions_ensure` would give a municipality; a county's Sotkanet id, else 980000+)."""
    if isinstance(place, Municipality):
        existing = Region.objects.filter(municipality=place).first()
        return existing or RegionFactory(
            id=synthetic_region_id(place.code),
            code=place.code,
            category=RegionCategory.MUNICIPALITY,
            municipality=place,
            title_fi=place.name_fi,
            title_sv=place.name_sv,
            title_en=place.name_en,
        )
    existing = Region.objects.filter(wellbeing_county=place).first()
    return existing or RegionFactory(
        id=place.sotkanet_region_id or 980_000 + int(place.code),
        code=place.code,
        category=RegionCategory.WELLBEING_COUNTY,
        wellbeing_county=place,
        title_fi=place.name_fi,
        title_sv=place.name_sv,
        title_en=place.name_en,
    )


class IndicatorFactory(factory.django.DjangoModelFactory):
    """A municipality's own indicator by default (`owner_municipality` made for it);
    `IndicatorFactory(sotkanet=True)` is one of Sotkanet's, with a Sotkanet id."""

    class Meta:
        model = Indicator

    class Params:
        sotkanet = factory.Trait(
            source=IndicatorSource.SOTKANET,
            sotkanet_id=factory.Sequence(lambda n: 10_000 + n),
            owner_municipality=None,
            organization_fi="Terveyden ja hyvinvoinnin laitos (THL)",
            organization_sv="Institutet för hälsa och välfärd (THL)",
            organization_en="Finnish Institute for Health and Welfare (THL)",
        )

    source = IndicatorSource.OWN
    sotkanet_id = None
    owner_municipality = factory.SubFactory(MunicipalityFactory)
    title_fi = factory.Sequence(lambda n: f"Testimittari {n}")
    title_sv = factory.Sequence(lambda n: f"Testindikator {n}")
    title_en = factory.Sequence(lambda n: f"Test indicator {n}")
    description_fi = "Mittarin kuvaus."
    description_sv = "Beskrivning av indikatorn."
    description_en = "What the indicator measures."
    interpretation_fi = "Suurempi on parempi."
    interpretation_sv = "Större är bättre."
    interpretation_en = "Higher is better."
    limits_fi = "Pieni otos."
    limits_sv = "Litet urval."
    limits_en = "A small sample."
    notices_fi = "Ei huomautuksia."
    notices_sv = "Inga anmärkningar."
    notices_en = "No notices."
    value_type_code = "percent"
    value_type_fi = "%"
    value_type_sv = "%"
    value_type_en = "%"
    decimals = 1
    organization_fi = "Testikunnan asukaskysely"
    organization_sv = "Testkommunens invånarenkät"
    organization_en = "The test municipality's resident survey"
    range_start = 2020
    range_end = 2024


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    """A value of an indicator for a region; the region is the indicator owner's when it
    has one."""

    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    region = factory.LazyAttribute(
        lambda v: (
            region_of(v.indicator.owner_municipality)
            if v.indicator.owner_municipality_id
            else RegionFactory()
        )
    )
    year = factory.Sequence(lambda n: 2000 + n % 30)
    gender = Gender.TOTAL
    value = factory.Sequence(lambda n: 10.0 + n % 50)


class IndicatorSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorSet
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Seurattavat mittarit {n}")
    kind = IndicatorSetKind.OWN
    municipality = factory.SubFactory(MunicipalityFactory)

    @factory.post_generation
    def indicators(self, create, extracted, **kwargs):
        if create and extracted:
            self.indicators.add(*extracted)

"""Demo data of the HYTE coefficient, the indicator set presets and experiential data.
Idempotent: what exists is left as it is (an admin's later corrections are kept).

What is official and what is not:
- Seed 001 (Päijät-Häme) gives the county's 2024 score, 56, the 2024 rule for the counties,
  42.00 € per resident, and two totals: about 8.6 M€ to the county and about 13.5 M€ to
  the whole of Päijät-Häme (the county and its municipalities).
- The population used for the county is the sum of its municipalities' 2020 populations in
  the reference data (205,771): 205,771 × 42.00 € = 8,642,382 € ≈ 8.6 M€, as in the seed.
  It is recorded on the score row with that explanation; it is not the official basis.
- The seed gives no rule for the municipalities. The demo's municipal rule is DERIVED from
  the seed's whole-region total ((13.5 M€ − the county's part) / the same population) and
  its `source` says so; no municipal score is invented.
- Indicator set presets start empty, except that the county's follow-up set takes the
  indicator seed 001 shows on the HYTE coefficient page if the catalogue has it; no
  Sotkanet id is guessed.
- Vaala's experiential survey is invented demo content and is labelled so.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from elinvoima.actors.models import Municipality, Village, WellbeingCounty
from elinvoima.indicators.enums import ExperientialDomain, FundingLevel, IndicatorSetKind
from elinvoima.indicators.hyte.funding import (
    CENT,
    funding_euros,
)
from elinvoima.indicators.models import (
    ExperientialResult,
    ExperientialSurvey,
    HyteCoefficientScore,
    HyteFundingRule,
    Indicator,
    IndicatorSet,
    IndicatorSetItem,
)

PAIJAT_HAME = "9"
VAALA = "785"
HYTE_YEAR = 2024
COUNTY_SCORE = Decimal("56")
COUNTY_EUROS_PER_RESIDENT = Decimal("42.00")
WHOLE_REGION_TOTAL = Decimal("13500000")  # "Koko Päijät-Häme: n. 13,5 miljoonaa"

SEED_001 = "Seed 001 (Päijät-Häme)"
COUNTY_RULE_SOURCE = (
    f"{SEED_001}: ”Vuonna 2024 kaikille hyvinvointialueille jaetaan 42,00 €/asukas.”"
)
COUNTY_SCORE_SOURCE = (
    f"{SEED_001}: ”Päijät-Hämeen hyvinvointialue: 56”. Väestö (demo): kuntien "
    "viitetietojen vuoden 2020 asukasluvut yhteensä (%(population)s); "
    "%(population)s × 42,00 € ≈ 8,6 milj. €, kuten lähteessä. Ei rahoituksen virallinen "
    "väestöpohja."
)
MUNICIPALITY_RULE_SOURCE = (
    "DEMO – ei virallinen luku: johdettu seed 001:n koko Päijät-Hämeen summasta "
    "(n. 13,5 milj. €) vähentämällä hyvinvointialueen osuus ja jakamalla kuntien "
    "asukasluvulla (%(population)s, 2020)."
)

# The indicator seed 001 shows on Päijät-Häme's HYTE coefficient page, found by its title.
SEED_001_INDICATOR_TITLE_PARTS = ("terveydentilansa keskinkertaiseksi", "8. ja 9. luok")

PRESETS = [
    {
        "name": "THL:n minimilista",
        "kind": IndicatorSetKind.THL_MINIMUM,
        "year": None,
        "description": (
            "Esiasetus: THL:n suosittelema vähimmäisindikaattorilista hyvinvointikertomukseen. "
            "Ylläpitäjä lisää listan indikaattorit indikaattoriluettelosta; demossa lista on "
            "tyhjä, koska sen sisältöä ei ole arvattu."
        ),
    },
    {
        "name": "Hyte-kertoimen mittarit 2024",
        "kind": IndicatorSetKind.HYTE_COEFFICIENT,
        "year": HYTE_YEAR,
        "description": (
            "Esiasetus: hyte-kertoimen mittarit rahoitusvuodelle 2024. Ylläpitäjä lisää "
            "julkaistut mittarit indikaattoriluettelosta; demossa lista on tyhjä."
        ),
    },
    {
        "name": "Kunnan oma indikaattorilista (pohja)",
        "kind": IndicatorSetKind.OWN,
        "year": None,
        "description": (
            "Pohja kunnan omalle seurantalistalle: kopioi kunnalle ja lisää indikaattorit."
        ),
    },
]
COUNTY_FOLLOW_UP_SET = {
    "name": "Päijät-Hämeen hyte-kertoimen seurantaryhmän indikaattorit 2024",
    "kind": IndicatorSetKind.HYTE_COEFFICIENT,
    "year": HYTE_YEAR,
    "description": (
        "Hyte-kertoimen seurantaryhmä (perustettu syksyllä 2023, seed 001) seuraa "
        "kertoimen indikaattorien toteutumista. Demossa lista alkaa seed 001:n "
        "hyte-kerroinsivulla mainitusta indikaattorista, jos se on indikaattoriluettelossa."
    ),
}

VAALA_SURVEY = {
    "title": "Kyläiltojen ja kuntalaiskyselyn kokemustieto 2024 (DEMO)",
    "year": 2024,
    "method": "Kyläillat ja kuntalaiskysely (esimerkki)",
    "respondents": 128,
    "description": (
        "ESIMERKKIAINEISTO: keksitty demoa varten, ei Vaalan todellisia tuloksia. "
        "Näyttää, miten koettu hyvinvointitieto kootaan yhteisökortin kuuteen osa-alueeseen."
    ),
}
# (domain, village or None, group, question, value, unit, respondents, summary)
VAALA_RESULTS = [
    (
        ExperientialDomain.HOUSING_ENVIRONMENT,
        "Oterma",
        "",
        "Asuinympäristö on turvallinen",
        81.0,
        "%",
        32,
        "Kylätie ja valaistus koetaan hyviksi; talvikunnossapitoon toivotaan parannusta.",
    ),
    (
        ExperientialDomain.RELATIONSHIPS,
        None,
        "ikäihmiset",
        "Minulla on joku, jonka kanssa jutella arjen asioista",
        74.0,
        "%",
        41,
        "Yksinäisyys korostuu syrjäkylillä asuvilla.",
    ),
    (
        ExperientialDomain.LEISURE,
        "Säräisniemi",
        "",
        "Harrastusmahdollisuudet ovat riittävät",
        63.5,
        "%",
        27,
        "Liikuntatilojen maksuttomuus tunnetaan ja sitä arvostetaan.",
    ),
    (
        ExperientialDomain.STUDY_WORK,
        None,
        "nuoret",
        "Uskon löytäväni opiskelu- tai työpaikan läheltä",
        48.0,
        "%",
        22,
        "",
    ),
    (
        ExperientialDomain.LIVELIHOOD,
        None,
        "työikäiset",
        "Tulen toimeen nykyisillä tuloillani",
        69.0,
        "%",
        35,
        "",
    ),
    (
        ExperientialDomain.MIND_BODY,
        "Jylhämä",
        "",
        "Koen itseni enimmäkseen hyvinvoivaksi",
        None,
        "",
        18,
        "Kyläillassa toivottiin matalan kynnyksen liikuntaryhmää ja vertaistukea.",
    ),
]


@transaction.atomic
def hyte_demo_load() -> None:
    county = WellbeingCounty.objects.filter(code=PAIJAT_HAME).first()
    if county is not None:
        _hyte_coefficient_load(county)
    _presets_load()
    if county is not None:
        _county_follow_up_set_load(county)
    vaala = Municipality.objects.filter(code=VAALA).first()
    if vaala is not None:
        _vaala_experiential_load(vaala)


def _hyte_coefficient_load(county: WellbeingCounty) -> None:
    populations = list(county.municipalities.values_list("population", "population_year"))
    population = sum(p or 0 for p, _year in populations)
    years = {year for _p, year in populations}
    population_year = years.pop() if len(years) == 1 else None
    formatted = f"{population:,}".replace(",", " ")
    HyteFundingRule.objects.get_or_create(
        year=HYTE_YEAR,
        level=FundingLevel.WELLBEING_COUNTY,
        defaults={
            "euros_per_resident": COUNTY_EUROS_PER_RESIDENT,
            "source": COUNTY_RULE_SOURCE,
        },
    )
    HyteCoefficientScore.objects.get_or_create(
        year=HYTE_YEAR,
        wellbeing_county=county,
        defaults={
            "level": FundingLevel.WELLBEING_COUNTY,
            "score": COUNTY_SCORE,
            "population": population,
            "population_year": population_year,
            "source": COUNTY_SCORE_SOURCE % {"population": formatted},
        },
    )
    if population:
        county_part = funding_euros(
            population=population, euros_per_resident=COUNTY_EUROS_PER_RESIDENT
        )
        per_resident = ((WHOLE_REGION_TOTAL - county_part) / Decimal(population)).quantize(
            CENT, rounding=ROUND_HALF_UP
        )
        HyteFundingRule.objects.get_or_create(
            year=HYTE_YEAR,
            level=FundingLevel.MUNICIPALITY,
            defaults={
                "euros_per_resident": per_resident,
                "source": MUNICIPALITY_RULE_SOURCE % {"population": formatted},
            },
        )


def _presets_load() -> None:
    for spec in PRESETS:
        IndicatorSet.objects.get_or_create(
            name=spec["name"],
            is_preset=True,
            municipality=None,
            wellbeing_county=None,
            defaults={
                "kind": spec["kind"],
                "year": spec["year"],
                "description": spec["description"],
            },
        )


def _county_follow_up_set_load(county: WellbeingCounty) -> None:
    indicator_set, created = IndicatorSet.objects.get_or_create(
        name=COUNTY_FOLLOW_UP_SET["name"],
        wellbeing_county=county,
        defaults={
            "kind": COUNTY_FOLLOW_UP_SET["kind"],
            "year": COUNTY_FOLLOW_UP_SET["year"],
            "description": COUNTY_FOLLOW_UP_SET["description"],
        },
    )
    if not created:
        return
    first, second = SEED_001_INDICATOR_TITLE_PARTS
    indicator = (
        Indicator.objects.filter(title_fi__icontains=first, title_fi__contains=second)
        .order_by("id")
        .first()
    )
    if indicator is not None:
        IndicatorSetItem.objects.create(indicator_set=indicator_set, indicator=indicator)


def _vaala_experiential_load(vaala: Municipality) -> None:
    survey, created = ExperientialSurvey.objects.get_or_create(
        municipality=vaala,
        title=VAALA_SURVEY["title"],
        defaults={key: value for key, value in VAALA_SURVEY.items() if key != "title"},
    )
    if not created:
        return
    villages = {village.name_fi: village for village in Village.objects.filter(municipality=vaala)}
    ExperientialResult.objects.bulk_create(
        ExperientialResult(
            survey=survey,
            domain=domain,
            village=villages.get(village) if village else None,
            group=group,
            question=question,
            value=value,
            unit=unit,
            respondents=respondents,
            summary=summary,
        )
        for domain, village, group, question, value, unit, respondents, summary in VAALA_RESULTS
    )

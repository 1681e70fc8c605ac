"""The HYTE coefficient (seed 001): funding = population × euros per resident, Päijät-Häme's
2024 figures reproduced, the forms that record scores and rules, and the monitoring group's
follow-up table."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.indicators.enums import FundingLevel, Gender, IndicatorSetKind, RegionCategory
from elinvoima.indicators.hyte.demo import hyte_demo_load
from elinvoima.indicators.hyte.forms import HyteFundingRuleForm, HyteScoreForm
from elinvoima.indicators.hyte.funding import (
    POPULATION_OF_MUNICIPALITIES,
    POPULATION_OF_MUNICIPALITY,
    POPULATION_ON_SCORE,
    funding_euros,
    in_millions,
)
from elinvoima.indicators.hyte.selectors import (
    hyte_county_overview,
    hyte_follow_up,
)
from elinvoima.indicators.models import (
    HyteCoefficientScore,
    HyteFundingRule,
    Indicator,
    IndicatorSet,
    IndicatorSetItem,
    IndicatorValue,
    Region,
)

PAIJAT_HAME, ASIKKALA, LAHTI = "9", "016", "398"


def _url(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def paijat_hame(demo) -> WellbeingCounty:
    return WellbeingCounty.objects.get(code=PAIJAT_HAME)


def _year(overview, year: int):
    return next(item for item in overview.years if item.year == year)


# The computation -----------------------------------------------------------------------------


def test_funding_euros__population_times_rule__rounded_to_cents():
    assert funding_euros(population=204_600, euros_per_resident=Decimal("42.00")) == Decimal(
        "8593200.00"
    )
    assert funding_euros(population=3, euros_per_resident=Decimal("0.335")) == Decimal("1.01")
    assert in_millions(Decimal("8642382.00")) == Decimal("8.6")
    assert in_millions(Decimal("13500635.31")) == Decimal("13.5")


def test_hyte_seed_001__paijat_hame_2024__county_8_6_and_whole_region_13_5_million(paijat_hame):
    # given the demo data of seed 001: score 56, 42.00 € per resident to every county
    item = _year(hyte_county_overview(county=paijat_hame), 2024)

    # then the county gets about 8.6 M€ and the whole of Päijät-Häme about 13.5 M€
    assert item.county.score == Decimal("56")
    assert item.county.euros_per_resident == Decimal("42.00")
    assert item.county.population_basis == POPULATION_ON_SCORE
    assert item.county.population * Decimal("42.00") == item.county.funding
    assert item.county.funding_millions == Decimal("8.6")
    assert item.total_millions == Decimal("13.5")
    assert item.total == item.county.funding + item.municipalities_total
    assert len(item.municipalities) == 10
    assert all(line.population_basis == POPULATION_OF_MUNICIPALITY for line in item.municipalities)


def test_hyte_seed_001__population_used__is_recorded_with_its_source(paijat_hame):
    score = HyteCoefficientScore.objects.get(year=2024, wellbeing_county=paijat_hame)
    municipalities = Municipality.objects.filter(wellbeing_county=paijat_hame)
    # The sum of the reference data's 2020 populations; it reproduces 8.6 M€.
    assert score.population == sum(m.population for m in municipalities)
    assert score.population_year == 2020
    assert 203_572 <= score.population <= 205_952  # × 42.00 € rounds to 8.6 M€
    assert "2020" in score.source and "56" in score.source


def test_hyte_demo__municipal_rule__labelled_as_derived_demo_figure(paijat_hame):
    rule = HyteFundingRule.objects.get(year=2024, level=FundingLevel.MUNICIPALITY)
    assert "DEMO" in rule.source and "13,5" in rule.source
    county_rule = HyteFundingRule.objects.get(year=2024, level=FundingLevel.WELLBEING_COUNTY)
    assert "42,00" in county_rule.source
    # no municipal score is invented
    assert not HyteCoefficientScore.objects.filter(level=FundingLevel.MUNICIPALITY).exists()


def test_hyte_demo__run_twice__changes_nothing(paijat_hame):
    counts = (HyteCoefficientScore.objects.count(), HyteFundingRule.objects.count())
    sets = IndicatorSet.objects.count()
    hyte_demo_load()
    assert counts == (HyteCoefficientScore.objects.count(), HyteFundingRule.objects.count())
    assert sets == IndicatorSet.objects.count()


def test_hyte_overview__without_score_population__sum_of_municipalities(paijat_hame):
    HyteCoefficientScore.objects.filter(wellbeing_county=paijat_hame).update(population=None)
    item = _year(hyte_county_overview(county=paijat_hame), 2024)
    assert item.county.population_basis == POPULATION_OF_MUNICIPALITIES
    assert item.county.population == sum(
        m.population for m in Municipality.objects.filter(wellbeing_county=paijat_hame)
    )
    assert item.county.population_year == 2020


def test_hyte_overview__municipality_score_population__used_for_its_funding(paijat_hame):
    lahti = Municipality.objects.get(code=LAHTI)
    HyteCoefficientScore.objects.create(
        year=2024,
        level=FundingLevel.MUNICIPALITY,
        municipality=lahti,
        score=Decimal("61.5"),
        population=120_000,
        population_year=2022,
    )
    item = _year(hyte_county_overview(county=paijat_hame), 2024)
    line = next(line for line in item.municipalities if line.municipality == lahti)
    rule = HyteFundingRule.objects.get(year=2024, level=FundingLevel.MUNICIPALITY)
    assert line.population_basis == POPULATION_ON_SCORE
    assert line.funding == funding_euros(
        population=120_000, euros_per_resident=rule.euros_per_resident
    )


def test_hyte_overview__no_rule_for_a_level__funding_cannot_be_computed(paijat_hame):
    HyteFundingRule.objects.filter(level=FundingLevel.MUNICIPALITY).delete()
    item = _year(hyte_county_overview(county=paijat_hame), 2024)
    assert item.municipalities_total is None
    assert item.total == item.county.funding
    assert len(item.without_funding) == 10


def test_hyte_overview__few_queries_whatever_the_years(paijat_hame, django_assert_num_queries):
    for year in range(2015, 2024):
        HyteFundingRule.objects.create(
            year=year, level=FundingLevel.WELLBEING_COUNTY, euros_per_resident=Decimal("10")
        )
    with django_assert_num_queries(3):
        overview = hyte_county_overview(county=paijat_hame)
        assert len(overview.years) == 10
        assert all(item.total is not None for item in overview.years)


# The county's page ---------------------------------------------------------------------------


def test_hyte_county_page__anyone__sees_score_funding_and_population_used(client_for):
    response = client_for(None).get(_url("indicators:hyte-county", code=PAIJAT_HAME))
    assert response.status_code == 200
    text = response.text
    assert "Funding year 2024" in text
    assert "about 8.6 million €" in text
    assert "about 13.5 million €" in text
    assert "8,642,382.00" in text  # 205,771 × 42.00 €
    assert "the municipalities&#x27; population in the reference data" not in text
    assert "recorded with the score" in text
    assert "the municipality&#x27;s population in the reference data" in text
    assert "DEMO" in text  # the derived municipal rule says what it is
    assert "Record a score" not in text


def test_hyte_county_page__finnish__decimal_comma_and_years_unseparated(client_for):
    response = client_for(None).get(reverse("indicators:hyte-county", kwargs={"code": "9"}))
    assert response.status_code == 200
    assert 'id="hyte-2024"' in response.text
    assert "8,6" in response.text
    assert "13,5" in response.text


def test_hyte_county_page__county_official__may_record(client_for):
    response = client_for("hva.paijathame").get(_url("indicators:hyte-county", code=PAIJAT_HAME))
    assert "Record a score" in response.text
    assert _url("indicators:hyte-rule-add") in response.text


def test_hyte_county_page__county_without_data__says_so(client_for):
    HyteFundingRule.objects.all().delete()
    response = client_for(None).get(_url("indicators:hyte-county", code="19"))
    assert response.status_code == 200
    assert "No HYTE coefficient scores or funding rules have been recorded yet." in response.text


def test_hyte_county_page__unknown_county__404(client_for):
    assert client_for(None).get(_url("indicators:hyte-county", code="99")).status_code == 404


# Recording scores ----------------------------------------------------------------------------


def _score_data(**changes) -> dict:
    data = {
        "recipient": ASIKKALA,
        "year": "2024",
        "score": "61",
        "population": "",
        "population_year": "",
        "source": "THL, hyte-kerroin 2024",
    }
    data.update(changes)
    return data


def test_hyte_score_form__municipality_score__saved_and_shown(client_for, paijat_hame):
    client = client_for("hva.paijathame")
    response = client.post(_url("indicators:hyte-score-add", code=PAIJAT_HAME), _score_data())
    assert response.status_code == 302
    score = HyteCoefficientScore.objects.get(municipality__code=ASIKKALA, year=2024)
    assert score.level == FundingLevel.MUNICIPALITY
    assert score.score == Decimal("61")
    assert score.wellbeing_county is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"score": "101"}, "score", "The score is a number between 0 and 100."),
        ({"score": "-1"}, "score", "The score is a number between 0 and 100."),
        ({"score": "abc"}, "score", "Give the score as a number"),
        ({"score": ""}, "score", "This field is required."),
        ({"year": "1999"}, "year", "Give a year between 2015 and"),
        ({"year": "2999"}, "year", "Give a year between 2015 and"),
        ({"recipient": "091"}, "recipient", "Select a valid choice."),  # Helsinki: elsewhere
        ({"population_year": "1800"}, "population_year", "Give the year of the population"),
    ],
)
def test_hyte_score_form__bad_input__clear_message(paijat_hame, changes, field, message):
    with translation.override("en"):
        form = HyteScoreForm(_score_data(**changes), county=paijat_hame)
        assert not form.is_valid()
        assert any(message in error for error in form.errors[field]), form.errors


@pytest.mark.both_databases
def test_hyte_score_form__second_score_of_the_year__refused(paijat_hame):
    with translation.override("en"):
        form = HyteScoreForm(_score_data(recipient="county", score="57"), county=paijat_hame)
        assert not form.is_valid()
        assert "already has a score for 2024" in form.errors["year"][0]


def test_hyte_score_form__edit_existing__keeps_one_row(client_for, paijat_hame):
    score = HyteCoefficientScore.objects.get(wellbeing_county=paijat_hame, year=2024)
    response = client_for("hva.paijathame").post(
        _url("indicators:hyte-score-edit", code=PAIJAT_HAME, pk=score.pk),
        _score_data(recipient="county", score="57.5", population="204600", population_year="2023"),
    )
    assert response.status_code == 302
    score.refresh_from_db()
    assert score.score == Decimal("57.5")
    assert score.population == 204_600
    assert HyteCoefficientScore.objects.filter(wellbeing_county=paijat_hame).count() == 1


def test_hyte_score_edit__score_of_another_county__404(client_for, paijat_hame):
    other = HyteCoefficientScore.objects.create(
        year=2024,
        level=FundingLevel.WELLBEING_COUNTY,
        wellbeing_county=WellbeingCounty.objects.get(code="19"),
        score=Decimal("50"),
    )
    response = client_for("admin").get(
        _url("indicators:hyte-score-edit", code=PAIJAT_HAME, pk=other.pk)
    )
    assert response.status_code == 404


def test_hyte_score_add__coordinator_or_other_county__403(client_for):
    url = _url("indicators:hyte-score-add", code=PAIJAT_HAME)
    assert client_for("hyte.asikkala").post(url, _score_data()).status_code == 403
    assert client_for("hyte.vaala").get(url).status_code == 403
    assert not HyteCoefficientScore.objects.filter(municipality__code=ASIKKALA).exists()


# Recording funding rules ---------------------------------------------------------------------


def _rule_data(**changes) -> dict:
    data = {
        "year": "2025",
        "level": FundingLevel.WELLBEING_COUNTY,
        "euros_per_resident": "43.10",
        "source": "VM",
    }
    data.update(changes)
    return data


def test_hyte_rule_form__new_rule__saved(client_for):
    response = client_for("admin").post(_url("indicators:hyte-rule-add"), _rule_data())
    assert response.status_code == 302
    assert HyteFundingRule.objects.get(year=2025).euros_per_resident == Decimal("43.10")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"year": "2024"}, "year", "The rule of 2024 for this level has already been recorded"),
        ({"euros_per_resident": "0"}, "euros_per_resident", "more than zero"),
        ({"euros_per_resident": "4x"}, "euros_per_resident", "Give the amount as a number"),
        ({"euros_per_resident": "1.234"}, "euros_per_resident", "at most two decimals"),
        ({"year": "20"}, "year", "Give a year between 2015 and"),
        ({"level": "region"}, "level", "Select a valid choice."),
    ],
)
def test_hyte_rule_form__bad_input__clear_message(demo, changes, field, message):
    with translation.override("en"):
        form = HyteFundingRuleForm(_rule_data(**changes))
        assert not form.is_valid()
        assert any(message in error for error in form.errors[field]), form.errors


def test_hyte_rule_form__refused__page_shows_message(client_for):
    response = client_for("hva.paijathame").post(
        _url("indicators:hyte-rule-add"), _rule_data(year="2024")
    )
    assert response.status_code == 200
    assert "has already been recorded" in response.text
    assert HyteFundingRule.objects.filter(year=2024).count() == 2


# The follow-up table -------------------------------------------------------------------------


def test_hyte_follow_up__no_values__says_so(client_for):
    response = client_for(None).get(_url("indicators:hyte-follow-up", code=PAIJAT_HAME))
    assert response.status_code == 200
    assert "Päijät-Hämeen hyte-kertoimen seurantaryhmän indikaattorit 2024" in response.text
    assert (
        "No values of these indicators have been imported yet" in response.text
        or "The indicator set has no indicators yet." in response.text
    )


def test_hyte_follow_up__no_set_for_the_year__says_so(client_for):
    response = client_for(None).get(
        _url("indicators:hyte-follow-up", code=PAIJAT_HAME) + "?year=2031"
    )
    assert response.status_code == 200
    assert "There is no HYTE coefficient indicator set for 2031 yet." in response.text


def test_hyte_follow_up__latest_values_of_county_municipalities_and_country(
    client_for, paijat_hame
):
    # given a county set of 2024 with one indicator and values of several years
    indicator = Indicator.objects.create(
        source="sotkanet", sotkanet_id=990_001, title="Testi-indikaattori", decimals=2
    )
    indicator_set = IndicatorSet.objects.get(wellbeing_county=paijat_hame, year=2024)
    IndicatorSetItem.objects.create(indicator_set=indicator_set, indicator=indicator, position=99)
    asikkala = Municipality.objects.get(code=ASIKKALA)
    country = Region.objects.filter(
        category=RegionCategory.COUNTRY
    ).first() or Region.objects.create(
        id=990_100, code="1", category=RegionCategory.COUNTRY, title="Koko maa"
    )
    county_region = Region.objects.filter(wellbeing_county=paijat_hame).first() or (
        Region.objects.create(
            id=990_101,
            code="9",
            category=RegionCategory.WELLBEING_COUNTY,
            title="PH",
            wellbeing_county=paijat_hame,
        )
    )
    asikkala_region = Region.objects.filter(municipality=asikkala).first() or (
        Region.objects.create(
            id=990_102,
            code="016",
            category=RegionCategory.MUNICIPALITY,
            title="Asikkala",
            municipality=asikkala,
        )
    )
    for region, year, value in [
        (country, 2022, 10.0),
        (country, 2023, 11.256),
        (county_region, 2023, 12.5),
        (asikkala_region, 2021, 14.0),
    ]:
        IndicatorValue.objects.create(
            indicator=indicator, region=region, year=year, gender=Gender.TOTAL, value=value
        )
    IndicatorValue.objects.create(
        indicator=indicator, region=country, year=2024, gender=Gender.FEMALE, value=99.0
    )

    # when the follow-up is read
    follow_up = hyte_follow_up(county=paijat_hame, year=2024)

    # then the row has the latest total value of each region, and nothing for the others
    assert follow_up.indicator_set == indicator_set
    assert follow_up.has_values
    row = next(row for row in follow_up.rows if row.indicator == indicator)
    cells = list(zip(follow_up.columns, row.cells, strict=True))
    by_kind = {column.kind: cell for column, cell in cells if column.kind != "municipality"}
    by_name = {column.label: cell for column, cell in cells if column.kind == "municipality"}
    assert [column.kind for column in follow_up.columns[:2]] == ["country", "county"]
    assert (by_kind["country"].value, by_kind["country"].year) == (11.256, 2023)
    assert by_kind["county"].value == 12.5
    assert (by_name["Asikkala"].value, by_name["Asikkala"].year) == (14.0, 2021)
    assert by_name["Lahti"] is None
    # and the page shows the values with the indicator's decimals
    response = client_for(None).get(_url("indicators:hyte-follow-up", code=PAIJAT_HAME))
    assert "11.26" in response.text
    assert "12.50" in response.text


def test_hyte_follow_up__county_set_before_preset(paijat_hame):
    follow_up = hyte_follow_up(county=paijat_hame, year=2024)
    assert follow_up.indicator_set.wellbeing_county == paijat_hame
    other = WellbeingCounty.objects.get(code="19")
    preset = hyte_follow_up(county=other, year=2024).indicator_set
    assert preset.is_preset and preset.kind == IndicatorSetKind.HYTE_COEFFICIENT

"""The HYTE coefficient page of Päijät-Häme as its county official uses it (seed 001's
funding, recording a municipality's score, the follow-up table) and a welfare coordinator of
Vaala adding an experiential result to the community card's domains. Axe, CSP and origin
checks run on every page visited.

Assertions are on figures, links and structure rather than on wording, which the
translations may still refine."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from elinvoima.indicators.models import (
    ExperientialResult,
    ExperientialSurvey,
    HyteCoefficientScore,
    Indicator,
    IndicatorSet,
)

pytestmark = pytest.mark.browser

PAIJAT_HAME, ASIKKALA, VAALA = "9", "016", "785"
HYTE_PAGE = f"/fi/counties/{PAIJAT_HAME}/hyte-coefficient/"
SUBMIT = "main form button[type=submit]"
SUCCESS = "main .messages .hds-notification--success"


def test_hyte_county_page__county_official__sees_seed_funding_records_a_score(site):
    page = site.page
    # given the county's HYTE official, logged in, on the dashboard
    site.login("hva.paijathame")
    # when they open the county's HYTE coefficient from the dashboard
    site.follow(page.locator(f"main .task-list a[href='{HYTE_PAGE}']"))
    # then 2024 shows the seed's score and funding: about 8.6 M€ and 13.5 M€ in all
    year = page.locator("#hyte-2024")
    assert year.locator(".hyte-county-score").inner_text().strip() == "56"
    county_funding = year.locator(".hyte-county-funding").inner_text()
    assert "8,6" in county_funding
    assert "8\u00a0642\u00a0382,00" in county_funding or "8 642 382,00" in county_funding
    assert "13,5" in year.locator(".hyte-region-funding").inner_text()
    # and the county's row says which population was used (2020)
    assert "2020" in year.locator("tr.hyte-county-row").inner_text()
    rows = year.locator("table.hyte-table tbody tr")
    assert rows.count() == 11  # the county and its ten municipalities

    # when they record Asikkala's score of 2024
    site.follow(page.locator(f"main a[href='{HYTE_PAGE}scores/add/']"))
    page.locator("#id_recipient").select_option(ASIKKALA)
    page.locator("#id_year").fill("2024")
    page.locator("#id_score").fill("61,5")
    page.locator("#id_source").fill("THL, hyte-kerroin 2024")
    site.follow(page.locator(SUBMIT))
    # then they are back on the page, the score shown on Asikkala's row
    assert page.url == site.url(HYTE_PAGE)
    assert page.locator(SUCCESS).count() == 1
    asikkala_row = page.locator("#hyte-2024 table.hyte-table tbody tr", has_text="Asikkala")
    assert "61,5" in asikkala_row.inner_text()
    assert HyteCoefficientScore.objects.get(municipality__code=ASIKKALA).score == 61.5

    # when they try the same again, the form refuses it and says so by the year field
    site.visit(f"{HYTE_PAGE}scores/add/")
    page.locator("#id_recipient").select_option(ASIKKALA)
    page.locator("#id_year").fill("2024")
    page.locator("#id_score").fill("62")
    site.follow(page.locator(SUBMIT))
    assert page.locator("#id_year_error").count() == 1
    assert HyteCoefficientScore.objects.filter(municipality__code=ASIKKALA).count() == 1

    # and the follow-up of the coefficient's indicators opens (no values yet: says so)
    site.visit(f"{HYTE_PAGE}follow-up/")
    assert page.locator("main h1").count() == 1
    # and the funding rules, with the seed's 42.00 € for the counties, and their form
    site.visit("/fi/hyte-coefficient/rules/")
    assert "42,00" in page.locator("main table tbody").inner_text()
    site.follow(page.locator("main a[href='/fi/hyte-coefficient/rules/add/']"))
    assert page.locator("#id_euros_per_resident").count() == 1


def test_experiential_result__vaala_coordinator__adds_result_shown_in_its_domain(site):
    page = site.page
    survey = ExperientialSurvey.objects.get(municipality__code=VAALA)
    # given Vaala's welfare coordinator
    site.login("hyte.vaala")
    # when they open Vaala's experiential data from the dashboard
    site.follow(
        page.locator(f"main .task-list a[href='/fi/municipalities/{VAALA}/experiential-data/']")
    )
    # then the six domains of the community card are there, in the card's order
    assert page.locator(".experiential-domain").count() == 6
    # when they open the demo survey and add a result in "leisure" for Oterma
    site.follow(page.locator(f"main a[href='/fi/experiential-data/{survey.pk}/']").first)
    site.follow(
        page.locator(f"#domain-leisure a[href^='/fi/experiential-data/{survey.pk}/results/add/']")
    )
    assert page.locator("#id_domain").input_value() == "leisure"
    page.locator("#id_village").select_option(label="Oterma")
    page.locator("#id_question").fill("Kylätalon vuorot riittävät")
    page.locator("#id_value").fill("58,5")
    page.locator("#id_unit").fill("%")
    page.locator("#id_respondents").fill("24")
    site.follow(page.locator("main form button[type=submit]:not([name])"))
    # then the survey shows it under leisure, with the village and the value
    assert page.locator(SUCCESS).count() == 1
    leisure = page.locator("#domain-leisure")
    result = leisure.locator(".experiential-result", has_text="Kylätalon vuorot riittävät")
    assert result.count() == 1
    assert "58,5 %" in result.inner_text()
    assert "Oterma" in result.inner_text()
    saved = ExperientialResult.objects.get(question="Kylätalon vuorot riittävät")
    assert (saved.domain, saved.village.name, saved.value) == ("leisure", "Oterma", 58.5)


def test_indicator_set__coordinator_copies_preset_adds_indicator_imports_results(site):
    page = site.page
    indicator = Indicator.objects.create(
        source="sotkanet",
        sotkanet_id=990_021,
        title="Selaintestin mittari",
        title_fi="Selaintestin mittari",
    )
    preset = IndicatorSet.objects.get(name="THL:n minimilista", is_preset=True)
    survey = ExperientialSurvey.objects.get(municipality__code=VAALA)
    # given Vaala's welfare coordinator on Vaala's indicator sets
    site.login("hyte.vaala")
    site.follow(
        page.locator(f"main .task-list a[href='/fi/municipalities/{VAALA}/indicator-sets/']")
    )
    # when they copy THL's minimum list to Vaala
    site.follow(
        page.locator(
            f"main a[href='/fi/municipalities/{VAALA}/indicator-sets/add/?from={preset.pk}']"
        )
    )
    assert page.locator("#id_copy_from").input_value() == str(preset.pk)
    page.locator("#id_name").fill("Vaalan minimilista")
    site.follow(page.locator(SUBMIT))
    copy = IndicatorSet.objects.get(name="Vaalan minimilista")
    assert page.url == site.url(f"/fi/indicator-sets/{copy.pk}/edit/")
    # and search the catalogue and add the indicator found
    page.locator("#id_q").fill("Selaintestin")
    site.follow(page.locator("main form[role=search] button[type=submit]"))
    site.follow(page.locator(".indicator-search-results button[value=add]").first)
    assert page.locator(SUCCESS).count() == 1
    assert "Selaintestin mittari" in page.locator(".indicator-set-editor").inner_text()
    # then the set's page lists it, and the set belongs to Vaala
    site.visit(f"/fi/indicator-sets/{copy.pk}/")
    assert (
        page.locator(f".indicator-set-items a[href='/fi/indicators/{indicator.pk}/']").count() == 1
    )
    assert copy.municipality.code == VAALA and not copy.is_preset

    # when they import a results file with an unknown domain on row 3
    site.visit(f"/fi/experiential-data/{survey.pk}/import/")
    bad = b"domain;question;value\nleisure;Kysymys;5\nurheilu;Toinen;6\n"
    page.locator("#id_file").set_input_files(
        {"name": "tulokset.csv", "mimeType": "text/csv", "buffer": bad}
    )
    site.follow(page.locator(SUBMIT))
    # then nothing is saved and the problem is named by its row, in Finnish
    with translation.override("fi"):
        row_prefix = gettext("Row %(row)s: %(problem)s") % {"row": 3, "problem": ""}
    errors = page.locator(".import-errors li").all_inner_texts()
    assert len(errors) == 1 and errors[0].startswith(row_prefix.strip())
    assert survey.results.count() == 6
    # and a corrected file (comma-separated, with a byte order mark) is imported
    good = '\ufeffdomain,question,value\nleisure,Kysymys,5\nFritid,Toinen,"6,5"\n'.encode()
    page.locator("#id_file").set_input_files(
        {"name": "tulokset.csv", "mimeType": "text/csv", "buffer": good}
    )
    site.follow(page.locator(SUBMIT))
    assert page.url == site.url(f"/fi/experiential-data/{survey.pk}/")
    assert page.locator(SUCCESS).count() == 1
    assert survey.results.count() == 8

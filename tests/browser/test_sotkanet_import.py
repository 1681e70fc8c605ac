"""A welfare coordinator imports THL's real metadata and a values file through the import
page, watches the progress bar while the background worker runs, and reads the summary."""

import json
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from elinvoima.indicators.models import ImportJob, IndicatorValue, Region
from tests.indicators.test_sotkanet_helpers import METADATA_FILE

pytestmark = pytest.mark.browser

LIST_URL = "/fi/indicators/imports/"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path


def _upload(site, kind: str, path) -> None:
    page = site.page
    site.visit(LIST_URL)
    site.follow(page.locator("main a[href='/fi/indicators/imports/new/']"))
    page.locator(f"input[name=kind][value={kind}]").check()
    page.locator("#id_file").set_input_files(str(path))
    site.follow(page.locator("main form button[type=submit]"))


def _worker_runs_the_queue() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_sotkanet_import__coordinator_uploads_metadata_and_values__progress_then_summary(
    site, media
):
    page = site.page
    site.login("hyte.utajarvi")

    # when the coordinator uploads THL's metadata of indicators 186 and 322
    _upload(site, "indicator_metadata", METADATA_FILE)

    # then the import's page shows a labelled progress bar and a status line, waiting
    job = ImportJob.objects.get()
    assert page.url == site.url(f"/fi/indicators/imports/{job.pk}/")
    bar = page.locator("progress#import-progress-bar")
    expect(bar).to_be_visible()
    assert page.locator("label[for=import-progress-bar]").inner_text().strip()
    expect(page.locator("#import-status[role=status]")).not_to_be_empty()
    assert page.locator("#import-progress[hx-get]").count() == 1  # polling
    assert "THL, Sotkanet" in page.locator("main").inner_text()

    # when the background worker runs the import, the page (polling) shows the summary
    _worker_runs_the_queue()
    summary = page.locator(".import-summary")
    expect(summary).to_be_visible(timeout=15_000)
    expect(bar).to_have_attribute("value", "2")
    assert summary.locator("dd").first.inner_text().strip() == "2"
    site.check_accessibility("the finished import of the metadata")

    # when they upload values of indicator 186 for Utajärvi, its county and the country
    regions = [
        Region.objects.get(municipality__code="889").pk,
        Region.objects.get(wellbeing_county__code="19").pk,
        Region.objects.filter(category="MAA").order_by("pk").first().pk,
    ]
    rows = [
        {"indicator": 186, "region": region, "year": year, "gender": "total", "value": value}
        for region in regions
        for year, value in ((2031, 1001.5), (2032, 1012.0))
    ]
    values_file = media / "sotkanet_186.json"
    values_file.write_text(json.dumps(rows))
    before = IndicatorValue.objects.count()
    _upload(site, "values_json", values_file)
    expect(page.locator("progress#import-progress-bar")).to_be_visible()
    _worker_runs_the_queue()

    # then the summary counts six values added
    summary = page.locator(".import-summary")
    expect(summary).to_be_visible(timeout=15_000)
    assert [dd.inner_text().strip() for dd in summary.locator("dd").all()][:2] == ["6", "6"]
    assert IndicatorValue.objects.count() == before + 6

    # and the list of imports shows both, newest first
    site.visit(LIST_URL)
    names = page.locator("main table tbody th").all_inner_texts()
    assert names == ["sotkanet_186.json", "indicators_186_322.json"]


def test_sotkanet_import__refused_file__reasons_listed_on_a_phone(make_site, demo, media):
    site = make_site(viewport={"width": 390, "height": 844}, locale="fi-FI", is_mobile=True)
    page = site.page
    site.login("hyte.vaala")
    bad = media / "arvot.csv"
    bad.write_text("indicator,region,year,gender,value\n186,1,2020,total,1\n")

    _upload(site, "values_csv", bad)
    _worker_runs_the_queue()

    problems = page.locator(".import-problems li")
    expect(problems.first).to_be_visible(timeout=15_000)
    # Finnish quotes the separator as ”,”, English as “,”.
    assert re.search("[“”],”", problems.first.inner_text())
    site.check_accessibility("a refused import on a phone")

"""The indicators and indicator-values API: public reads, filters, CSV of a selection."""

import csv
import io

import pytest
from rest_framework.test import APIClient

from elinvoima.actors.models import Municipality
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator, IndicatorValue, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def values(demo):
    utajarvi = Region.objects.update_or_create(
        id=990889,
        defaults={
            "code": "889",
            "category": "KUNTA",
            "title": "Utajärvi",
            "municipality": Municipality.objects.get(code="889"),
        },
    )[0]
    finland = Region.objects.update_or_create(
        id=990000, defaults={"code": "", "category": "MAA", "title": "Koko maa"}
    )[0]
    indicator = Indicator.objects.create(
        source=IndicatorSource.SOTKANET, sotkanet_id=990186, title_fi="Testi-indikaattori"
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=indicator,
            region=region,
            year=year,
            gender=gender,
            value=year - 2000 + (0.5 if region is finland else 0),
            abs_value=None if gender == "male" else 10,
        )
        for region in (utajarvi, finland)
        for year in (2021, 2022, 2023)
        for gender in ("total", "male")
    )
    return indicator


def test_indicator_values__filter_by_indicator_region_code_years_gender__gives_those_rows(values):
    response = APIClient().get(
        "/api/v1/indicator-values/",
        {
            "sotkanet_indicator": 990186,
            "region_code": "889",
            "years": "2022,2023",
            "gender": "total",
        },
    )

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [(row["year"], row["value"], row["region"]) for row in body["results"]] == [
        (2022, 22.0, 990889),
        (2023, 23.0, 990889),
    ]
    assert body["results"][0]["region_category"] == "KUNTA"
    assert body["results"][0]["sotkanet_indicator"] == 990186


def test_indicator_values__csv__streams_the_whole_selection_with_attribution(values):
    response = APIClient().get(
        "/api/v1/indicator-values/", {"indicator": values.pk, "gender": "male", "format": "csv"}
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["# THL, Sotkanet (CC BY 4.0)"]
    assert rows[1][:3] == ["indicator", "sotkanet_indicator", "region"]
    assert len(rows) == 2 + 6  # both regions, three years
    assert rows[2][-1] == ""  # no absolute value for men in this data


def test_indicator_values__bad_filter__json_error_not_500(values):
    response = APIClient().get("/api/v1/indicator-values/", {"years": "2022,abc"})

    assert response.status_code == 400
    assert "years" in response.json()


def test_indicators__search_and_detail__public(values):
    client = APIClient()

    listing = client.get("/api/v1/indicators/", {"search": "testi"})
    detail = client.get(f"/api/v1/indicators/{values.pk}/")

    assert listing.status_code == 200
    assert [row["sotkanet_id"] for row in listing.json()["results"]] == [990186]
    assert detail.json()["title_fi"] == "Testi-indikaattori"


def test_indicators__write__not_allowed_even_for_admin(values):
    from elinvoima.actors.models import User

    client = APIClient()
    client.force_authenticate(User.objects.get(username="admin"))
    before = Indicator.objects.count()

    response = client.post("/api/v1/indicators/", {"title_fi": "x"}, format="json")

    assert response.status_code == 405
    assert Indicator.objects.count() == before

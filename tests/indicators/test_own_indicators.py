"""A municipality's own indicators: coordinators add them with values; others read them."""

import pytest
from django.urls import reverse
from django.utils import translation

from elinvoima.actors.models import Municipality
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator, IndicatorValue
from elinvoima.strategy.models import GoalIndicator
from tests.factories import (
    GoalIndicatorFactory,
    IndicatorFactory,
    MunicipalityFactory,
    client_for_username,
    coordinator_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for(db):
    """The coordinators of Utajärvi, Vaala and Asikkala, and a goal that follows an own
    indicator of no municipality (as the demo's goal card does), built by factories; no
    demo data."""
    for code, name, username in [
        ("889", "Utajärvi", "hyte.utajarvi"),
        ("785", "Vaala", "hyte.vaala"),
        ("016", "Asikkala", "hyte.asikkala"),
    ]:
        municipality = MunicipalityFactory(code=code, name_fi=name, name_sv=name, name_en=name)
        coordinator_of(municipality, username=username)
    GoalIndicatorFactory(indicator=IndicatorFactory(owner_municipality=None))
    return client_for_username


def _post_data(**overrides):
    data = {
        "title_fi": "Asukaskyselyn tyytyväisyys",
        "title_sv": "Nöjdhet i invånarenkäten",
        "description_fi": "",
        "description_sv": "",
        "value_type_fi": "%",
        "value_type_sv": "%",
        "decimals": "1",
        "organization_fi": "Utajärven asukaskysely",
        "values-TOTAL_FORMS": "3",
        "values-INITIAL_FORMS": "0",
        "values-MIN_NUM_FORMS": "0",
        "values-MAX_NUM_FORMS": "200",
        "values-0-year": "2022",
        "values-0-gender": "total",
        "values-0-value": "71,5",
        "values-1-year": "2023",
        "values-1-gender": "total",
        "values-1-value": "74.0",
        "values-2-year": "",
        "values-2-gender": "total",
        "values-2-value": "",
    }
    data.update(overrides)
    return data


def test_own_indicator__coordinator_adds_with_values__values_on_the_municipality(client_for):
    client = client_for("hyte.utajarvi")

    response = client.post(
        reverse("indicators:own-indicator-add", kwargs={"code": "889"}), _post_data()
    )

    indicator = Indicator.objects.get(title_fi="Asukaskyselyn tyytyväisyys")
    assert response.status_code == 302
    assert indicator.source == IndicatorSource.OWN
    assert indicator.owner_municipality.code == "889"
    values = IndicatorValue.objects.filter(indicator=indicator).order_by("year")
    assert [(v.year, v.value, v.region.municipality.code) for v in values] == [
        (2022, 71.5, "889"),
        (2023, 74.0, "889"),
    ]


def test_own_indicator__same_year_twice__refused_and_nothing_written(client_for):
    client = client_for("hyte.utajarvi")

    response = client.post(
        reverse("indicators:own-indicator-add", kwargs={"code": "889"}),
        _post_data(**{"values-1-year": "2022"}),
    )

    assert response.status_code == 200
    with translation.override("fi"):
        expected = translation.gettext(
            "Rows %(first)d and %(second)d give the same year and gender."
        )
    assert expected % {"first": 1, "second": 2} in response.content.decode()
    assert not Indicator.objects.filter(title_fi="Asukaskyselyn tyytyväisyys").exists()


@pytest.mark.both_databases
def test_own_indicator__stale_form__refused_with_who_and_when(client_for):
    client = client_for("hyte.utajarvi")
    client.post(reverse("indicators:own-indicator-add", kwargs={"code": "889"}), _post_data())
    indicator = Indicator.objects.get(title_fi="Asukaskyselyn tyytyväisyys")

    response = client.post(
        reverse("indicators:own-indicator-edit", kwargs={"pk": indicator.pk}),
        _post_data(title_fi="Vanha lomake", loaded_at="2000-01-01 00:00"),
    )

    assert response.status_code == 200
    with translation.override("fi"):
        expected = translation.gettext(
            "Someone else saved this indicator at %(time)s, after you opened it. "
            "Reload the page to see their changes, then make yours again."
        ).split("%(time)s")[0]
    assert expected in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.title_fi == "Asukaskyselyn tyytyväisyys"


def test_own_indicator__other_municipality_coordinator__forbidden(client_for):
    response = client_for("hyte.vaala").post(
        reverse("indicators:own-indicator-add", kwargs={"code": "889"}), _post_data()
    )

    assert response.status_code == 403
    assert not Indicator.objects.filter(title_fi="Asukaskyselyn tyytyväisyys").exists()


def test_own_indicator__delete_while_a_goal_follows_it__refused(client_for):
    # The demo's goal card follows an indicator of no municipality: give it to Asikkala.
    indicator = GoalIndicator.objects.select_related("indicator").first().indicator
    indicator.owner_municipality = Municipality.objects.get(code="016")
    indicator.save()

    response = client_for("hyte.asikkala").post(
        reverse("indicators:own-indicator-delete", kwargs={"pk": indicator.pk})
    )

    assert response.status_code == 200
    with translation.override("fi"):
        expected = translation.gettext(
            "Goals of plans follow this indicator. Remove it from those goals first, "
            "then delete it."
        )
    assert expected in response.content.decode()
    assert Indicator.objects.filter(pk=indicator.pk).exists()

import pytest

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.actors.services import reference_data_load

pytestmark = pytest.mark.both_databases


@pytest.mark.django_db
def test_reference_data__loaded__all_municipalities_and_counties():
    result = reference_data_load()
    assert (result.municipalities, result.counties) == (309, 23)
    assert Municipality.objects.count() == 309
    assert WellbeingCounty.objects.count() == 23
    utajarvi = Municipality.objects.get(code="889")
    assert utajarvi.name_fi == "Utajärvi"
    assert utajarvi.wellbeing_county.code == "19"
    assert WellbeingCounty.objects.get(code="91").name_sv == "Åland"


@pytest.mark.django_db
def test_reference_data__loaded_twice__nothing_changes():
    reference_data_load()
    before = list(Organisation.objects.order_by("pk").values_list("pk", "name_fi"))
    reference_data_load()
    after = list(Organisation.objects.order_by("pk").values_list("pk", "name_fi"))
    assert before == after
    assert Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).count() == 309
    assert Organisation.objects.filter(kind=OrganisationKind.WELLBEING_COUNTY).count() == 23


@pytest.mark.django_db
def test_reference_data__changed_name__updated_in_place():
    reference_data_load()
    Municipality.objects.filter(code="889").update(name_sv="väärin")
    reference_data_load()
    assert Municipality.objects.get(code="889").name_sv == "Utajärvi"

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from elinvoima.actors.models import Municipality, Organisation, Theme


def _names(response) -> list[str]:
    return [organisation.name_fi for organisation in response.context["organisations"]]


def _directory(client, code="889", **params):
    url = reverse("actors:municipality-directory", kwargs={"municipality_code": code})
    return client.get(url, params)


def test_directory__municipality__published_organisations_without_the_municipality_itself(
    client_for,
):
    names = _names(_directory(client_for(None)))
    assert "Utajärven reumayhdistys ry" in names
    assert "Utajärvi" not in names  # the municipality's own organisation is not an actor here
    assert "MLL Vaalan yhdistys ry" not in names


def test_directory__unpublished__not_listed(client_for):
    Organisation.objects.filter(name_fi="Ahmaksen kyläyhdistys ry").update(is_published=False)
    assert "Ahmaksen kyläyhdistys ry" not in _names(_directory(client_for(None)))


def test_directory__filters__search_kind_theme_target_group_village(client_for):
    client = client_for(None)
    assert _names(_directory(client, q="REUMA")) == ["Utajärven reumayhdistys ry"]
    assert _names(_directory(client, kind="village_association")) == [
        "Ahmaksen kyläyhdistys ry",
        "Juorkunan kyläyhdistys ry",
    ]
    assert _names(_directory(client, theme="peer_support")) == ["Utajärven reumayhdistys ry"]
    assert "Utajärven reumayhdistys ry" in _names(_directory(client, target_group="older_people"))
    juorkuna = Municipality.objects.get(code="889").villages.get(name_fi="Juorkuna")
    assert _names(_directory(client, village=juorkuna.pk)) == ["Juorkunan kyläyhdistys ry"]


def test_directory__unknown_filter_values__ignored_not_500(client_for):
    response = _directory(client_for(None), theme="nope", kind="x", village="abc", sort="zz")
    assert response.status_code == 200
    assert len(_names(response)) > 3


def test_directory__county__organisations_of_all_its_municipalities(client_for):
    url = reverse("actors:county-directory", kwargs={"county_code": "19"})
    names = _names(client_for(None).get(url))
    assert "Utajärven reumayhdistys ry" in names and "MLL Vaalan yhdistys ry" in names
    assert names.count("Oulunkaaren kuntayhtymä") == 1  # operates in two; listed once


def test_directory__swedish__swedish_names_and_labels(client_for):
    response = client_for(None).get("/sv/municipalities/785/organisations/")
    assert "MLL Vaala förening rf" in response.text
    assert "Organisationer" in response.text or "organisationer" in response.text


def test_directory__sorting__recently_updated_first(client_for):
    Organisation.objects.get(name_fi="Ahmaksen kyläyhdistys ry").save()  # touched last
    assert _names(_directory(client_for(None), sort="-updated"))[0] == "Ahmaksen kyläyhdistys ry"


def test_directory__many_rows__same_number_of_queries(client_for, django_assert_num_queries):
    client = client_for(None)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        _directory(client)
    utajarvi = Municipality.objects.get(code="889")
    theme = Theme.objects.get(code="culture")
    created = Organisation.objects.bulk_create(
        Organisation(name_fi=f"Seura {n} ry", kind="association", municipality=utajarvi)
        for n in range(120)
    )
    for organisation in created:
        organisation.municipalities.add(utajarvi)
        organisation.themes.add(theme)
    with CaptureQueriesContext(connection) as many:
        response = _directory(client)
    assert len(response.context["organisations"]) == 25  # a full page
    assert len(many) == len(few)


def test_export__csv__same_rows_as_the_page_with_swedish_headers(client_for):
    client = client_for(None)
    url = reverse(
        "actors:municipality-directory-export", kwargs={"municipality_code": "889", "format": "csv"}
    )
    response = client.get(url, {"kind": "village_association"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Nimi"
    assert [row[0] for row in rows[1:]] == ["Ahmaksen kyläyhdistys ry", "Juorkunan kyläyhdistys ry"]


def test_export__xlsx__a_real_workbook(client_for):
    url = reverse(
        "actors:municipality-directory-export",
        kwargs={"municipality_code": "889", "format": "xlsx"},
    )
    response = client_for(None).get(url, {"q": "reuma"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Nimi"
    assert values[1][0] == "Utajärven reumayhdistys ry"


def test_export__formula_in_a_name__not_run_by_the_spreadsheet(client_for):
    organisation = Organisation.objects.get(name_fi="Ahmaksen kyläyhdistys ry")
    organisation.name_fi = '=HYPERLINK("http://evil.example","x")'
    organisation.save()
    url = reverse(
        "actors:municipality-directory-export",
        kwargs={"municipality_code": "889", "format": "xlsx"},
    )
    sheet = load_workbook(io.BytesIO(client_for(None).get(url).content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://evil.example","x")' in names


def test_export__unknown_format__404(client_for):
    response = client_for(None).get("/fi/municipalities/889/organisations/export.pdf")
    assert response.status_code == 404

import csv
import io

import pytest
from django.core.management import call_command
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection, transaction
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from elinvoima.actors.directory.selectors import (
    SEARCHED,
    DirectoryPaginator,
    Scope,
    directory_search,
)
from elinvoima.actors.models import Municipality, Organisation, Theme, WellbeingCounty
from elinvoima.core.text_search import TextSearch

pytestmark = pytest.mark.both_databases

# Migration 0005's indexes, PostgreSQL only.
TRIGRAM_INDEXES = {
    "organisation_name_fi_trgm",
    "organisation_name_sv_trgm",
    "organisation_description_fi_trgm",
    "organisation_description_sv_trgm",
    "organisation_business_id_trgm",
}
# Migration 0009's, PostgreSQL only: the words of each searched column, and the trigram
# indexes of what an organisation does regularly.
WORD_INDEXES = {
    f"organisation_{column}_words"
    for column in (
        "name_fi",
        "name_sv",
        "regular_activities_fi",
        "regular_activities_sv",
        "description_fi",
        "description_sv",
    )
} | {"organisation_regular_activities_fi_trgm", "organisation_regular_activities_sv_trgm"}
OTHER_INDEXES = {
    "actors_organisation": {"organisation_name_fi_id"},
    "actors_organisation_municipalities": {"organisation_municipalities_by_municipality"},
    "actors_organisation_themes": {"organisation_themes_by_theme"},
    "actors_organisation_target_groups": {"organisation_target_groups_by_group"},
}

# The nine village associations of Utajärvi's vitality group (seed 000), by name.
UTAJARVI_VILLAGE_ASSOCIATIONS = [
    "Ahmaksen kyläyhdistys ry",
    "Alakylän kyläyhdistys ry",
    "Juorkunan kyläyhdistys ry",
    "Kytökylän kyläyhdistys ry",
    "Niskankylän kyläyhdistys ry",
    "Rokuan kyläyhdistys ry",
    "Sotkajärven kyläyhdistys ry",
    "Särkijärven kyläyhdistys ry",
    "Utosjärven kyläyhdistys ry",
]


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
    assert _names(_directory(client, kind="village_association")) == UTAJARVI_VILLAGE_ASSOCIATIONS
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


def test_directory__searched_page_at_national_scale__same_number_of_queries(client_for):
    """A searched, filtered county page: a few rows of the demo data, then a full page of
    many among 2,000 generated organisations (more than a page of them match: the count
    does not change the queries), in the same number of queries."""
    client = client_for(None)
    url = reverse("actors:county-directory", kwargs={"county_code": "19"})
    search = {"q": "yhdistys", "kind": "association"}
    client.get(url, search)  # sessions, translations and the like loaded
    with CaptureQueriesContext(connection) as few:
        response = client.get(url, search)
    assert "Utajärven reumayhdistys ry" in _names(response)
    assert response.context["paginator"].count < 10

    call_command("generate_scale_data", seed=1, organisations=2_000, people=0, verbosity=0)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, search)

    assert len(_names(response)) == 25
    assert response.context["paginator"].count > 25
    assert len(many) == len(few), [query["sql"][:80] for query in many.captured_queries]


@pytest.mark.parametrize("per_page, orphans", [(3, 0), (4, 2), (50, 0)])
def test_directory_paginator__every_page__same_as_django_paginator(demo, per_page, orphans):
    county = WellbeingCounty.objects.get(code="19")
    organisations = directory_search(scope=Scope(county=county), filters={})
    expected = Paginator(organisations, per_page, orphans=orphans)
    ours = DirectoryPaginator(organisations, per_page, orphans=orphans)
    for number in range(1, expected.num_pages + 1):
        page = ours.page(number)
        assert [o.pk for o in page] == [o.pk for o in expected.page(number)]
        assert ours.count == expected.count > 3
        assert (page.has_next(), page.has_previous()) == (
            number < expected.num_pages,
            number > 1,
        )
    with pytest.raises(EmptyPage):
        DirectoryPaginator(organisations, per_page, orphans=orphans).page(expected.num_pages + 1)
    with pytest.raises(PageNotAnInteger):
        DirectoryPaginator(organisations, per_page).page("x")
    nothing = directory_search(
        scope=Scope(county=county), filters={"q": TextSearch("no such words")}
    )
    empty = DirectoryPaginator(nothing, per_page).page(1)
    assert list(empty) == [] and empty.paginator.count == 0


def test_directory__page_past_the_end__404(client_for):
    assert _directory(client_for(None), page=99).status_code == 404


def test_directory__filter_form__chosen_options_selected_and_escaped(client_for):
    Theme.objects.filter(code="culture").update(name_fi="Kulttuuri <b>& taide</b>")
    html = _directory(client_for(None), kind="village_association", theme="culture").text
    assert '<option value="village_association" selected>' in html
    assert (
        '<option value="culture" selected>Kulttuuri &lt;b&gt;&amp; taide&lt;/b&gt;</option>' in html
    )
    assert '<select name="target_group" id="id_target_group">' in html
    assert '<option value="" selected>' in html  # target group: all


def test_search_indexes__after_migrate__on_postgresql_only(demo):
    """Migration 0005: pg_trgm and the directory's indexes on PostgreSQL, and there
    Django's icontains (UPPER(col::text) LIKE UPPER('%…%')) can use the trigram index;
    nothing of it on SQLite, where the search is a plain LIKE."""
    with connection.cursor() as cursor:
        found = {
            table: {
                name: details
                for name, details in connection.introspection.get_constraints(cursor, table).items()
                if details["index"]
            }
            for table in OTHER_INDEXES
        }
    names = {name for indexes in found.values() for name in indexes}
    wanted = TRIGRAM_INDEXES | {name for names in OTHER_INDEXES.values() for name in names}
    reuma = directory_search(
        scope=Scope(municipality=Municipality.objects.get(code="889")),
        filters={"q": TextSearch("REUMA")},
    )
    assert [o.name_fi for o in reuma] == ["Utajärven reumayhdistys ry"]
    if connection.vendor != "postgresql":
        assert not names & wanted
        return
    assert wanted <= names
    assert {found["actors_organisation"][name]["type"] for name in TRIGRAM_INDEXES} == {"gin"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone()
    searched = Q()
    for column in ("name_fi", "name_sv", "description_fi", "description_sv", "business_id"):
        searched |= Q(**{f"{column}__icontains": "reuma"})
    sql, params = Organisation.objects.filter(searched).order_by().query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # A few rows: reading them all would be cheaper. Only bitmap scans are left, and a
        # BitmapOr needs every one of the five LIKEs to be answered by an index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "BitmapOr" in plan
    assert all(f"Bitmap Index Scan on {name}" in plan for name in TRIGRAM_INDEXES), plan


def test_text_search__every_condition_answered_by_an_index_on_postgresql(demo):
    """core.text_search writes its conditions as migration 0009 wrote the indexes: a word
    search reads only indexes (a BitmapOr of the words and trigram indexes), on SQLite it
    is the registered functions' work and there are no such indexes."""
    searched = Organisation.objects.filter(TextSearch("jumppa").filter(SEARCHED)).order_by()
    assert "Utajärven reumayhdistys ry" in {o.name_fi for o in searched}
    if connection.vendor != "postgresql":
        return
    sql, params = searched.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    used = WORD_INDEXES | {
        "organisation_name_fi_trgm",
        "organisation_name_sv_trgm",
        "organisation_description_fi_trgm",
        "organisation_description_sv_trgm",
    }
    assert all(f"Bitmap Index Scan on {name}" in plan for name in used), plan


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
    assert [row[0] for row in rows[1:]] == UTAJARVI_VILLAGE_ASSOCIATIONS


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


def test_directory__age_group_filter__also_finds_what_is_for_everyone(client_for):
    # Issue 12: "Ikäihmiset" left out everything tagged "Kaikenikäiset".
    from elinvoima.actors.models import TargetGroup

    village = Organisation.objects.get(name_fi="Ahmaksen kyläyhdistys ry")
    village.target_groups.set([TargetGroup.objects.get(code=TargetGroup.EVERYONE)])
    client = client_for(None)
    older = _names(_directory(client, target_group="older_people"))
    assert "Ahmaksen kyläyhdistys ry" in older and "Utajärven reumayhdistys ry" in older
    everyone = _names(_directory(client, target_group=TargetGroup.EVERYONE))
    assert "Ahmaksen kyläyhdistys ry" in everyone
    assert "Utajärven reumayhdistys ry" not in everyone  # for older people only
    api = client.get(
        "/api/v1/organisations/", {"municipality": "889", "target_group": "young_people"}
    )
    assert "Ahmaksen kyläyhdistys ry" in [row["name_fi"] for row in api.json()["results"]]

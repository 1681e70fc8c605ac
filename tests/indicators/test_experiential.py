"""Experiential data (koettu hyvinvointitieto): surveys and results by the six domains of
the community card, entered by hand or imported from CSV all or nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elinvoima.actors.models import Municipality, Village
from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.indicators.experiential.parsing import experiential_csv_parse
from elinvoima.indicators.experiential.services import (
    experiential_result_add,
    experiential_results_import,
    experiential_survey_create,
)
from elinvoima.indicators.models import ExperientialResult, ExperientialSurvey

pytestmark = pytest.mark.both_databases

VAALA, UTAJARVI = "785", "889"


def _url(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def vaala(demo) -> Municipality:
    return Municipality.objects.get(code=VAALA)


@pytest.fixture
def survey(vaala) -> ExperientialSurvey:
    return experiential_survey_create(
        municipality=vaala, user=None, title="Kyläkysely 2025", year=2025
    )


def _import(survey, text: str, *, encoding: str = "utf-8"):
    with translation.override("en"):
        return experiential_results_import(survey=survey, data=text.encode(encoding))


def _refused(survey, text: str, *, encoding: str = "utf-8") -> list[str]:
    before = ExperientialResult.objects.count()
    with pytest.raises(ValidationError) as caught:
        _import(survey, text, encoding=encoding)
    assert ExperientialResult.objects.count() == before  # nothing written
    return caught.value.messages


GOOD_SEMICOLON = (
    "domain;village;group;question;value;unit;respondents;summary\n"
    "Vapaa-aika;Oterma;;Harrastusmahdollisuudet ovat hyvät;72,5;%;40;\n"
    "mind_body;;nuoret;Jaksan arjessa;;;12;Väsymystä koetaan\n"
    "Fritid;Säräisniemi;;Kylätalo;3;kpl;;\n"
)


# Demo --------------------------------------------------------------------------------------


def test_experiential_demo__vaala_survey__labelled_demo_results_in_six_domains(vaala):
    survey = ExperientialSurvey.objects.get(municipality=vaala)
    assert "DEMO" in survey.title and "ESIMERKKIAINEISTO" in survey.description
    assert set(survey.results.values_list("domain", flat=True)) == set(ExperientialDomain.values)


# Import ------------------------------------------------------------------------------------


def test_experiential_import__semicolon_decimal_comma_labels__all_rows(survey):
    result = _import(survey, GOOD_SEMICOLON)
    assert result.created == 3 and result.separator == ";"
    rows = list(survey.results.order_by("id"))
    assert rows[0].domain == ExperientialDomain.LEISURE
    assert rows[0].village.name_fi == "Oterma"
    assert rows[0].value == 72.5 and rows[0].respondents == 40
    assert rows[1].domain == ExperientialDomain.MIND_BODY and rows[1].group == "nuoret"
    assert rows[1].value is None and rows[1].summary == "Väsymystä koetaan"
    assert rows[2].domain == ExperientialDomain.LEISURE  # Swedish label


def test_experiential_import__comma_bom_finnish_headers_crlf__all_rows(survey):
    text = (
        "\ufeffosa-alue,kylä,kysymys,arvo,yksikkö\r\n"
        '"Asuminen ja kasvu- ja elinympäristö",Jylhämä,Turvallisuus,"81,0",%\r\n'
        "Housing and living environment,,Asunnot,64,%\r\n"
    )
    result = _import(survey, text)
    assert result.created == 2 and result.separator == ","
    assert [r.value for r in survey.results.order_by("id")] == [81.0, 64.0]


def test_experiential_import__wrong_separator__refused_row_1(survey):
    messages = _refused(survey, "domain\tquestion\tvalue\nleisure\tKysymys\t5\n")
    assert messages[0].startswith("Row 1: the columns must be separated by a semicolon")


def test_experiential_import__mixed_separator__refused_with_row_number(survey):
    text = "domain;question;value\nleisure;Kysymys;5\nleisure,Toinen,6\n"
    messages = _refused(survey, text)
    assert messages == [
        "Row 3 has 1 columns, the header 3. Check the separator (semicolon (;)) and quote "
        "values that contain it."
    ]


def test_experiential_import__unknown_domain__refused_naming_row(survey):
    text = "domain;question;value\nleisure;Kysymys;5\nurheilu;Toinen;6\n"
    messages = _refused(survey, text)
    assert len(messages) == 1
    assert messages[0].startswith("Row 3: unknown domain “urheilu”. Use one of: ")


def test_experiential_import__non_numeric_value__refused_naming_row(survey):
    messages = _refused(survey, "domain;question;value\nleisure;Kysymys;paljon\n")
    assert messages == ["Row 2: the value “paljon” is not a number."]


def test_experiential_import__unknown_village__refused_naming_row_and_villages(survey):
    text = "domain;village;question;value\nleisure;Oterma;A;1\nleisure;Juorkuna;B;2\n"
    messages = _refused(survey, text)  # Juorkuna is Utajärvi's
    assert messages == [
        "Row 3: unknown village “Juorkuna”. The municipality's villages: Jylhämä, Oterma, "
        "Säräisniemi."
    ]


def test_experiential_import__several_problems__all_listed(survey):
    text = "domain;question;value;respondents\n;Kysymys;1;\nleisure;;x;-3\n"
    messages = _refused(survey, text)
    assert messages == [
        "Row 2: the domain is missing.",
        "Row 3: the question is missing.",
        "Row 3: the value “x” is not a number.",
        "Row 3: the number of respondents “-3” is not a whole number.",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty."),
        ("domain;question\n", "The file has a header row but no results."),
        ("domain;kysymys;kala\nleisure;K;1\n", "Row 1: unknown columns: kala."),
        ("domain;value\nleisure;1\n", "Row 1: the required columns question are missing"),
        ("domain;question;question\nleisure;a;b\n", "Row 1: the columns question appear twice."),
        ('domain;question\nleisure;"auki\n', "The file is not valid CSV"),
        ("domain;question\nleisure;K\n", "Row 2: give a value or a summary."),
    ],
)
def test_experiential_import__bad_file__refused_with_message(survey, text, message):
    messages = _refused(survey, text)
    assert messages[0].startswith(message), messages


def test_experiential_import__not_utf8__refused(survey):
    messages = _refused(survey, "domain;question;value\nleisure;Ääni;1\n", encoding="latin-1")
    assert messages[0].startswith("The file is not in UTF-8")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400) | st.text(max_size=300).map(lambda t: t.encode()))
def test_experiential_csv_parse__random_input__refused_or_parsed_never_crashes(vaala, data):
    try:
        rows, separator = experiential_csv_parse(data=data, municipality=vaala)
    except ValidationError as error:
        assert error.messages
    else:
        assert separator in (";", ",")
        assert all(row["domain"] in ExperientialDomain.values for row in rows)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=len(GOOD_SEMICOLON.encode())))
def test_experiential_csv_parse__truncated_file__refused_or_fewer_rows(vaala, cut):
    try:
        rows, _separator = experiential_csv_parse(
            data=GOOD_SEMICOLON.encode()[:cut], municipality=vaala
        )
    except ValidationError as error:
        assert error.messages
    else:
        assert len(rows) <= 3


# By hand -----------------------------------------------------------------------------------


def test_experiential_result_add__village_of_another_municipality__refused(survey):
    juorkuna = Village.objects.get(municipality__code=UTAJARVI, name_fi="Juorkuna")
    with pytest.raises(ValidationError):
        experiential_result_add(
            survey=survey, domain="leisure", question="Q", village=juorkuna, value=1.0
        )
    assert not survey.results.exists()


def test_experiential_pages__coordinator__creates_survey_and_adds_result(client_for, vaala):
    client = client_for("hyte.vaala")
    response = client.post(
        _url("indicators:experiential-survey-add", code=VAALA),
        {"title": "Nuorisovaltuuston kysely", "year": "2025", "method": "verkkokysely"},
    )
    assert response.status_code == 302
    survey = ExperientialSurvey.objects.get(title="Nuorisovaltuuston kysely")
    assert survey.created_by.username == "hyte.vaala"
    oterma = Village.objects.get(municipality=vaala, name_fi="Oterma")
    response = client.post(
        _url("indicators:experiential-result-add", pk=survey.pk),
        {
            "domain": "leisure",
            "village": oterma.pk,
            "question": "Nuorisotila on auki tarpeeksi",
            "value": "55.5",
            "unit": "%",
            "respondents": "31",
        },
    )
    assert response.status_code == 302
    result = survey.results.get()
    assert (result.village, result.value) == (oterma, 55.5)
    page = client.get(_url("indicators:experiential-municipality", code=VAALA))
    assert "Nuorisotila on auki tarpeeksi" in page.text


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"value": "", "summary": ""}, "Give a value or a summary of what was found."),
        ({"value": "lots"}, "Give the value as a number, for example 72.5."),
        ({"domain": "sports"}, "Select a valid choice."),
        ({"question": ""}, "This field is required."),
    ],
)
def test_experiential_result_form__bad_input__message_nothing_saved(
    client_for, survey, changes, field_message
):
    data = {"domain": "leisure", "question": "Q", "value": "1", "summary": ""}
    data.update(changes)
    response = client_for("hyte.vaala").post(
        _url("indicators:experiential-result-add", pk=survey.pk), data
    )
    assert response.status_code == 200
    assert field_message in response.text
    assert not survey.results.exists()


def test_experiential_survey_form__bad_year__message(client_for, vaala):
    response = client_for("hyte.vaala").post(
        _url("indicators:experiential-survey-add", code=VAALA), {"title": "X", "year": "1066"}
    )
    assert response.status_code == 200
    assert "Give the year the data was collected" in response.text


def test_experiential_import_page__upload__imported_and_separator_explained(client_for, survey):
    response = client_for("hyte.vaala").post(
        _url("indicators:experiential-import", pk=survey.pk),
        {"file": SimpleUploadedFile("tulokset.csv", GOOD_SEMICOLON.encode("utf-8-sig"))},
        follow=True,
    )
    assert response.status_code == 200
    assert "3 results were imported (columns separated by a semicolon (;))." in response.text
    assert survey.results.count() == 3


def test_experiential_import_page__bad_file__errors_listed_nothing_saved(client_for, survey):
    text = "domain;question;value\nleisure;A;1\nurheilu;B;2\n"
    response = client_for("hyte.vaala").post(
        _url("indicators:experiential-import", pk=survey.pk),
        {"file": SimpleUploadedFile("tulokset.csv", text.encode())},
    )
    assert response.status_code == 200
    assert "nothing of it was saved" in response.text
    assert "Row 3: unknown domain" in response.text
    assert not survey.results.exists()


def test_experiential_import_page__finnish_user__row_message_in_finnish(client_for, survey):
    text = "domain;question;value\nleisure;A;paljon\n"
    response = client_for("hyte.vaala").post(
        reverse("indicators:experiential-import", kwargs={"pk": survey.pk}),
        {"file": SimpleUploadedFile("tulokset.csv", text.encode())},
    )
    assert response.status_code == 200
    with translation.override("fi"):
        problem = gettext("the value “%(value)s” is not a number.") % {"value": "paljon"}
        expected = gettext("Row %(row)s: %(problem)s") % {"row": 2, "problem": problem}
    assert expected in response.text
    assert not survey.results.exists()


def test_experiential_municipality_page__grouped_by_six_domains(client_for, vaala):
    response = client_for("valtuutettu.vaala").get(
        _url("indicators:experiential-municipality", code=VAALA)
    )
    assert response.status_code == 200
    positions = [response.text.index(f'id="domain-{domain}"') for domain in ExperientialDomain]
    assert positions == sorted(positions)
    assert "Asuinympäristö on turvallinen" in response.text
    assert "New survey" not in response.text  # a councillor reads


@pytest.mark.parametrize("username", ["hyte.utajarvi", "yhdistys.mll", "hva.paijathame", None])
def test_experiential_pages__outsiders__refused(client_for, vaala, username):
    survey = ExperientialSurvey.objects.get(municipality=vaala)
    client = client_for(username)
    expected = 302 if username is None else 403
    for url in (
        _url("indicators:experiential-municipality", code=VAALA),
        _url("indicators:experiential-survey-detail", pk=survey.pk),
        _url("indicators:experiential-import", pk=survey.pk),
    ):
        assert client.get(url).status_code == expected, url
    response = client.post(
        _url("indicators:experiential-result-add", pk=survey.pk),
        {"domain": "leisure", "question": "Q", "value": "1"},
    )
    assert response.status_code == expected
    assert survey.results.count() == 6


def test_experiential_pages__councillor__reads_but_may_not_write(client_for, vaala):
    survey = ExperientialSurvey.objects.get(municipality=vaala)
    client = client_for("valtuutettu.vaala")
    assert (
        client.get(_url("indicators:experiential-survey-detail", pk=survey.pk)).status_code == 200
    )
    response = client.post(
        _url("indicators:experiential-result-add", pk=survey.pk),
        {"domain": "leisure", "question": "Q", "value": "1"},
    )
    assert response.status_code == 403

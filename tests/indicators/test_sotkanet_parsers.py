"""The readers of Sotkanet's formats, without the database."""

import json

import pytest
from django.utils import translation

from elinvoima.indicators.sotkanet import parsers
from elinvoima.indicators.sotkanet.problems import ProblemLog, problem_text

from .test_sotkanet_helpers import (
    METADATA_FILE,
    REGIONS_FILE,
    VALUES_CSV_FILE,
    VALUES_JSON_FILE,
    read_values,
    source,
    value,
)


@pytest.fixture(autouse=True)
def _english():
    # The messages are checked in English; the lead translates them.
    with translation.override("en"):
        yield


def test_values_json__sotkanet_file__every_row_read():
    rows, problems = read_values(VALUES_JSON_FILE.read_bytes())

    assert problems == []
    assert len(rows) == 108
    assert rows[0][:4] == (186, 658, 2021, "total")
    assert all(isinstance(row[4], float) for row in rows)


def test_values_json__abs_value__optional():
    rows, problems = read_values([value(absValue=7), value(year=2022)])

    assert problems == []
    assert [row[5] for row in rows] == [7.0, None]


def test_values_csv__sotkanet_header_and_decimal_comma__same_rows_as_json():
    json_rows, _ = read_values(VALUES_JSON_FILE.read_bytes())
    csv_rows, problems = read_values(VALUES_CSV_FILE.read_bytes(), kind="csv")

    assert problems == []
    assert csv_rows == json_rows


@pytest.mark.parametrize(
    "header",
    [
        "indicator;region;year;gender;value;absValue",
        "Indicator;Region;Year;Gender;Primary value;Absolute value",
        "\ufeffindicator;region;year;gender;value",
    ],
)
def test_values_csv__header_names__accepted(header):
    row = "186;658;2021;total;1.5" + (";2" if header.count(";") == 5 else "")

    rows, problems = read_values(f"{header}\n{row}\n", kind="csv")

    assert problems == []
    assert rows[0][:5] == (186, 658, 2021, "total", 1.5)


def test_values_json__chunk_boundaries__same_rows(monkeypatch):
    # Tiny blocks cut the text everywhere: inside numbers, strings and between elements.
    content = json.dumps(
        [value(year=2000 + n, value=n / 3, absValue=n) for n in range(40)], indent=1
    )
    expected, _ = read_values(content)
    monkeypatch.setattr(parsers, "CHUNK_CHARS", 7)

    rows, problems = read_values(content)

    assert problems == []
    assert rows == expected
    assert len(rows) == 40


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[{"indicator":186,"region":658,"year":2021,"gen', "cut short"),
        ('[{"indicator":186,"region":658,"year":2021,"gender":"total","value":1}', "cut short"),
        ("", "empty"),
        ('{"indicator":186}', "should hold a list"),
        ('[{"indicator":186,"region":658,"year":2021,"gender":"total","value":1},]', "Element 2"),
        ('[{"indicator":186,"region":658,"year":2021,"gender":"total","value":NaN}]', "Element 1"),
        (
            '[{"indicator":186,"region":658,"year":2021,"gender":"total","value":1}] x',
            "after the end",
        ),
    ],
)
def test_values_json__broken_file__refused_with_where(content, expected):
    rows, problems = read_values(content)

    assert problems, "the file must be refused"
    assert expected in problems[0]


@pytest.mark.parametrize(
    ("element", "field", "words"),
    [
        (value(value="abc"), "value", "is not a number"),
        (value(value=None), "value", "is not a number"),
        (value(absValue="12"), "absValue", "is not a number"),
        (value(indicator="186"), "indicator", "whole number"),
        (value(region=-5), "region", "whole number"),
        (value(year=1066), "year", "between"),
        (value(gender="all"), "gender", "gender"),
        ({"indicator": 186, "region": 658, "year": 2021, "gender": "total"}, "value", "missing"),
    ],
)
def test_values_json__bad_field__says_element_and_field(element, field, words):
    rows, problems = read_values([value(), element])

    assert len(rows) == 1
    assert problems[0].startswith(f"Element 2, field “{field}”")
    assert words in problems[0]


def test_values_json__not_an_object__refused():
    rows, problems = read_values([value(), [1, 2]])

    assert problems == ["Element 2: expected an object { … }, found “[1, 2]”."]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("indicator,region,year,gender,value\n186,658,2021,total,1\n", "separated by “,”"),
        ("indicator\tregion\tyear\tgender\tvalue\n", "separated by “TAB”"),
        ("indicator;region;year;sex;value;colour\n", "unknown columns colour"),
        ("indicator;region;year;value\n", "columns gender are missing"),
        ("indicator;region;year;gender;value\n186;658;2021;total\n", "Row 2 has 4 columns"),
        ("indicator;region;year;gender;value\n186,658,2021,total,1\n", "Row 2: the columns"),
        (
            "indicator;region;year;gender;value\n186;658;2021;total;1\n186;x;2021;total;1\n",
            "Row 3, field “region”",
        ),
        ("indicator;region;year;gender;value\n186;658;2021;total;1e999\n", "Row 2, field “value”"),
        ("indicator;region;year;gender;value\n186;658;2021;total;\n", "Row 2, field “value”"),
        ("", "empty"),
    ],
)
def test_values_csv__bad_file__refused_with_row(content, expected):
    _rows, problems = read_values(content, kind="csv")

    assert problems, "the file must be refused"
    assert expected in problems[0]


def test_values__not_utf8__refused():
    _rows, problems = read_values(b'[{"gender":"\xff"}]')

    assert problems == ["The file is not UTF-8 text; save it as UTF-8 and try again."]


def test_values_estimate__counts_objects_and_lines():
    assert parsers.values_estimate(source([value(), value()]), kind="json") == 2
    assert parsers.values_estimate(source("a;b\n1;2\n3;4\n"), kind="csv") == 2


def test_indicator_metadata__real_file__fields_in_three_languages():
    log = ProblemLog()

    records = parsers.indicator_metadata_parse(source(METADATA_FILE.read_bytes()), log=log)

    assert not log
    first = records[0]
    assert first.sotkanet_id == 186
    assert first.fields["title_fi"] == "Kuolleisuus / 100 000 asukasta"
    assert first.fields["title_sv"] == "Dödlighet / 100 000 invånare"
    assert first.fields["organization_en"] == "Statistics Finland"
    assert first.fields["value_type_code"] == "PER100000"
    assert first.fields["decimals"] == 1
    assert first.fields["genders"] == ["male", "female", "total"]
    assert (first.fields["range_start"], first.fields["range_end"]) == (1990, 2024)
    assert str(first.fields["data_updated"]) == "2025-04-29"
    assert first.metadata["groups"] == [188, 102]
    assert records[1].fields["decimals"] == 0


def test_indicator_metadata__one_object__read_as_one():
    log = ProblemLog()
    document = json.loads(METADATA_FILE.read_text())[1]

    records = parsers.indicator_metadata_parse(source(document), log=log)

    assert not log
    assert [record.sotkanet_id for record in records] == [322]


def test_indicator_metadata__truncated__refused():
    log = ProblemLog()

    parsers.indicator_metadata_parse(source(METADATA_FILE.read_bytes()[:5000]), log=log)

    assert [problem_text(p) for p in log.problems] == [
        "The file is cut short: it ends at element 1 before the list is closed."
    ]


def test_indicator_list__items__titles_and_producer():
    log = ProblemLog()
    items = [
        {
            "id": 5,
            "title": {"fi": "Yksi", "sv": "Ett"},
            "organization": {"id": 1, "title": {"fi": "THL"}},
        }
    ]

    records = parsers.indicator_list_parse(source(items), log=log)

    assert not log
    assert records[0].fields["title_en"] == "Yksi"  # falls back to Finnish
    assert records[0].fields["organization_fi"] == "THL"


def test_regions__file__read():
    log = ProblemLog()

    records = parsers.regions_parse(source(REGIONS_FILE.read_bytes()), log=log)

    assert not log
    assert [(r.id, r.code, r.category) for r in records][:2] == [
        (658, "SSS", "MAA"),
        (973, "19", "HYVINVOINTIALUE"),
    ]


def test_regions__bad_element__says_which():
    log = ProblemLog()
    regions = [
        {"id": 1, "title": {"fi": "A"}, "code": "1", "category": "KUNTA"},
        {"id": "x", "title": "B"},
    ]

    parsers.regions_parse(source(regions), log=log)

    assert [problem_text(p) for p in log.problems] == [
        "Element 2, field “id”: “x” is not a whole number.",
        "Element 2, field “category” is missing.",
    ]

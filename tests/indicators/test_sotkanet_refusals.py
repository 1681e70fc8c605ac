"""Files that once crashed the Sotkanet import (issue 11): too deeply nested JSON, numbers
too large to store, NaN and Infinity, invalid UTF-8, and metadata that does not hold
together (a reversed year range, no value type). Each is refused whole, with a reason that
says where, and nothing of it is written."""

import json

import pytest
from django.utils import translation

from elinvoima.actors.services import reference_data_load
from elinvoima.indicators.models import Indicator, Region
from elinvoima.indicators.sotkanet import parsers
from elinvoima.indicators.sotkanet.importing import (
    indicator_list_import,
    indicator_metadata_import,
    regions_import,
    values_import,
)
from elinvoima.indicators.sotkanet.problems import ImportRefused, ProblemLog, problem_text

from .test_sotkanet_helpers import METADATA_FILE, REGIONS_FILE, read_values, source, value

pytestmark = pytest.mark.both_databases

DEEP = "[" * 100_000
VALUE_FIELDS = '"region": 658, "year": 2021, "gender": "total", "value": 1'


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _metadata() -> list[dict]:
    return json.loads(METADATA_FILE.read_text())


def _with_extra_field(json_text: str) -> str:
    """The real metadata file with a field holding `json_text` added to its first element."""
    text = METADATA_FILE.read_text()
    changed = text.replace('"decimals": 1,', f'"decimals": 1, "extra": {json_text},', 1)
    assert changed != text
    return changed


def _problems(reader, content) -> list[str]:
    log = ProblemLog()
    reader(source(content), log=log)
    return [problem_text(problem) for problem in log.problems]


# --- JSON the decoder cannot take -----------------------------------------------------------


@pytest.mark.parametrize(
    "reader",
    [parsers.indicator_metadata_parse, parsers.indicator_list_parse, parsers.regions_parse],
)
def test_metadata_readers__deeply_nested_json__refused_not_crashed(reader):
    assert _problems(reader, DEEP) == [
        "The file is nested more than 20 levels deep; Sotkanet's files are not."
    ]


def test_indicator_metadata__nested_deeper_than_sotkanet_nests__refused():
    # Deep enough to crash storing it (JSONField) or quoting it, not the decoder.
    document = _metadata()[0]
    document["groups"] = json.loads("[" * 900 + "]" * 900)

    assert _problems(parsers.indicator_metadata_parse, [document]) == [
        "The file is nested more than 20 levels deep; Sotkanet's files are not."
    ]


@pytest.mark.parametrize(
    "content",
    [
        DEEP,
        "[" + json.dumps(value()) + "," + DEEP,
        '[{"indicator": ' + DEEP,
    ],
    ids=["whole-file", "after-an-element", "in-a-field"],
)
def test_values_json__deeply_nested__refused_not_crashed(content):
    rows, problems = read_values(content)

    assert rows == [] or len(rows) == 1
    assert len(problems) == 1
    assert "nested more than 20 levels deep" in problems[0]


def test_values_json__deep_field_within_the_decoders_limit__refused_not_crashed():
    content = '[{"indicator": ' + "[" * 950 + "]" * 950 + ", " + VALUE_FIELDS + "}]"

    rows, problems = read_values(content)

    assert rows == []
    assert problems == ["Element 1 is nested more than 20 levels deep; Sotkanet's files are not."]


def test_values_json__integer_too_long_to_read__refused_with_where():
    content = f'[{json.dumps(value())}, {{"indicator": {"9" * 5000}, {VALUE_FIELDS}}}]'

    rows, problems = read_values(content)

    assert problems == [
        "Element 2: the number “99999999999999999999…” is too large for Sotkanet's data."
    ]


def test_values_csv__integer_too_long_to_read__refused_with_row():
    content = "indicator;region;year;gender;value\n186;658;" + "2" * 5000 + ";total;1\n"

    rows, problems = read_values(content, kind="csv")

    assert rows == []
    assert problems == [
        "Row 2, field “year”: the number “22222222222222222222…” is too large for Sotkanet's data."
    ]


@pytest.mark.parametrize(
    ("number", "shown"),
    [("9" * 5000, "99999999999999999999…"), ("1e999", "1e999"), ("-1e400", "-1e400")],
)
def test_indicator_metadata__number_too_large__refused(number, shown):
    text = _with_extra_field(f"[{number}]")

    assert _problems(parsers.indicator_metadata_parse, text) == [
        f"The file: the number “{shown}” is too large for Sotkanet's data."
    ]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_indicator_metadata__nan_or_infinity__refused_naming_it(constant):
    text = _with_extra_field(constant)

    assert _problems(parsers.indicator_metadata_parse, text) == [
        f"The file: “{constant}” is not a number JSON allows."
    ]


def test_values_json__nan__refused_naming_it():
    rows, problems = read_values(f'[{json.dumps(value())}, {{"value": NaN, {VALUE_FIELDS}}}]')

    assert problems == ["Element 2: “NaN” is not a number JSON allows."]


@pytest.mark.parametrize(
    "reader",
    [parsers.indicator_metadata_parse, parsers.regions_parse, parsers.values_json_chunks],
)
def test_readers__invalid_utf8__refused(reader):
    content = b'[{"id": 1, "title": {"fi": "Vaala \xff"}}]'

    log = ProblemLog()
    list(reader(source(content), log=log) or [])

    assert [problem_text(p) for p in log.problems] == [
        "The file is not UTF-8 text; save it as UTF-8 and try again."
    ]


# --- whole imports: refused, nothing written ------------------------------------------------


@pytest.mark.parametrize(
    "importer", [indicator_metadata_import, indicator_list_import, regions_import]
)
def test_imports__deeply_nested_json__refused_nothing_written(db, importer):
    with pytest.raises(ImportRefused) as refused:
        importer(source=source(DEEP))

    assert "nested more than 20 levels deep" in refused.value.messages[0]
    assert not Indicator.objects.exists() and not Region.objects.exists()


def test_values_import__deeply_nested_json__refused(db):
    with pytest.raises(ImportRefused) as refused:
        values_import(source=source(DEEP), values_format="json")

    assert "nested more than 20 levels deep" in refused.value.messages[0]


@pytest.mark.parametrize("number", ["1e999", "9" * 40])
def test_indicator_metadata_import__huge_number_in_kept_metadata__refused(db, number):
    # The whole object is kept (Indicator.metadata): PostgreSQL's jsonb takes no Infinity.
    text = _with_extra_field(f"[{number}]")

    with pytest.raises(ImportRefused):
        indicator_metadata_import(source=source(text))

    assert not Indicator.objects.exists()


def test_indicator_metadata_import__id_beyond_the_column__refused(db):
    documents = _metadata()
    documents[1]["id"] = 2**31

    with pytest.raises(ImportRefused) as refused:
        indicator_metadata_import(source=source(documents))

    assert [problem_text(p) for p in refused.value.problems] == [
        f"Element 2, field “id”: “{2**31}” is not a Sotkanet id (1 to 2147483647)."
    ]
    assert not Indicator.objects.exists()


def test_regions_import__id_beyond_the_column__refused(db):
    reference_data_load()
    regions = json.loads(REGIONS_FILE.read_text())
    regions[0]["id"] = 10**12

    with pytest.raises(ImportRefused) as refused:
        regions_import(source=source(regions))

    assert [problem_text(p) for p in refused.value.problems] == [
        f"Element 1, field “id”: “{10**12}” is not a Sotkanet id (1 to 2147483647)."
    ]
    assert not Region.objects.exists()


# --- metadata that does not hold together ---------------------------------------------------


def test_indicator_metadata_import__range_start_after_end__refused_naming_element_and_field(db):
    documents = _metadata()
    documents[1]["range"] = {"start": 2024, "end": 1990}

    with pytest.raises(ImportRefused) as refused:
        indicator_metadata_import(source=source(documents))

    assert [problem_text(p) for p in refused.value.problems] == [
        "Element 2, field “range”: the first year 2024 is after the last year 1990."
    ]
    assert not Indicator.objects.exists()


def test_indicator_metadata__range_of_one_year__accepted():
    document = _metadata()[0]
    document["range"] = {"start": 2020, "end": 2020}

    assert _problems(parsers.indicator_metadata_parse, [document]) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"primaryValueType": None},
            "Element 2, field “primaryValueType” is missing.",
        ),
        (
            {"primaryValueType": {"code": None, "title": {"fi": "Prosentti"}}},
            "Element 2, field “primaryValueType.code” is missing.",
        ),
        (
            {"primaryValueType": "PER100000"},
            "Element 2, field “primaryValueType”: expected an object { … }, found “PER100000”.",
        ),
        (
            {"range": [1990, 2024]},
            "Element 2, field “range”: expected an object { … }, found “[1990, 2024]”.",
        ),
    ],
    ids=["null-value-type", "null-code", "value-type-not-object", "range-not-object"],
)
def test_indicator_metadata_import__value_type_or_range_wrong__refused(db, change, expected):
    documents = _metadata()
    documents[1].update(change)

    with pytest.raises(ImportRefused) as refused:
        indicator_metadata_import(source=source(documents))

    assert [problem_text(p) for p in refused.value.problems] == [expected]
    assert not Indicator.objects.exists()


def test_indicator_metadata__value_type_left_out__refused():
    document = _metadata()[0]
    del document["primaryValueType"]

    assert _problems(parsers.indicator_metadata_parse, [document]) == [
        "Element 1, field “primaryValueType” is missing."
    ]


@pytest.mark.parametrize(
    ("escape", "shown"),
    [("\\u0000", "U+0000"), ("\\ud800", "U+D800"), ("\\udfff", "U+DFFF")],
    ids=["nul", "lone-high-surrogate", "lone-low-surrogate"],
)
@pytest.mark.parametrize("where", ["title", "key"])
def test_indicator_metadata_import__character_no_database_stores__refused(db, escape, shown, where):
    # JSON can escape them; neither PostgreSQL's text nor UTF-8 can hold them.
    text = METADATA_FILE.read_text()
    if where == "title":
        changed = text.replace('"fi": "Kuolleisuus / 100', f'"fi": "Kuolleisuus{escape} / 100', 1)
    else:
        changed = text.replace('"decimals": 1,', f'"decimals": 1, "x{escape}": 1,', 1)
    assert changed != text

    with pytest.raises(ImportRefused) as refused:
        indicator_metadata_import(source=source(changed))

    assert [problem_text(p) for p in refused.value.problems] == [
        f"The file holds the character {shown}, which cannot be stored; remove it."
    ]
    assert not Indicator.objects.exists()


def test_regions_import__nul_in_a_title__refused(db):
    regions = json.loads(REGIONS_FILE.read_text())
    regions[2]["title"]["sv"] = "Vaala\u0000"

    with pytest.raises(ImportRefused):
        regions_import(source=source(regions))

    assert not Region.objects.exists()

"""Property-based tests: the readers of Sotkanet's formats fed random, valid and mangled
input. Whatever comes in, a reader never crashes: it reads the file or says what is wrong,
and it never accepts a file that is not what it claims to be."""

import json
from unittest import mock

from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elinvoima.indicators.sotkanet import parsers
from elinvoima.indicators.sotkanet.problems import ProblemLog

from .test_sotkanet_helpers import read_values, source

# No example database: it would leave a .hypothesis directory in the checkout.
FAST = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

values_rows = st.lists(
    st.fixed_dictionaries(
        {
            "indicator": st.integers(1, 10_000),
            "region": st.integers(1, 100_000),
            "year": st.integers(parsers.YEAR_MIN, parsers.YEAR_MAX),
            "gender": st.sampled_from(sorted(parsers.GENDERS)),
            "value": st.floats(-1e12, 1e12, allow_nan=False) | st.integers(-(10**9), 10**9),
        },
        optional={"absValue": st.floats(0, 1e9) | st.integers(0, 10**9) | st.none()},
    ),
    max_size=30,
)
chunk_sizes = st.integers(1, 200)


def _expected(rows: list[dict]) -> list[tuple]:
    return [
        (
            row["indicator"],
            row["region"],
            row["year"],
            row["gender"],
            float(row["value"]),
            None if row.get("absValue") is None else float(row["absValue"]),
        )
        for row in rows
    ]


@FAST
@given(st.binary(max_size=300))
def test_values_readers__random_bytes__never_crash(content):
    for kind in ("json", "csv"):
        rows, problems = read_values(content, kind=kind)
        assert rows == [] or problems == [] or isinstance(problems[0], str)


@FAST
@given(st.text(alphabet='[]{},:"0123456789.-eE ;\ntruefalsnul\\', max_size=300), chunk_sizes)
def test_values_json__json_like_text__never_crashes_never_accepts_invalid(text, chunk):
    with mock.patch.object(parsers, "CHUNK_CHARS", chunk):
        rows, problems = read_values(text)
    if not problems:
        decoded = json.loads(text)  # accepted only what is a valid JSON list
        assert isinstance(decoded, list)
        assert rows == _expected(decoded)


@FAST
@given(values_rows, chunk_sizes, st.sampled_from([None, 1, 2]))
def test_values_json__valid_file__read_exactly(rows, chunk, indent):
    text = json.dumps(rows, indent=indent)

    with mock.patch.object(parsers, "CHUNK_CHARS", chunk):
        read, problems = read_values(text)

    assert problems == []
    assert read == _expected(rows)


@FAST
@given(values_rows.filter(bool), st.data())
def test_values_json__cut_short__always_refused(rows, data):
    text = json.dumps(rows)
    cut = data.draw(st.integers(1, len(text) - 1))

    read, problems = read_values(text[:cut])

    assert problems, f"a cut-short file was accepted: {text[:cut]!r}"


@FAST
@given(values_rows.filter(bool), st.data())
def test_values_json__one_character_changed__refused_or_still_valid(rows, data):
    text = json.dumps(rows)
    position = data.draw(st.integers(0, len(text) - 1))
    character = data.draw(st.characters(codec="utf-8", exclude_categories=["Cs"]))
    mangled = text[:position] + character + text[position + 1 :]

    read, problems = read_values(mangled)

    if not problems:
        assert read == _expected(json.loads(mangled))


@FAST
@given(values_rows, st.booleans())
def test_values_csv__valid_file__read_exactly(rows, decimal_comma):
    def number(value) -> str:
        text = repr(float(value)) if isinstance(value, float) else str(value)
        return text.replace(".", ",") if decimal_comma else text

    lines = ["indicator;region;year;gender;primary value;absolute value"]
    for row in rows:
        abs_value = row.get("absValue")
        lines.append(
            f"{row['indicator']};{row['region']};{row['year']};{row['gender']};"
            f"{number(row['value'])};{'' if abs_value is None else number(abs_value)}"
        )

    read, problems = read_values("\n".join(lines) + "\n", kind="csv")

    assert problems == []
    assert read == _expected(rows)


@FAST
@given(values_rows.filter(bool), st.sampled_from([",", "\t", "|"]))
def test_values_csv__other_separator__refused(rows, separator):
    header = separator.join(["indicator", "region", "year", "gender", "value"])
    body = [
        separator.join(
            str(row[name]) for name in ("indicator", "region", "year", "gender", "value")
        )
        for row in rows
    ]

    with translation.override("en"):
        read, problems = read_values("\n".join([header, *body]), kind="csv")

    assert read == []
    assert "Sotkanet's CSV uses “;”" in problems[0] or "Row 1" in problems[0]


@FAST
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "id",
                        "title",
                        "code",
                        "category",
                        "fi",
                        "sv",
                        "organization",
                        "range",
                        "decimals",
                        "data-updated",
                    ]
                ),
                children,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_metadata_readers__any_json__never_crash(document):
    for reader in (
        parsers.regions_parse,
        parsers.indicator_list_parse,
        parsers.indicator_metadata_parse,
    ):
        log = ProblemLog()
        records = reader(source(json.dumps(document)), log=log)
        assert isinstance(records, list)

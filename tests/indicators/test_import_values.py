"""Importing Sotkanet values: upsert on (indicator, region, year, gender), the same file
twice changes nothing, and a file with anything wrong is refused whole, writing nothing.
Runs on SQLite and on PostgreSQL (COPY into a staging table and one upsert)."""

import json

import pytest
from django.db import connection
from django.utils import translation

from elinvoima.actors.services import reference_data_load
from elinvoima.indicators.models import IndicatorValue
from elinvoima.indicators.sotkanet.importing import (
    indicator_metadata_import,
    regions_import,
    values_import,
)
from elinvoima.indicators.sotkanet.problems import ImportRefused, problem_text
from elinvoima.indicators.sotkanet.writers import STAGING

from .test_sotkanet_helpers import (
    METADATA_FILE,
    REGIONS_FILE,
    VALUES_CSV_FILE,
    VALUES_JSON_FILE,
    source,
    value,
)

pytestmark = pytest.mark.both_databases


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(db):
    """Municipalities and counties, Sotkanet's regions and indicators 186 and 322."""
    reference_data_load()
    with REGIONS_FILE.open("rb") as regions:
        regions_import(source=regions)
    with METADATA_FILE.open("rb") as metadata:
        indicator_metadata_import(source=metadata)


def _values() -> set[tuple]:
    return set(
        IndicatorValue.objects.values_list(
            "indicator__sotkanet_id", "region_id", "year", "gender", "value", "abs_value"
        )
    )


def _import(content, values_format="json"):
    return values_import(source=source(content), values_format=values_format)


def test_values_import__json_file__all_rows_added(catalogue):
    with VALUES_JSON_FILE.open("rb") as values:
        summary = values_import(source=values, values_format="json")

    assert (summary.total, summary.added, summary.changed, summary.unchanged) == (108, 108, 0, 0)
    assert IndicatorValue.objects.count() == 108
    first = json.loads(VALUES_JSON_FILE.read_text())[0]
    assert (186, 658, 2021, "total", first["value"], first["absValue"]) in _values()


def test_values_import__same_file_twice__nothing_changes(catalogue):
    with VALUES_JSON_FILE.open("rb") as values:
        values_import(source=values, values_format="json")
    before = _values()

    with VALUES_JSON_FILE.open("rb") as values:
        summary = values_import(source=values, values_format="json")

    assert (summary.added, summary.changed, summary.unchanged) == (0, 0, 108)
    assert _values() == before


def test_values_import__csv_of_the_same_values__nothing_changes(catalogue):
    with VALUES_JSON_FILE.open("rb") as values:
        values_import(source=values, values_format="json")

    with VALUES_CSV_FILE.open("rb") as values:
        summary = values_import(source=values, values_format="csv")

    assert (summary.added, summary.changed, summary.unchanged) == (0, 0, 108)


def test_values_import__changed_and_new_values__counted(catalogue):
    _import([value(year=2021, value=1.0), value(year=2022, value=2.0, absValue=5)])

    summary = _import(
        [
            value(year=2021, value=1.0),  # the same
            value(year=2022, value=2.0, absValue=6),  # the absolute value changed
            value(year=2023, value=3.0),  # new
        ]
    )

    assert (summary.added, summary.changed, summary.unchanged) == (1, 1, 1)
    assert IndicatorValue.objects.get(year=2022).abs_value == 6.0


def test_values_import__unchanged_rows__not_rewritten(catalogue):
    if connection.vendor != "postgresql":
        pytest.skip("xmin, the row version, is PostgreSQL's")
    _import([value(year=2021), value(year=2022)])
    with connection.cursor() as cursor:
        cursor.execute("SELECT year, xmin::text FROM indicators_indicatorvalue ORDER BY year")
        before = cursor.fetchall()

    _import([value(year=2021), value(year=2022, value=99.0)])

    with connection.cursor() as cursor:
        cursor.execute("SELECT year, xmin::text FROM indicators_indicatorvalue ORDER BY year")
        after = cursor.fetchall()
    assert after[0] == before[0], "an unchanged row was rewritten"
    assert after[1] != before[1]


def test_values_import__postgresql__staging_table_gone_afterwards(catalogue):
    if connection.vendor != "postgresql":
        pytest.skip("the staging table is PostgreSQL's")
    _import([value()])

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [f"pg_temp.{STAGING}"])
        assert cursor.fetchone()[0] is None


def test_values_import__empty_list__nothing_to_do(catalogue):
    summary = _import([])

    assert (summary.total, summary.added) == (0, 0)


def test_values_import__progress__reported_in_steps(catalogue):
    calls = []
    with VALUES_JSON_FILE.open("rb") as values:
        values_import(
            source=values, values_format="json", progress=lambda *call: calls.append(call)
        )

    assert calls[0] == (0, 108)
    assert calls[-1] == (108, 108)
    assert len(calls) < 10


BAD_FILES = {
    "unknown indicator": (
        [value(year=2021), value(indicator=9999, year=2022)],
        "Element 2, field “indicator”: indicator 9999 is not in the catalogue",
    ),
    "unknown region": (
        [value(year=2021), value(region=4242, year=2022)],
        "Element 2, field “region”: region 4242 is not known",
    ),
    "non-numeric value": (
        [value(year=2021), value(year=2022, value="12,5")],
        "Element 2, field “value”: “12,5” is not a number.",
    ),
    "duplicate row": (
        [value(year=2021), value(year=2022), value(year=2021, value=3.0)],
        "Element 3 repeats an earlier one: indicator 186, region 658, year 2021, gender total",
    ),
    "truncated JSON": (
        json.dumps([value(year=2021), value(year=2022)])[:-20],
        "The file is cut short: it ends at element 2",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_values_import__bad_json__refused_and_nothing_written(catalogue, case):
    content, message = BAD_FILES[case]
    _import([value(year=2021, value=7.0)])
    before = _values()

    with pytest.raises(ImportRefused) as refused:
        _import(content)

    assert message in problem_text(refused.value.problems[0])
    assert refused.value.rejected >= 1
    assert _values() == before


BAD_CSV = {
    "wrong separator": (
        "indicator,region,year,gender,value\n186,658,2022,total,1\n",
        "Row 1: the columns are separated by “,”",
    ),
    "wrong columns": (
        "indicator;region;year;gender;amount\n186;658;2022;total;1\n",
        "Row 1: unknown columns amount",
    ),
    "short row": (
        "indicator;region;year;gender;value\n186;658;2022;total;1\n186;658;2023;total\n",
        "Row 3 has 4 columns; the header has 5.",
    ),
    "non-numeric value": (
        "indicator;region;year;gender;value\n186;658;2022;total;1\n186;658;2023;total;n/a\n",
        "Row 3, field “value”: “n/a” is not a number.",
    ),
    "duplicate row": (
        "indicator;region;year;gender;value\n186;658;2022;total;1\n186;658;2022;total;2\n",
        "Row 3 repeats an earlier one",
    ),
}


@pytest.mark.parametrize("case", list(BAD_CSV))
def test_values_import__bad_csv__refused_and_nothing_written(catalogue, case):
    content, message = BAD_CSV[case]

    with pytest.raises(ImportRefused) as refused:
        _import(content, "csv")

    assert message in problem_text(refused.value.problems[0])
    assert IndicatorValue.objects.count() == 0


def test_values_import__many_problems__first_ones_kept_all_counted(catalogue):
    content = [value(year=2000 + n, value="x") for n in range(30)]

    with pytest.raises(ImportRefused) as refused:
        _import(content)

    assert refused.value.rejected == 30
    assert len(refused.value.problems) == 21
    assert problem_text(refused.value.problems[-1]) == "… and 10 more problems."


def test_values_import__problem_in_a_later_chunk__nothing_written(catalogue, monkeypatch):
    from elinvoima.indicators.sotkanet import parsers

    monkeypatch.setattr(parsers, "CHUNK_CHARS", 200)  # many chunks, written as they come
    content = [value(year=2000 + n) for n in range(40)] + [value(region=4242)]

    with pytest.raises(ImportRefused):
        _import(content)

    assert IndicatorValue.objects.count() == 0


def test_values_import__an_indicator_removed_while_reading__refused_nothing_written(
    catalogue, monkeypatch
):
    """The values' keys are not database foreign keys (migration indicators 0006): the
    writer checks once, under its lock, that the file's indicators and regions are still
    there. One deleted after the file was checked refuses the whole file."""
    from elinvoima.indicators.models import Indicator
    from elinvoima.indicators.sotkanet import writers

    def deleting_first(original):
        def finish(writer):
            Indicator.objects.filter(sotkanet_id=186).delete()  # by an admin, meanwhile
            return original(writer)

        return finish

    for writer_class in (writers.PostgresValuesWriter, writers.SqliteValuesWriter):
        monkeypatch.setattr(writer_class, "finish", deleting_first(writer_class.finish))
    with pytest.raises(ImportRefused) as refused, VALUES_JSON_FILE.open("rb") as values:
        values_import(source=values, values_format="json")
    assert [problem.code for problem in refused.value.problems] == ["keys_deleted"]
    assert "removed while the file was being imported" in problem_text(refused.value.problems[0])
    assert IndicatorValue.objects.count() == 0

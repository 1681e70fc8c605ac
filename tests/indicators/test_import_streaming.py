"""The PostgreSQL values import as the import task runs it, outside any transaction: the
rows are written by a thread on a connection of its own while the file is read, in a
transaction that only a sound file commits (indicators/sotkanet/writers.py). The other
import tests run inside the test's transaction, where the same writes run inline."""

import threading

import pytest
from django.db import connection
from django.utils import translation

from elinvoima.actors.services import reference_data_load
from elinvoima.indicators.models import Indicator, IndicatorValue
from elinvoima.indicators.sotkanet import importing, parsers, writers
from elinvoima.indicators.sotkanet.importing import (
    indicator_metadata_import,
    regions_import,
    values_import,
)
from elinvoima.indicators.sotkanet.problems import ImportRefused

from .test_sotkanet_helpers import METADATA_FILE, REGIONS_FILE, source, value

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(transactional_db):
    reference_data_load()
    with REGIONS_FILE.open("rb") as regions:
        regions_import(source=regions)
    with METADATA_FILE.open("rb") as metadata:
        indicator_metadata_import(source=metadata)


@pytest.fixture
def writer_threads(monkeypatch) -> list[str]:
    """The names of the threads that wrote chunks."""
    names: list[str] = []
    add = writers._PostgresWrite.add

    def spying(write, rows):
        names.append(threading.current_thread().name)
        return add(write, rows)

    monkeypatch.setattr(writers._PostgresWrite, "add", spying)
    return names


def _import(content):
    assert not connection.in_atomic_block
    return values_import(source=source(content), values_format="json")


def _advisory_locks_held() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
        return cursor.fetchone()[0]


def test_values_import__outside_a_transaction__written_by_the_writer_thread(
    catalogue, writer_threads
):
    summary = _import([value(year=2020), value(year=2021), value(indicator=322, year=2021)])

    assert (summary.added, summary.changed, summary.unchanged) == (3, 0, 0)
    assert writer_threads == ["sotkanet-values-writer"]
    assert IndicatorValue.objects.count() == 3
    assert _advisory_locks_held() == 0


def test_values_import__next_years_file__new_added_differing_updated_same_untouched(
    catalogue, writer_threads
):
    _import([value(year=2020), value(year=2021, value=1.0)])
    with connection.cursor() as cursor:
        cursor.execute("SELECT year, xmin::text FROM indicators_indicatorvalue ORDER BY year")
        before = dict(cursor.fetchall())

    # 186: one the same, one changed, one new (staged and upserted); 322: new (straight in).
    summary = _import(
        [
            value(year=2020),
            value(year=2021, value=2.0),
            value(year=2022),
            value(indicator=322, year=2022),
        ]
    )

    assert (summary.added, summary.changed, summary.unchanged) == (2, 1, 1)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT v.year, v.xmin::text FROM indicators_indicatorvalue v "
            "JOIN indicators_indicator i ON i.id = v.indicator_id WHERE i.sotkanet_id = 186 "
            "ORDER BY year"
        )
        after = dict(cursor.fetchall())
    assert after[2020] == before[2020], "an unchanged row was rewritten"
    assert after[2021] != before[2021]
    assert IndicatorValue.objects.get(indicator__sotkanet_id=186, year=2021).value == 2.0
    assert IndicatorValue.objects.count() == 4


def test_values_import__problem_after_chunks_were_written__rolled_back_lock_released(
    catalogue, writer_threads, monkeypatch
):
    monkeypatch.setattr(parsers, "CHUNK_CHARS", 200)  # many chunks, written as they come
    content = [value(year=2000 + n) for n in range(40)] + [value(region=4242)]

    with pytest.raises(ImportRefused):
        _import(content)

    assert len(writer_threads) > 1, "the chunks before the problem were written"
    assert IndicatorValue.objects.count() == 0
    assert _advisory_locks_held() == 0
    assert _import([value()]).added == 1  # the next import is not held up


def test_values_import__indicator_deleted_before_the_writer_locks_it__refused(
    catalogue, monkeypatch
):
    values_writer = importing.values_writer

    def deleting_first(database):
        Indicator.objects.filter(sotkanet_id=186).delete()  # by an admin, meanwhile
        return values_writer(database)

    monkeypatch.setattr(importing, "values_writer", deleting_first)

    with pytest.raises(ImportRefused) as refused:
        _import([value(indicator=322), value(indicator=186)])

    assert [problem.code for problem in refused.value.problems] == ["keys_deleted"]
    assert IndicatorValue.objects.count() == 0
    assert _advisory_locks_held() == 0

"""Two importers of one Sotkanet file at once, on PostgreSQL with two real connections
(issue 11): the second waits for the first to commit and then finds nothing to change,
rather than both inserting the same rows and the second failing on the unique constraint.
(SQLite takes its one write lock at the start of each transaction: settings, IMMEDIATE.)"""

import json
import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections
from django.db.models import QuerySet

from elinvoima.indicators.models import Indicator, Region
from elinvoima.indicators.sotkanet.importing import indicator_metadata_import, regions_import

from .test_sotkanet_helpers import METADATA_FILE, REGIONS_FILE, source

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 30  # seconds: only ever reached when the test is failing


def _waiting_on_a_lock() -> int:
    """How many other connections of this database wait on a lock."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@pytest.mark.parametrize(
    ("importer", "content", "model"),
    [
        (indicator_metadata_import, METADATA_FILE.read_bytes(), Indicator),
        (regions_import, REGIONS_FILE.read_bytes(), Region),
    ],
    ids=["metadata", "regions"],
)
def test_import__same_file_twice_at_once__second_waits_then_changes_nothing(
    importer, content, model
):
    if connection.vendor != "postgresql":
        pytest.skip("row and advisory locks between connections: PostgreSQL")
    expected = len(json.loads(content))
    first_wrote, go_on = threading.Event(), threading.Event()
    real_bulk_create = QuerySet.bulk_create
    results: dict[str, object] = {}

    def bulk_create(queryset, objs, *args, **kwargs):
        created = real_bulk_create(queryset, objs, *args, **kwargs)
        if queryset.model is model and objs and not first_wrote.is_set():
            # The first import has written its rows and holds its transaction open.
            first_wrote.set()
            go_on.wait(TIMEOUT)
        return created

    def run(name: str) -> None:
        try:
            results[name] = importer(source=source(content))
        except Exception as error:  # noqa: BLE001 (the test asserts what it was)
            results[name] = error
        finally:
            connections.close_all()

    with mock.patch.object(QuerySet, "bulk_create", bulk_create):
        first = threading.Thread(target=run, args=("first",))
        first.start()
        assert first_wrote.wait(TIMEOUT)
        second = threading.Thread(target=run, args=("second",))
        second.start()
        deadline = time.monotonic() + TIMEOUT
        while not _waiting_on_a_lock():  # the second import is held up…
            assert time.monotonic() < deadline, "the second import did not wait"
            second.join(0.01)
            assert second.is_alive(), f"the second import did not wait: {results}"
        go_on.set()  # …until the first commits
        first.join(TIMEOUT)
        second.join(TIMEOUT)

    summaries = [results["first"], results["second"]]
    assert not any(isinstance(summary, Exception) for summary in summaries), summaries
    assert [(s.added, s.changed, s.unchanged) for s in summaries] == [
        (expected, 0, 0),
        (0, 0, expected),
    ], summaries
    assert model.objects.count() == expected

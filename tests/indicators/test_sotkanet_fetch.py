"""Fetching from Sotkanet's REST API, against a local HTTP server that the test starts
(the machine has no network to sotkanet.fi): retries with back-off, the polite rate, the
User-Agent, Sotkanet's repeated `years` and `genders` parameters, and `--fetch`."""

import contextlib
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from elinvoima.indicators.enums import ImportStatus
from elinvoima.indicators.models import ImportJob, Indicator, IndicatorValue, Region
from elinvoima.indicators.sotkanet.client import (
    SotkanetClient,
    SotkanetFetchError,
    values_params,
)

from .test_sotkanet_helpers import METADATA_FILE, REGIONS_FILE, VALUES_JSON_FILE

pytestmark = pytest.mark.both_databases

PREFIX = "/rest/1.1/"


class FakeSotkanet(BaseHTTPRequestHandler):
    """Answers like Sotkanet from the test data; the first request of all gets a 503."""

    server: "FakeServer"

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        self.server.seen.append((url.path, query, self.headers.get("User-Agent"), time.monotonic()))
        path = url.path.removeprefix(PREFIX)
        if len(self.server.seen) == 1 or path == "always-failing":
            return self._answer(503, b"busy", retry_after="0")
        if path == "slow":
            # Answers only after the client has given up (the test's end), never in time.
            self.server.released.wait(timeout=5)
            return self._answer(200, b"[]")
        if path == "regions":
            return self._answer(200, REGIONS_FILE.read_bytes())
        if path.startswith("indicators/"):
            wanted = int(path.split("/")[1])
            documents = json.loads(METADATA_FILE.read_text())
            found = [document for document in documents if document["id"] == wanted]
            return (
                self._answer(200, json.dumps(found[0]).encode())
                if found
                else self._answer(404, b"")
            )
        if path == "json":
            years = {int(year) for year in query.get("years", [])}
            genders = set(query.get("genders", []))
            indicator = int(query["indicator"][0])
            rows = [
                row
                for row in json.loads(VALUES_JSON_FILE.read_text())
                if row["indicator"] == indicator
                and row["year"] in years
                and row["gender"] in genders
            ]
            return self._answer(200, json.dumps(rows).encode())
        return self._answer(404, b"not found")

    def _answer(self, status: int, body: bytes, retry_after: str | None = None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if retry_after is not None:
            self.send_header("Retry-After", retry_after)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up (the timeout test)
            self.wfile.write(body)

    def log_message(self, *args):
        pass  # quiet


class FakeServer(ThreadingHTTPServer):
    seen: list
    released: threading.Event


@pytest.fixture
def sotkanet():
    server = FakeServer(("127.0.0.1", 0), FakeSotkanet)
    server.seen = []
    server.released = threading.Event()
    # A short poll: shutdown() waits for it (half a second by default) at every teardown.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.released.set()
        server.shutdown()
        server.server_close()


def _client(base_url: str, **options) -> SotkanetClient:
    return SotkanetClient(
        base_url=base_url,
        **{"min_interval": 0.05, "backoff": 0.01, "retries": 3, "timeout": 5, **options},
    )


def test_client__503_first__retried_and_answered(sotkanet):
    server, base_url = sotkanet
    answer = io.BytesIO()

    url = _client(base_url).download("regions", answer)

    assert url == base_url + "regions"
    assert json.loads(answer.getvalue()) == json.loads(REGIONS_FILE.read_text())
    assert [seen[0] for seen in server.seen] == [PREFIX + "regions"] * 2
    assert all(seen[2].startswith("Elinvoima") for seen in server.seen)


class _FakeTime:
    """The client's clock and sleep: time passes only when the client sleeps, so the test
    sees the spacing the client keeps, not how the machine happened to schedule threads."""

    def __init__(self) -> None:
        self.now = 1000.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_client__polite_rate__requests_spaced(sotkanet):
    server, base_url = sotkanet
    fake = _FakeTime()
    starts = []

    class Recording(SotkanetClient):
        def _wait_turn(self):
            super()._wait_turn()
            starts.append(fake.now)

    client = Recording(
        base_url=base_url,
        min_interval=0.2,
        backoff=0.01,
        retries=3,
        timeout=5,
        sleep=fake.sleep,
        clock=fake.clock,
    )
    for path in ("regions", "indicators/186", "indicators/322"):
        client.download(path, io.BytesIO())

    assert len(server.seen) == len(starts) == 4  # one retry
    assert starts[0] == 1000.0  # the first request does not wait
    gaps = [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)]
    assert gaps == pytest.approx([0.2, 0.2, 0.2])


def test_client__back_off__doubles_each_time(sotkanet):
    _server, base_url = sotkanet
    waits = []
    client = _client(base_url, backoff=1.0, retries=3, min_interval=0, sleep=waits.append)

    with pytest.raises(SotkanetFetchError) as failure:
        client.download("always-failing", io.BytesIO())

    assert failure.value.reason == "HTTP 503"
    assert waits == [1.0, 2.0, 4.0]


def test_client__not_found__not_retried(sotkanet):
    server, base_url = sotkanet
    client = _client(base_url)
    client.download("regions", io.BytesIO())  # uses up the first request's 503

    with pytest.raises(SotkanetFetchError, match="HTTP 404"):
        client.download("indicators/1", io.BytesIO())

    assert [seen[0] for seen in server.seen].count(PREFIX + "indicators/1") == 1


def test_client__timeout__retried_then_given_up(sotkanet):
    server, base_url = sotkanet
    client = _client(base_url, timeout=0.3, retries=1)
    client.download("regions", io.BytesIO())

    with pytest.raises(SotkanetFetchError):
        client.download("slow", io.BytesIO())

    assert [seen[0] for seen in server.seen].count(PREFIX + "slow") == 2


def test_values_params__repeated_years_and_genders():
    client = SotkanetClient(base_url="https://sotkanet.fi/rest/1.1/")

    url = client.url(
        "json", values_params(indicator=186, years=[2022, 2023], genders=["total", "male"])
    )

    assert url == (
        "https://sotkanet.fi/rest/1.1/json?indicator=186&years=2022&years=2023"
        "&genders=total&genders=male"
    )


def test_import_sotkanet_fetch__regions_metadata_values_imported(db, sotkanet):
    server, base_url = sotkanet
    output = io.StringIO()

    call_command(
        "import_sotkanet",
        "--fetch",
        "--base-url", base_url,
        "--indicator", "186",
        "--indicator", "322",
        "--year", "2021",
        "--year", "2022",
        "--gender", "total",
        "--interval", "0.01",
        "--backoff", "0.01",
        stdout=output,
    )  # fmt: skip

    assert Region.objects.count() == 7
    assert set(Indicator.objects.values_list("sotkanet_id", flat=True)) == {186, 322}
    assert IndicatorValue.objects.count() == 2 * 6 * 2  # indicators × regions × years
    assert set(IndicatorValue.objects.values_list("gender", flat=True)) == {"total"}
    values_requests = [seen[1] for seen in server.seen if seen[0] == PREFIX + "json"]
    assert values_requests[0] == {
        "indicator": ["186"],
        "years": ["2021", "2022"],
        "genders": ["total"],
    }
    jobs = ImportJob.objects.order_by("pk")
    assert [job.kind for job in jobs] == [
        "regions",
        "indicator_metadata",
        "indicator_metadata",
        "values_json",
        "values_json",
    ]
    assert {job.status for job in jobs} == {ImportStatus.SUCCEEDED}
    assert jobs.last().original_name.startswith(base_url + "json?indicator=322")


def test_import_sotkanet_files__refused_file__command_fails(db, tmp_path):
    bad = tmp_path / "values.json"
    bad.write_text('[{"indicator": 186, "region": 658, "year": 2021')

    with pytest.raises(CommandError, match="nothing of it was written"), translation.override("en"):
        call_command("import_sotkanet", "--values", str(bad), stderr=io.StringIO())

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED
    assert job.messages[0]["code"] == "json_truncated"


def test_import_sotkanet_files__in_order__imported(db):
    output = io.StringIO()

    with translation.override("en"):
        call_command(
            "import_sotkanet",
            "--values", str(VALUES_JSON_FILE),
            "--metadata", str(METADATA_FILE),
            "--regions", str(REGIONS_FILE),
            stdout=output,
        )  # fmt: skip

    assert IndicatorValue.objects.count() == 108
    assert "values.json: 108 rows, 108 added" in output.getvalue()

"""plan_page_gunicorn: the plan page served by gunicorn with production settings on loopback,
under 20 concurrent clients — the start of the load test the hardening work will grow.

The server: `gunicorn config.wsgi` with ELINVOIMA_ENV=production (DEBUG off, static files
collected and served by WhiteNoise, secure cookies; the clients say they came through the
TLS proxy with `X-Forwarded-Proto: https`), 2 sync workers (one per core), on a free port.
A: 20 clients request the plan page of plan_page_pg (Tampere's newest plan, anonymous) as
   fast as the server answers them, for PHASE_SECONDS; each request on a new connection, as
   gunicorn's sync workers close every connection.
B: the same 20 clients on `/healthz` (one query), for as long: what the server, its workers
   and the clients cost per request whatever the page.
A and B alternate, 15 pairs after a warm-up pair. The value is A's requests per second
(the median over the pairs), the ratio B's rate over A's; p50 and p95 of each request's
time, over all pairs, end the line. The clients run on the same two cores as the server,
so the figures are a floor for what a separate load generator would see.
"""

import asyncio
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from .harness import PAIRS, Result, progress, rate_result
from .plan_page import bench_plan_with_data

NAME = "plan_page_gunicorn"
CLIENTS = 20
PHASE_SECONDS = 4.0
WORKERS = 2
HOST = "127.0.0.1"


def plan_page_gunicorn() -> Result:
    plan = bench_plan_with_data()
    path = f"/fi/plans/{plan.pk}/"
    port = _free_port()
    environment = _production_environment()
    subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=environment,
        cwd=settings.BASE_DIR,
        check=True,
    )
    server = subprocess.Popen(  # noqa: S603 (gunicorn from the virtualenv)
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        env=environment,
        cwd=settings.BASE_DIR,
    )
    try:
        _wait_until_up(port)
        for target in (path, "/healthz"):
            status = asyncio.run(_request(port, target))[0]
            if status != 200:
                raise RuntimeError(f"{target} answered {status} under gunicorn")
        a_rates, b_rates, a_times, b_times = [], [], [], []
        for index in range(PAIRS + 1):
            a_count, a_latencies = asyncio.run(_load(port, path))
            b_count, b_latencies = asyncio.run(_load(port, "/healthz"))
            if index == 0:
                progress(f"{NAME}: warm-up {a_count} pages, {b_count} /healthz")
                continue
            a_rates.append(PHASE_SECONDS / a_count)  # seconds per request: ratios of times
            b_rates.append(PHASE_SECONDS / b_count)
            a_times.extend(a_latencies)
            b_times.extend(b_latencies)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latency = (
        f"page p50 {_percentile(a_times, 50):.1f} ms, p95 {_percentile(a_times, 95):.1f} ms; "
        f"/healthz p50 {_percentile(b_times, 50):.1f} ms, p95 {_percentile(b_times, 95):.1f} ms"
    )
    result = rate_result(
        NAME,
        a_rates,
        b_rates,
        count=1,
        unit="requests/s",
        baseline="/healthz under the same load",
        notes=f"GET {path}, {CLIENTS} clients, {WORKERS} gunicorn workers, "
        f"{PHASE_SECONDS:.0f} s per phase; {latency}",
    )
    result.extra = latency
    return result


def _production_environment() -> dict[str, str]:
    return {
        **os.environ,
        "ELINVOIMA_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start within 60 s")


async def _request(port: int, path: str) -> tuple[int, float]:
    """One GET on a new connection, read to its end: (status, milliseconds)."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(HOST, port)
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nX-Forwarded-Proto: https\r\n"
        "Accept-Language: fi\r\nConnection: close\r\n\r\n".encode()
    )
    await writer.drain()
    response = await reader.read()
    writer.close()
    status = int(response[9:12]) if response.startswith(b"HTTP/1.") else 0
    return status, (time.perf_counter() - started) * 1000


async def _load(port: int, path: str) -> tuple[int, list[float]]:
    """CLIENTS clients, each requesting `path` again as soon as it has the answer, for
    PHASE_SECONDS: the requests answered and each one's time."""
    deadline = time.perf_counter() + PHASE_SECONDS
    latencies: list[float] = []

    async def client():
        while time.perf_counter() < deadline:
            status, milliseconds = await _request(port, path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status} under load")
            latencies.append(milliseconds)

    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return len(latencies), latencies


def _percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]

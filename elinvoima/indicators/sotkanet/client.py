"""Fetching from Sotkanet's REST API (`https://sotkanet.fi/rest/1.1/`), politely: at most
two requests a second, a timeout, a User-Agent that says who asks, and retries with
exponential back-off when Sotkanet is busy (429) or failing (5xx, network errors).

The answers are written to files and imported exactly as uploaded files are."""

import shutil
import time
from collections.abc import Callable, Iterable
from typing import BinaryIO
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urljoin
from urllib.request import Request, urlopen

from django.conf import settings

BASE_URL = "https://sotkanet.fi/rest/1.1/"
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class SotkanetFetchError(Exception):
    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class SotkanetClient:
    def __init__(
        self,
        *,
        base_url: str | None = None,
        timeout: float = 60.0,
        min_interval: float = 0.5,
        retries: int = 4,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        user_agent: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.base_url = base_url or getattr(settings, "SOTKANET_BASE_URL", BASE_URL)
        if not self.base_url.endswith("/"):
            self.base_url += "/"
        self.timeout = timeout
        self.min_interval = min_interval
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.user_agent = user_agent or getattr(
            settings, "SOTKANET_USER_AGENT", "Elinvoima (wellbeing work of Finnish municipalities)"
        )
        self.sleep = sleep
        self.clock = clock  # with `sleep`, a test's own time: no test waits for real time
        self._last_request = -min_interval  # the first request does not wait
        self.requests = 0

    def url(self, path: str, params: Iterable[tuple[str, object]] = ()) -> str:
        query = urlencode([(name, str(value)) for name, value in params])
        return urljoin(self.base_url, path) + (f"?{query}" if query else "")

    def download(
        self, path: str, destination: BinaryIO, params: Iterable[tuple[str, object]] = ()
    ) -> str:
        """Stream the answer into `destination`; return the URL asked."""
        url = self.url(path, params)
        attempt = 0
        while True:
            self._wait_turn()
            request = Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})  # noqa: S310 (https, or the tests' local server)
            delay = None
            try:
                with urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    destination.seek(0)
                    destination.truncate()
                    shutil.copyfileobj(response, destination, 1 << 20)
                    destination.flush()
                    destination.seek(0)
                    return url
            except HTTPError as error:
                if error.code not in RETRY_STATUSES or attempt >= self.retries:
                    raise SotkanetFetchError(url, f"HTTP {error.code}") from error
                delay = _retry_after(error)
            except (URLError, TimeoutError, ConnectionError) as error:
                if attempt >= self.retries:
                    raise SotkanetFetchError(url, str(getattr(error, "reason", error))) from error
            backoff = min(self.max_backoff, self.backoff * 2**attempt)
            self.sleep(min(self.max_backoff, max(backoff, delay or 0)))
            attempt += 1

    def _wait_turn(self) -> None:
        wait = self._last_request + self.min_interval - self.clock()
        if wait > 0:
            self.sleep(wait)
        self._last_request = self.clock()
        self.requests += 1


def _retry_after(error: HTTPError) -> float | None:
    value = error.headers.get("Retry-After") if error.headers else None
    try:
        return float(value) if value else None
    except ValueError:
        return None  # an HTTP date: the back-off is used instead


def values_params(
    *, indicator: int, years: Iterable[int], genders: Iterable[str]
) -> list[tuple[str, object]]:
    """`/json?indicator=186&years=2022&years=2023&genders=total`: Sotkanet wants one
    parameter per year and per gender, repeated, not a comma-separated list."""
    return [
        ("indicator", indicator),
        *(("years", year) for year in years),
        *(("genders", gender) for gender in genders),
    ]

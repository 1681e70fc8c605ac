"""Adversarial API tests: schemathesis generates requests for every operation of the OpenAPI
schema (`/api/schema/`, drf-spectacular) and sends them to the WSGI application in process,
anonymously and with an API token of a demo role of each standing (`make fuzz`: of every demo
role), on the demo data (so that ids exist).

Every response is checked:

- no 5xx;
- it conforms to the schema: a documented status code, the documented content type, headers
  and body;
- every error under /api/ is JSON;
- no write (POST, PUT, PATCH, DELETE) succeeds for a role the role × URL table forbids it:
  anonymous and a councillor never write; any other role's successful write on an object
  must be one that the object's own edit page (tests/core/test_access_matrix.py) lets that
  role open.

Each example runs in a savepoint rolled back after it, so every example meets the demo data
as loaded. `make test` sends a few examples per operation and role (derandomized: the same
ones every run); `make fuzz` sends ELINVOIMA_FUZZ_EXAMPLES of them. Not marked
both_databases: it runs in the PostgreSQL half only.
"""

import functools
import os
import sys
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
import schemathesis
from django.apps import apps
from django.core.signals import got_request_exception, request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from elinvoima.core.registry import registry
from tests.conftest import DEMO_USERNAMES

ANONYMOUS = "anonymous"
MAX_EXAMPLES = int(os.environ.get("ELINVOIMA_FUZZ_EXAMPLES", "2"))
# `make test` sends each operation as one role of each standing: anonymous, the platform
# admin, a coordinator of the demo rows' municipality and one of another, an official, an
# association's volunteer, a councillor and a county official. `make fuzz` sends it as every
# demo role (the others stand where one of these does: a third coordinator adds no path).
STANDINGS = [
    "admin",
    "hyte.utajarvi",
    "hyte.vaala",
    "toimiala.utajarvi",
    "yhdistys.reuma",
    "valtuutettu.vaala",
    "hva.paijathame",
]
assert set(STANDINGS) <= set(DEMO_USERNAMES)
ROLES = [ANONYMOUS, *(DEMO_USERNAMES if MAX_EXAMPLES > 2 else STANDINGS)]
NEVER_WRITE = {ANONYMOUS, "valtuutettu.vaala"}  # the councillor reads, never writes
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

APPLICATION = get_wsgi_application()


def _load_schema():
    # The WSGI handler closes "old" connections when a request finishes; outside a test
    # (collection) that is what we want, so nothing special here.
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", APPLICATION)


SCHEMA = _load_schema()
OPERATIONS = {
    result.ok().label: result.ok() for result in SCHEMA.get_all_operations() if result.ok()
}

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

# The collection of an operation's path (`/api/v1/plans/{id}/reports/` → "plans"): its
# viewset's model and lookup field give the ids that exist.
ROUTES = {route.prefix: route.viewset for route in registry.api_routes}


def _collection(path: str) -> str | None:
    parts = path.removeprefix("/api/v1/").split("/")
    return parts[0] if parts[0] in ROUTES else None


def _existing_ids(path: str) -> list:
    prefix = _collection(path)
    if prefix is None or "{" not in path:
        return []
    viewset = ROUTES[prefix]
    model = viewset.serializer_class.Meta.model
    lookup = getattr(viewset, "lookup_field", "pk")
    return list(model.objects.order_by("pk").values_list(lookup, flat=True)[:40])


# What a successful write on an object needs: its edit page, open to this role.
# (collection, action) → (URL name, kwargs from the object's id). Action: the last part of
# the path after {id} ("" for the object itself, "create" for the collection).
def _goal_of_card(pk) -> dict:
    return {"pk": apps.get_model("strategy", "GoalCard").objects.get(pk=pk).goal_id}


def _card_of_response(pk) -> dict:
    return {"pk": apps.get_model("cards", "CardResponse").objects.get(pk=pk).template_id}


EDIT_PAGES: dict[tuple[str, str], tuple[str, Callable[[object], dict]]] = {
    ("organisations", ""): ("actors:organisation-edit", lambda pk: {"pk": pk}),
    ("plans", ""): ("strategy:plan-edit", lambda pk: {"pk": pk}),
    ("goals", ""): ("strategy:goal-edit", lambda pk: {"pk": pk}),
    ("measures", ""): ("strategy:measure-edit", lambda pk: {"pk": pk}),
    ("measures", "reports"): ("strategy:measure-report", lambda pk: {"pk": pk}),
    ("goal-cards", ""): ("strategy:goal-card-edit", _goal_of_card),
    ("goal-cards", "updates"): ("strategy:goal-card-update", _goal_of_card),
    ("activities", ""): ("cards:activity", lambda pk: {"pk": pk}),
    ("card-responses", ""): ("cards:card-answer", _card_of_response),
}


@dataclass
class Found:
    """The distinct failures of one test: key → a description with a reproduction."""

    failures: dict[tuple, str] = field(default_factory=dict)
    tracebacks: list[str] = field(default_factory=list)

    def add(self, key: tuple, text: str) -> None:
        self.failures.setdefault(key, text)


@pytest.fixture
def in_process(demo):
    """The demo data, and the traceback of a 500 kept for the report."""
    found_tracebacks: list[str] = []

    def keep(sender, request=None, **kwargs):
        exc_type, exc, tb = sys.exc_info()
        if exc is not None:
            frames = [f for f in traceback.extract_tb(tb) if "/elinvoima/" in f.filename]
            where = frames[-1] if frames else traceback.extract_tb(tb)[-1]
            found_tracebacks.append(
                f"{exc_type.__name__}: {exc} at {where.filename}:{where.lineno} ({where.name})"
            )

    got_request_exception.connect(keep)
    try:
        yield found_tracebacks
    finally:
        got_request_exception.disconnect(keep)


def _token_headers(role: str) -> dict[str, str]:
    if role == ANONYMOUS:
        return {}
    from rest_framework.authtoken.models import Token

    from elinvoima.actors.models import User

    token, _ = Token.objects.get_or_create(user=User.objects.get(username=role))
    return {"Authorization": f"Token {token.key}"}


def _may_open(role: str, name: str, kwargs: dict) -> bool:
    from elinvoima.actors.models import User

    client = Client()
    client.force_login(User.objects.get(username=role))
    return client.get(reverse(name, kwargs=kwargs)).status_code == 200


@functools.cache
def _generated(label: str):
    """Valid and invalid requests of an operation (built once: building costs)."""
    operation = OPERATIONS[label]
    modes = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
    return st.one_of(*(operation.as_strategy(generation_mode=mode) for mode in modes))


def _cases(operation, ids: list):
    """Valid and invalid requests; a path id is mostly one that exists."""
    cases = _generated(operation.label)
    if not ids:
        return cases
    name = next(iter(operation.path_parameters)).name

    def with_id(pair):
        case, chosen = pair
        if chosen is not None and case.path_parameters is not None:
            case.path_parameters[name] = chosen
        return case

    return st.tuples(cases, st.one_of(st.sampled_from(ids), st.none())).map(with_id)


@contextmanager
def _in_test_transaction():
    """As Django's test client: the WSGI handler must not close the test's connection when a
    request ends (its signal handler is connected again by every test client request)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _failure_text(failure) -> str:
    text = f"{failure.title}: {failure.message}".replace("\n", " ")
    return text if len(text) < 700 else text[:700] + "…"


def _is_create(case, response) -> bool:
    path = case.operation.path
    return case.method.upper() == "POST" and path == f"/api/v1/{_collection(path)}/"


def _json_error(response) -> str | None:
    if response.status_code < 400:
        return None
    content_type = response.headers.get("content-type", [""])[0]
    if "json" not in content_type:
        return f"error {response.status_code} is {content_type!r}, not JSON"
    try:
        response.json()
    except ValueError:
        return f"error {response.status_code} has a body that is not JSON"
    return None


def _forbidden_write(role: str, case, response) -> str | None:
    """Why this successful write should not have succeeded, or None."""
    if case.method.upper() not in WRITE_METHODS or not 200 <= response.status_code < 300:
        return None
    path = case.operation.path
    if path == "/api/v1/auth/token/":
        return None
    if role in NEVER_WRITE:
        return f"{role} wrote: {response.status_code}"
    prefix = _collection(path)
    rest = path.removeprefix(f"/api/v1/{prefix}/").strip("/").split("/")
    if rest == [""]:  # the collection: a new object
        pk = response.json().get("id")
        action = ""
    else:
        pk = case.path_parameters[next(iter(case.operation.path_parameters)).name]
        action = rest[1] if len(rest) > 1 else ""
    page = EDIT_PAGES.get((prefix, action))
    if page is None:
        return f"no edit page known for a write to {path}: add it to EDIT_PAGES"
    name, kwargs_for = page
    return None if _may_open(role, name, kwargs_for(pk)) else f"{role} may not open {name}"


def _describe(role: str, case, response, problem: str, tracebacks: list[str]) -> str:
    curl = case.as_curl_command(headers=dict(response.request.headers)).replace(
        "Authorization: [Filtered]", f"Authorization: Token <{role}>"
    )
    body = response.text[:300].replace("\n", " ")
    text = f"{problem}\n    {curl}\n    → {response.status_code}: {body}"
    if tracebacks:
        text += f"\n    traceback: {tracebacks[-1]}"
    return text


def _run(label: str, role: str, tracebacks: list[str]) -> Found:
    operation = OPERATIONS[label]
    headers = _token_headers(role)
    ids = _existing_ids(operation.path)
    found = Found()

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=_cases(operation, ids))
    def example(case):
        tracebacks.clear()
        problems = []
        with transaction.atomic():
            try:
                with _in_test_transaction():
                    response = case.call(headers=headers)
                try:
                    case.validate_response(response, checks=CHECKS, headers=headers)
                except FailureGroup as group:
                    problems += [
                        ((type(f).__name__, response.status_code), _failure_text(f))
                        for f in group.exceptions
                    ]
                if (problem := _json_error(response)) is not None:
                    problems.append((("json_error", response.status_code), problem))
                creates = _is_create(case, response)
                if creates and (problem := _forbidden_write(role, case, response)) is not None:
                    problems.append((("forbidden_write", response.status_code), problem))
            finally:
                transaction.set_rollback(True)
        # The object as it was before the write (a deleted one is back): may the role edit it?
        if not creates and (problem := _forbidden_write(role, case, response)) is not None:
            problems.append((("forbidden_write", response.status_code), problem))
        for key, problem in problems:
            found.add(key, _describe(role, case, response, problem, list(tracebacks)))

    example()
    return found


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_api_fuzz__every_operation_and_role__no_error_schema_kept_no_forbidden_write(
    label, role, in_process
):
    found = _run(label, role, in_process)
    report = "\n".join(f"[{key[0]} {key[1]}] {text}" for key, text in found.failures.items())
    assert not found.failures, f"{label} as {role}:\n{report}"

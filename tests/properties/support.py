"""What the property tests of the services share: hypothesis settings, adversarial inputs,
a snapshot of the tables a service may touch, a savepoint rolled back after each example,
and the check that a call either is refused with the database unchanged or keeps its promise.

A service refuses with ValidationError, PermissionDenied or Http404 (docs/architecture.md,
"One write path"); any other exception (IntegrityError, DataError, ValueError, TypeError…)
fails the property: that is a bug, whatever the input.
"""

import hashlib
import os
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from elinvoima.core.models import FIRST_YEAR, LAST_YEAR

REFUSALS = (ValidationError, PermissionDenied, Http404)

# `make test` runs a few examples of each property (at most EVERY_RUN), derandomized: the
# same ones every run. `make fuzz` raises them: ELINVOIMA_FUZZ_EXAMPLES=200 gives each property
# at least that many (as tests/core/test_api_fuzz.py).
EXAMPLES = int(os.environ.get("ELINVOIMA_FUZZ_EXAMPLES", "0"))
EVERY_RUN = 15  # the suite's time is a budget: a property past this is `make fuzz`'s work


def examples(default: int) -> settings:
    """The settings of a property: `default` examples (at most EVERY_RUN) unless the
    environment asks for more (ELINVOIMA_FUZZ_EXAMPLES, `make fuzz`: then at least `default`).
    No example database: it would leave a .hypothesis directory in the checkout."""
    return settings(
        max_examples=max(default, EXAMPLES) if EXAMPLES else min(default, EVERY_RUN),
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# --- Inputs ---------------------------------------------------------------------------------

# Any character a Python str can hold and a database could be sent, NUL and the other
# controls included; surrogates are left out (no UTF-8 encoding, not a valid text anywhere).
CHARACTERS = st.characters(exclude_categories=("Cs",))
EDGE_TEXTS = ["", " ", "\x00", "a\x00b", "\t\n", "‮", "ä" * 301, "x" * 5001, "🦀" * 201]


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Short text of any characters, a few known troublemakers, and long runs (past any
    `max_length` of the models)."""
    return st.one_of(
        st.text(CHARACTERS, max_size=max_size),
        st.sampled_from(EDGE_TEXTS),
        st.builds(lambda c, n: c * n, CHARACTERS, st.integers(0, 3000)),
    )


def filled_texts() -> st.SearchStrategy[str]:
    """Mostly text a form would pass (so that the service gets past its first checks),
    sometimes anything."""
    return st.one_of(
        st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs")), min_size=1, max_size=30),
        texts(),
    )


EDGE_INTS = [
    0,
    -1,
    1,
    FIRST_YEAR - 1,
    FIRST_YEAR,
    LAST_YEAR,
    LAST_YEAR + 1,
    32767,
    32768,
    2**31 - 1,
    2**31,
    2**63 - 1,
    2**63,
    -(2**63) - 1,
    10**30,
]


def ints() -> st.SearchStrategy[int]:
    return st.one_of(st.sampled_from(EDGE_INTS), st.integers(-(2**70), 2**70))


def years() -> st.SearchStrategy[int]:
    """Years in the bounded range, around its edges and far out of it."""
    return st.one_of(st.integers(FIRST_YEAR, LAST_YEAR), ints())


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


def mostly(good: st.SearchStrategy, anything: st.SearchStrategy) -> st.SearchStrategy:
    """Three times in four a value a form would pass, else anything."""
    return st.one_of(good, good, good, anything)


def spoiled(
    good: dict[str, st.SearchStrategy], anything: dict[str, st.SearchStrategy], at_most: int = 2
) -> st.SearchStrategy[dict]:
    """Fields of which at most `at_most` (those named in `anything`) are drawn from
    `anything`, the others from `good`. With every field free to be bad at once, nearly
    every example is refused by the first check and the database is never reached; this
    way the combinations of good values (a level and a recipient that do not match…) and
    one or two bad ones get their turn."""
    return st.sets(st.sampled_from(sorted(anything)), max_size=at_most).flatmap(
        lambda bad: st.fixed_dictionaries(
            {name: anything[name] if name in bad else good[name] for name in good}
        )
    )


# --- Users ------------------------------------------------------------------------------------


@dataclass
class Cast:
    """The users of a world by role. `allowed` may do the write the test is about; every
    other one may not. None is the trusted caller of a service (no request)."""

    users: dict[str, object]
    allowed: frozenset[str]

    def strategy(self) -> st.SearchStrategy[tuple[str, object]]:
        return st.sampled_from(sorted(self.users.items(), key=lambda item: item[0]))

    def refused(self) -> st.SearchStrategy[tuple[str, object]]:
        return st.sampled_from(
            sorted(
                ((name, user) for name, user in self.users.items() if name not in self.allowed),
                key=lambda item: item[0],
            )
        )


def anonymous() -> AnonymousUser:
    return AnonymousUser()


# --- Snapshots --------------------------------------------------------------------------------


def models_of(*labels: str) -> list[type[models.Model]]:
    """Every concrete model of the apps (with the many-to-many tables), and the audit log."""
    found = [
        model
        for label in labels
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model._meta.proxy
    ]
    return [*found, apps.get_model("auditlog", "LogEntry")]


Snapshot = dict[str, tuple[int, str]]


def snapshot(tables: Iterable[type[models.Model]]) -> Snapshot:
    """Each table's row count and a digest of its rows (every column, ordered by key)."""
    taken = {}
    for model in tables:
        columns = [field.attname for field in model._meta.concrete_fields]
        rows = list(model._base_manager.order_by("pk").values_list(*columns))
        digest = hashlib.sha256(repr(rows).encode("utf-8", "backslashreplace")).hexdigest()
        taken[model._meta.label] = (len(rows), digest)
    return taken


def changed(before: Snapshot, after: Snapshot) -> set[str]:
    return {label for label in before if before[label] != after[label]}


def rows(model: type[models.Model]) -> int:
    return model._base_manager.count()


class _RolledBack(Exception):
    pass


@contextmanager
def rolled_back():
    """A savepoint rolled back after the example (also when it passes): every example meets
    the world as the test built it."""
    try:
        with transaction.atomic():
            yield
            raise _RolledBack
    except _RolledBack:
        pass


AUDIT = "auditlog.LogEntry"


def refused_or_kept(
    call: Callable[[], object],
    tables: list[type[models.Model]],
    *,
    may_change: Iterable[str],
    promise: Callable[[object, Snapshot, Snapshot], None] | None = None,
) -> tuple[bool, object]:
    """Call the service in a rolled-back savepoint. Refused (one of REFUSALS): every table
    exactly as before. Returned: only tables in `may_change` (and the audit log) changed,
    and `promise(result, before, after)` holds. Any other exception propagates: a bug.
    Returns (refused, result or the refusal)."""
    with rolled_back():
        before = snapshot(tables)
        try:
            result = call()
        except REFUSALS as refusal:
            after = snapshot(tables)
            assert changed(before, after) == set(), f"refused ({refusal!r}) but wrote"
            return True, refusal
        after = snapshot(tables)
        unexpected = changed(before, after) - set(may_change) - {AUDIT}
        assert not unexpected, f"also changed: {sorted(unexpected)}"
        if promise is not None:
            promise(result, before, after)
        return False, result

"""Shared fixtures: the demo data and a logged-in client for every demo role."""

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.test import Client, TransactionTestCase
from django.test.utils import override_settings
from django.utils import translation
from pytest_django.fixtures import validate_django_db

from elinvoima.actors.demo_data import DEMO_ACCOUNTS
from elinvoima.core.demo import demo_data_load

DEMO_USERNAMES = [account["username"] for account in DEMO_ACCOUNTS]
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Argon2 costs ~0.2 s a hash by design; tests do not test its strength.
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS


@pytest.fixture(autouse=True, scope="session")
def _media_in_a_directory_of_the_run(tmp_path_factory):
    # Uploaded pictures (and the demo's) go to a directory of the run, not var/media.
    with override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        PRIVATE_ROOT=tmp_path_factory.mktemp("private"),
    ):
        yield


@pytest.fixture(autouse=True)
def _default_language():
    # A request activates its language for the thread; reset it so that reverse() in the
    # next test builds /fi/ URLs again.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# --- ids above a thousand ------------------------------------------------------------------
#
# A production table soon has more than a thousand rows, and a number a Django template
# writes unfiltered gets a thousands separator ("9 096"): an id in a form value or an
# element id then points nowhere. So every table's ids start at FIRST_ID in the test
# databases, and every test sees such ids (tests/core/test_template_numbers.py scans the
# templates for them as well).

FIRST_ID = 10_000


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, with every table's next id at FIRST_ID or above."""
    with django_db_blocker.unblock():
        _ids_raised()


def _ids_raised() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT setval(format('%%I.%%I', schemaname, sequencename)::regclass, %s, false)"
                " FROM pg_sequences WHERE schemaname = current_schema()"
                " AND coalesce(last_value, 0) < %s",
                [FIRST_ID, FIRST_ID],
            )
        elif connection.vendor == "sqlite":
            # Django's SQLite tables are AUTOINCREMENT: the next id follows sqlite_sequence.
            for table in connection.introspection.django_table_names(only_existing=True):
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)",
                    [table, FIRST_ID - 1],
                )


# --- the demo data, loaded once per test database ------------------------------------------
#
# Loading the demo data takes seconds; most tests use it. So each test database (one per
# xdist worker) loads it once, in an open transaction that stays open across the tests that
# use it: each such test runs in a savepoint inside it (Django's TestCase atomic) and rolls
# back to the demo data as loaded. A test without the demo data needs an empty database:
# the shared transaction is rolled back before it (and opened again, with a new load, for
# the next demo test), so `pytest_collection_modifyitems` runs the demo tests together.
#
# Transactional tests (the browser tests' live server, the db_worker test) commit, and
# pytest-django empties the database after each. On PostgreSQL their demo data is copied
# back in from a snapshot taken after the first load (COPY, a tenth of a second); on
# SQLite it is loaded again.


def _is_transactional(node: pytest.Item, names) -> bool:
    """Whether pytest-django runs the test as a TransactionTestCase (as it decides)."""
    if "transactional_db" in names or "live_server" in names:
        return True
    marker = node.get_closest_marker("django_db")
    if marker is None:
        return False
    transactional, reset_sequences, *_ = validate_django_db(marker)
    return transactional or reset_sequences


def _uses_database(node: pytest.Item, names) -> bool:
    return "db" in names or "_django_db_helper" in names or node.get_closest_marker("django_db")


class SharedDemo:
    """The demo data of one test database: an open transaction holding it, and on
    PostgreSQL a snapshot of every table to copy it back after a transactional test."""

    def __init__(self, blocker) -> None:
        self.blocker = blocker
        self.result = None
        self.atomic: transaction.Atomic | None = None
        self.wrapper = None  # the connection the shared transaction is open on
        self.snapshot: dict[str, bytes] | None = None

    def load(self):
        # Before the test's own fixtures: fast password hashes (as `_fast_passwords`) and
        # the default language, as when the demo fixture loaded it in each test.
        with (
            override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS),
            translation.override(settings.LANGUAGE_CODE),
        ):
            return demo_data_load(password=settings.ELINVOIMA_DEMO_PASSWORD)

    @property
    def is_open(self) -> bool:
        return (
            self.atomic is not None
            and connections[DEFAULT_DB_ALIAS] is self.wrapper
            and connection.in_atomic_block
            and not connection.closed_in_transaction
        )

    def open(self) -> None:
        """The shared transaction with the demo data, opened (and loaded) if it is not."""
        if self.is_open:
            return
        self.close()
        with self.blocker.unblock():
            assert not connection.in_atomic_block, "the demo transaction must come first"
            atomic = transaction.atomic()
            atomic.__enter__()
            self.atomic, self.wrapper = atomic, connections[DEFAULT_DB_ALIAS]
            self.result = self.load()
            if self.snapshot is None and connection.vendor == "postgresql":
                self.snapshot = _pg_snapshot()

    def close(self) -> None:
        """Roll the shared transaction back: an empty database again."""
        if self.atomic is None:
            return
        atomic, self.atomic = self.atomic, None
        wrapper, self.wrapper = self.wrapper, None
        with self.blocker.unblock():
            if connections[DEFAULT_DB_ALIAS] is not wrapper:
                # The test's code now has another connection object than the one the
                # transaction was opened on (seen at the first browser test, once Playwright's
                # sync API has started its event loop: Django's connections are context-local).
                # Close the old one, which ends its transaction on the server, or its locks
                # would stop the next flush (TRUNCATE) for good.
                wrapper.close()
            elif connection.in_atomic_block:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    def committed(self):
        """The demo data in a transactional test's (empty) database, committed."""
        if self.snapshot is not None:
            _pg_restore(self.snapshot)
            return self.result
        self.result = self.load()
        if connection.vendor == "postgresql":
            self.snapshot = _pg_snapshot()
        return self.result


def _pg_tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _pg_snapshot() -> dict[str, bytes]:
    """Every table's rows in PostgreSQL's binary COPY format (those without rows left out)."""
    snapshot = {}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        for table in _pg_tables():
            statement = f"COPY {connection.ops.quote_name(table)} TO STDOUT (FORMAT binary)"
            with raw.copy(statement) as copy:
                data = b"".join(bytes(chunk) for chunk in copy)
            cursor.execute(f"SELECT EXISTS (SELECT FROM {connection.ops.quote_name(table)})")  # noqa: S608
            if cursor.fetchone()[0]:
                snapshot[table] = data
    return snapshot


def _pg_restore(snapshot: dict[str, bytes]) -> None:
    """Every table emptied, the snapshot copied in, the id sequences set after it; the
    content types (the snapshot's, as after the first load) are read again."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        _pg_rows_deleted(cursor, _pg_tables())
        raw = cursor.cursor
        for table, data in snapshot.items():
            with raw.copy(f"COPY {quote(table)} FROM STDIN (FORMAT binary)") as copy:
                copy.write(data)
        models = apps.get_models(include_auto_created=True)
        # One round trip for all of them (statements without parameters may be several).
        cursor.execute("\n".join(connection.ops.sequence_reset_sql(no_style(), models)))
    _ids_raised()  # the tables without rows in the snapshot were reset to 1
    ContentType.objects.clear_cache()


# Tables with more rows than this (the national-scale data of tests/core/
# test_queries_at_scale.py) are TRUNCATEd; DELETE is faster for the rest.
DELETE_AT_MOST = 20_000


def _pg_rows_deleted(cursor, tables: list[str]) -> None:
    """The tables emptied in the open transaction. PostgreSQL's TRUNCATE makes new files for
    every table and index: ~0.6 s for the hundred-odd tables, where DELETE of the demo's few
    thousand rows takes 0.03 s (the foreign keys are deferred, checked at the commit)."""
    quote = connection.ops.quote_name
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    cursor.execute("SET LOCAL elinvoima.audit_erasure = 'on'")  # counselling's audit trigger
    # The names are Django's own tables, quoted.
    counted = (
        f"SELECT {index} FROM (SELECT FROM {quote(table)} LIMIT {DELETE_AT_MOST + 1}) AS rows"  # noqa: S608
        f" HAVING count(*) > {DELETE_AT_MOST}"
        for index, table in enumerate(tables)
    )
    cursor.execute(" UNION ALL ".join(counted))
    large = {tables[index] for (index,) in cursor.fetchall()}
    if large:
        cursor.execute(f"TRUNCATE {', '.join(quote(table) for table in sorted(large))} CASCADE")
    cursor.execute(
        ";".join(f"DELETE FROM {quote(table)}" for table in tables if table not in large)  # noqa: S608
    )


# What pytest-django's flush after a transactional test (Django's TransactionTestCase) ends
# with: every table empty but the content types and permissions, which the flush's
# post_migrate signal writes again. On PostgreSQL done by `_pg_rows_deleted`, a second
# where the flush takes more than one (TRUNCATE, then post_migrate's inserts); the test
# after it, with the demo data, would TRUNCATE once more. SQLite keeps Django's flush.
KEPT_BY_THE_FLUSH = {"django_content_type", "auth_permission"}
_django_fixture_teardown = TransactionTestCase._fixture_teardown


def _fixture_teardown(self) -> None:
    if connection.vendor != "postgresql" or self.available_apps is not None:
        _django_fixture_teardown(self)
        return
    tables = [table for table in _pg_tables() if table not in KEPT_BY_THE_FLUSH]
    with transaction.atomic(), connection.cursor() as cursor:
        _pg_rows_deleted(cursor, tables)


TransactionTestCase._fixture_teardown = _fixture_teardown  # type: ignore[method-assign]


_shared: list[SharedDemo] = []  # the session's, once a test has asked for the demo data


@pytest.fixture(scope="session")
def _shared_demo(django_db_setup, django_db_blocker):
    shared = SharedDemo(django_db_blocker)
    _shared.append(shared)
    yield shared
    _shared.clear()
    shared.close()


@pytest.fixture(autouse=True)
def _django_db_marker(request: pytest.FixtureRequest) -> None:
    """Overrides pytest-django's autouse fixture of this name, which comes first of a
    test's fixtures, before the test's own transaction: the place to open or close the
    shared demo transaction. Then does what the original does (the django_db marker)."""
    names = request.fixturenames
    if _uses_database(request.node, names):
        if "demo" in names and not _is_transactional(request.node, names):
            request.getfixturevalue("_shared_demo").open()
        elif _shared:
            _shared[0].close()
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")


@pytest.fixture
def demo(request, db, _shared_demo):
    """The demo organisations and accounts of `seed_demo`."""
    if _is_transactional(request.node, request.fixturenames):
        return _shared_demo.committed()
    if not _shared_demo.is_open:
        # Asked for at run time (getfixturevalue), after the test's own transaction began:
        # loaded into that one, as it used to be.
        return _shared_demo.load()
    return _shared_demo.result


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """pytest-django's order (tests in a transaction, then transactional ones, then those
    without the database), and in the first group the tests with the demo data first: each
    worker then opens the shared demo transaction about once. Django's own TestCase classes
    (none yet) would open their transaction before any fixture: they come first. Before them
    the tests marked `runs_first`: a long one started last would leave the other worker idle
    while it runs; started first, the other worker goes through the rest meanwhile."""

    def group(item: pytest.Item) -> tuple[int, int]:
        names = getattr(item, "fixturenames", ())
        if item.get_closest_marker("runs_first"):
            return (-2, 0)
        cls = getattr(item, "cls", None)
        if cls is not None and issubclass(cls, TransactionTestCase):
            return (-1, 0)
        if _is_transactional(item, names):
            return (1, 0)
        if _uses_database(item, names):
            return (0, 0 if "demo" in names else 1)
        return (2, 0)

    items.sort(key=group)


def second_factor_pass(client: Client, user) -> None:
    """Mark the client's login as having passed its second factor, as django-otp's own
    login does after a correct code: the session names the user's confirmed device."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def client_for(demo):
    """`client_for("yhdistys.reuma")` is a client logged in as that demo account."""
    from elinvoima.actors.models import User

    def make(username: str | None, *, second_factor: bool | None = None) -> Client:
        """`second_factor`: has the login passed it? By default, as the demo's people
        would: those the county granted counselling access have, the others have none."""
        from elinvoima.counselling.models import StaffAccess

        client = Client()
        if username is not None:
            user = User.objects.get(username=username)
            client.force_login(user)
            if second_factor is None:
                second_factor = StaffAccess.objects.filter(user=user).exists()
            if second_factor:
                second_factor_pass(client, user)
        return client

    return make

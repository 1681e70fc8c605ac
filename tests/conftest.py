"""Shared fixtures: the demo data and a logged-in client for every demo role."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from elinvoima.actors.demo_data import DEMO_ACCOUNTS
from elinvoima.core.demo import demo_data_load

DEMO_USERNAMES = [account["username"] for account in DEMO_ACCOUNTS]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Argon2 costs ~0.2 s a hash by design; tests do not test its strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language():
    # A request activates its language for the thread; reset it so that reverse() in the
    # next test builds /fi/ URLs again.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def demo(db):
    """The demo organisations and accounts of `seed_demo`."""
    return demo_data_load(password=settings.ELINVOIMA_DEMO_PASSWORD)


@pytest.fixture
def client_for(demo):
    """`client_for("yhdistys.reuma")` is a client logged in as that demo account."""
    from elinvoima.actors.models import User

    def make(username: str | None) -> Client:
        client = Client()
        if username is not None:
            client.force_login(User.objects.get(username=username))
        return client

    return make

"""Concurrent writes through a live server, with real parallel requests on their own
database connections (issue 11, kind 3): two editors of one row and two If-Match writers —
exactly one wins, the other is refused naming who saved and when, and nothing is lost.

Each service compares the loaded version after `select_for_update`. To make the race
certain rather than lucky, the version check is slowed down while a request holds the row:
a check outside the lock would let both writers pass it before either saves."""

import re
import threading
import time
from collections.abc import Callable

import pytest
import requests
from django.test import Client
from rest_framework.authtoken.models import Token

from elinvoima.actors.models import Organisation
from elinvoima.core import concurrency
from elinvoima.strategy.models import Plan
from elinvoima.strategy.plans.forms import PlanForm
from tests.factories import MunicipalityFactory, OrganisationFactory, coordinator_of
from tests.factories.strategy import PlanFactory

pytestmark = pytest.mark.django_db(transaction=True)

HOLD = 0.4  # seconds a writer holds the locked row after comparing versions


@pytest.fixture
def slow_version_check(monkeypatch):
    compare = concurrency.version_matches

    def slowly(current, expected):
        matches = compare(current, expected)
        time.sleep(HOLD)
        return matches

    monkeypatch.setattr(concurrency, "version_matches", slowly)


def _in_parallel(*calls: Callable[[], requests.Response]) -> list[requests.Response]:
    """Start the calls together (a barrier) and return their responses in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _token(user) -> dict[str, str]:
    return {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


@pytest.fixture
def utajarvi_plan():
    municipality = MunicipalityFactory()
    first = coordinator_of(municipality, first_name="Aino", last_name="Ensimmäinen")
    second = coordinator_of(municipality, first_name="Bertil", last_name="Toinen")
    return PlanFactory(municipality=municipality), first, second


@pytest.mark.parametrize("if_match", ["etag", "*"])
def test_api_two_if_match_writers__one_wins_other_412(
    live_server, slow_version_check, utajarvi_plan, if_match
):
    plan, first, second = utajarvi_plan
    url = f"{live_server.url}/api/v1/plans/{plan.pk}/"
    etag = requests.get(url, headers=_token(first), timeout=30).headers["ETag"]
    tag = etag if if_match == "etag" else "*"

    def patch(user, title):
        headers = {**_token(user), "If-Match": tag, "Accept-Language": "fi"}
        return lambda: requests.patch(url, json={"title_fi": title}, headers=headers, timeout=60)

    responses = _in_parallel(patch(first, "Aino kirjoitti"), patch(second, "Bertil kirjoitti"))
    codes = sorted(r.status_code for r in responses)
    if if_match == "*":
        # `*` matches any saved version: both writes are meant to go through, one after the
        # other (the lock serialises them), and the last one is what is saved.
        assert codes == [200, 200]
        assert Plan.objects.get(pk=plan.pk).title_fi in ("Aino kirjoitti", "Bertil kirjoitti")
        return
    assert codes == [200, 412], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200).json()["title_fi"]
    loser = next(r for r in responses if r.status_code == 412).json()
    assert loser["code"] == "precondition_failed"
    saved = Plan.objects.get(pk=plan.pk)
    assert saved.title_fi == winner
    assert saved.updated_by.get_full_name() in loser["detail"], loser  # who
    assert re.search(r"\d{1,2}\.\d{1,2}\.\d{4}", loser["detail"]), loser  # when


def test_api_two_organisation_writers__one_wins_other_412_naming_who(
    live_server, slow_version_check
):
    municipality = MunicipalityFactory()
    first = coordinator_of(municipality, first_name="Aino", last_name="Ensimmäinen")
    second = coordinator_of(municipality, first_name="Bertil", last_name="Toinen")
    organisation = OrganisationFactory(municipality=municipality)
    url = f"{live_server.url}/api/v1/organisations/{organisation.pk}/"
    etag = requests.get(url, headers=_token(first), timeout=30).headers["ETag"]

    def patch(user, text):
        headers = {**_token(user), "If-Match": etag, "Accept-Language": "fi"}
        body = {"description_fi": text}
        return lambda: requests.patch(url, json=body, headers=headers, timeout=60)

    responses = _in_parallel(patch(first, "Ainon kuvaus"), patch(second, "Bertilin kuvaus"))
    assert sorted(r.status_code for r in responses) == [200, 412], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200).json()["description_fi"]
    saved = Organisation.objects.get(pk=organisation.pk)
    assert saved.description_fi == winner
    loser = next(r for r in responses if r.status_code == 412).json()
    assert saved.updated_by.get_full_name() in loser["detail"], loser


def test_api_two_measure_writers__one_wins_other_412(live_server, slow_version_check):
    from tests.factories.strategy import MeasureFactory

    municipality = MunicipalityFactory()
    first = coordinator_of(municipality, first_name="Aino", last_name="Ensimmäinen")
    second = coordinator_of(municipality, first_name="Bertil", last_name="Toinen")
    measure = MeasureFactory(goal__plan=PlanFactory(municipality=municipality))
    url = f"{live_server.url}/api/v1/measures/{measure.pk}/"
    etag = requests.get(url, headers=_token(first), timeout=30).headers["ETag"]

    def patch(user, text):
        headers = {**_token(user), "If-Match": etag, "Accept-Language": "fi"}
        return lambda: requests.patch(url, json={"resources": text}, headers=headers, timeout=60)

    responses = _in_parallel(patch(first, "Ainon resurssit"), patch(second, "Bertilin resurssit"))
    assert sorted(r.status_code for r in responses) == [200, 412], [r.text for r in responses]
    loser = next(r for r in responses if r.status_code == 412).json()
    measure.refresh_from_db()
    assert (
        measure.resources == next(r for r in responses if r.status_code == 200).json()["resources"]
    )
    assert measure.updated_by.get_full_name() in loser["detail"]


def _form_session(live_server, user, path: str) -> tuple[requests.Session, str]:
    """A browser-like session of `user` that has opened the page at `path`: its cookies
    and the page's CSRF token."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    for name, morsel in client.cookies.items():
        session.cookies.set(name, morsel.value)
    page = session.get(f"{live_server.url}{path}", timeout=30)
    assert page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session, token


def test_page_two_editors_of_one_plan__one_saved_other_told_who_and_when(
    live_server, slow_version_check, utajarvi_plan
):
    plan, first, second = utajarvi_plan
    path = f"/fi/plans/{plan.pk}/edit/"
    form = PlanForm(instance=plan, owner_kind="municipality")
    data = {name: form[name].value() for name in form.fields}
    data = {k: v for k, v in data.items() if v is not None}

    def post(user, title):
        session, token = _form_session(live_server, user, path)
        body = {**data, "title_fi": title, "csrfmiddlewaretoken": token}
        return lambda: session.post(
            f"{live_server.url}{path}",
            data=body,
            headers={"Referer": f"{live_server.url}{path}"},
            allow_redirects=False,
            timeout=60,
        )

    responses = _in_parallel(post(first, "Ainon otsikko"), post(second, "Bertilin otsikko"))
    codes = sorted(r.status_code for r in responses)
    assert codes == [302, 409], codes  # saved → to the plan; refused → the form again
    refused = next(r for r in responses if r.status_code == 409).text
    saved = Plan.objects.get(pk=plan.pk)
    winner = first if saved.title_fi == "Ainon otsikko" else second
    assert saved.updated_by == winner
    assert f"{winner.get_full_name()} tallensi tämän suunnitelman" in refused, refused
    assert re.search(r"\d{1,2}\.\d{1,2}\.\d{4}", refused)  # when

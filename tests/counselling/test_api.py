"""The `referrals` API of exercise counselling (issue 19, item 9: "only for the roles above,
with the same checks and audit"), with the demo: `laakari.lapinjarvi` refers a client and
books a time over the API; `liikuntaneuvoja.lapinjarvi` reads the record; every other demo
role, the platform admin and an anonymous caller get 404 for everything; a token or a
session without its second factor gets 403; the reads and the export are logged before
anything is returned; a referrer reading another referrer's client gets 403 and a logged
refusal.

The attacks tried: the other roles on every operation (list, record, FHIR bundle, referral,
FHIR referral, a method not offered); a token instead of the session's second factor; a
referrer reading a client they did not refer, as a record and as a FHIR export; list
filters, ordering and search naming a hidden client's identity code, its keyed hash, name,
id and municipality, and ordering by encrypted fields — each answered as the same request
naming nothing that exists; an invalid identity code, a taken time, another municipality's
time, a malformed FHIR resource: JSON errors, never a 500."""

import datetime

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient
from schemathesis.core.failures import FailureGroup

from elinvoima.actors.enums import Role
from elinvoima.actors.models import Municipality, User
from elinvoima.counselling.crypto import keyed_hash
from elinvoima.counselling.enums import AccessRole, AuditAction
from elinvoima.counselling.models import AuditEntry, Booking, Period, Slot, StaffAccess
from elinvoima.counselling.selectors import free_slots_of
from tests.conftest import DEMO_USERNAMES, second_factor_pass
from tests.core import test_api_fuzz as fuzz  # loaded at collection: its schema's requests
from tests.factories import county_organisation, member_of

pytestmark = pytest.mark.django_db

DOCTOR, COUNSELLOR = "laakari.lapinjarvi", "liikuntaneuvoja.lapinjarvi"
DEMO_CODE = "131052-308T"  # the demo client's (stdnum's example)
NEW_CODE = "010101A123N"
URL = "/api/v1/referrals/"


def _period() -> Period:
    return Period.objects.select_related("client").get(municipality__code="407")


def _free_slot() -> Slot:
    return free_slots_of(Municipality.objects.get(code="407")).first()


def _referral(**changes) -> dict:
    return {
        "municipality": "407",
        "identity_code": NEW_CODE,
        "name": "Kaija Kokeilija",
        "reason": "Liikkumattomuus",
        "goals": "150 min viikossa",
        "risk_factors": "Kohonnut verensokeri",
        **changes,
    }


def _post(client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def test_done_when__the_doctor_refers_and_books__the_counsellor_reads__all_logged(client_for):
    doctor, counsellor = client_for(DOCTOR), client_for(COUNSELLOR)
    slot = _free_slot()
    created = _post(doctor, URL, _referral(slot=slot.pk))
    assert created.status_code == 201, created.content
    body = created.json()
    period = Period.objects.get(pk=body["id"])
    assert body["municipality"] == "407" and body["source"] == "referral"
    assert NEW_CODE not in created.content.decode()
    assert Booking.objects.get(period=period).slot == slot
    assert period.client.identity_code == NEW_CODE  # the keyed hash found no one: a new client

    listed = counsellor.get(URL).json()
    assert period.pk in {row["id"] for row in listed["results"]}
    assert not AuditEntry.objects.filter(period=period, action=AuditAction.READ).exists()

    record = counsellor.get(f"{URL}{period.pk}/")
    assert record.status_code == 200
    data = record.json()
    assert data["client"] == {"name": "Kaija Kokeilija", "identity_code": NEW_CODE}
    assert data["reason"] == "Liikkumattomuus" and data["bookings"][0]["place"] == slot.place
    bundle = counsellor.get(f"{URL}{period.pk}/fhir/")
    assert bundle.status_code == 200 and bundle.json()["resourceType"] == "Bundle"

    counsellor_user = User.objects.get(username=COUNSELLOR)
    log = AuditEntry.objects.filter(period=period)
    assert log.filter(user__username=DOCTOR, action=AuditAction.CREATE).count() == 2
    assert log.filter(user=counsellor_user, action=AuditAction.READ, what="record").count() == 1
    assert log.filter(user=counsellor_user, action=AuditAction.EXPORT).count() == 1


def test_the_list_shows_no_client_data_and_is_not_a_read(client_for):
    period = _period()
    rows = client_for(DOCTOR).get(URL).json()["results"]
    assert [row["id"] for row in rows] == [period.pk]
    assert set(rows[0]) == {"id", "municipality", "source", "opened_at", "closed_at", "visit_count"}
    assert not AuditEntry.objects.filter(action=AuditAction.READ).exists()


def test_a_read_is_logged_before_the_record_is_returned(client_for, monkeypatch):
    """The entry is written before the record is read: if writing it fails, nothing is
    returned."""
    from elinvoima.counselling import services

    def failing(*args, **kwargs):
        raise RuntimeError("the audit log is down")

    monkeypatch.setattr(services, "audited", failing)
    doctor = client_for(DOCTOR)
    doctor.raise_request_exception = False
    response = doctor.get(f"{URL}{_period().pk}/")
    assert response.status_code == 500 and "Demo Asiakas" not in response.content.decode()


ROLES_WITHOUT_ACCESS = [name for name in DEMO_USERNAMES if name not in (DOCTOR, COUNSELLOR)]


@pytest.mark.parametrize("username", [*ROLES_WITHOUT_ACCESS, None])
def test_every_other_role__admin_and_anonymous__404_everywhere(client_for, username):
    client = client_for(username)
    pk = _period().pk
    answers = [
        client.get(URL),
        client.get(f"{URL}{pk}/"),
        client.get(f"{URL}{pk}/fhir/"),
        client.get(f"{URL}{pk + 1000}/"),
        _post(client, URL, _referral()),
        _post(client, f"{URL}fhir/", {}),
        client.put(f"{URL}{pk}/", {}, content_type="application/json"),
        client.delete(f"{URL}{pk}/"),
    ]
    assert [a.status_code for a in answers] == [404] * len(answers)
    assert all(a.json()["code"] == "not_found" for a in answers)
    assert not AuditEntry.objects.filter(action=AuditAction.DENIED).exists()
    assert Period.objects.count() == 1


@pytest.mark.parametrize("username", [DOCTOR, COUNSELLOR])
def test_a_token__or_a_session_without_the_second_factor__403_in_the_users_language(
    client_for, username
):
    api = APIClient()
    token = api.post(
        "/api/v1/auth/token/", {"username": username, "password": "elinvoima-demo"}, format="json"
    ).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    pk = _period().pk
    answers = [api.get(URL), api.get(f"{URL}{pk}/"), api.post(URL, _referral(), format="json")]
    answers.append(client_for(username, second_factor=False).get(f"{URL}{pk}/"))
    assert [a.status_code for a in answers] == [403] * 4
    assert {a.json()["code"] for a in answers} == {"second_factor_required"}
    assert not AuditEntry.objects.filter(action=AuditAction.READ).exists()
    assert Period.objects.count() == 1
    User.objects.filter(username=username).update(preferred_language="en")
    english = api.get(URL, HTTP_ACCEPT_LANGUAGE="sv").json()["detail"]
    assert "second factor" in english


def _other_referrer() -> tuple[User, Client]:
    """A referring professional of the same county, granted access, second factor passed,
    who referred nobody yet."""
    county = _period().client.wellbeing_county
    user = member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL)
    StaffAccess.objects.create(
        user=user,
        wellbeing_county=county,
        role=AccessRole.REFERRER,
        valid_from=timezone.localdate() - datetime.timedelta(days=1),
        valid_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    client = Client()
    client.force_login(user)
    second_factor_pass(client, user)
    return user, client


def test_a_referrer_reading_another_referrers_client__403_and_logged(client_for):
    user, client = _other_referrer()
    period = _period()
    for url in (f"{URL}{period.pk}/", f"{URL}{period.pk}/fhir/"):
        response = client.get(url)
        assert response.status_code == 403 and "Demo Asiakas" not in response.content.decode()
    refused = AuditEntry.objects.filter(user=user, period=period, action=AuditAction.DENIED)
    assert sorted(refused.values_list("what", flat=True)) == ["export", "record"]
    assert client.get(f"{URL}{period.pk + 1000}/").status_code == 404


def test_filters_ordering_and_search__a_hidden_client_answers_as_nobody(client_for):
    """Each probe names the hidden client (the demo's, referred by the doctor) and then
    something that matches nobody: the answers are the same."""
    _user, client = _other_referrer()
    hidden = _period()
    probes = [
        ("identity_code", DEMO_CODE, NEW_CODE),
        ("client__identity_code", DEMO_CODE, NEW_CODE),
        ("identity_hash", keyed_hash("identity_code", DEMO_CODE), "0" * 64),
        ("client__identity_hash", keyed_hash("identity_code", DEMO_CODE), "0" * 64),
        ("client", hidden.client_id, 987_654),
        ("id", hidden.pk, 987_654),
        ("search", "Demo Asiakas", "Ei Ketään"),
        ("search", "diabeteksen", "xyzzy"),
        ("name", "Demo Asiakas", "Ei Ketään"),
        ("reason__icontains", "diabeteksen", "xyzzy"),
        ("municipality", "407", "999"),
        ("state", "open", "ended"),
        ("ordering", "client__name", "nothing"),
        ("ordering", "-client__identity_code", "nothing"),
        ("ordering", "reason", "nothing"),
        ("ordering", "identity_hash", "nothing"),
    ]
    for name, matching, matching_nobody in probes:
        first, second = (client.get(URL, {name: value}) for value in (matching, matching_nobody))
        assert (first.status_code, first.json()) == (second.status_code, second.json()), name
        assert first.status_code == 200 and first.json()["count"] == 0, name


def test_filters_and_ordering_work_within_the_readable_rows(client_for):
    doctor = client_for(DOCTOR)
    pk = _period().pk
    assert [r["id"] for r in doctor.get(URL, {"municipality": "407"}).json()["results"]] == [pk]
    assert doctor.get(URL, {"municipality": "889"}).json()["count"] == 0
    assert doctor.get(URL, {"state": "ended"}).json()["count"] == 0
    assert doctor.get(URL, {"state": "nonsense"}).status_code == 400
    assert doctor.get(URL, {"ordering": "-opened_at"}).json()["count"] == 1


def test_bad_input__json_errors_never_a_500(client_for):
    doctor = client_for(DOCTOR)
    invalid = _post(doctor, URL, _referral(identity_code="131052-308X"))
    assert invalid.status_code == 400
    assert "identity_code" in invalid.json()
    taken = Booking.objects.filter(period=_period()).get().slot
    refused = _post(doctor, URL, _referral(slot=taken.pk))
    assert refused.status_code == 400 and "slot" in refused.json()
    other_place = _post(doctor, URL, _referral(municipality="889", slot=_free_slot().pk))
    assert other_place.status_code == 400 and "slot" in other_place.json()
    unknown = _post(doctor, URL, _referral(municipality="nowhere"))
    assert unknown.status_code == 400 and "municipality" in unknown.json()
    missing = _post(doctor, URL, {})
    assert missing.status_code == 400 and {"identity_code", "name", "reason"} <= set(missing.json())
    not_json = doctor.post(URL, "{not json", content_type="application/json")
    assert not_json.status_code == 400 and "detail" in not_json.json()
    bad_fhir = _post(doctor, f"{URL}fhir/", {"municipality": "407", "service_request": {"x": 1}})
    assert bad_fhir.status_code == 400 and "non_field_errors" in bad_fhir.json()
    assert Period.objects.count() == 1


def test_the_counsellor_may_not_refer__403(client_for):
    counsellor = client_for(COUNSELLOR)
    assert _post(counsellor, URL, _referral()).status_code == 403
    assert _post(counsellor, f"{URL}fhir/", {}).status_code == 403
    assert Period.objects.count() == 1


def test_a_fhir_service_request_refers_a_client(client_for):
    doctor = client_for(DOCTOR)
    request = {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "priority": "urgent",
        "subject": {
            "identifier": {"system": "urn:oid:1.2.246.21", "value": NEW_CODE},
            "display": "Kaija Kokeilija",
        },
        "reasonCode": [{"text": "Liikkumattomuus"}],
    }
    body = {"municipality": "407", "slot": _free_slot().pk, "service_request": request}
    created = _post(doctor, f"{URL}fhir/", body)
    assert created.status_code == 201, created.content
    period = Period.objects.get(pk=created.json()["id"])
    assert (period.reason, period.urgency, period.client.name) == (
        "Liikkumattomuus",
        "soon",
        "Kaija Kokeilija",
    )
    assert period.bookings.count() == 1


CSRF = "a" * 32  # a CSRF secret sent as the cookie and the header, as a browser's script does


def test_fuzz__the_operations_reached_with_the_second_factor__no_500_schema_kept(client_for):
    """tests/core/test_api_fuzz.py sends tokens, which never reach counselling data; here
    schemathesis sends the operations of `referrals` in sessions of the doctor and the
    counsellor that passed the second factor, so that the record, the export and the
    referrals are fuzzed too."""
    problems: dict[tuple, str] = {}
    statuses: set[int] = set()
    for username in (DOCTOR, COUNSELLOR):
        session = client_for(username).cookies["sessionid"].value
        cookies = {"sessionid": session, "csrftoken": CSRF}
        for operation in fuzz.OPERATIONS.values():
            if operation.path.startswith(URL):
                _fuzzed(operation, cookies, problems, statuses)
    assert 200 in statuses  # the data was reached
    assert not problems, "\n".join(f"{key}: {text}" for key, text in problems.items())


def _fuzzed(operation, cookies: dict, problems: dict, statuses: set) -> None:
    from hypothesis import HealthCheck, Phase, given, settings

    @settings(
        max_examples=4,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=fuzz._cases(operation, fuzz._existing_ids(operation.path)))
    def example(case):
        case.cookies = {**(case.cookies or {}), **cookies}
        headers = {"X-CSRFToken": CSRF}
        with transaction.atomic():
            try:
                with fuzz._in_test_transaction():
                    response = case.call(headers=headers)
                statuses.add(response.status_code)
                try:
                    case.validate_response(response, checks=fuzz.CHECKS, headers=headers)
                except FailureGroup as group:
                    for failure in group.exceptions:
                        key = (operation.label, type(failure).__name__, response.status_code)
                        problems.setdefault(key, fuzz._failure_text(failure))
                if (problem := fuzz._json_error(response)) is not None:
                    problems.setdefault((operation.label, "json", response.status_code), problem)
            finally:
                transaction.set_rollback(True)

    example()

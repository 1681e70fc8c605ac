"""The client's confirmation of the booked time by e-mail (issue 19, item 2): sent when the
referrer gives the client's address, once the referral has committed, in the language
chosen (by default the page's); it says the time, the place, the counsellor and the
municipality and how to cancel — no health data, no identity code, no name; its sending is
logged without the address, and the address is stored nowhere. Nothing is sent without an
address or when the referral fails."""

import pytest
from django.db import connection
from django.utils import formats, timezone, translation

from elinvoima.actors.models import Municipality
from elinvoima.counselling.enums import AuditAction
from elinvoima.counselling.models import AuditEntry, Booking, Period
from elinvoima.counselling.selectors import free_slots_of

pytestmark = pytest.mark.django_db

ADDRESS = "kaija.kokeilija@example.org"
CODE = "010101A123N"
FORM_URL = "/{language}/counselling/referrals/new/?municipality=407"


def _form(slot, **changes) -> dict:
    return {
        "municipality": "407",
        "identity_code": CODE,
        "name": "Kaija Kokeilija",
        "reason": "Liikkumattomuus",
        "goals": "Kävely 150 min viikossa",
        "risk_factors": "Kohonnut verensokeri",
        "urgency": "routine",
        "slot": slot.pk,
        "client_email": ADDRESS,
        **changes,
    }


@pytest.fixture
def slot(demo):
    return free_slots_of(Municipality.objects.get(code="407")).first()


@pytest.fixture
def doctor(client_for):
    return client_for("laakari.lapinjarvi")


def test_the_page_sends_the_confirmation_in_the_chosen_language(
    doctor, slot, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = doctor.post(FORM_URL.format(language="fi"), _form(slot, client_language="sv"))
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == [ADDRESS]
    assert mail.subject == "Bekräftelse av tiden för motionsrådgivning"
    html = mail.alternatives[0][0]
    with translation.override("sv"):
        when = formats.date_format(timezone.localtime(slot.starts_at), "l j.n.Y H.i")
        municipality = Municipality.objects.get(code="407").name
    for text in (mail.body, html):
        assert "Du har remitterats till motionsrådgivningen i" in text
        assert when in text and slot.place in text and municipality in text
        for secret in (CODE, "Kaija", "Liikkumattomuus", "Kävely", "verensokeri"):
            assert secret not in text
    period = Period.objects.order_by("-pk").first()
    sent = AuditEntry.objects.get(period=period, what="confirmation e-mail")
    assert sent.action == AuditAction.EXPORT
    assert not AuditEntry.objects.filter(what__contains="@").exists()


def test_the_language_is_the_pages_by_default(
    doctor, slot, mailoutbox, django_capture_on_commit_callbacks
):
    form = doctor.get(FORM_URL.format(language="sv")).context["form"]
    assert form["client_language"].initial == "sv"
    assert "sparas ingenstans" in str(form.fields["client_email"].help_text)  # not saved
    with django_capture_on_commit_callbacks(execute=True):
        doctor.post(FORM_URL.format(language="fi"), _form(slot, client_language=""))
    [mail] = mailoutbox
    assert mail.subject == "Vahvistus liikuntaneuvonnan ajasta"  # the request's: /fi/
    assert "Sinut on ohjattu liikuntaneuvontaan" in mail.body


def test_the_address_is_stored_nowhere(
    doctor, slot, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        doctor.post(FORM_URL.format(language="fi"), _form(slot))
    assert len(mailoutbox) == 1
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("counselling_"):
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
                assert ADDRESS not in repr(cursor.fetchall()), table


def test_nothing_is_sent_without_an_address(
    doctor, slot, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = doctor.post(FORM_URL.format(language="fi"), _form(slot, client_email=""))
    assert response.status_code == 302 and mailoutbox == []
    assert not AuditEntry.objects.filter(what="confirmation e-mail").exists()


def test_nothing_is_sent_when_the_referral_fails(
    doctor, slot, mailoutbox, django_capture_on_commit_callbacks
):
    taken = Booking.objects.get(period__municipality__code="407").slot
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invalid = doctor.post(FORM_URL.format(language="fi"), _form(slot, identity_code="1-2"))
        booked = doctor.post(FORM_URL.format(language="fi"), _form(taken))
        no_time = doctor.post(FORM_URL.format(language="fi"), {**_form(slot), "slot": ""})
    assert [r.status_code for r in (invalid, booked, no_time)] == [200, 200, 200]
    assert "client_email" in no_time.context["form"].errors
    assert callbacks == [] and mailoutbox == []
    assert Period.objects.count() == 1


def test_the_api_sends_it_too(doctor, slot, mailoutbox, django_capture_on_commit_callbacks):
    body = {key: value for key, value in _form(slot).items() if key != "urgency"}
    with django_capture_on_commit_callbacks(execute=True):
        created = doctor.post(
            "/api/v1/referrals/", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="sv"
        )
    assert created.status_code == 201, created.content
    assert ADDRESS not in created.content.decode()
    [mail] = mailoutbox
    assert mail.subject.startswith("Bekräftelse")
    refused = doctor.post(
        "/api/v1/referrals/",
        {**body, "client_email": "not an address"},
        content_type="application/json",
    )
    assert refused.status_code == 400 and "client_email" in refused.json()
    assert len(mailoutbox) == 1

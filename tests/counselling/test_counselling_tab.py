"""The counselling tab (issue 19, second slice, services): the counsellor makes the exercise
plan and the self-care programme with the client, records visits with the measurements
they choose, and closes the period with its outcome; the referrer then reads the summary;
the audit log holds every access. Clients also come without a referral. Closed periods
take no more writes; those not assigned are refused and logged."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404

from elinvoima.actors.enums import Role
from elinvoima.counselling.enums import AccessRole, AuditAction, BookingState, ClientSource
from elinvoima.counselling.models import AuditEntry, Booking, Period
from elinvoima.counselling.services import (
    VisitData,
    WalkInData,
    booking_mark,
    period_close,
    plan_save,
    record_read,
    referral_create,
    visit_record,
    walk_in_create,
)
from tests.counselling.test_records import (
    TODAY,
    _people,
    _place,
    _referral,
    _slot,
)
from tests.factories import coordinator_of, member_of, municipality_organisation
from tests.factories.counselling import staff_access

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def test_referral_to_closed_period_and_the_referrer_reads_the_summary():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    slot = _slot(counsellor, municipality)
    period = referral_create(user=referrer, data=_referral(municipality, slot=slot))
    plan_save(
        user=counsellor,
        period=period,
        exercise_plan="Kävely 3 x 30 min viikossa, kuntosali kerran viikossa.",
        self_care="Askelmittari, viikoittainen päiväkirja.",
    )
    booking = Booking.objects.get(period=period)
    visit_record(
        user=counsellor,
        period=period,
        data=VisitData(
            TODAY, "Aloituskäynti.", {"activity_minutes": 40, "chair_stand": 9}, booking
        ),
    )
    visit_record(
        user=counsellor,
        period=period,
        data=VisitData(TODAY, "Seurantakäynti.", {"activity_minutes": 150}),
    )
    assert Booking.objects.get(pk=booking.pk).state == BookingState.ATTENDED
    period_close(
        user=counsellor,
        period=period,
        outcome="goals_met",
        summary="Liikunta 150 min viikossa; jatkaa itsenäisesti.",
    )
    read = record_read(user=referrer, period=Period.objects.get(pk=period.pk))
    assert read.outcome_summary == "Liikunta 150 min viikossa; jatkaa itsenäisesti."
    visits = list(period.visits.all())
    assert json.loads(visits[0].measurements) == {"activity_minutes": 40, "chair_stand": 9}
    with connection.cursor() as cursor:  # notes and measurements encrypted at rest
        cursor.execute("SELECT notes, measurements FROM counselling_visit")
        for notes, measurements in cursor.fetchall():
            assert "käynti" not in notes and "activity" not in measurements
    log = list(AuditEntry.objects.filter(client=period.client).values_list("user_id", "action"))
    assert (referrer.pk, AuditAction.CREATE) in log and (referrer.pk, AuditAction.READ) in log
    assert [a for u, a in log if u == counsellor.pk].count(AuditAction.CREATE) == 2  # visits
    assert [a for u, a in log if u == counsellor.pk].count(AuditAction.CHANGE) == 2
    with pytest.raises(ValidationError):  # a closed period takes no more writes
        visit_record(user=counsellor, period=period, data=VisitData(TODAY, "Myöhässä."))


def test_only_the_assigned_counsellor_writes_and_refusals_are_logged():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    period = referral_create(
        user=referrer, data=_referral(municipality, slot=_slot(counsellor, municipality))
    )
    colleague = member_of(municipality_organisation(municipality), Role.EXERCISE_COUNSELLOR)
    staff_access(colleague, county, AccessRole.COUNSELLOR, municipality)
    with pytest.raises(PermissionDenied):
        plan_save(user=colleague, period=period, exercise_plan="Ei saa.")
    with pytest.raises(PermissionDenied):  # the referrer reads but does not write the tab
        plan_save(user=referrer, period=period, exercise_plan="Ei saa.")
    assert AuditEntry.objects.filter(action=AuditAction.DENIED).count() == 2
    with pytest.raises(Http404):
        plan_save(user=coordinator_of(municipality), period=period, exercise_plan="Ei.")
    assert not Period.objects.get(pk=period.pk).exercise_plan


def test_bad_visits_are_refused():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    period = referral_create(
        user=referrer, data=_referral(municipality, slot=_slot(counsellor, municipality))
    )
    tomorrow = TODAY + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        visit_record(
            user=counsellor,
            period=period,
            data=VisitData(tomorrow, measurements={"blood_type": 1, "activity_minutes": -5}),
        )
    assert set(refused.value.message_dict) == {"visited_on", "measurements"}
    assert not period.visits.exists()


def test_a_booking_is_cancelled_or_marked_missed():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    slot = _slot(counsellor, municipality)
    period = referral_create(user=referrer, data=_referral(municipality, slot=slot))
    booking = Booking.objects.get(period=period)
    booking_mark(user=referrer, booking=booking, state=BookingState.CANCELLED)
    with pytest.raises(ValidationError):
        booking_mark(user=referrer, booking=booking, state=BookingState.CANCELLED)
    again = referral_create(
        user=referrer, data=_referral(municipality, identity_code="010101A123N", slot=slot)
    )  # the cancelled time is free again
    second = Booking.objects.get(period=again)
    with pytest.raises(PermissionDenied):  # the referrer cannot mark a no-show
        booking_mark(user=referrer, booking=second, state=BookingState.NO_SHOW)
    booking_mark(user=counsellor, booking=second, state=BookingState.NO_SHOW)
    assert Booking.objects.get(pk=second.pk).state == BookingState.NO_SHOW


def test_clients_come_without_a_referral_too():
    municipality, county = _place()
    counsellor, _referrer = _people(municipality, county)
    period = walk_in_create(
        user=counsellor,
        county=county,
        municipality=municipality,
        data=WalkInData("131052-308T", "Matti", ClientSource.TESTING_DAY, "Testauspäivältä."),
    )
    assert period.source == ClientSource.TESTING_DAY and period.referrer is None
    record_read(user=counsellor, period=period)
    with pytest.raises(ValidationError):
        walk_in_create(
            user=counsellor,
            county=county,
            municipality=municipality,
            data=WalkInData("131052-308T", "Matti", ClientSource.REFERRAL),
        )
    with pytest.raises(Http404):
        walk_in_create(
            user=coordinator_of(municipality),
            county=county,
            municipality=municipality,
            data=WalkInData("131052-308T", "Matti", ClientSource.SELF),
        )


SERVICE_REQUEST = {
    "resourceType": "ServiceRequest",
    "status": "active",
    "intent": "order",
    "priority": "urgent",
    "subject": {
        "identifier": {"system": "urn:oid:1.2.246.21", "value": "131052-308T"},
        "display": "Maija Meikäläinen",
    },
    "reasonCode": [{"text": "Tyypin 2 diabeteksen riski"}],
    "note": [{"text": "Tavoite: 150 min liikuntaa viikossa."}],
}


def test_fhir__a_service_request_becomes_a_referral_and_a_period_goes_back_as_a_bundle():
    from fhir.resources.R4B.bundle import Bundle

    from elinvoima.counselling.services import period_export, referral_from_fhir

    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    slot = _slot(counsellor, municipality)
    period = referral_from_fhir(
        user=referrer, municipality=municipality, payload=json.dumps(SERVICE_REQUEST), slot=slot
    )
    assert (period.reason, period.urgency) == ("Tyypin 2 diabeteksen riski", "soon")
    assert period.client.name == "Maija Meikäläinen"
    plan_save(user=counsellor, period=period, exercise_plan="Kävely 3 x 30 min.")
    visit_record(
        user=counsellor,
        period=period,
        data=VisitData(TODAY, "Käynti.", {"walk_6min": 480}, Booking.objects.get(period=period)),
    )
    bundle = period_export(user=referrer, period=period)
    Bundle.model_validate(bundle)  # valid FHIR R4
    kinds = sorted(entry["resource"]["resourceType"] for entry in bundle["entry"])
    assert kinds == ["Appointment", "CarePlan", "Encounter", "Observation"]
    observation = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"
    )
    assert observation["valueQuantity"]["value"] == 480
    assert observation["subject"]["identifier"]["value"] == "131052-308T"
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, user=referrer).count() == 1
    for broken in ("{", {"resourceType": "Patient"}, {**SERVICE_REQUEST, "subject": {}}):
        with pytest.raises(ValidationError):
            referral_from_fhir(user=referrer, municipality=municipality, payload=broken)
    with pytest.raises(Http404):
        period_export(user=coordinator_of(municipality), period=period)

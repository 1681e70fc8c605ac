"""Exercise counselling's locked-down records (issue 19, first slice): a referring
professional of the county refers a client and books a counsellor's time; the identity code
is validated, stored encrypted and found by its keyed hash; a taken time is refused by the
database, also when two book at once; access exists only while the county's grant and its
agreement with the municipality are valid, a counsellor's only after induction; a referrer
reading someone else's client gets 403 and an audit entry; the platform admin and the
coordinator get nothing; the audit log is only ever added to; the keys rotate."""

import datetime
import threading

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.utils import timezone

from elinvoima.actors.enums import Role
from elinvoima.counselling.enums import AccessRole, AuditAction
from elinvoima.counselling.models import (
    AccessAgreement,
    AuditEntry,
    Booking,
    CareTeam,
    Client,
    Period,
    Slot,
    StaffAccess,
)
from elinvoima.counselling.rotation import keys_rotate
from elinvoima.counselling.services import (
    ReferralData,
    booking_create,
    client_found,
    record_read,
    referral_create,
)
from tests.factories import (
    AdminFactory,
    MunicipalityFactory,
    coordinator_of,
    county_organisation,
    member_of,
    municipality_organisation,
)
from tests.factories.counselling import staff_access

TODAY = timezone.localdate()
CODE = "131052-308T"  # a valid test code (stdnum's example)


def _place():
    municipality = MunicipalityFactory()
    county = municipality.wellbeing_county
    AccessAgreement.objects.create(
        wellbeing_county=county,
        municipality=municipality,
        reference="Sopimus kirjaamisoikeudesta",
        valid_from=TODAY - datetime.timedelta(days=30),
    )
    return municipality, county


def _people(municipality, county):
    counsellor = member_of(municipality_organisation(municipality), Role.EXERCISE_COUNSELLOR)
    referrer = member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL)
    staff_access(counsellor, county, AccessRole.COUNSELLOR, municipality)
    staff_access(referrer, county, AccessRole.REFERRER)
    return counsellor, referrer


def _slot(counsellor, municipality, hours=24):
    starts = timezone.now() + datetime.timedelta(hours=hours)
    return Slot.objects.create(
        counsellor=counsellor,
        municipality=municipality,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        place="Terveysasema, huone 3",
    )


def _referral(municipality, **changes):
    return ReferralData(
        **{
            "identity_code": CODE,
            "name": "Maija Meikäläinen",
            "municipality": municipality,
            "reason": "Liikkumattomuus, tyypin 2 diabeteksen riski.",
            **changes,
        }
    )


@pytest.mark.django_db
@pytest.mark.both_databases
def test_a_referral_books_a_time_and_stores_the_code_encrypted():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    slot = _slot(counsellor, municipality)
    period = referral_create(user=referrer, data=_referral(municipality, slot=slot))
    assert list(period.counsellors.all()) == [counsellor]
    assert Booking.objects.get(period=period).slot == slot
    with connection.cursor() as cursor:
        cursor.execute("SELECT identity_code, name, identity_hash FROM counselling_client")
        stored_code, stored_name, digest = cursor.fetchone()
    assert CODE not in stored_code and "Maija" not in stored_name and CODE not in digest
    client = Client.objects.get()
    assert (client.identity_code, client.name) == (CODE, "Maija Meikäläinen")
    assert client_found(county, CODE) == client  # by the keyed hash
    again = referral_create(user=referrer, data=_referral(municipality, name="Maija Uusinimi"))
    assert again.client == client  # the same client, not a second one
    # ...under the name the referrer gave, never the one on file (which would tell them
    # the person had been a client before).
    assert Client.objects.get().name == "Maija Uusinimi"
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count(AuditAction.CREATE) == 3  # two referrals and the booking


@pytest.mark.django_db
@pytest.mark.both_databases
def test_bad_input_is_refused_with_nothing_written():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    past = _slot(counsellor, municipality, hours=-2)
    with pytest.raises(ValidationError) as refused:
        referral_create(
            user=referrer, data=_referral(municipality, identity_code="131052-308U", slot=past)
        )
    assert set(refused.value.message_dict) == {"identity_code", "slot"}
    assert "henkilötunnus" in str(refused.value)
    elsewhere = MunicipalityFactory(wellbeing_county=county)  # no agreement
    with pytest.raises(ValidationError) as refused:
        referral_create(user=referrer, data=_referral(elsewhere))
    assert "municipality" in refused.value.message_dict
    assert not Client.objects.exists()


@pytest.mark.django_db
@pytest.mark.both_databases
def test_a_taken_time_is_refused():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    slot = _slot(counsellor, municipality)
    referral_create(user=referrer, data=_referral(municipality, slot=slot))
    with pytest.raises(ValidationError) as refused:
        referral_create(
            user=referrer, data=_referral(municipality, identity_code="010101A123N", slot=slot)
        )
    assert "slot" in refused.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_two_booking_the_same_time_at_once_one_gets_it():
    """PostgreSQL (the suite's second half): two connections insert at the same moment; the
    partial unique index lets one through."""
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    slot = _slot(counsellor, municipality)
    periods = [
        referral_create(user=referrer, data=_referral(municipality, identity_code=code))
        for code in (CODE, "010101A123N")
    ]
    barrier, outcomes = threading.Barrier(2), []

    def book(period):
        barrier.wait()
        try:
            with transaction.atomic():
                booking_create(user=referrer, period=period, slot=slot)
            outcomes.append("booked")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(period,)) for period in periods]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["booked", "refused"]
    assert Booking.objects.filter(slot=slot).count() == 1


@pytest.mark.django_db
@pytest.mark.both_databases
def test_only_the_assigned_counsellor_and_the_referrer_read_the_record():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    period = referral_create(
        user=referrer, data=_referral(municipality, slot=_slot(counsellor, municipality))
    )
    record_read(user=counsellor, period=period)
    record_read(user=referrer, period=period)
    other_referrer = member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL)
    staff_access(other_referrer, county, AccessRole.REFERRER)
    with pytest.raises(PermissionDenied):
        record_read(user=other_referrer, period=period)
    denied = AuditEntry.objects.get(action=AuditAction.DENIED)
    assert (denied.user, denied.client) == (other_referrer, period.client)
    for nobody in (AdminFactory(), coordinator_of(municipality)):
        with pytest.raises(Http404):
            record_read(user=nobody, period=period)
    reads = AuditEntry.objects.filter(action=AuditAction.READ)
    assert sorted(reads.values_list("user_id", flat=True)) == sorted([counsellor.pk, referrer.pk])


@pytest.mark.django_db
@pytest.mark.both_databases
def test_access_ends_with_its_period_the_agreement_or_the_role():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    period = referral_create(
        user=referrer, data=_referral(municipality, slot=_slot(counsellor, municipality))
    )
    access = StaffAccess.objects.get(user=counsellor)
    access.valid_until = TODAY - datetime.timedelta(days=1)
    access.save()
    with pytest.raises(PermissionDenied):  # expired: refused, and the attempt logged
        record_read(user=counsellor, period=period)
    access.valid_until = TODAY + datetime.timedelta(days=30)
    access.save()
    record_read(user=counsellor, period=period)
    AccessAgreement.objects.update(valid_until=TODAY - datetime.timedelta(days=1))
    with pytest.raises((PermissionDenied, Http404)):
        record_read(user=counsellor, period=period)
    AccessAgreement.objects.update(valid_until=None)
    counsellor.memberships.all().delete()  # the municipality took the role away
    del counsellor._elinvoima_grants
    with pytest.raises((PermissionDenied, Http404)):
        record_read(user=counsellor, period=period)


@pytest.mark.django_db
@pytest.mark.both_databases
def test_a_counsellor_needs_induction():
    municipality, county = _place()
    counsellor = member_of(municipality_organisation(municipality), Role.EXERCISE_COUNSELLOR)
    with pytest.raises(DatabaseError), transaction.atomic():
        StaffAccess.objects.create(
            user=counsellor,
            wellbeing_county=county,
            municipality=municipality,
            role=AccessRole.COUNSELLOR,
            valid_from=TODAY,
            valid_until=TODAY,
        )


@pytest.mark.django_db
@pytest.mark.both_databases
def test_the_audit_log_is_only_added_to():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    referral_create(user=referrer, data=_referral(municipality))
    entry = AuditEntry.objects.get()
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(what="muutettu")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    if connection.vendor == "postgresql":  # the database refuses too
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE counselling_auditentry SET what = 'x'")
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM counselling_auditentry")
    assert AuditEntry.objects.get().what == "referral"


@pytest.mark.django_db
@pytest.mark.both_databases
def test_keys_rotate_without_losing_a_record(settings):
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    referral_create(user=referrer, data=_referral(municipality))
    old = list(settings.COUNSELLING_KEYS)
    settings.COUNSELLING_KEYS = [Fernet.generate_key().decode(), *old]
    assert keys_rotate() >= 2  # the client and the period
    settings.COUNSELLING_KEYS = settings.COUNSELLING_KEYS[:1]  # the old key dropped
    assert Client.objects.get().name == "Maija Meikäläinen"
    assert Period.objects.get().reason.startswith("Liikkumattomuus")


@pytest.mark.django_db
@pytest.mark.both_databases
def test_the_read_rule_and_its_queryset_twin_agree():
    from elinvoima.counselling.permissions import periods_visible_to, reads_period

    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    period = referral_create(
        user=referrer, data=_referral(municipality, slot=_slot(counsellor, municipality))
    )
    colleague = member_of(municipality_organisation(municipality), Role.EXERCISE_COUNSELLOR)
    staff_access(colleague, county, AccessRole.COUNSELLOR, municipality)
    expired = member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL)
    staff_access(
        expired, county, AccessRole.REFERRER, valid_until=TODAY - datetime.timedelta(days=1)
    )
    expired_referral = referral_create(
        user=referrer, data=_referral(municipality, identity_code="010101A123N")
    )
    Period.objects.filter(pk=expired_referral.pk).update(referrer=expired)
    # a care team granted reading: a member, a former member, one whose access expired
    team = CareTeam.objects.create(wellbeing_county=county, name="Hoitotiimi", may_read=True)
    member, former = (
        member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL) for _ in range(2)
    )
    for person in (member, former):
        staff_access(person, county, AccessRole.REFERRER)
    team.members.add(member, former, expired)
    team.members.remove(former)
    Period.objects.filter(pk=period.pk).update(care_team=team)
    people = [
        counsellor,
        referrer,
        colleague,
        expired,
        member,
        former,
        AdminFactory(),
        coordinator_of(municipality),
    ]
    for user in people:
        for each in Period.objects.all():
            visible = periods_visible_to(user).filter(pk=each.pk).exists()
            assert reads_period(user, each) == visible, user
    assert reads_period(counsellor, period) and not reads_period(colleague, period)
    assert reads_period(member, Period.objects.get(pk=period.pk))
    assert not reads_period(former, Period.objects.get(pk=period.pk))


@pytest.mark.django_db
@pytest.mark.both_databases
def test_statistics_hide_small_counts_and_what_subtraction_would_reveal():
    from elinvoima.counselling.services import WalkInData, walk_in_create
    from elinvoima.counselling.statistics import _suppressed, counselling_statistics

    cells = _suppressed([("a", 12), ("b", 3), ("c", 7), ("d", 0)])
    assert [c.count for c in cells] == [12, None, None, 0]  # c hidden too: a + b + c = total
    assert [c.count for c in _suppressed([("a", 2), ("b", 1)])] == [None, None]
    municipality, county = _place()
    counsellor, _referrer = _people(municipality, county)

    def walk_in(n: int):
        number = int(f"0101{50 + n:02d}{200 + n:03d}")  # born 1.1.1950+n, serial 200+n
        code = f"0101{50 + n:02d}-{200 + n:03d}" + "0123456789ABCDEFHJKLMNPRSTUVWXY"[number % 31]
        walk_in_create(
            user=counsellor,
            county=county,
            municipality=municipality,
            data=WalkInData(code, "Testi", "testing_day"),
        )

    for n in range(2):
        walk_in(n)
    few = counselling_statistics(municipalities=[municipality], year=TODAY.year)
    assert few.began is None  # two clients: fewer than five, not shown
    assert [cell.count for cell in few.sources] == [0, 0, None, 0]
    for n in range(2, 6):
        walk_in(n)
    more = counselling_statistics(municipalities=[municipality], year=TODAY.year)
    assert more.began == 6 and [cell.count for cell in more.sources] == [0, 0, 6, 0]

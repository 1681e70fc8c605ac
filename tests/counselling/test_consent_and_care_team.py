"""The client's consent to uses beyond counselling, and care teams' reading (issue 19, items 7
and 5). A consent is recorded and withdrawn by the assigned counsellor only, audited; a
withdrawn one stays on record; the database holds its dates in order and one in force a
use. Every use beyond counselling goes through the gate: the research extract holds only
clients whose consent to that purpose and study is in force, pseudonymised anew each time,
and each client included is audited. A care team's member reads the record of a period
referred within the team while the county grants it, they are in the team and their
referrer's access is valid — never writes — and a former member, or one whose access
expired, is refused and logged. The care teams are the county's keeper's to change."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse

from elinvoima.actors.enums import Role
from elinvoima.counselling.care_teams import (
    care_team_member_add,
    care_team_member_remove,
    care_team_save,
)
from elinvoima.counselling.consent import consent_record, consent_withdraw, consented_clients
from elinvoima.counselling.enums import AccessRole, AuditAction, ConsentPurpose
from elinvoima.counselling.forms import ReferralForm
from elinvoima.counselling.models import AuditEntry, CareTeam, Consent, Period, Slot, StaffAccess
from elinvoima.counselling.research import research_extract
from elinvoima.counselling.services import (
    VisitData,
    period_close,
    plan_save,
    record_read,
    referral_create,
    visit_record,
)
from tests.counselling.test_records import TODAY, _people, _place, _referral, _slot
from tests.factories import (
    AdminFactory,
    coordinator_of,
    county_official_of,
    county_organisation,
    member_of,
    municipality_organisation,
)
from tests.factories.counselling import signed_in_with_second_factor, staff_access

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

STUDY = "UKK-instituutin liikuntaneuvontatutkimus 2026"
OTHER_CODES = ("010101A123N", "150550-123K", "010190-2347")


def _keeper(county):
    keeper = county_official_of(county)
    staff_access(keeper, county, AccessRole.KEEPER)
    return keeper


def _referrer(county):
    referrer = member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL)
    staff_access(referrer, county, AccessRole.REFERRER)
    return referrer


def _team(county, *members, may_read=True, name="Terveysaseman hoitotiimi"):
    team = CareTeam.objects.create(wellbeing_county=county, name=name, may_read=may_read)
    team.members.add(*members)
    return team


def _give(counsellor, period, purpose=ConsentPurpose.RESEARCH, description=STUDY):
    return consent_record(
        user=counsellor, period=period, purpose=purpose, description=description, given_on=TODAY
    )


# --- consent ---------------------------------------------------------------------------------
def test_a_consent_is_recorded_withdrawn_and_kept_on_record_each_change_audited():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    period = referral_create(
        user=referrer, data=_referral(municipality, slot=_slot(counsellor, municipality))
    )
    consent = _give(counsellor, period)
    assert (consent.recorded_by, consent.in_force) == (counsellor, True)
    with pytest.raises(ValidationError) as twice:  # one in force a use
        _give(counsellor, period, description=f"  {STUDY} ")
    assert "description" in twice.value.message_dict
    _give(counsellor, period, purpose=ConsentPurpose.PROGRAMME)  # another purpose: its own
    consent_withdraw(user=counsellor, period=period, consent=consent)
    consent.refresh_from_db()
    assert (consent.withdrawn_on, consent.withdrawn_recorded_by) == (TODAY, counsellor)
    with pytest.raises(ValidationError):
        consent_withdraw(user=counsellor, period=period, consent=consent)
    again = _give(counsellor, period)  # given again: a new consent, the old one on record
    assert Consent.objects.filter(client=period.client).count() == 3 and again.in_force
    changes = AuditEntry.objects.filter(action=AuditAction.CHANGE, client=period.client)
    assert sorted(changes.values_list("what", flat=True)) == [
        "consent given: programme",
        "consent given: research",
        "consent given: research",
        "consent withdrawn: research",
    ]


def test_only_the_assigned_counsellor_records_or_withdraws_a_consent():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    period = referral_create(
        user=referrer, data=_referral(municipality, slot=_slot(counsellor, municipality))
    )
    consent = _give(counsellor, period)
    colleague = member_of(municipality_organisation(municipality), Role.EXERCISE_COUNSELLOR)
    staff_access(colleague, county, AccessRole.COUNSELLOR, municipality)
    for refused in (referrer, colleague):  # granted access once: 403, the attempt logged
        with pytest.raises(PermissionDenied):
            _give(refused, period, purpose=ConsentPurpose.FOLLOW_UP)
        with pytest.raises(PermissionDenied):
            consent_withdraw(user=refused, period=period, consent=consent)
    assert AuditEntry.objects.filter(action=AuditAction.DENIED).count() == 4
    for nobody in (AdminFactory(), coordinator_of(municipality)):  # never granted: no data
        with pytest.raises(Http404):
            consent_withdraw(user=nobody, period=period, consent=consent)
    other = referral_create(
        user=referrer,
        data=_referral(
            municipality, identity_code=OTHER_CODES[0], slot=_slot(counsellor, municipality, 30)
        ),
    )
    with pytest.raises(Http404):  # another client's consent through one's own period
        consent_withdraw(user=counsellor, period=other, consent=consent)
    assert Consent.objects.get().in_force


def test_bad_consents_are_refused_by_the_service_and_the_database():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    period = referral_create(
        user=referrer, data=_referral(municipality, slot=_slot(counsellor, municipality))
    )
    with pytest.raises(ValidationError) as refused:
        consent_record(
            user=counsellor,
            period=period,
            purpose="marketing",
            description=" ",
            given_on=TODAY + datetime.timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"purpose", "description", "given_on"}
    consent = _give(counsellor, period)
    with pytest.raises(IntegrityError), transaction.atomic():  # withdrawn before given
        Consent.objects.filter(pk=consent.pk).update(
            withdrawn_on=TODAY - datetime.timedelta(days=1), withdrawn_recorded_by=counsellor
        )
    with pytest.raises(IntegrityError), transaction.atomic():  # a second one in force
        Consent.objects.create(
            client=period.client,
            purpose=ConsentPurpose.RESEARCH,
            description=STUDY,
            given_on=TODAY,
            recorded_by=counsellor,
        )


def _clients_with_data(municipality, county):
    """Four clients with a closed period and two visits each: the first consents to the
    study, the second to a programme of the same name, the third to another study, the
    fourth to nothing."""
    counsellor, referrer = _people(municipality, county)
    periods = []
    for number, code in enumerate(("131052-308T", *OTHER_CODES)):
        period = referral_create(
            user=referrer,
            data=_referral(
                municipality,
                identity_code=code,
                slot=_slot(counsellor, municipality, 24 + number),
            ),
        )
        for minutes in (60, 150):
            visit_record(
                user=counsellor,
                period=period,
                data=VisitData(TODAY, "Muistiinpano", {"activity_minutes": minutes}),
            )
        period_close(user=counsellor, period=period, outcome="goals_met", summary="Hyvä.")
        periods.append(period)
    _give(counsellor, periods[0])
    _give(counsellor, periods[1], purpose=ConsentPurpose.PROGRAMME)
    _give(counsellor, periods[2], description="Toinen tutkimus")
    return counsellor, periods


def test_the_research_extract_holds_only_clients_consenting_to_that_use():
    municipality, county = _place()
    counsellor, periods = _clients_with_data(municipality, county)
    keeper = _keeper(county)
    gate = consented_clients(county=county, purpose=ConsentPurpose.RESEARCH, description=STUDY)
    assert list(gate) == [periods[0].client]
    table = research_extract(
        user=keeper, county=county, purpose=ConsentPurpose.RESEARCH, description=STUDY
    )
    rows = list(table.rows)
    assert len(rows) == 2 and {row[0] for row in rows} == {rows[0][0]}  # one client's visits
    assert [(row[5], row[6], row[7]) for row in rows] == [(2, 1, 60), (2, 2, 150)]
    text = repr(rows) + repr(table.header)
    for period in periods:  # no identity, no notes
        assert period.client.identity_code not in text and period.client.name not in text
    assert "Muistiinpano" not in text
    exports = AuditEntry.objects.filter(action=AuditAction.EXPORT)
    assert list(exports.values_list("client_id", "user_id")) == [(periods[0].client_id, keeper.pk)]
    again = list(
        research_extract(
            user=keeper, county=county, purpose=ConsentPurpose.RESEARCH, description=STUDY
        ).rows
    )
    assert again[0][0] != rows[0][0]  # a new pseudonym in every extract
    consent = Consent.objects.get(client=periods[0].client)
    consent_withdraw(user=counsellor, period=periods[0], consent=consent)
    after = research_extract(
        user=keeper, county=county, purpose=ConsentPurpose.RESEARCH, description=STUDY
    )
    assert list(after.rows) == []  # withdrawn: gone from the next extract


def test_the_research_extract_is_the_keepers_only():
    municipality, county = _place()
    counsellor, _referrer = _people(municipality, county)
    other_keeper = _keeper(_place()[1])  # keeps another county's register
    for refused in (counsellor, other_keeper):
        with pytest.raises(PermissionDenied):
            research_extract(
                user=refused, county=county, purpose=ConsentPurpose.RESEARCH, description=STUDY
            )
    with pytest.raises(Http404):
        research_extract(
            user=AdminFactory(), county=county, purpose=ConsentPurpose.RESEARCH, description=STUDY
        )
    # The two granted attempts are logged (of no one client); no client's data was read.
    refusals = AuditEntry.objects.filter(action=AuditAction.DENIED, client=None)
    assert sorted(refusals.values_list("user", flat=True)) == sorted(
        [counsellor.pk, other_keeper.pk]
    )
    assert not AuditEntry.objects.exclude(action=AuditAction.DENIED).exists()


def test_consent_pages_the_record_the_confirmation_step_and_the_extract():
    municipality, county = _place()
    counsellor, periods = _clients_with_data(municipality, county)
    period, referrer = periods[0], periods[0].referrer
    record_url = reverse("counselling:period", kwargs={"pk": period.pk})
    consent = Consent.objects.get(client=period.client)
    withdraw_url = reverse(
        "counselling:consent-withdraw", kwargs={"pk": period.pk, "consent_pk": consent.pk}
    )
    doctor = signed_in_with_second_factor(referrer)
    read_only = doctor.get(record_url).content.decode()
    assert (
        STUDY in read_only and withdraw_url not in read_only and 'name="purpose"' not in read_only
    )
    assert doctor.get(withdraw_url).status_code == 403
    counselling = signed_in_with_second_factor(counsellor)
    page = counselling.get(record_url).content.decode()
    assert withdraw_url in page and 'name="purpose"' in page
    added = counselling.post(
        reverse("counselling:consent-add", kwargs={"pk": period.pk}),
        {"purpose": "follow_up", "description": "Seurantakysely", "given_on": TODAY.isoformat()},
    )
    assert added.status_code == 302 and Consent.objects.filter(purpose="follow_up").exists()
    asked = counselling.get(withdraw_url)
    assert asked.status_code == 200 and STUDY in asked.content.decode()
    assert Consent.objects.get(pk=consent.pk).in_force  # asking changes nothing
    assert counselling.post(withdraw_url).status_code == 302
    assert not Consent.objects.get(pk=consent.pk).in_force
    keeper = signed_in_with_second_factor(_keeper(county))
    extract_url = reverse("counselling:research-extract", kwargs={"code": county.code})
    form = keeper.get(extract_url)
    choices = dict(form.context["form"].fields["use"].choices)
    assert list(choices) == [  # what is in force: not the withdrawn study
        "follow_up:Seurantakysely",
        f"programme:{STUDY}",
        "research:Toinen tutkimus",
    ]
    download = keeper.post(extract_url, {"use": "research:Toinen tutkimus"})
    assert download["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig")), delimiter=";"))
    assert len(lines) == 3 and periods[2].client.name not in download.content.decode()
    assert doctor.get(extract_url).status_code == 404  # not the keeper: no such page


# --- care teams ------------------------------------------------------------------------------
def test_a_care_team_member_reads_while_in_the_team_with_a_valid_access():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    nurse = _referrer(county)
    team = _team(county, referrer, nurse)
    period = referral_create(
        user=referrer, data=_referral(municipality, slot=_slot(counsellor, municipality))
    )
    assert period.care_team == team  # the referrer's only team
    record_read(user=nurse, period=period)
    with pytest.raises(PermissionDenied):  # reads, does not write the counselling tab
        plan_save(user=nurse, period=period, exercise_plan="Ei saa.")
    team.members.remove(nurse)  # a former member
    with pytest.raises(PermissionDenied):
        record_read(user=nurse, period=period)
    team.members.add(nurse)
    StaffAccess.objects.filter(user=nurse).update(valid_until=TODAY - datetime.timedelta(days=1))
    with pytest.raises(PermissionDenied):  # the referrer's access expired
        record_read(user=nurse, period=period)
    StaffAccess.objects.filter(user=nurse).update(valid_until=TODAY + datetime.timedelta(days=9))
    CareTeam.objects.filter(pk=team.pk).update(may_read=False)  # the county took it away
    with pytest.raises(PermissionDenied):
        record_read(user=nurse, period=period)
    denied = AuditEntry.objects.filter(user=nurse, action=AuditAction.DENIED)
    assert denied.count() == 4 and {e.client_id for e in denied} == {period.client_id}
    assert AuditEntry.objects.filter(user=nurse, action=AuditAction.READ).count() == 1


def test_a_referral_is_made_within_the_referrers_chosen_team():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    first, second = _team(county, referrer), _team(county, referrer, name="Diabetestiimi")
    _team(county, referrer, may_read=False, name="Ei lukuoikeutta")
    foreign = _team(county, _referrer(county), name="Muiden tiimi")
    unchosen = referral_create(user=referrer, data=_referral(municipality))
    assert unchosen.care_team is None  # in two granted teams, none chosen: none
    chosen = referral_create(
        user=referrer, data=_referral(municipality, identity_code=OTHER_CODES[0], care_team=second)
    )
    assert chosen.care_team == second
    with pytest.raises(ValidationError) as refused:
        referral_create(
            user=referrer,
            data=_referral(municipality, identity_code=OTHER_CODES[1], care_team=foreign),
        )
    assert "care_team" in refused.value.message_dict
    teams = CareTeam.objects.filter(pk__in=[first.pk, second.pk])
    assert "care_team" in ReferralForm(slots=Slot.objects.none(), care_teams=teams).fields
    one = CareTeam.objects.filter(pk=first.pk)
    assert "care_team" not in ReferralForm(slots=Slot.objects.none(), care_teams=one).fields


def test_the_keeper_names_the_care_teams_grants_reading_and_changes_members():
    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    keeper = _keeper(county)
    team = care_team_save(user=keeper, county=county, name=" Hoitotiimi ", may_read=False)
    assert (team.name, team.may_read, team.may_read_set_by) == ("Hoitotiimi", False, keeper)
    team = care_team_save(user=keeper, team=team, name="Hoitotiimi", may_read=True)
    assert team.may_read and team.may_read_set_by == keeper and team.may_read_set_at
    with pytest.raises(ValidationError) as taken:
        care_team_save(user=keeper, county=county, name="Hoitotiimi", may_read=True)
    assert "name" in taken.value.message_dict
    care_team_member_add(user=keeper, team=team, member=referrer)
    with pytest.raises(ValidationError):  # no referrer's access in the county
        care_team_member_add(user=keeper, team=team, member=counsellor)
    assert list(team.members.all()) == [referrer]
    care_team_member_remove(user=keeper, team=team, member=referrer)
    assert not team.members.exists()
    other_keeper = _keeper(_place()[1])
    for refused in (counsellor, referrer, other_keeper):
        with pytest.raises(PermissionDenied):
            care_team_member_add(user=refused, team=team, member=referrer)
    with pytest.raises(Http404):  # the platform admin: counselling does not exist
        care_team_save(user=AdminFactory(), team=team, name="Oma", may_read=True)
    assert CareTeam.objects.get().name == "Hoitotiimi"


def test_periods_of_a_care_team_are_listed_as_they_are_read():
    """The twin (`periods_visible_to`) answers as the predicate for a team's members;
    tests/counselling/test_records.py holds the two together for everyone else too."""
    from elinvoima.counselling.permissions import periods_visible_to, reads_period

    municipality, county = _place()
    counsellor, referrer = _people(municipality, county)
    nurse, former = _referrer(county), _referrer(county)
    team = _team(county, referrer, nurse)
    period = referral_create(user=referrer, data=_referral(municipality))
    Period.objects.create(
        client=period.client, municipality=municipality, source="self", care_team=None
    )
    assert list(periods_visible_to(nurse)) == [period] and reads_period(nurse, period)
    assert not periods_visible_to(former).exists() and not reads_period(former, period)
    team.members.add(former)
    team.members.remove(former)
    assert not periods_visible_to(former).exists()

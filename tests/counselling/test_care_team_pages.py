"""The county's keeper of the register keeps the care teams on pages (issue 19, item 5): a
team created, its reading granted (a stale change refused), members added — only
professionals with a valid referrer's access in the county, anyone else a form error — and
removed after a confirmation, the removed member refused the record at once; every change
audited. Only the keeper of that county opens the pages (someone never granted access: 404;
anyone else: 403, logged), and a team is found only under its own county's code."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from elinvoima.actors.enums import Role
from elinvoima.counselling.enums import AccessRole, AuditAction
from elinvoima.counselling.models import AuditEntry, CareTeam
from elinvoima.counselling.permissions import referrers_of, refers_in
from elinvoima.counselling.services import ReferralData, referral_create
from tests.counselling.test_county_pages import _logged, _url, keeper_place
from tests.factories import (
    AdminFactory,
    MunicipalityFactory,
    coordinator_of,
    county_official_of,
    county_organisation,
    member_of,
)
from tests.factories.counselling import signed_in_with_second_factor, staff_access

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def place():
    return keeper_place()


def _referrer(county, **dates):
    person = member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL)
    staff_access(person, county, AccessRole.REFERRER, **dates)
    return person


def _team_url(place, team, name="county-care-team", **kwargs):
    return _url(name, place["county"], pk=team.pk, **kwargs)


def test_the_keeper_creates_a_team_grants_reading_and_changes_its_members(place):
    county, doctor, counsellor = place["county"], place["doctor"], place["counsellor"]
    nurse = _referrer(county)
    staff_access(counsellor, county, AccessRole.COUNSELLOR, place["municipality"])
    keeper = signed_in_with_second_factor(place["keeper"])
    teams_url = _url("county-care-teams", county)
    assert keeper.get(teams_url).status_code == 200

    created = keeper.post(teams_url, {"name": " Terveysaseman hoitotiimi "})
    team = CareTeam.objects.get()
    assert created.status_code == 302 and created.url == _team_url(place, team)
    assert (team.name, team.may_read, team.wellbeing_county) == (
        "Terveysaseman hoitotiimi",
        False,
        county,
    )
    taken = keeper.post(teams_url, {"name": "Terveysaseman hoitotiimi", "may_read": "on"})
    assert taken.status_code == 200 and "name" in taken.context["form"].errors

    # reading granted, with the version the page loaded; a stale change is refused
    page = keeper.get(_team_url(place, team))
    loaded = page.context["form"].initial["loaded_version"]
    granted = keeper.post(
        _team_url(place, team),
        {"step": "team", "name": team.name, "may_read": "on", "loaded_version": loaded},
    )
    assert granted.status_code == 302
    team.refresh_from_db()
    assert team.may_read and team.may_read_set_by == place["keeper"] and team.may_read_set_at
    stale = keeper.post(
        _team_url(place, team), {"step": "team", "name": "Toinen", "loaded_version": loaded}
    )
    assert stale.status_code == 200 and stale.context["form"].non_field_errors()
    team.refresh_from_db()
    assert (team.name, team.may_read) == ("Terveysaseman hoitotiimi", True)
    page = keeper.get(_team_url(place, team))
    assert "Asettanut" in page.content.decode()  # who set the reading ("Set by"), and when

    # members: only professionals with a valid referrer's access are offered and accepted
    offered = page.context["member_form"].fields["member"].queryset
    assert set(offered) == {doctor, nurse}
    refused = keeper.post(_team_url(place, team), {"step": "member", "member": counsellor.pk})
    assert refused.status_code == 200 and "member" in refused.context["member_form"].errors
    for person in (doctor, nurse):
        added = keeper.post(_team_url(place, team), {"step": "member", "member": person.pk})
        assert added.status_code == 302
    assert set(team.members.all()) == {doctor, nurse}
    listed = keeper.get(teams_url).content.decode()
    assert nurse.get_full_name() in listed and doctor.get_full_name() in listed

    # the doctor refers within the team: the nurse reads the record until removed
    period = referral_create(
        user=doctor,
        data=ReferralData(
            identity_code="131052-308T",
            name="Maija Meikäläinen",
            municipality=place["municipality"],
            reason="Liikkumattomuus",
        ),
    )
    assert period.care_team == team
    record = reverse("counselling:period", kwargs={"pk": period.pk})
    nurse_client = signed_in_with_second_factor(nurse)
    assert nurse_client.get(record).status_code == 200

    remove_url = _team_url(place, team, "county-care-team-member-remove", user_pk=nurse.pk)
    asked = keeper.get(remove_url)
    assert asked.status_code == 200 and nurse.get_full_name() in asked.context["question"]
    assert "counselling/county_confirm.html" in [t.name for t in asked.templates]
    assert nurse in team.members.all()  # asking removes nothing
    removed = keeper.post(remove_url, {"loaded_version": ""})
    assert removed.status_code == 302 and removed.url == _team_url(place, team)
    assert list(team.members.all()) == [doctor]
    assert nurse_client.get(record).status_code == 403  # at once
    assert AuditEntry.objects.filter(user=nurse, action=AuditAction.DENIED, period=period).exists()
    assert keeper.get(remove_url).status_code == 404  # no longer a member

    lines = _logged()
    assert [line.split(" ")[0] for line in lines] == ["create", "change"] + ["change"] * 3
    assert f"care team {team.pk} created" in lines[0]
    assert lines[2:] == [
        f"change care team {team.pk}: member user {doctor.pk} added",
        f"change care team {team.pk}: member user {nurse.pk} added",
        f"change care team {team.pk}: member user {nurse.pk} removed",
    ]


def test_only_the_keeper_of_the_teams_county_reaches_it(place):
    county = place["county"]
    team = CareTeam.objects.create(wellbeing_county=county, name="Hoitotiimi", may_read=True)
    team.members.add(place["doctor"])
    pages = [
        _url("county-care-teams", county),
        _team_url(place, team),
        _team_url(place, team, "county-care-team-member-remove", user_pk=place["doctor"].pk),
    ]
    doctor = signed_in_with_second_factor(place["doctor"])  # granted access, not the keeper
    assert all(doctor.get(url).status_code == 403 for url in pages)
    assert doctor.post(pages[0], {"name": "Oma tiimi"}).status_code == 403
    other = MunicipalityFactory().wellbeing_county
    other_keeper = county_official_of(other)
    staff_access(other_keeper, other, AccessRole.KEEPER)
    stranger = signed_in_with_second_factor(other_keeper)
    assert all(stranger.get(url).status_code == 403 for url in pages)
    assert stranger.post(pages[2], {"loaded_version": ""}).status_code == 403
    denied = AuditEntry.objects.filter(client=None, action=AuditAction.DENIED)
    assert denied.filter(user=place["doctor"]).count() == 4
    assert denied.filter(user=other_keeper).count() == 4
    # under the other keeper's own county's code, this county's team does not exist
    own = {"code": other.code, "pk": team.pk}
    mine = [
        reverse("counselling:county-care-team", kwargs=own),
        reverse(
            "counselling:county-care-team-member-remove",
            kwargs={**own, "user_pk": place["doctor"].pk},
        ),
    ]
    assert all(stranger.get(url).status_code == 404 for url in mine)
    assert stranger.post(mine[0], {"step": "team", "name": "Oma"}).status_code == 404
    assert stranger.post(mine[1], {"loaded_version": ""}).status_code == 404
    team.refresh_from_db()
    assert (team.name, list(team.members.all())) == ("Hoitotiimi", [place["doctor"]])
    for never in (coordinator_of(place["municipality"]), AdminFactory()):
        assert all(signed_in_with_second_factor(never).get(url).status_code == 404 for url in pages)


def test_the_teams_are_listed_25_a_page(place):
    county = place["county"]
    CareTeam.objects.bulk_create(
        CareTeam(wellbeing_county=county, name=f"Tiimi {number:02}") for number in range(27)
    )
    CareTeam.objects.create(wellbeing_county=MunicipalityFactory().wellbeing_county, name="Muu")
    keeper = signed_in_with_second_factor(place["keeper"])
    url = _url("county-care-teams", county)
    first = keeper.get(url)
    assert first.context["page_obj"].paginator.count == 27
    assert len(first.context["page_obj"].object_list) == 25
    last = keeper.get(url, {"page": 2}).context["page_obj"].object_list
    assert [team.name for team in last] == ["Tiimi 25", "Tiimi 26"]


def test_the_possible_members_are_those_a_referral_is_allowed(place):
    """`referrers_of` (the add form's choices) answers as `refers_in` for each person."""
    county = place["county"]
    people = [
        place["doctor"],
        place["keeper"],
        place["counsellor"],
        _referrer(county, valid_until=TODAY - DAY),  # expired
        _referrer(county, valid_from=TODAY + DAY),  # coming
        _referrer(MunicipalityFactory().wellbeing_county),  # another county's
    ]
    without_role = member_of(county_organisation(county), Role.MEMBER)
    staff_access(without_role, county, AccessRole.REFERRER)  # no longer in the role
    people.append(without_role)
    assert set(referrers_of(county)) == {p for p in people if refers_in(p, county)}
    assert set(referrers_of(county)) == {place["doctor"]}

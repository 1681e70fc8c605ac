"""The county's keeper of the register (issue 19, items 0 and 5): the pages of the county's
agreements with its municipalities and of its grants of access. Only the keeper of that
county's register opens them (someone never granted access: 404; anyone else: 403, the
attempt logged); a grant is validated into form errors (dates reversed, a counsellor
without induction or without an agreement, a person without the matching role), never a
500; every change is audited; a stale change is refused; and a grant the keeper ends stops
access to a record at once."""

import datetime

import pytest
from django.test import Client as WebClient
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from elinvoima.actors.enums import Role
from elinvoima.core.models import SecondFactorLinking
from elinvoima.counselling.access_services import access_version
from elinvoima.counselling.enums import AccessRole, AuditAction
from elinvoima.counselling.models import AccessAgreement, AuditEntry, StaffAccess
from elinvoima.counselling.services import ReferralData, referral_create
from tests.factories import (
    AdminFactory,
    MunicipalityFactory,
    coordinator_of,
    county_official_of,
    county_organisation,
    member_of,
    municipality_organisation,
)
from tests.factories.counselling import signed_in_with_second_factor, staff_access

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def _logged() -> list[str]:
    """The audit entries about no client (agreements, grants, refusals), as "action what"."""
    entries = AuditEntry.objects.filter(client=None).order_by("id")
    return [f"{entry.action} {entry.what}" for entry in entries]


@pytest.fixture
def place():
    return keeper_place()


def keeper_place() -> dict:
    """A municipality with the county's agreement, its keeper, a counsellor and a doctor."""
    municipality = MunicipalityFactory()
    county = municipality.wellbeing_county
    agreement = AccessAgreement.objects.create(
        wellbeing_county=county,
        municipality=municipality,
        reference="Sopimus kirjaamisoikeudesta",
        valid_from=TODAY - 30 * DAY,
    )
    keeper = county_official_of(county)
    staff_access(keeper, county, AccessRole.KEEPER)
    counsellor = member_of(municipality_organisation(municipality), Role.EXERCISE_COUNSELLOR)
    doctor = member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL)
    staff_access(doctor, county, AccessRole.REFERRER)
    return {
        "municipality": municipality,
        "county": county,
        "agreement": agreement,
        "keeper": keeper,
        "counsellor": counsellor,
        "doctor": doctor,
    }


def _url(name, county, **kwargs):
    return reverse(f"counselling:{name}", kwargs={"code": county.code, **kwargs})


def _grant_form(place, **changes):
    return {
        "person": place["counsellor"].pk,
        "role": AccessRole.COUNSELLOR,
        "municipality": place["municipality"].pk,
        "valid_from": TODAY.isoformat(),
        "valid_until": (TODAY + 365 * DAY).isoformat(),
        "inducted_on": (TODAY - DAY).isoformat(),
        **changes,
    }


def test_only_the_keeper_of_that_county_opens_the_pages(place):
    county = place["county"]
    pages = [_url(name, county) for name in ("county-agreements", "county-access")]
    pages.append(_url("county-erasure", county))
    keeper = signed_in_with_second_factor(place["keeper"])
    for url in pages:
        assert keeper.get(url).status_code == 200
    doctor = signed_in_with_second_factor(
        place["doctor"]
    )  # granted access, not the register's keeper
    assert all(doctor.get(url).status_code == 403 for url in pages)
    assert sum("DENIED" in line.upper() for line in _logged()) == 3
    other = MunicipalityFactory().wellbeing_county
    other_keeper = county_official_of(other)
    staff_access(other_keeper, other, AccessRole.KEEPER)
    assert signed_in_with_second_factor(other_keeper).get(pages[0]).status_code == 403
    for never in (coordinator_of(place["municipality"]), AdminFactory()):
        assert all(signed_in_with_second_factor(never).get(url).status_code == 404 for url in pages)
    assert WebClient().get(pages[0]).status_code == 404
    unverified = WebClient()
    unverified.force_login(place["keeper"])
    assert unverified.get(pages[0]).status_code == 302  # the second factor first


def test_a_grant_with_bad_input_is_a_form_error_not_a_500(place):
    url = _url("county-access", place["county"])
    keeper = signed_in_with_second_factor(place["keeper"])
    before = StaffAccess.objects.count()
    reversed_dates = keeper.post(
        url, _grant_form(place, valid_until=(TODAY - 20 * DAY).isoformat())
    )
    assert reversed_dates.status_code == 200
    assert "valid_until" in reversed_dates.context["form"].errors
    uninducted = keeper.post(url, _grant_form(place, inducted_on=""))
    assert uninducted.status_code == 200
    assert "inducted_on" in uninducted.context["form"].errors
    no_agreement = keeper.post(
        url,
        _grant_form(place, municipality=MunicipalityFactory(wellbeing_county=place["county"]).pk),
    )
    assert "municipality" in no_agreement.context["form"].errors
    wrong_role = keeper.post(url, _grant_form(place, role=AccessRole.KEEPER))
    assert "person" in wrong_role.context["form"].errors  # a counsellor is no county official
    stranger = member_of(county_organisation(MunicipalityFactory().wellbeing_county), Role.MEMBER)
    not_offered = keeper.post(url, _grant_form(place, person=stranger.pk))
    assert "person" in not_offered.context["form"].errors
    assert StaffAccess.objects.count() == before


def test_the_keeper_grants_renews_and_ends_a_counsellors_access(place):
    county, counsellor = place["county"], place["counsellor"]
    keeper = signed_in_with_second_factor(place["keeper"])
    granted = keeper.post(_url("county-access", county), _grant_form(place))
    assert granted.status_code == 302
    access = StaffAccess.objects.get(user=counsellor)
    assert (access.role, access.granted_by) == (AccessRole.COUNSELLOR, place["keeper"])
    # The keeper vouches for the person: leave to link a second factor the first time.
    assert SecondFactorLinking.objects.get(user=counsellor).allowed_by == place["keeper"]
    again = keeper.post(_url("county-access", county), _grant_form(place))
    assert "person" in again.context["form"].errors  # already has it then
    period = referral_create(
        user=place["doctor"],
        data=ReferralData(
            identity_code="131052-308T",
            name="Maija Meikäläinen",
            municipality=place["municipality"],
            reason="Liikkumattomuus",
        ),
    )
    period.counsellors.add(counsellor)
    record = reverse("counselling:period", kwargs={"pk": period.pk})
    assert signed_in_with_second_factor(counsellor).get(record).status_code == 200

    change_url = _url("county-access-change", county, pk=access.pk)
    page = keeper.get(change_url)
    loaded = page.context["form"].initial["loaded_version"]
    renewed = TODAY + 400 * DAY
    changed = keeper.post(
        change_url,
        {
            "valid_until": renewed.isoformat(),
            "inducted_on": (TODAY - 2 * DAY).isoformat(),
            "loaded_version": loaded,
        },
    )
    assert changed.status_code == 302
    access.refresh_from_db()
    assert (access.valid_until, access.inducted_on) == (renewed, TODAY - 2 * DAY)
    stale = keeper.post(
        change_url, {"valid_until": TODAY.isoformat(), "inducted_on": "", "loaded_version": loaded}
    )
    assert stale.status_code == 200 and stale.context["form"].non_field_errors()
    reversed_dates = keeper.post(
        change_url,
        {
            "valid_until": (TODAY - 30 * DAY).isoformat(),
            "inducted_on": (TODAY - 2 * DAY).isoformat(),
            "loaded_version": access_version(access),
        },
    )
    assert "valid_until" in reversed_dates.context["form"].errors

    end_url = _url("county-access-end", county, pk=access.pk)
    asked = keeper.get(end_url)
    assert asked.status_code == 200 and counsellor.get_full_name() in asked.context["question"]
    ended = keeper.post(end_url, {"loaded_version": access_version(access)})
    assert ended.status_code == 302
    access.refresh_from_db()
    assert access.valid_until == TODAY - DAY
    assert signed_in_with_second_factor(counsellor).get(record).status_code == 403  # at once
    assert AuditEntry.objects.filter(
        user=counsellor, action=AuditAction.DENIED, period=period
    ).exists()
    lines = _logged()
    assert [line.split(" ")[0] for line in lines] == ["create", "change", "change"]
    assert f"access {access.pk} granted" in lines[0] and "ended" in lines[2]


def test_the_keeper_records_and_ends_an_agreement(place):
    county = place["county"]
    keeper = signed_in_with_second_factor(place["keeper"])
    url = _url("county-agreements", county)
    other = MunicipalityFactory(wellbeing_county=county)
    form = {
        "municipality": other.pk,
        "reference": "Sopimus 2/2025",
        "valid_from": (TODAY + 10 * DAY).isoformat(),
        "valid_until": "",
    }
    reversed_dates = keeper.post(url, {**form, "valid_until": TODAY.isoformat()})
    assert "valid_until" in reversed_dates.context["form"].errors
    assert keeper.post(url, form).status_code == 302
    overlapping = keeper.post(url, {**form, "reference": "Toinen"})
    assert "valid_from" in overlapping.context["form"].errors
    rows = {row[0].reference: row[2] for row in keeper.get(url).context["rows"]}
    assert rows == {"Sopimus 2/2025": "coming", place["agreement"].reference: "in_force"}

    agreement = place["agreement"]
    end_url = _url("county-agreement-end", county, pk=agreement.pk)
    asked = keeper.get(end_url)
    assert asked.status_code == 200 and agreement.reference in asked.content.decode()
    loaded = asked.context["form"].initial["loaded_version"]
    too_early = keeper.post(
        end_url, {"last_day": (TODAY - 60 * DAY).isoformat(), "loaded_version": loaded}
    )
    assert "last_day" in too_early.context["form"].errors
    ended = keeper.post(end_url, {"last_day": (TODAY - DAY).isoformat(), "loaded_version": loaded})
    assert ended.status_code == 302
    agreement.refresh_from_db()
    assert agreement.valid_until == TODAY - DAY
    states = {row[0].pk: row[2] for row in keeper.get(url).context["rows"]}
    assert states[agreement.pk] == "ended"
    stale = keeper.post(end_url, {"last_day": TODAY.isoformat(), "loaded_version": loaded})
    assert stale.context["form"].non_field_errors()
    lines = _logged()
    assert [line.split(" ")[0] for line in lines] == ["create", "change"]


def test_the_list_filters_flags_grants_ending_soon_and_pages(place):
    county, municipality = place["county"], place["municipality"]
    for number in range(27):
        person = member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL)
        staff_access(person, county, AccessRole.REFERRER, valid_until=TODAY + (number + 5) * DAY)
    staff_access(place["counsellor"], county, AccessRole.COUNSELLOR, municipality)
    staff_access(
        member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL),
        county,
        AccessRole.REFERRER,
        valid_from=TODAY - 90 * DAY,
        valid_until=TODAY - 60 * DAY,
    )
    keeper = signed_in_with_second_factor(place["keeper"])
    url = _url("county-access", county)
    page = keeper.get(url)
    assert page.context["page_obj"].paginator.count == 31
    assert len(page.context["rows"]) == 25 and page.context["ending_soon"] == 26
    assert sum(row[3] for row in page.context["rows"]) == 25  # flagged on the page
    second = keeper.get(url, {"page": 2})
    assert len(second.context["rows"]) == 6
    counsellors = keeper.get(
        url, {"role": AccessRole.COUNSELLOR, "municipality": municipality.code}
    )
    assert [row[0].user for row in counsellors.context["rows"]] == [place["counsellor"]]
    ended = keeper.get(url, {"state": "ended"})
    assert [row[2] for row in ended.context["rows"]] == ["ended"]
    nonsense = keeper.get(url, {"role": "admin", "state": "x", "municipality": "nowhere"})
    assert nonsense.status_code == 200


def test_the_demo_keeper_reaches_the_pages_from_the_home_page(client_for):
    keeper = client_for("rekisteri.itauusimaa")
    home = keeper.get(reverse("counselling:home")).content.decode()
    access_url = reverse("counselling:county-access", kwargs={"code": "1"})
    assert access_url in home
    page = keeper.get(access_url)
    assert page.status_code == 200
    names = {row[0].user.username for row in page.context["rows"]}
    assert {"liikuntaneuvoja.lapinjarvi", "laakari.lapinjarvi"} <= names


def test_the_keeper_resets_a_lost_phone_and_the_person_links_a_new_one(place):
    county, doctor = place["county"], place["doctor"]
    access = StaffAccess.objects.get(user=doctor)
    lost = TOTPDevice.objects.create(user=doctor, name="lost phone")
    url = _url("county-access-second-factor-reset", county, pk=access.pk)
    keeper = signed_in_with_second_factor(place["keeper"])
    assert keeper.get(url).status_code == 200  # asked first
    assert TOTPDevice.objects.filter(pk=lost.pk).exists()
    assert keeper.post(url, {"loaded_version": ""}).status_code == 302
    assert not TOTPDevice.objects.filter(user=doctor).exists()
    assert SecondFactorLinking.objects.get(user=doctor).allowed_by == place["keeper"]
    assert f"second factor of user {doctor.pk} reset" in _logged()[-1]
    # Only the keeper: the doctor (granted) is refused and logged, others never see it.
    assert signed_in_with_second_factor(doctor).post(url).status_code == 403
    assert signed_in_with_second_factor(AdminFactory()).post(url).status_code == 404

"""Activity reports: an association reports what it did (once, however many times the phone
sends it), a club meeting in a few taps, what the database refuses is refused with a
message first, two volunteers changing one activity do not overwrite each other, and who
may see and change what."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from elinvoima.cards.activities.services import (
    ActivityData,
    ClubData,
    activity_report,
    activity_update,
    activity_version,
    club_meeting_report,
    club_save,
)
from elinvoima.cards.enums import ActivityKind
from elinvoima.cards.models import Activity
from elinvoima.cards.services import card_decision_record
from tests.factories.actors import (
    MunicipalityFactory,
    OrganisationFactory,
    client_of,
    councillor_of,
    representative_of,
)

TODAY = timezone.localdate()


def _march(world, **changes) -> ActivityData:
    values = {
        "kind": ActivityKind.EVENT,
        "name": "Rollaattorimarssi laidunkauden avajaisiin",
        "starts_on": TODAY,
        "participants": 40,
        "in_target_group": 31,
        "beyond_members": 22,
        "volunteers": 6,
        "volunteer_hours": Decimal("18.5"),
        "sub_goals": (world["subs"][2],),
        "summer_residents": True,
    }
    return ActivityData(**{**values, **changes})


def _card(world):
    card_decision_record(
        user=world["coordinator"],
        municipality=world["municipality"],
        year=TODAY.year,
        body="Kunnan johtoryhmä",
        decided_on=TODAY,
        plan=world["plan"],
        goals=[world["elderly"]],
        opens_on=datetime.date(TODAY.year, 1, 1),
        closes_on=datetime.date(TODAY.year, 12, 31),
    )


def test_report__the_same_form_sent_twice__one_activity(world):
    key = uuid.uuid4()
    rep, association = world["representative"], world["association"]

    first = activity_report(user=rep, organisation=association, data=_march(world), client_key=key)
    again = activity_report(user=rep, organisation=association, data=_march(world), client_key=key)

    assert first.pk == again.pk
    assert Activity.objects.count() == 1
    assert first.municipality == world["municipality"]
    assert list(first.sub_goals.all()) == [world["subs"][2]]
    assert first.volunteer_hours == Decimal("18.5")


@pytest.mark.both_databases
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_on": TODAY - datetime.timedelta(days=1)}, "ends_on"),
        ({"in_target_group": 41}, "in_target_group"),
        ({"beyond_members": 41}, "beyond_members"),
        ({"starts_on": TODAY + datetime.timedelta(days=1)}, "starts_on"),
        ({"name": "   "}, "name"),
        ({"participants": -1, "in_target_group": 0, "beyond_members": 0}, "participants"),
        ({"volunteer_hours": Decimal("-0.5")}, "volunteer_hours"),
        ({"name": "a\x00b"}, "name"),
    ],
)
def test_report__bad_input__refused_on_its_field_nothing_saved(world, changes, field):
    with pytest.raises(ValidationError) as refused:
        activity_report(
            user=world["representative"],
            organisation=world["association"],
            data=_march(world, **changes),
        )
    assert field in refused.value.message_dict
    assert not Activity.objects.exists()


def test_report__goal_of_another_municipality__refused(world):
    elsewhere = MunicipalityFactory()
    with pytest.raises(ValidationError) as refused:
        activity_report(
            user=world["representative"],
            organisation=world["association"],
            data=_march(world, municipality=elsewhere),
        )
    assert "municipality" in refused.value.message_dict


def test_report__another_associations_volunteer__refused_before_anything_is_checked(world):
    stranger = representative_of(OrganisationFactory(municipality=world["municipality"]))
    with pytest.raises(PermissionDenied):
        activity_report(
            user=stranger,
            organisation=world["association"],
            data=_march(world, participants=-5),
        )


def test_update__two_volunteers_from_the_same_version__the_second_refused(world):
    rep = world["representative"]
    activity = activity_report(user=rep, organisation=world["association"], data=_march(world))
    loaded = activity_version(activity)
    other = representative_of(world["association"])

    activity_update(
        user=other, activity=activity, data=_march(world, participants=45), loaded_version=loaded
    )
    with pytest.raises(ValidationError) as refused:
        activity_update(
            user=rep, activity=activity, data=_march(world, participants=50), loaded_version=loaded
        )

    assert refused.value.code == "conflict"
    activity.refresh_from_db()
    assert activity.participants == 45


def test_update__councillor_sees_it_but_may_not_change_it(world):
    activity = activity_report(
        user=world["representative"], organisation=world["association"], data=_march(world)
    )
    councillor = councillor_of(world["municipality"])
    with pytest.raises(PermissionDenied):
        activity_update(user=councillor, activity=activity, data=_march(world, participants=1))
    outsider = councillor_of(MunicipalityFactory())
    with pytest.raises(Http404):
        activity_update(user=outsider, activity=activity, data=_march(world, participants=1))


def test_club_meeting__the_club_fills_in_the_rest(world):
    rep = world["representative"]
    club = club_save(
        user=rep,
        organisation=world["association"],
        data=ClubData(
            name="Tuolijumppa",
            schedule="Tiistaisin klo 13",
            sub_goals=(world["subs"][2],),
            volunteers=2,
            volunteer_hours=Decimal(3),
        ),
    )

    meeting = club_meeting_report(user=rep, club=club, starts_on=TODAY, participants=12)

    assert (meeting.club, meeting.kind, meeting.name) == (club, ActivityKind.CLUB, "Tuolijumppa")
    assert (meeting.volunteers, meeting.volunteer_hours) == (2, Decimal(3))
    assert list(meeting.sub_goals.all()) == [world["subs"][2]]


# --- pages ---------------------------------------------------------------------------------


def test_report_page__volunteer_reports_the_march__listed_with_the_years_totals(world):
    _card(world)
    association = world["association"]
    rep = client_of(world["representative"])
    form_page = rep.get(reverse("cards:activity-new", kwargs={"pk": association.pk}))
    assert form_page.status_code == 200
    assert "Kaatumisten ehkäisy" in form_page.content.decode()
    key = str(uuid.uuid4())
    data = {
        "name": "Rollaattorimarssi",
        "kind": "event",
        "starts_on": TODAY.isoformat(),
        "participants": "40",
        "in_target_group": "31",
        "beyond_members": "22",
        "volunteers": "6",
        "volunteer_hours": "18,5",
        "sub_goals": [world["subs"][2].pk],
        "client_key": key,
    }
    url = reverse("cards:activity-new", kwargs={"pk": association.pk})

    sent = rep.post(url, data, headers={"X-Requested-With": "fetch"})
    resent = rep.post(url, data, headers={"X-Requested-With": "fetch"})

    assert sent.status_code == resent.status_code == 204
    assert sent["X-Location"].startswith(
        reverse("cards:organisation-activities", kwargs={"pk": association.pk})
    )
    assert Activity.objects.get().volunteer_hours == Decimal("18.5")
    listing = rep.get(sent["X-Location"]).content.decode()
    assert "Rollaattorimarssi" in listing
    assert "18,5" in listing and "Kiitos!" in listing


def test_report_page__counts_beyond_participants__error_at_the_field_nothing_saved(world):
    association = world["association"]
    rep = client_of(world["representative"])
    answer = rep.post(
        reverse("cards:activity-new", kwargs={"pk": association.pk}),
        {
            "name": "Retki",
            "kind": "trip",
            "starts_on": TODAY.isoformat(),
            "participants": "5",
            "in_target_group": "9",
            "beyond_members": "0",
            "volunteers": "1",
            "volunteer_hours": "2",
        },
    )
    assert answer.status_code == 200
    assert 'id="id_in_target_group_error"' in answer.content.decode()
    assert not Activity.objects.exists()


def test_pages__who_may_open_what(world):
    association = world["association"]
    activity = activity_report(
        user=world["representative"], organisation=association, data=_march(world)
    )
    listing = reverse("cards:organisation-activities", kwargs={"pk": association.pk})
    edit = reverse("cards:activity", kwargs={"pk": activity.pk})
    new = reverse("cards:activity-new", kwargs={"pk": association.pk})
    councillor = client_of(councillor_of(world["municipality"]))
    outsider = client_of(councillor_of(MunicipalityFactory()))
    stranger = client_of(representative_of(OrganisationFactory()))

    assert councillor.get(listing).status_code == 200
    assert councillor.get(edit).status_code == 403
    assert councillor.get(new).status_code == 403
    assert outsider.get(listing).status_code == 403
    assert outsider.get(edit).status_code == 404
    assert stranger.get(edit).status_code == 404
    assert client_of(None).get(listing).status_code == 302


# --- the council's summary -----------------------------------------------------------------


def test_council_summary__figures_per_sub_goal_nobody_and_not_answered(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from elinvoima.cards.models import CardDecision
    from elinvoima.cards.services import RowAnswer, card_response_save
    from elinvoima.cards.summary import council_summary

    _card(world)
    decision = CardDecision.objects.get()
    template = decision.templates.get()
    rep, association = world["representative"], world["association"]
    silent = OrganisationFactory(municipality=world["municipality"])
    template.invited.add(association, silent)
    loneliness = world["subs"][1]
    card_response_save(
        user=rep,
        template=template,
        organisation=association,
        answers={loneliness.pk: RowAnswer("Kylätalon kahvit", "")},
        submit=True,
    )
    for participants, hours in ((40, Decimal("18.5")), (12, Decimal(3))):
        activity_report(
            user=rep,
            organisation=association,
            data=_march(
                world,
                participants=participants,
                in_target_group=10,
                beyond_members=5,
                volunteer_hours=hours,
            ),
        )
    last_year = TODAY.replace(year=TODAY.year - 1, day=1)
    activity_report(user=rep, organisation=association, data=_march(world, starts_on=last_year))

    with CaptureQueriesContext(connection) as queries:
        (summary,) = council_summary(decision)

    rows = {row.goal.title: row for row in summary.rows}
    assert rows["Kaatumisten ehkäisy"].activities == 2  # not last year's
    assert rows["Kaatumisten ehkäisy"].participants == 52
    assert rows["Kaatumisten ehkäisy"].volunteer_hours == Decimal("21.5")
    assert rows["Yksinäisyyden vähentäminen"].organisations == [association.name]
    assert rows["Yksinäisyyden vähentäminen"].activities == 0
    assert [row.goal.title for row in summary.rows_without_anyone] == [
        "Turvallinen asuminen ja turvallisuudentunne"
    ]
    assert silent.name in summary.not_answered
    assert association.name not in summary.not_answered
    assert len(queries) == 6


def test_council_summary_page__councillor_reads_it_association_does_not(world):
    _card(world)
    url = reverse(
        "cards:council-summary",
        kwargs={"code": world["municipality"].code, "year": TODAY.year},
    )
    page = client_of(councillor_of(world["municipality"])).get(url)
    assert page.status_code == 200
    assert "Kaatumisten ehkäisy" in page.content.decode()
    assert client_of(world["representative"]).get(url).status_code == 403
    assert client_of(councillor_of(MunicipalityFactory())).get(url).status_code == 403


# --- reminders ----------------------------------------------------------------------------


def test_reminders__the_waiting_association_mailed_once_a_day_in_both_languages(
    world, settings, mailoutbox
):
    from elinvoima.cards.models import CardDecision, CardReminder
    from elinvoima.cards.reminders import card_reminders_request

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    _card(world)
    template = CardDecision.objects.get().templates.get()
    template.invited.add(world["association"])
    world["representative"].email = "puheenjohtaja@example.org"
    world["representative"].save()
    url = "https://elinvoima.example/fi/cards/1/answer/"

    count = card_reminders_request(user=world["coordinator"], template=template, answer_url=url)

    assert count == 1
    (mail,) = mailoutbox
    assert mail.to == ["puheenjohtaja@example.org"]
    assert url in mail.body and "Muistutus" in mail.subject and "Påminnelse" in mail.subject
    with pytest.raises(ValidationError):  # reminded today already
        card_reminders_request(user=world["coordinator"], template=template, answer_url=url)
    assert len(mailoutbox) == 1 and CardReminder.objects.count() == 1
    with pytest.raises(PermissionDenied):
        card_reminders_request(user=world["representative"], template=template, answer_url=url)


def test_remind_page__coordinator_posts__queued_and_back_at_the_summary(
    world, settings, mailoutbox
):
    from elinvoima.cards.models import CardDecision

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    _card(world)
    template = CardDecision.objects.get().templates.get()
    template.invited.add(world["association"])
    world["association"].email = "yhdistys@example.org"
    world["association"].save()
    url = reverse("cards:card-remind", kwargs={"pk": template.pk})

    assert client_of(world["representative"]).post(url).status_code == 403
    answer = client_of(world["coordinator"]).post(url)

    assert answer.status_code == 302
    assert answer["Location"].endswith(f"/cards/{TODAY.year}/summary/")
    (mail,) = mailoutbox
    assert "yhdistys@example.org" in mail.to
    assert f"http://testserver/fi/cards/{template.pk}/answer/" in mail.body

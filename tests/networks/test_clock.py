"""The annual clock (issue 16): items by month or dates, once or every year; the
participation plan; other capabilities' dates; the year wheel and its list; the iCalendar
feed, valid in a calendar library with Finnish and Swedish text and Helsinki's daylight
saving; who keeps a clock; bad input."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from elinvoima.cards.models import CardTemplate
from elinvoima.grants.models import GrantRound
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.clock.selectors import clock_entries
from elinvoima.networks.clock.services import ItemData, calendar_item_save
from elinvoima.networks.enums import NetworkRole
from elinvoima.networks.meetings.models import Meeting
from tests.factories import (
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    UserFactory,
    client_of,
    coordinator_of,
    reference_target_groups,
)

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def utajarvi(db):
    return MunicipalityFactory(code="889", name_fi="Utajärvi", name_sv="Utajärvi")


@pytest.fixture
def coordinator(utajarvi):
    return coordinator_of(utajarvi)


def _item(owner, user=None, **fields) -> CalendarItem:
    data = {"title_fi": "Kyläillat", "kind": "association_evening", "year": 2019, "month": 10}
    data.update(fields)
    return calendar_item_save(user=user, owner=owner, data=ItemData(**data))


def test_yearly_item__in_every_later_year__once_item_only_in_its_own(utajarvi):
    _item(utajarvi, recurrence="yearly", title_fi="Kyläillat")
    _item(utajarvi, title_fi="Seura- ja yhdistysfoorumi", kind="association_forum", month=12)
    titles = lambda year: [e.title for e in clock_entries(utajarvi, year, AnonymousUser())]  # noqa: E731
    assert titles(2019) == ["Kyläillat", "Seura- ja yhdistysfoorumi"]
    assert titles(2026) == ["Kyläillat"]
    assert titles(2018) == []


def test_yearly_item__29_february__falls_on_28_february_in_other_years(utajarvi):
    _item(
        utajarvi,
        year=2024,
        starts_on=datetime.date(2024, 2, 29),
        recurrence="yearly",
        kind="event",
    )
    (entry,) = clock_entries(utajarvi, 2025, AnonymousUser())
    assert entry.starts_on == datetime.date(2025, 2, 28) and entry.month == 2


def test_participation_plan__hearings_forums_and_items_with_groups_heard(utajarvi):
    groups = reference_target_groups()
    _item(utajarvi, title_fi="Talousarvio", kind="decision_process", month=11)
    _item(utajarvi, title_fi="Kesäasukkaiden ilta", kind="hearing", month=6)
    budget_views = _item(utajarvi, title_fi="Kysely", kind="event", month=9)
    budget_views.heard_groups.set([groups["young_people"]])
    response = client_of(None).get(
        reverse("networks:municipality-clock", kwargs={"code": "889"}),
        {"year": 2019, "participation": "1"},
    )
    assert "Kesäasukkaiden ilta" in response.text and "Kysely" in response.text
    assert "Talousarvio" not in response.text
    assert "Nuoret" in response.text


def test_clock_page__wheel_has_twelve_month_links_and_the_list(utajarvi):
    _item(utajarvi, title_fi="Kyläillat", kind="hearing")
    response = client_of(None).get(
        reverse("networks:municipality-clock", kwargs={"code": "889"}), {"year": 2019}
    )
    assert response.text.count('class="clock__sector"') == 12
    assert 'aria-label="Lokakuu: 1 kohde, 1 kuulee asukkaita"' in response.text
    assert 'id="month-10"' in response.text


def test_clock__other_capabilities_dates_appear_automatically(demo):
    from elinvoima.actors.models import Municipality

    utajarvi = Municipality.objects.get(code="889")
    card = CardTemplate.objects.filter(decision__municipality=utajarvi).first()
    published = GrantRound.objects.filter(municipality=utajarvi, published_at__isnull=False).first()
    draft = GrantRound.objects.create(
        municipality=utajarvi,
        kind=published.kind,
        name_fi="Luonnoskierros",
        budget=1000,
        period_starts_on=published.period_starts_on,
        period_ends_on=published.period_ends_on,
        opens_on=published.opens_on,
        closes_on=published.closes_on,
    )
    uids = {e.uid for e in clock_entries(utajarvi, card.closes_on.year, AnonymousUser())}
    assert f"card-{card.pk}-closes" in uids
    uids = {e.uid for e in clock_entries(utajarvi, published.closes_on.year, AnonymousUser())}
    assert f"grant-round-{published.pk}-closes" in uids
    assert f"grant-round-{draft.pk}-closes" not in uids


def test_feed__valid_icalendar_with_finnish_swedish_text_and_helsinki_time(utajarvi):
    year = timezone.localdate().year
    network = NetworkFactory(municipality=utajarvi, name_fi="Elinvoimaryhmä")
    for month in (1, 7):  # winter time +02:00, summer time +03:00
        Meeting.objects.create(
            network=network,
            title=f"Kokous {month}",
            starts_at=datetime.datetime(year, month, 15, 17, tzinfo=HELSINKI),
            ends_at=datetime.datetime(year, month, 15, 19, tzinfo=HELSINKI),
            invited_at=timezone.now(),
        )
    _item(utajarvi, year=year, title_fi="Kyläillat ja åsikter", title_sv="Bykvällar i Lappträsk")
    _item(
        utajarvi,
        year=year,
        title_fi="Rollaattorimarssi",
        kind="event",
        starts_on=datetime.date(year, 5, 20),
        ends_on=datetime.date(year, 5, 21),
    )
    response = client_of(None).get(
        reverse("networks:municipality-clock-feed", kwargs={"code": "889"})
    )
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    feed = Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in feed.walk("VEVENT")}
    assert "Kyläillat ja åsikter" in events  # the feed of /fi/ is in Finnish
    winter, summer = events["Kokous 1"], events["Kokous 7"]
    assert winter.decoded("dtstart").utcoffset() == datetime.timedelta(hours=2)
    assert summer.decoded("dtstart").utcoffset() == datetime.timedelta(hours=3)
    assert str(winter["dtstart"].params["TZID"]) == "Europe/Helsinki"
    assert [tz["tzid"] for tz in feed.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    month = events["Kyläillat ja åsikter"]
    assert month.decoded("dtstart") == datetime.date(year, 10, 1)
    assert month.decoded("dtend") == datetime.date(year, 11, 1)
    march = events["Rollaattorimarssi"]
    assert march.decoded("dtend") == datetime.date(year, 5, 22)  # exclusive
    assert all(event.get("uid") and event.get("dtstamp") for event in events.values())
    swedish = client_of(None).get(
        reverse("networks:municipality-clock-feed", kwargs={"code": "889"}).replace("/fi/", "/sv/")
    )
    assert "Bykvällar i Lappträsk" in swedish.content.decode()


def test_feed__private_network__not_served_nor_in_the_municipality_feed(utajarvi):
    network = NetworkFactory(municipality=utajarvi, is_public=False)
    Meeting.objects.create(
        network=network,
        title="Salainen kokous",
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=2),
        invited_at=timezone.now(),
    )
    feed_url = reverse("networks:network-clock-feed", kwargs={"pk": network.pk})
    assert client_of(None).get(feed_url).status_code == 404
    municipality_feed = client_of(None).get(
        reverse("networks:municipality-clock-feed", kwargs={"code": "889"})
    )
    assert b"Salainen kokous" not in municipality_feed.content


def test_keeping__coordinator_keeps_the_municipality_clock__others_may_not(utajarvi, coordinator):
    url = reverse("networks:municipality-clock-add", kwargs={"code": "889"})
    response = client_of(coordinator).post(
        url,
        {
            "title_fi": "Hyvinvointikertomus valtuustolle",
            "kind": "decision_process",
            "year": 2027,
            "month": 5,
            "recurrence": "yearly",
        },
    )
    assert response.status_code == 302
    assert CalendarItem.objects.get().municipality == utajarvi
    assert client_of(UserFactory()).get(url).status_code == 403
    with pytest.raises(PermissionDenied):
        _item(utajarvi, user=UserFactory())


def test_keeping__network_runner_keeps_its_clock__member_may_not(utajarvi):
    network = NetworkFactory(municipality=utajarvi)
    chair, member = UserFactory(), UserFactory()
    NetworkMembershipFactory(user=chair, network=network, role=NetworkRole.CHAIR)
    NetworkMembershipFactory(user=member, network=network, role=NetworkRole.MEMBER)
    _item(network, user=chair)
    with pytest.raises(PermissionDenied):
        _item(network, user=member)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"starts_on": datetime.date(2020, 3, 1)}, "starts_on"),  # not in the item's year
        ({"starts_on": datetime.date(2019, 3, 2), "ends_on": datetime.date(2019, 3, 1)}, "ends_on"),
        ({"ends_on": datetime.date(2019, 3, 1)}, "ends_on"),  # a last day without a first
        ({"month": None}, "month"),
        ({"year": 1999}, "year"),
    ],
)
def test_bad_input__refused_at_its_field_nothing_saved(utajarvi, fields, field):
    with pytest.raises(ValidationError) as refused:
        _item(utajarvi, **fields)
    assert field in refused.value.message_dict
    assert not CalendarItem.objects.exists()


def test_item_with_a_day__month_from_the_day(utajarvi):
    item = _item(utajarvi, month=None, starts_on=datetime.date(2019, 6, 20), kind="event")
    assert item.month == 6


def test_api__calendar_items__year_filter_includes_yearly_items(utajarvi):
    _item(utajarvi, recurrence="yearly", title_fi="Joka vuosi")
    _item(utajarvi, title_fi="Kerran")
    private = NetworkFactory(municipality=utajarvi, is_public=False)
    _item(private, title_fi="Yksityinen")
    body = client_of(None).get("/api/v1/calendar-items/", {"year": 2026}).json()
    assert [row["title"] for row in body["results"]] == ["Joka vuosi"]
    every = client_of(None).get("/api/v1/calendar-items/").json()
    assert "Yksityinen" not in {row["title"] for row in every["results"]}

"""Workshops (issue 17): the host rotates; a person registers without an account, on the
waiting list when the seats are taken; the same address once; cancelling by the link gives
the seat to the first waiting; personal data is erased after its date; the organiser sees
the catering counts, another organiser does not."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.workshops.enums import RegistrationState
from elinvoima.workshops.jobs import registrations_erase_expired
from elinvoima.workshops.models import Area, Registration, Series, Workshop
from elinvoima.workshops.registration_services import (
    RegistrationData,
    registration_cancel,
    registration_create,
)
from elinvoima.workshops.services import proposed_hosts
from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
    client_of,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    organiser = OrganisationFactory(
        name_fi="Keski-Suomen Yhteisöjen Tuki ry", kind=OrganisationKind.REGIONAL_SUPPORT_BODY
    )
    series = Series.objects.create(
        organiser=organiser, name_fi="Elinvoimapajat", funder="STEA", is_published=True
    )
    municipalities = [
        MunicipalityFactory(name_fi=name, name_sv=name)
        for name in ("Laukaa", "Muurame", "Toivakka")
    ]
    area = Area.objects.create(series=series, name="Jyväskylän seutu")
    area.municipalities.set(municipalities)
    starts = timezone.now() + datetime.timedelta(days=30)
    workshop = Workshop.objects.create(
        series=series,
        area=area,
        theme_fi="Yhteistyösuunnitelmat",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2, minutes=30),
        capacity=2,
        registration_closes_on=(starts - datetime.timedelta(days=7)).date(),
        is_published=True,
    )
    return {
        "workshop": workshop,
        "area": area,
        "municipalities": municipalities,
        "organiser": member_of(organiser, Role.WORKSHOP_ORGANISER),
    }


def _data(email, **fields) -> RegistrationData:
    values = {
        "name": "Aili Heikkinen",
        "email": email,
        "background": "association",
        "consent": True,
        "retain_until": timezone.localdate() + datetime.timedelta(days=200),
    }
    values.update(fields)
    return RegistrationData(**values)


def test_hosts__rotate_so_that_each_hosts_in_turn(world):
    hosts = proposed_hosts(world["area"], [2025, 2026, 2027, 2028])
    names = [hosts[year].name_fi for year in (2025, 2026, 2027, 2028)]
    assert sorted(names[:3]) == ["Laukaa", "Muurame", "Toivakka"]
    assert names[3] == names[0]


def test_register__on_a_page_without_an_account(world):
    workshop = world["workshop"]
    response = client_of(None).post(
        reverse("workshops:workshop", kwargs={"pk": workshop.pk}),
        {
            "name": "Aili Heikkinen",
            "email": "aili@example.invalid",
            "background": "resident",
            "municipality": world["municipalities"][0].pk,
            "diet": "vegan",
            "retain_until": (timezone.localdate() + datetime.timedelta(days=100)).isoformat(),
            "consent": "on",
        },
    )
    registration = Registration.objects.get()
    assert response.url == reverse("workshops:registration", kwargs={"token": registration.token})
    assert registration.state == RegistrationState.CONFIRMED
    page = client_of(None).get(response.url)
    assert "Aili Heikkinen" in page.text


def test_register__without_consent_or_twice__refused(world):
    workshop = world["workshop"]
    with pytest.raises(ValidationError) as refused:
        registration_create(workshop=workshop, data=_data("a@example.invalid", consent=False))
    assert "consent" in refused.value.message_dict
    registration_create(workshop=workshop, data=_data("a@example.invalid"))
    with pytest.raises(ValidationError) as refused:
        registration_create(workshop=workshop, data=_data("A@Example.invalid"))
    assert "email" in refused.value.message_dict
    assert Registration.objects.count() == 1


def test_register__full__waiting_list__a_cancellation_gives_the_seat(world):
    workshop = world["workshop"]
    first = registration_create(workshop=workshop, data=_data("1@example.invalid"))
    registration_create(workshop=workshop, data=_data("2@example.invalid"))
    third = registration_create(workshop=workshop, data=_data("3@example.invalid"))
    assert third.state == RegistrationState.WAITING
    client_of(None).post(reverse("workshops:registration", kwargs={"token": first.token}))
    first.refresh_from_db()
    third.refresh_from_db()
    assert (first.state, third.state) == (RegistrationState.CANCELLED, RegistrationState.CONFIRMED)
    assert registration_cancel(token=first.token).state == RegistrationState.CANCELLED


def test_register__after_the_deadline__refused(world):
    workshop = world["workshop"]
    Workshop.objects.filter(pk=workshop.pk).update(
        registration_closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="sulkeutunut|closed"):
        registration_create(workshop=workshop, data=_data("late@example.invalid"))
    page = client_of(None).get(reverse("workshops:workshop", kwargs={"pk": workshop.pk}))
    assert 'name="email"' not in page.text


def test_personal_data__erased_after_its_date__counts_kept(world):
    registration = registration_create(workshop=world["workshop"], data=_data("x@example.invalid"))
    Registration.objects.filter(pk=registration.pk).update(
        retain_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert registrations_erase_expired() == 1
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.erased) == ("", "", True)
    assert registration.background == "association"
    url = reverse("workshops:registration", kwargs={"token": registration.token})
    assert client_of(None).get(url).status_code == 404


def test_registrations__organiser_sees_catering__another_organiser_does_not(world):
    workshop = world["workshop"]
    registration_create(workshop=workshop, data=_data("v@example.invalid", diet="vegan"))
    url = reverse("workshops:registrations", kwargs={"pk": workshop.pk})
    page = client_of(world["organiser"]).get(url)
    assert "Vegaani: 1" in page.text or "Vegan: 1" in page.text
    other = member_of(OrganisationFactory(), Role.WORKSHOP_ORGANISER)
    assert client_of(other).get(url).status_code == 403


def test_plan__programme_must_fill_the_evening_with_an_hour_of_workshop(world):
    series = world["workshop"].series
    starts = timezone.localtime(timezone.now() + datetime.timedelta(days=60)).replace(
        hour=17, minute=30, second=0, microsecond=0
    )
    post = {
        "area": world["area"].pk,
        "theme_fi": "Kumppanuus",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(minutes=150)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": 50,
        "registration_closes_on": (starts - datetime.timedelta(days=7)).date().isoformat(),
        "programme-TOTAL_FORMS": 3,
        "programme-INITIAL_FORMS": 0,
        "programme-0-kind": "information",
        "programme-0-title_fi": "Tietoisku",
        "programme-0-minutes": 50,
        "programme-1-kind": "workshop",
        "programme-1-title_fi": "Työpaja",
        "programme-1-minutes": 45,
        "programme-2-kind": "networking",
        "programme-2-title_fi": "Verkostoituminen",
        "programme-2-minutes": 40,
    }
    url = reverse("workshops:workshop-add", kwargs={"pk": series.pk})
    organiser = client_of(world["organiser"])
    response = organiser.post(url, post)
    assert response.status_code == 200
    # 135 minutes of 150, and 45 of them of workshop: both told, nothing saved
    assert "135" in response.text and "150" in response.text and "45" in response.text
    assert not Workshop.objects.filter(theme_fi="Kumppanuus").exists()
    post["programme-1-minutes"] = 60  # 50 + 60 + 40 = 150
    assert organiser.post(url, post).status_code == 302
    saved = Workshop.objects.get(theme_fi="Kumppanuus")
    assert [item.minutes for item in saved.programme.all()] == [50, 60, 40]


def test_plan__an_organiser_of_another_series_may_not(world):
    other = member_of(OrganisationFactory(), Role.WORKSHOP_ORGANISER)
    url = reverse("workshops:workshop-add", kwargs={"pk": world["workshop"].series.pk})
    assert client_of(other).get(url).status_code == 403


def test_tables__organiser_seats_three_rounds__prints_lists_and_badges(world):
    workshop = world["workshop"]
    Workshop.objects.filter(pk=workshop.pk).update(capacity=100)
    workshop.refresh_from_db()
    backgrounds = ["association", "official", "elected", "resident"]
    for n in range(48):  # 12 tables of 4: more tables than seats, so no pair need meet twice
        registration_create(
            workshop=workshop,
            data=_data(
                f"p{n}@example.invalid",
                name=f"Osallistuja {n}",
                background=backgrounds[n % 4],
                municipality=world["municipalities"][n % 3],
                organisation_name=f"Yhdistys {n % 6}" if n % 4 == 0 else "",
            ),
        )
    Registration.objects.filter(email="p0@example.invalid").update(facilitator_table=2)
    organiser = client_of(world["organiser"])
    url = reverse("workshops:tables", kwargs={"pk": workshop.pk})
    response = organiser.post(url, {"rounds": 3, "table_size": 4})
    assert response.status_code == 302
    page = organiser.get(url)
    assert page.context["quality"].repeated_pairs == 0
    assert page.context["quality"].same_organisation_pairs == 0
    seats = workshop.seats.filter(registration__email="p0@example.invalid")
    assert sorted(seats.values_list("round", "table")) == [(1, 2), (2, 2), (3, 2)]
    for name in ("workshops:table-lists-pdf", "workshops:badges-pdf"):
        pdf = organiser.get(reverse(name, kwargs={"pk": workshop.pk}))
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert client_of(None).get(url).status_code == 302  # to log in


def test_tables__nobody_registered__told(world):
    organiser = client_of(world["organiser"])
    url = reverse("workshops:tables", kwargs={"pk": world["workshop"].pk})
    response = organiser.post(url, {"rounds": 3, "table_size": 8})
    assert response.status_code == 200 and not world["workshop"].seats.exists()


def test_plans__recorded_in_a_workshop__the_next_one_opens_with_them(world):
    previous = world["workshop"]
    organiser = client_of(world["organiser"])
    plans = reverse("workshops:plans", kwargs={"pk": previous.pk})
    organiser.post(
        plans,
        {"municipality": world["municipalities"][0].pk, "title": "Yhdistysilta", "owner": "Kirsi"},
    )
    action = previous.cooperation_actions.get()
    organiser.post(plans, {"action": action.pk, "status": "done"})
    following = Workshop.objects.create(
        series=previous.series,
        area=previous.area,
        theme_fi="Seuraava paja",
        starts_at=previous.starts_at + datetime.timedelta(days=180),
        ends_at=previous.ends_at + datetime.timedelta(days=180),
        registration_closes_on=previous.registration_closes_on + datetime.timedelta(days=180),
        is_published=True,
    )
    page = client_of(None).get(reverse("workshops:workshop", kwargs={"pk": following.pk}))
    assert "Yhdistysilta" in page.text and "Kirsi" in page.text
    action.refresh_from_db()
    assert action.status == "done" and action.get_status_display() in page.text
    outsider = member_of(OrganisationFactory(), Role.WORKSHOP_ORGANISER)
    assert (
        client_of(outsider).post(plans, {"action": action.pk, "status": "planned"}).status_code
        == 403
    )


def test_plans__municipality_outside_the_area__refused(world):
    organiser = client_of(world["organiser"])
    elsewhere = MunicipalityFactory()
    response = organiser.post(
        reverse("workshops:plans", kwargs={"pk": world["workshop"].pk}),
        {"municipality": elsewhere.pk, "title": "X"},
    )
    assert response.status_code == 200 and not world["workshop"].cooperation_actions.exists()


def test_register__confirmation_mailed_with_the_workshop_as_icalendar(
    world, settings, mailoutbox, django_capture_on_commit_callbacks
):
    from icalendar import Calendar

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    workshop = world["workshop"]
    with django_capture_on_commit_callbacks(execute=True):
        client_of(None).post(
            reverse("workshops:workshop", kwargs={"pk": workshop.pk}),
            {
                "name": "Åsa Öberg",
                "email": "asa@example.invalid",
                "background": "association",
                "diet": "any",
                "retain_until": (timezone.localdate() + datetime.timedelta(days=100)).isoformat(),
                "consent": "on",
            },
        )
    registration = Registration.objects.get()
    (mail,) = mailoutbox
    assert mail.to == ["asa@example.invalid"] and "Åsa Öberg" in mail.body
    assert f"/workshop-registrations/{registration.token}/" in mail.body
    (name, content, kind) = mail.attachments[0]
    assert name.endswith(".ics") and kind.startswith("text/calendar")
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == workshop.starts_at.replace(microsecond=0)  # same moment


def test_carpool__ranked_by_distance_travelled_together__10000_km_refused(world):
    workshop = world["workshop"]
    url = reverse("workshops:carpool", kwargs={"pk": workshop.pk})
    client = client_of(None)
    response = client.post(
        url, {"group": "Laukaan Martat", "driver": "Aino", "passengers": 3, "distance_km": "10000"}
    )
    assert response.status_code == 200 and not workshop.carpools.exists()
    client.post(
        url, {"group": "Laukaan Martat", "driver": "Aino", "passengers": 3, "distance_km": "42,5"}
    )
    client.post(
        url, {"group": "Toivakan kylä", "driver": "Eino", "passengers": 1, "distance_km": "60"}
    )
    from elinvoima.workshops.outcome_services import carpool_ranking

    ranking = carpool_ranking(workshop)
    assert [entry.group for entry in ranking] == ["Laukaan Martat", "Toivakan kylä"]
    assert ranking[0].combined_km == 170  # 42.5 km × 4 people


def test_nominations__escaped__the_jury_shortlists__the_public_sees_the_shortlist(world):
    series = world["workshop"].series
    url = reverse("workshops:nominations", kwargs={"pk": series.pk})
    client_of(None).post(
        url,
        {
            "nominee": "<script>alert(1)</script>Kylätoimikunta",
            "reason": "Katso https://example.invalid <b>hieno</b>",
        },
    )
    nomination = series.nominations.get()
    public = client_of(None).get(url)
    assert "Kylätoimikunta" not in public.text  # not shortlisted yet
    jury = client_of(world["organiser"])
    page = jury.get(url)
    assert "&lt;script&gt;" in page.text and "<script>alert(1)" not in page.text
    assert '<a href="https://example.invalid' not in page.text
    jury.post(url, {"nomination": nomination.pk, "shortlisted": "on"})
    nomination.refresh_from_db()
    assert nomination.shortlisted and not nomination.winner
    assert "Kylätoimikunta" in client_of(None).get(url).text
    other = member_of(OrganisationFactory(), Role.WORKSHOP_ORGANISER)
    assert (
        client_of(other).post(url, {"nomination": nomination.pk, "winner": "on"}).status_code == 403
    )


def test_feedback__once_a_browser__summary_to_the_organiser__next_workshop_shows_it(world):
    workshop = world["workshop"]
    url = reverse("workshops:feedback", kwargs={"pk": workshop.pk})
    answer = {"useful": 5, "atmosphere": 4, "cooperation": 4, "comment": "Hyvä ilta"}
    client = client_of(None)
    assert client.post(url, answer).status_code == 200  # not open before the workshop
    assert not workshop.feedback.exists()
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2) + datetime.timedelta(hours=2),
    )
    client.post(url, answer)
    client.post(url, answer)  # the same browser again: not counted twice
    assert workshop.feedback.count() == 1
    assert "Hyvä ilta" not in client.get(url).text
    assert "Hyvä ilta" in client_of(world["organiser"]).get(url).text


def test_news__published_by_the_organiser__in_the_rss_feed(world):
    from xml.etree import ElementTree

    workshop = world["workshop"]
    url = reverse("workshops:news-add", kwargs={"pk": workshop.pk})
    assert client_of(UserFactory()).get(url).status_code == 403
    client_of(world["organiser"]).post(
        url, {"title_fi": "Ilmoittautuminen on auki", "body_fi": "Tervetuloa <mukaan>!"}
    )
    feed = client_of(None).get(reverse("workshops:news-rss"))
    root = ElementTree.fromstring(feed.content)  # noqa: S314 (our own feed, in a test)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles == ["Ilmoittautuminen on auki"]
    atom = client_of(None).get(reverse("workshops:news-atom"))
    assert b"<feed" in atom.content and b"Ilmoittautuminen on auki" in atom.content


def test_timeline__tasks_move_with_the_workshop__and_are_in_the_annual_clock(world):
    from django.contrib.auth.models import AnonymousUser

    from elinvoima.networks.clock.selectors import clock_entries
    from elinvoima.workshops.services import timeline_set

    workshop = world["workshop"]
    timeline_set(workshop)
    day = timezone.localdate(workshop.starts_at)
    press = workshop.tasks.get(kind="press_release")
    assert press.due_on == day - datetime.timedelta(days=21)
    organiser = client_of(world["organiser"])
    organiser.post(
        reverse("workshops:tasks", kwargs={"pk": workshop.pk}), {"task": press.pk, "done": "on"}
    )
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=workshop.starts_at + datetime.timedelta(days=7),
        ends_at=workshop.ends_at + datetime.timedelta(days=7),
    )
    workshop.refresh_from_db()
    timeline_set(workshop)
    press.refresh_from_db()
    reminder = workshop.tasks.get(kind="reminder")
    assert press.done and press.due_on == day - datetime.timedelta(days=21)  # done: stays
    assert reminder.due_on == day  # 7 days before the moved workshop
    municipality = world["municipalities"][0]
    uids = {e.uid for e in clock_entries(municipality, reminder.due_on.year, AnonymousUser())}
    assert f"workshop-task-{reminder.pk}" in uids


def test_facilitator__set_on_the_registrations_page(world):
    registration = registration_create(workshop=world["workshop"], data=_data("f@example.invalid"))
    url = reverse("workshops:registrations", kwargs={"pk": world["workshop"].pk})
    client_of(world["organiser"]).post(url, {"registration": registration.pk, "table": "3"})
    registration.refresh_from_db()
    assert registration.facilitator_table == 3
    client_of(world["organiser"]).post(url, {"registration": registration.pk, "table": ""})
    registration.refresh_from_db()
    assert registration.facilitator_table is None


def test_invitations__directory_names_managers_and_council_chairs__each_invited_once(
    world, settings, mailoutbox, django_capture_on_commit_callbacks
):
    from elinvoima.networks.enums import NetworkKind, NetworkRole
    from tests.factories import NetworkFactory, NetworkMembershipFactory, UserFactory
    from tests.factories.actors import municipality_organisation

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    laukaa = world["municipalities"][0]
    manager = member_of(
        municipality_organisation(laukaa),
        Role.OFFICIAL,
        email="kunnanjohtaja@example.invalid",
        first_name="Kaisa",
    )
    manager.memberships.update(title="kunnanjohtaja")
    youth = NetworkFactory(municipality=laukaa, kind=NetworkKind.YOUTH_COUNCIL)
    chair = UserFactory(email="nuva@example.invalid", first_name="Nuutti")
    NetworkMembershipFactory(user=chair, network=youth, role=NetworkRole.CHAIR)
    organiser = client_of(world["organiser"])
    url = reverse("workshops:invitations", kwargs={"pk": world["workshop"].pk})
    page = organiser.get(url)
    assert "Kaisa" in page.text and "Nuutti" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(
            url,
            {
                "from": "directory",
                "chosen": ["kunnanjohtaja@example.invalid", "nuva@example.invalid"],
            },
        )
    assert sorted(m.to[0] for m in mailoutbox) == [
        "kunnanjohtaja@example.invalid",
        "nuva@example.invalid",
    ]
    assert mailoutbox[0].attachments[0][0].endswith(".ics")
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(url, {"name": "Kaisa", "email": "KUNNANJOHTAJA@example.invalid"})
    assert world["workshop"].invitations.count() == 2 and len(mailoutbox) == 2
    assert "Kaisa" not in organiser.get(url).context["candidates"].__repr__()


def test_series_and_areas__organiser_founds_them__an_area_has_3_to_5_municipalities(world):
    organiser_user = world["organiser"]
    organisation = organiser_user.memberships.get().organisation
    client = client_of(organiser_user)
    client.post(
        reverse("workshops:series-add", kwargs={"pk": organisation.pk}),
        {"name_fi": "Uudet pajat", "scope": "regional", "funder": "STEA"},
    )
    series = Series.objects.get(name_fi="Uudet pajat")
    url = reverse("workshops:area-add", kwargs={"pk": series.pk})
    two = world["municipalities"][:2]
    response = client.post(url, {"name": "Liian pieni", "municipalities": [m.pk for m in two]})
    assert response.status_code == 200 and not series.areas.exists()
    client.post(
        url, {"name": "Kolme kuntaa", "municipalities": [m.pk for m in world["municipalities"]]}
    )
    area = series.areas.get()
    client.post(reverse("workshops:area-hosts", kwargs={"pk": area.pk}))
    year = timezone.localdate().year
    assert sorted(area.hosts.values_list("year", flat=True)) == [year, year + 1, year + 2]
    assert len(set(area.hosts.values_list("municipality", flat=True))) == 3
    other = member_of(OrganisationFactory(), Role.WORKSHOP_ORGANISER)
    assert client_of(other).get(url).status_code == 404  # an unpublished series: hidden


def test_thanks__after_the_workshop__with_the_feedback_link(
    world, settings, mailoutbox, django_capture_on_commit_callbacks
):
    from elinvoima.workshops.services import timeline_set

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    workshop = world["workshop"]
    timeline_set(workshop)
    registration_create(workshop=workshop, data=_data("t@example.invalid"))
    url = reverse("workshops:tasks", kwargs={"pk": workshop.pk})
    organiser = client_of(world["organiser"])
    organiser.post(url, {"thanks": "1"})  # before the workshop: refused
    assert not mailoutbox
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=5),
        ends_at=timezone.now() - datetime.timedelta(hours=3),
    )
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(url, {"thanks": "1"})
    (mail,) = mailoutbox
    assert reverse("workshops:feedback", kwargs={"pk": workshop.pk}) in mail.body
    assert workshop.tasks.get(kind="thanks").done


def test_plans__an_action_serves_a_measure_of_its_municipalitys_plan(world):
    from tests.factories import MeasureFactory, PlanFactory

    laukaa, muurame = world["municipalities"][:2]
    measure = MeasureFactory(plan=PlanFactory(approved=True, municipality=laukaa))
    elsewhere = MeasureFactory(plan=PlanFactory(approved=True, municipality=muurame))
    organiser = client_of(world["organiser"])
    url = reverse("workshops:plans", kwargs={"pk": world["workshop"].pk})
    organiser.post(url, {"municipality": laukaa.pk, "title": "Väärä", "measure": elsewhere.pk})
    assert not world["workshop"].cooperation_actions.exists()
    organiser.post(url, {"municipality": laukaa.pk, "title": "Oikea", "measure": measure.pk})
    action = world["workshop"].cooperation_actions.get()
    assert action.measure == measure
    assert reverse("strategy:measure-detail", kwargs={"pk": measure.pk}) in organiser.get(url).text


def test_erasure__scheduled_for_the_night_after_the_date(world, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(
            workshop=world["workshop"], data=_data("e@example.invalid")
        )
    (job,) = DBTaskResult.objects.filter(task_path__endswith="registration_erase")
    assert job.args_kwargs["args"] == [registration.pk]
    assert timezone.localdate(job.run_after) == registration.retain_until + datetime.timedelta(
        days=1
    )


def test_contacts__each_municipality_names_one(world):
    area = world["area"]
    url = reverse("workshops:area-edit", kwargs={"pk": area.pk})
    organiser = client_of(world["organiser"])
    laukaa = world["municipalities"][0]
    for name in ("Kirsi Koordinaattori", "Kalle Korvaaja"):
        organiser.post(url, {"contact": "1", "municipality": laukaa.pk, "name": name})
    (contact,) = area.contacts.all()
    assert contact.name == "Kalle Korvaaja"
    page = organiser.get(url).text
    assert page.count('id="contacts-heading"') == 1  # in the content, once
    outside = MunicipalityFactory()
    response = organiser.post(url, {"contact": "1", "municipality": outside.pk, "name": "X"})
    assert response.status_code == 200 and area.contacts.count() == 1

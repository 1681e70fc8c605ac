"""A network's meetings (issue 16): a secretary runs a meeting from the invitation to the
approved minutes with action items; approved minutes stay as they are; who sees the agenda,
the minutes and a private network; forwarded decisions; the papers as PDF; the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from elinvoima.networks.enums import ActionItemStatus, NetworkRole
from elinvoima.networks.meetings.models import ActionItem, AgendaItem, Forward, Meeting
from elinvoima.networks.meetings.services import (
    ActionData,
    ItemData,
    MeetingData,
    action_item_add,
    agenda_item_save,
    decision_forward,
    meeting_save,
    minutes_approve,
    minutes_ready,
    minutes_save,
)
from elinvoima.networks.models import NetworkMembership
from tests.factories import (
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    UserFactory,
    client_of,
    representative_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def group(db):
    """Utajärvi's vitality group (seed 000): a chair, a secretary, a presenter, two
    members (one of an association) and an invited expert."""
    utajarvi = MunicipalityFactory(code="889", name_fi="Utajärvi", name_sv="Utajärvi")
    association = OrganisationFactory(name_fi="Utajärven reumayhdistys ry", municipality=utajarvi)
    network = NetworkFactory(
        name_fi="Utajärven elinvoimaryhmä", municipality=utajarvi, members=[association]
    )
    people = {}
    for username, role in [
        ("chair", NetworkRole.CHAIR),
        ("secretary", NetworkRole.SECRETARY),
        ("presenter", NetworkRole.PRESENTER),
        ("member", NetworkRole.MEMBER),
        ("expert", NetworkRole.INVITED_EXPERT),
    ]:
        people[username] = UserFactory(
            username=username,
            first_name=username.title(),
            last_name="Utajärvi",
            email=f"{username}@example.invalid",
        )
        NetworkMembershipFactory(
            user=people[username],
            network=network,
            role=role,
            starts_on=timezone.localdate() - datetime.timedelta(days=100),
        )
    agent = representative_of(association, username="agent", first_name="Pentti")
    NetworkMembershipFactory(
        user=agent,
        network=network,
        role=NetworkRole.MEMBER,
        organisation=association,
        starts_on=timezone.localdate() - datetime.timedelta(days=100),
    )
    people["agent"] = agent
    return network, people


def _in(hours: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=hours)


def _meeting(network, user, *, starts_in: float, title="Kokous") -> Meeting:
    return meeting_save(
        user=user,
        network=network,
        data=MeetingData(
            title=title, starts_at=_in(starts_in), ends_at=_in(starts_in + 2), place="Kunnantalo"
        ),
    )


def _held(meeting: Meeting) -> None:
    """Time passes: the meeting took place yesterday."""
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at - datetime.timedelta(days=8),
        ends_at=meeting.ends_at - datetime.timedelta(days=8),
    )
    meeting.refresh_from_db()


def test_secretary__runs_a_meeting_from_invitation_to_approved_minutes(
    group, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    network, people = group
    secretary = client_of(people["secretary"])
    start = timezone.localtime(_in(24 * 7)).replace(second=0, microsecond=0)
    # given the secretary plans a meeting on the network's page
    response = secretary.post(
        reverse("networks:meeting-add", kwargs={"pk": network.pk}),
        {
            "title": "Elinvoimaryhmän kokous 1",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "place": "Valtuustosali",
            "level": "local",
        },
    )
    meeting = Meeting.objects.get(title="Elinvoimaryhmän kokous 1")
    assert response.status_code == 302
    # and an agenda item presented by the culture secretary
    secretary.post(
        reverse("networks:agenda-item-add", kwargs={"pk": meeting.pk}),
        {
            "title": "Vuosikello",
            "proposal": "Vuosikello on osallisuussuunnitelma.",
            "presenter": people["presenter"].pk,
        },
    )
    item = AgendaItem.objects.get(meeting=meeting)
    # members do not see the agenda before the invitation
    assert client_of(people["member"]).get(meeting.get_absolute_url()).status_code == 404
    # when the invitation is sent
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(reverse("networks:meeting-invite", kwargs={"pk": meeting.pk}))
    # then every member with an address gets it, in Finnish and Swedish, and sees the agenda
    (mail,) = mailoutbox
    assert set(mail.to) == {person.email for person in people.values()} - {""}
    assert "Vuosikello" in mail.body and "Kallelse" in mail.subject
    page = client_of(people["member"]).get(meeting.get_absolute_url())
    assert "Vuosikello" in page.text
    # when it has been held, the secretary records attendance and the decision
    _held(meeting)
    rows = NetworkMembership.objects.filter(network=network)
    present = [m.pk for m in rows if m.user.username != "member"]
    response = secretary.post(
        reverse("networks:minutes", kwargs={"pk": meeting.pk}),
        {"present": present, f"decision_{item.pk}": "Hyväksyttiin vuosikello."},
    )
    assert response.status_code == 302
    # and an action item for the association's agent
    secretary.post(
        reverse("networks:action-item-add", kwargs={"pk": meeting.pk}),
        {
            "title": "Kokoa kyläiltojen näkemykset",
            "owner": people["agent"].pk,
            "due_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
            "item": item.pk,
        },
    )
    secretary.post(reverse("networks:minutes-ready", kwargs={"pk": meeting.pk}))
    meeting.refresh_from_db()
    assert meeting.minutes_ready_at is not None
    # then the agent has it on the dashboard, and the members read the minutes
    dashboard = client_of(people["agent"]).get(reverse("portal:dashboard"))
    assert "1 toimenpide tehtävänä" in dashboard.text
    minutes = client_of(people["member"]).get(meeting.get_absolute_url())
    assert "Hyväksyttiin vuosikello." in minutes.text
    assert "Kokous oli päätösvaltainen: 4 jäsentä paikalla, 3 tarvittiin." in minutes.text
    # and the public does not read them yet
    assert "Hyväksyttiin vuosikello." not in client_of(None).get(meeting.get_absolute_url()).text
    # when the next meeting approves them
    following = _meeting(network, people["secretary"], starts_in=-1, title="Kokous 2")
    secretary.post(
        reverse("networks:minutes-approve", kwargs={"pk": following.pk}),
        {"earlier": meeting.pk},
    )
    meeting.refresh_from_db()
    # then they are approved there, public, and frozen
    assert meeting.minutes_approved_in == following
    assert "Hyväksyttiin vuosikello." in client_of(None).get(meeting.get_absolute_url()).text
    with pytest.raises(ValidationError, match="voi enää muuttaa"):
        minutes_save(
            user=people["secretary"], meeting=meeting, present=set(), decisions={item.pk: "Muu"}
        )
    response = secretary.post(
        reverse("networks:minutes", kwargs={"pk": meeting.pk}),
        {"present": present, f"decision_{item.pk}": "Muutettu"},
    )
    assert "voi enää muuttaa" in response.text
    item.refresh_from_db()
    assert item.decision == "Hyväksyttiin vuosikello."


def test_meeting__ends_before_it_starts__refused_at_the_field(group):
    network, people = group
    start = timezone.localtime(_in(48)).replace(second=0, microsecond=0)
    response = client_of(people["chair"]).post(
        reverse("networks:meeting-add", kwargs={"pk": network.pk}),
        {
            "title": "Kokous",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "level": "local",
        },
    )
    assert response.status_code == 200
    assert "Kokouksen täytyy päättyä alkamisen jälkeen." in response.text
    assert not Meeting.objects.exists()


def test_action_item__owner_outside_the_network__refused(group):
    network, people = group
    meeting = _meeting(network, people["chair"], starts_in=-1)
    outsider = UserFactory()
    with pytest.raises(ValidationError) as refused:
        action_item_add(
            user=people["secretary"],
            meeting=meeting,
            data=ActionData(title="Tee", owner=outsider, due_on=timezone.localdate()),
        )
    assert "owner" in refused.value.message_dict
    assert not ActionItem.objects.exists()


def test_action_item__owner_updates_status__others_may_not(group):
    network, people = group
    meeting = _meeting(network, people["chair"], starts_in=-1)
    action = action_item_add(
        user=people["secretary"],
        meeting=meeting,
        data=ActionData(title="Tee", owner=people["agent"], due_on=timezone.localdate()),
    )
    url = reverse("networks:action-item-status", kwargs={"pk": action.pk})
    assert client_of(people["member"]).post(url, {"status": "done"}).status_code == 404
    Meeting.objects.filter(pk=meeting.pk).update(invited_at=timezone.now())  # members see it
    assert client_of(people["member"]).post(url, {"status": "done"}).status_code == 403
    client_of(people["agent"]).post(url, {"status": "done", "next": "mine"})
    action.refresh_from_db()
    assert action.status == ActionItemStatus.DONE and action.done_on == timezone.localdate()


def test_minutes__before_the_meeting__refused(group):
    network, people = group
    meeting = _meeting(network, people["chair"], starts_in=24)
    with pytest.raises(ValidationError, match="kun kokous on alkanut"):
        minutes_save(user=people["secretary"], meeting=meeting, present=set(), decisions={})


def test_minutes__approved_only_at_a_later_meeting_of_the_network(group):
    network, people = group
    earlier = _meeting(network, people["chair"], starts_in=-48)
    item = agenda_item_save(user=people["chair"], meeting=earlier, data=ItemData(title="Asia"))
    minutes_save(
        user=people["chair"],
        meeting=earlier,
        present={m.pk for m in network.people.all()},
        decisions={item.pk: "Päätettiin."},
    )
    minutes_ready(user=people["chair"], meeting=earlier)
    elsewhere = _meeting(NetworkFactory(), None, starts_in=-1)
    with pytest.raises(ValidationError):
        minutes_approve(user=None, meeting=elsewhere, earlier=earlier)
    with pytest.raises(ValidationError):
        minutes_approve(user=people["chair"], meeting=earlier, earlier=earlier)


def test_minutes_ready__every_item_needs_a_decision(group):
    network, people = group
    meeting = _meeting(network, people["chair"], starts_in=-1)
    agenda_item_save(user=people["chair"], meeting=meeting, data=ItemData(title="Avoin asia"))
    minutes_save(user=people["chair"], meeting=meeting, present=set(), decisions={})
    with pytest.raises(ValidationError, match="Avoin asia"):
        minutes_ready(user=people["chair"], meeting=meeting)


def test_quorum__invited_experts_do_not_count(group):
    from elinvoima.networks.meetings.selectors import attendance_rows, quorum_of

    network, people = group
    meeting = _meeting(network, people["chair"], starts_in=-1)
    experts_and_one = {m.pk for m in network.people.all() if m.user.username in ("expert", "chair")}
    minutes_save(user=people["chair"], meeting=meeting, present=experts_and_one, decisions={})
    quorum = quorum_of(meeting, attendance_rows(meeting))
    assert (quorum.present, quorum.needed, quorum.reached) == (1, 3, False)


def test_member_leaves__keeps_history__no_longer_runs_or_sees_private(group):
    network, people = group
    network.is_public = False
    network.save()
    chair = client_of(people["chair"])
    membership = NetworkMembership.objects.get(network=network, user=people["secretary"])
    assert people["secretary"].has_perm("networks.manage_network", network)
    chair.post(
        reverse("networks:member-end", kwargs={"pk": membership.pk}),
        {"ends_on": timezone.localdate().isoformat()},
    )
    membership.refresh_from_db()
    assert membership.ends_on == timezone.localdate()
    secretary = UserFactory._meta.model.objects.get(pk=people["secretary"].pk)  # a new request
    assert not secretary.has_perm("networks.manage_network", network)
    assert client_of(secretary).get(network.get_absolute_url()).status_code == 404
    page = chair.get(network.get_absolute_url())
    assert "Aiemmat jäsenet ja roolit" in page.text and "Secretary Utajärvi" in page.text


def test_member_changes_role__earlier_role_kept(group):
    network, people = group
    membership = NetworkMembership.objects.get(network=network, user=people["member"])
    response = client_of(people["chair"]).post(
        reverse("networks:member-change", kwargs={"pk": membership.pk}),
        {"role": "vice_chair", "starts_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    roles = list(
        NetworkMembership.objects.filter(network=network, user=people["member"])
        .order_by("starts_on")
        .values_list("role", "ends_on")
    )
    assert roles == [
        ("member", timezone.localdate() - datetime.timedelta(days=1)),
        ("vice_chair", None),
    ]


def test_member_add__a_resident_without_organisation(group):
    network, people = group
    response = client_of(people["chair"]).post(
        reverse("networks:member-add", kwargs={"pk": network.pk}),
        {
            "first_name": "Aili",
            "last_name": "Heikkinen",
            "role": "member",
            "starts_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    resident = NetworkMembership.objects.get(network=network, user__first_name="Aili")
    assert resident.organisation is None and not resident.user.has_usable_password()


def test_member_add__outsider_refused_and_not_told_of_private_network(group):
    network, people = group
    network.is_public = False
    network.save()
    url = reverse("networks:member-add", kwargs={"pk": network.pk})
    assert client_of(UserFactory()).get(url).status_code == 404
    assert client_of(people["member"]).get(url).status_code == 403


def test_private_network__hidden_from_lists_and_api_for_outsiders(group):
    network, people = group
    network.is_public = False
    network.save()
    listing = reverse("networks:municipality-networks", kwargs={"code": "889"})
    assert "Utajärven elinvoimaryhmä" not in client_of(None).get(listing).text
    assert "Utajärven elinvoimaryhmä" in client_of(people["member"]).get(listing).text
    api = client_of(None).get("/api/v1/networks/").json()
    assert api["count"] == 0
    assert client_of(None).get(f"/api/v1/networks/{network.pk}/").status_code == 404


def test_forward__to_another_network__receiver_sees_where_it_came_from(group):
    network, people = group
    young = NetworkFactory(name_fi="Nuorten verkosto", municipality=network.municipality)
    young_chair = UserFactory(username="young-chair")
    NetworkMembershipFactory(user=young_chair, network=young, role=NetworkRole.CHAIR)
    meeting = _meeting(network, people["chair"], starts_in=-1)
    item = agenda_item_save(user=people["chair"], meeting=meeting, data=ItemData(title="Kyydit"))
    with pytest.raises(ValidationError, match="Kirjaa päätös"):
        decision_forward(user=people["chair"], item=item, to_network=young, to_body="", note="")
    minutes_save(
        user=people["chair"], meeting=meeting, present=set(), decisions={item.pk: "Viedään."}
    )
    item.refresh_from_db()
    client_of(people["chair"]).post(
        reverse("networks:decision-forward", kwargs={"pk": item.pk}),
        {"to_network": young.pk, "note": "Miten nuoret ratkaisisivat?"},
    )
    forward = Forward.objects.get()
    page = client_of(young_chair).get(young.get_absolute_url())
    assert "Kyydit" in page.text and "Utajärven elinvoimaryhmä" in page.text
    # and it may go onto the receiver's agenda, saying where it came from
    theirs = _meeting(young, young_chair, starts_in=24)
    agenda_item_save(
        user=young_chair, meeting=theirs, data=ItemData(title="Kyydit", forwarded_from=forward)
    )
    theirs.invited_at = timezone.now()
    theirs.save()
    assert (
        "Lähetetty verkostosta Utajärven elinvoimaryhmä"
        in client_of(None).get(theirs.get_absolute_url()).text
    )


def test_papers__agenda_and_minutes_as_pdf(group):
    network, people = group
    meeting = _meeting(network, people["chair"], starts_in=-1)
    item = agenda_item_save(user=people["chair"], meeting=meeting, data=ItemData(title="Åsikter"))
    minutes_save(
        user=people["chair"], meeting=meeting, present=set(), decisions={item.pk: "Päätös"}
    )
    minutes_ready(user=people["chair"], meeting=meeting) if meeting.attendance.exists() else None
    chair = client_of(people["chair"])
    agenda = chair.get(reverse("networks:agenda-pdf", kwargs={"pk": meeting.pk}))
    assert agenda["Content-Type"] == "application/pdf" and agenda.content.startswith(b"%PDF-")
    minutes = chair.get(reverse("networks:minutes-pdf", kwargs={"pk": meeting.pk}))
    assert minutes.content.startswith(b"%PDF-")
    # an outsider does not get even the agenda of a meeting not invited to
    assert (
        client_of(UserFactory())
        .get(reverse("networks:agenda-pdf", kwargs={"pk": meeting.pk}))
        .status_code
        == 404
    )


def test_api__meetings__decisions_only_where_the_minutes_are_readable(group):
    network, people = group
    meeting = _meeting(network, people["chair"], starts_in=-1)
    item = agenda_item_save(user=people["chair"], meeting=meeting, data=ItemData(title="Asia"))
    minutes_save(
        user=people["chair"],
        meeting=meeting,
        present={m.pk for m in network.people.all()},
        decisions={item.pk: "Päätettiin."},
    )
    minutes_ready(user=people["chair"], meeting=meeting)
    Meeting.objects.filter(pk=meeting.pk).update(invited_at=timezone.now())
    public = client_of(None).get(f"/api/v1/meetings/{meeting.pk}/").json()
    member = client_of(people["member"]).get(f"/api/v1/meetings/{meeting.pk}/").json()
    assert public["items"][0]["decision"] is None and public["present"] == []
    assert member["items"][0]["decision"] == "Päätettiin."
    assert len(member["present"]) == 6

"""Help requests: the coordinator asks, the request goes to the associations it fits (with an
e-mail in Finnish and Swedish), an association offers, the coordinator replies, and what
was done becomes the association's activity for the request's goals. Who sees what; dates,
closing and two representatives saving at once."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from elinvoima.cards.enums import ActivityKind, HelpOfferState
from elinvoima.cards.help.models import HelpOffer, HelpRequest
from elinvoima.cards.help.services import (
    HelpDoneData,
    HelpRequestData,
    help_offer_done,
    help_offer_reply,
    help_offer_save,
    help_request_close,
    help_request_save,
    help_request_send,
    matching_associations,
    version_of,
)
from elinvoima.cards.permissions import help_requests_visible_to
from tests.factories.actors import (
    MunicipalityFactory,
    OrganisationFactory,
    TargetGroupFactory,
    ThemeFactory,
    VillageFactory,
    client_of,
    councillor_of,
    official_of,
    representative_of,
)

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
URL = "https://elinvoima.example/fi/help-requests/1/"


def _data(world, **changes) -> HelpRequestData:
    values = {
        "title": "Talven kotikäynnit yksin asuvien ikäihmisten luona",
        "starts_on": TODAY + 14 * DAY,
        "ends_on": TODAY + 60 * DAY,
        "answer_by": TODAY + 7 * DAY,
        "place": "Utajärven kylät",
        "for_whom": "Yksin asuvat ikäihmiset",
        "helpers_needed": 6,
        "sub_goals": (world["subs"][1],),
    }
    return HelpRequestData(**{**values, **changes})


def _sent(world, **changes) -> HelpRequest:
    help_request = help_request_save(
        user=world["coordinator"], municipality=world["municipality"], data=_data(world, **changes)
    )
    help_request_send(
        user=world["coordinator"],
        help_request=help_request,
        recipients=[world["association"]],
        url=URL,
    )
    help_request.refresh_from_db()
    return help_request


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_request__fits_the_associations_of_its_themes_groups_and_villages(world):
    municipality = world["municipality"]
    elderly, everyone, youth = (
        TargetGroupFactory(code="elderly"),
        TargetGroupFactory(code="everyone"),
        TargetGroupFactory(code="youth"),
    )
    culture, village = ThemeFactory(), VillageFactory(municipality=municipality)
    for_elderly = OrganisationFactory(municipality=municipality, target_groups=[elderly])
    for_all = OrganisationFactory(municipality=municipality, target_groups=[everyone])
    OrganisationFactory(municipality=municipality, target_groups=[youth])
    in_village = OrganisationFactory(municipality=municipality, villages=[village])
    of_culture = OrganisationFactory(municipality=municipality, themes=[culture])
    OrganisationFactory(target_groups=[elderly])  # another municipality's
    help_request = help_request_save(
        user=world["coordinator"],
        municipality=municipality,
        data=_data(world, target_groups=(elderly,), villages=(village,), themes=(culture,)),
    )

    fitting = set(matching_associations(help_request))

    assert fitting == {for_elderly, for_all, in_village, of_culture}
    help_request.target_groups.clear()
    help_request.villages.clear()
    help_request.themes.clear()
    assert world["association"] in set(matching_associations(help_request))  # none: all


def test_send__mails_the_association_in_both_languages_and_only_once(
    world, immediate_tasks, mailoutbox
):
    world["representative"].email = "puheenjohtaja@example.org"
    world["representative"].save()

    help_request = _sent(world)

    assert help_request.sent_at is not None
    assert list(help_request.recipients.all()) == [world["association"]]
    (mail,) = mailoutbox
    assert mail.to == ["puheenjohtaja@example.org"]
    assert "pyytää apua" in mail.subject and "ber om hjälp" in mail.subject
    assert URL in mail.body
    with pytest.raises(ValidationError) as refused:  # nobody new to send it to
        help_request_send(
            user=world["coordinator"],
            help_request=help_request,
            recipients=[world["association"]],
            url=URL,
        )
    assert "recipients" in refused.value.error_dict
    assert len(mailoutbox) == 1


def test_send__only_to_associations_of_the_municipality_and_by_its_coordinator(world):
    help_request = help_request_save(
        user=world["coordinator"], municipality=world["municipality"], data=_data(world)
    )
    with pytest.raises(ValidationError):
        help_request_send(
            user=world["coordinator"],
            help_request=help_request,
            recipients=[OrganisationFactory()],
            url=URL,
        )
    with pytest.raises(Http404):  # a draft is the coordinators' own
        help_request_send(
            user=world["representative"],
            help_request=help_request,
            recipients=[world["association"]],
            url=URL,
        )
    assert not help_request.recipients.exists()


def test_request__dates_checked_with_their_messages(world):
    coordinator, municipality = world["coordinator"], world["municipality"]
    with pytest.raises(ValidationError) as refused:
        help_request_save(
            user=coordinator,
            municipality=municipality,
            data=_data(world, ends_on=TODAY + 10 * DAY, answer_by=TODAY + 20 * DAY),
        )
    assert set(refused.value.error_dict) == {"ends_on", "answer_by"}
    with pytest.raises(ValidationError) as refused:
        help_request_save(
            user=coordinator,
            municipality=municipality,
            data=_data(world, starts_on=TODAY - 3 * DAY, ends_on=None, answer_by=TODAY - 4 * DAY),
        )
    assert set(refused.value.error_dict) == {"starts_on", "answer_by"}
    with pytest.raises(ValidationError) as refused:
        other_goal_plan = MunicipalityFactory()
        help_request_save(
            user=coordinator,
            municipality=municipality,
            data=_data(world, villages=(VillageFactory(municipality=other_goal_plan),)),
        )
    assert "villages" in refused.value.error_dict
    assert not HelpRequest.objects.exists()


def test_who_sees_a_request__predicate_and_queryset_agree(world):
    municipality = world["municipality"]
    draft = help_request_save(
        user=world["coordinator"], municipality=municipality, data=_data(world)
    )
    sent = _sent(world, title="Kesäjuhlan järjestelyt")
    outsider = representative_of(OrganisationFactory(municipality=municipality))
    users = {
        "coordinator": (world["coordinator"], {draft, sent}),
        "official": (official_of(municipality), {sent}),
        "councillor": (councillor_of(municipality), {sent}),
        "recipient": (world["representative"], {sent}),
        "other association": (outsider, set()),
        "other municipality": (official_of(MunicipalityFactory()), set()),
    }
    for name, (user, expected) in users.items():
        by_predicate = {r for r in (draft, sent) if user.has_perm("cards.view_help_request", r)}
        assert by_predicate == expected, name
        assert set(help_requests_visible_to(user)) == expected, name


def test_offer__saved_changed_and_two_representatives_do_not_overwrite(world):
    help_request = _sent(world)
    association, first = world["association"], world["representative"]
    second = representative_of(association)

    offer = help_offer_save(
        user=first,
        help_request=help_request,
        organisation=association,
        text="Kaksi vapaaehtoista tiistaisin",
        helpers=2,
    )
    loaded = version_of(offer)
    help_offer_save(
        user=first,
        help_request=help_request,
        organisation=association,
        text="Kolme vapaaehtoista tiistaisin",
        helpers=3,
        loaded_version=loaded,
    )
    with pytest.raises(ValidationError) as refused:
        help_offer_save(
            user=second,
            help_request=help_request,
            organisation=association,
            text="Yksi vapaaehtoinen",
            helpers=1,
            loaded_version=loaded,
        )

    assert refused.value.code == "conflict"
    offer = HelpOffer.objects.get()
    assert (offer.text, offer.helpers) == ("Kolme vapaaehtoista tiistaisin", 3)


def test_offer__refused_after_the_date_when_closed_and_from_whom_it_did_not_reach(world):
    help_request = _sent(world)
    outsider_association = OrganisationFactory(municipality=world["municipality"])
    outsider = representative_of(outsider_association)

    with pytest.raises(Http404):
        help_offer_save(
            user=outsider,
            help_request=help_request,
            organisation=outsider_association,
            text="Voimme auttaa",
            helpers=1,
        )
    HelpRequest.objects.filter(pk=help_request.pk).update(answer_by=TODAY - DAY)
    help_request.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        help_offer_save(
            user=world["representative"],
            help_request=help_request,
            organisation=world["association"],
            text="Voimme auttaa",
            helpers=1,
        )
    assert (TODAY - DAY).strftime("%-d.%-m.%Y") in refused.value.messages[0]
    HelpRequest.objects.filter(pk=help_request.pk).update(answer_by=TODAY)
    help_request_close(user=world["coordinator"], help_request=help_request)
    with pytest.raises(ValidationError):
        help_offer_save(
            user=world["representative"],
            help_request=help_request,
            organisation=world["association"],
            text="Voimme auttaa",
            helpers=1,
        )
    assert not HelpOffer.objects.exists()


def test_reply_and_done__the_help_becomes_the_associations_activity(world):
    help_request = _sent(world)
    offer = help_offer_save(
        user=world["representative"],
        help_request=help_request,
        organisation=world["association"],
        text="Kaksi vapaaehtoista",
        helpers=2,
    )
    with pytest.raises(PermissionDenied):  # the association does not reply to itself
        help_offer_reply(user=world["representative"], offer=offer, state=HelpOfferState.ACCEPTED)
    help_offer_reply(
        user=world["coordinator"], offer=offer, state=HelpOfferState.ACCEPTED, reply="Kiitos!"
    )
    offer.refresh_from_db()

    activity = help_offer_done(
        user=world["representative"],
        offer=offer,
        data=HelpDoneData(
            starts_on=TODAY,  # not yet the request's first day: the help began early
            participants=9,
            in_target_group=9,
            volunteers=2,
            volunteer_hours=Decimal("12"),
        ),
        loaded_version=version_of(offer),
    )

    assert activity.kind == ActivityKind.HELP
    assert activity.name == help_request.title
    assert activity.municipality == world["municipality"]
    assert list(activity.sub_goals.all()) == [world["subs"][1]]
    offer.refresh_from_db()
    assert (offer.state, offer.activity) == (HelpOfferState.DONE, activity)
    with pytest.raises(ValidationError):  # recorded already
        help_offer_done(
            user=world["representative"],
            offer=offer,
            data=HelpDoneData(starts_on=TODAY),
        )
    with pytest.raises(ValidationError):  # done: no longer changed
        help_offer_save(
            user=world["representative"],
            help_request=help_request,
            organisation=world["association"],
            text="Muutos",
            helpers=1,
        )


def test_done__counts_checked_and_nothing_half_written(world):
    help_request = _sent(world)
    offer = help_offer_save(
        user=world["representative"],
        help_request=help_request,
        organisation=world["association"],
        text="Kaksi vapaaehtoista",
        helpers=2,
    )
    with pytest.raises(ValidationError) as refused:
        help_offer_done(
            user=world["representative"],
            offer=offer,
            data=HelpDoneData(starts_on=TODAY, participants=3, in_target_group=5),
        )
    assert "in_target_group" in refused.value.error_dict
    offer.refresh_from_db()
    assert offer.state == HelpOfferState.OFFERED and offer.activity is None


# --- pages ----------------------------------------------------------------------------------


def test_pages__coordinator_asks_sends_and_the_association_offers(
    world, immediate_tasks, mailoutbox
):
    coordinator = client_of(world["coordinator"])
    municipality = world["municipality"]
    new_url = reverse("cards:help-request-new", kwargs={"code": municipality.code})
    form = {
        "title": "Kotikäynnit",
        "starts_on": (TODAY + 14 * DAY).isoformat(),
        "answer_by": (TODAY + 20 * DAY).isoformat(),
        "helpers_needed": "4",
    }

    refused = coordinator.post(new_url, form)
    assert refused.status_code == 200
    assert "answer_by_error" in refused.content.decode()  # the error at its field

    form["answer_by"] = (TODAY + 7 * DAY).isoformat()
    made = coordinator.post(new_url, form)
    help_request = HelpRequest.objects.get()
    page = reverse("cards:help-request", kwargs={"pk": help_request.pk})
    assert made["Location"] == page
    draft = coordinator.get(page).content.decode()
    assert world["association"].name in draft and "Luonnos, ei lähetetty" in draft

    sent = coordinator.post(page, {"action": "send", "recipients": [world["association"].pk]})
    assert sent.status_code == 302
    association = client_of(world["representative"])
    assert (
        "Kotikäynnit"
        in association.get(
            reverse("cards:help-requests", kwargs={"code": municipality.code})
        ).content.decode()
    )

    prefix = f"offer-{world['association'].pk}"
    offered = association.post(
        page,
        {
            "organisation_id": world["association"].pk,
            f"{prefix}-organisation": world["association"].pk,
            f"{prefix}-text": "Kaksi vapaaehtoista",
            f"{prefix}-helpers": "2",
        },
    )
    assert offered.status_code == 302
    assert HelpOffer.objects.get().text == "Kaksi vapaaehtoista"
    assert "Kaksi vapaaehtoista" in coordinator.get(page).content.decode()
    # The coordinator offers nothing for an association it does not represent.
    assert coordinator.post(page, {"organisation_id": world["association"].pk}).status_code == 403


def test_pages__close_asks_first_then_closes(world):
    help_request = _sent(world)
    url = reverse("cards:help-request-close", kwargs={"pk": help_request.pk})
    coordinator = client_of(world["coordinator"])

    assert "Ei, pidä avoinna" in coordinator.get(url).content.decode()
    assert client_of(world["representative"]).post(url).status_code == 403
    assert coordinator.post(url).status_code == 302

    help_request.refresh_from_db()
    assert help_request.closed_at is not None

"""Wellbeing cards of seed 000 (the Utajärvi model): the yearly decision makes one card per
chosen goal of the approved plan, whose rows are the goal's sub-goals; an invited
association answers per row, saves a draft, sends, edits until the card closes and copies
last year's answer forward; the municipality comments and accepts."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from elinvoima.cards.enums import ResponseState
from elinvoima.cards.models import CardResponse, CardTemplate
from elinvoima.cards.permissions import responses_visible_to
from elinvoima.cards.services import (
    RowAnswer,
    card_decision_record,
    card_response_accept,
    card_response_comment,
    card_response_copy_forward,
    card_response_save,
    card_rows,
    response_version,
)
from tests.cards.conftest import SUB_GOALS
from tests.factories.actors import (
    AdminFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
    coordinator_of,
    councillor_of,
    representative_of,
)
from tests.factories.strategy import GoalFactory


def _decide(world, *, year=2026, goals=None, opens_on=None, closes_on=None, user=None):
    today = timezone.localdate()
    return card_decision_record(
        user=user or world["coordinator"],
        municipality=world["municipality"],
        year=year,
        body="Kunnan johtoryhmä",
        decided_on=today,
        plan=world["plan"],
        goals=goals or [world["elderly"], world["children"]],
        opens_on=opens_on or today - datetime.timedelta(days=10),
        closes_on=closes_on or today + datetime.timedelta(days=30),
    )


def _elderly_card(world, **kwargs) -> CardTemplate:
    decision = _decide(world, **kwargs)
    return decision.templates.get(goal=world["elderly"])


def _answers(world, *texts) -> dict:
    return {sub.pk: RowAnswer(*text) for sub, text in zip(world["subs"], texts, strict=False)}


def test_decision__chosen_goals__one_card_each_with_the_goals_sub_goals_as_rows(world):
    decision = _decide(world)

    templates = list(decision.templates.all())
    assert [template.goal for template in templates] == [world["elderly"], world["children"]]
    assert templates[0].name_fi == "Aktiivinen ja turvallinen ikääntyminen"
    assert [goal.title_fi for goal in card_rows(templates[0])] == list(SUB_GOALS)
    assert card_rows(templates[1]) == [world["children"]]  # no sub-goals: the goal itself
    assert list(templates[0].invited.all()) == [world["association"]]


def test_decision__a_sub_goal_added_to_the_plan__the_card_shows_it(world):
    template = _elderly_card(world)

    GoalFactory(priority_area=world["elderly"].priority_area, parent=world["elderly"], position=9)

    assert len(card_rows(template)) == 4


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("draft plan", "plan"),
        ("sub-goal chosen", "goals"),
        ("year outside the plan", "year"),
        ("closes before opening", "closes_on"),
    ],
)
def test_decision__bad_input__refused_with_the_field_nothing_written(world, change, field):
    kwargs = {}
    if change == "draft plan":
        world["plan"].state = "planning"
        world["plan"].save()
    elif change == "sub-goal chosen":
        kwargs["goals"] = [world["subs"][0]]
    elif change == "year outside the plan":
        kwargs["year"] = 2040
    else:
        today = timezone.localdate()
        kwargs.update(opens_on=today, closes_on=today - datetime.timedelta(days=1))

    with pytest.raises(ValidationError) as refused:
        _decide(world, **kwargs)

    assert field in refused.value.message_dict
    assert not CardTemplate.objects.exists()


def test_decision__twice_for_a_year__refused(world):
    _decide(world)

    with pytest.raises(ValidationError) as refused:
        _decide(world)

    assert "2026" in refused.value.message_dict["year"][0]


def test_decision__not_the_municipalitys_coordinator__refused(world):
    other = coordinator_of(MunicipalityFactory())
    with pytest.raises(PermissionDenied):
        _decide(world, user=other)
    with pytest.raises(PermissionDenied):
        _decide(world, user=world["representative"])


def test_answer__draft_then_sent_then_edited__state_and_texts(world):
    template = _elderly_card(world)
    rep = world["representative"]

    draft = card_response_save(
        user=rep,
        template=template,
        organisation=world["association"],
        answers=_answers(world, ("Rollaattorimarssi laidunkauden avajaisiin", "")),
    )
    assert draft.state == ResponseState.DRAFT
    sent = card_response_save(
        user=rep,
        template=template,
        organisation=world["association"],
        answers=_answers(world, ("Rollaattorimarssi", "Osallistujia 40"), ("Kerho", "")),
        submit=True,
        loaded_version=response_version(draft),
    )

    assert sent.state == ResponseState.SUBMITTED and sent.submitted_at is not None
    texts = {a.sub_goal.title_fi: (a.what_we_do, a.how_we_succeed) for a in sent.answers.all()}
    assert texts == {
        SUB_GOALS[0]: ("Rollaattorimarssi", "Osallistujia 40"),
        SUB_GOALS[1]: ("Kerho", ""),
    }


def test_answer__two_members_edit_the_same_answer__second_told_who(world):
    template = _elderly_card(world)
    first = card_response_save(
        user=world["representative"],
        template=template,
        organisation=world["association"],
        answers=_answers(world, ("Alku", "")),
    )
    loaded = response_version(first)
    other_member = representative_of(world["association"], first_name="Pentti")
    card_response_save(
        user=other_member,
        template=template,
        organisation=world["association"],
        answers=_answers(world, ("Pentin teksti", "")),
        loaded_version=loaded,
    )

    with pytest.raises(ValidationError) as refused:
        card_response_save(
            user=world["representative"],
            template=template,
            organisation=world["association"],
            answers=_answers(world, ("Oma teksti", "")),
            loaded_version=loaded,
        )

    assert "Pentti" in refused.value.messages[0]
    assert CardResponse.objects.get().answers.get(sub_goal=world["subs"][0]).what_we_do == (
        "Pentin teksti"
    )


def test_answer__after_the_card_closed__refused_with_the_date(world):
    today = timezone.localdate()
    template = _elderly_card(
        world,
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today - datetime.timedelta(days=1),
    )

    with pytest.raises(ValidationError) as refused:
        card_response_save(
            user=world["representative"],
            template=template,
            organisation=world["association"],
            answers=_answers(world, ("Myöhässä", "")),
        )

    assert refused.value.code == "closed"
    assert str(template.closes_on.year) in refused.value.messages[0]
    assert not CardResponse.objects.exists()


def test_answer__uninvited_association_or_empty_send__refused(world):
    template = _elderly_card(world)
    outsider = OrganisationFactory()
    with pytest.raises(ValidationError) as refused:
        card_response_save(
            user=representative_of(outsider),
            template=template,
            organisation=outsider,
            answers=_answers(world, ("Teemme", "")),
        )
    assert refused.value.code == "not_invited"
    with pytest.raises(ValidationError) as refused:
        card_response_save(
            user=world["representative"],
            template=template,
            organisation=world["association"],
            answers=_answers(world, ("", "Hyvin")),
            submit=True,
        )
    assert refused.value.code == "empty"


def test_answer__for_another_association__refused_before_anything_is_read(world):
    template = _elderly_card(world)
    with pytest.raises(PermissionDenied):
        card_response_save(
            user=UserFactory(),
            template=template,
            organisation=world["association"],
            answers=_answers(world, ("Teemme", "")),
        )


def test_review__comment_and_accept__public_then_an_edit_sends_it_back(world):
    template = _elderly_card(world)
    sent = card_response_save(
        user=world["representative"],
        template=template,
        organisation=world["association"],
        answers=_answers(world, ("Rollaattorimarssi", "")),
        submit=True,
    )
    coordinator = world["coordinator"]

    card_response_comment(user=coordinator, response=sent, text="Kiitos, hieno tapahtuma!")
    accepted = card_response_accept(
        user=coordinator, response=sent, loaded_version=response_version(sent)
    )

    assert accepted.state == ResponseState.ACCEPTED and accepted.accepted_by == coordinator
    assert list(responses_visible_to(UserFactory())) == [accepted]  # public once accepted
    edited = card_response_save(
        user=world["representative"],
        template=template,
        organisation=world["association"],
        answers=_answers(world, ("Rollaattorimarssi ja kerho", "")),
        loaded_version=response_version(accepted),
    )
    assert edited.state == ResponseState.SUBMITTED
    assert list(responses_visible_to(UserFactory())) == []


def test_review__draft_hidden_from_others__and_only_coordinators_accept(world):
    template = _elderly_card(world)
    draft = card_response_save(
        user=world["representative"],
        template=template,
        organisation=world["association"],
        answers=_answers(world, ("Luonnos", "")),
    )
    outsider = UserFactory()
    with pytest.raises(Http404):  # hidden answers answer as missing ones
        card_response_accept(user=outsider, response=draft)
    with pytest.raises(PermissionDenied):  # a councillor reads it but does not accept
        card_response_accept(user=councillor_of(world["municipality"]), response=draft)
    with pytest.raises(ValidationError) as refused:
        card_response_accept(user=world["coordinator"], response=draft)
    assert refused.value.code == "not_sent"
    assert list(responses_visible_to(outsider)) == []
    assert list(responses_visible_to(world["representative"])) == [draft]
    assert list(responses_visible_to(councillor_of(world["municipality"]))) == [draft]
    assert list(responses_visible_to(AdminFactory())) == [draft]


def test_copy_forward__last_years_answer__rows_with_the_same_sub_goal_filled_as_draft(world):
    last_year = _elderly_card(world, year=2025)
    card_response_save(
        user=world["representative"],
        template=last_year,
        organisation=world["association"],
        answers=_answers(world, ("Rollaattorimarssi", "40 osallistujaa"), ("", ""), ("Jumppa", "")),
        submit=True,
    )
    this_year = _elderly_card(world, year=2026)

    copied = card_response_copy_forward(
        user=world["representative"], template=this_year, organisation=world["association"]
    )

    assert copied.state == ResponseState.DRAFT
    texts = {a.sub_goal.title_fi: a.what_we_do for a in copied.answers.all() if a.what_we_do}
    assert texts == {SUB_GOALS[0]: "Rollaattorimarssi", SUB_GOALS[2]: "Jumppa"}
    with pytest.raises(ValidationError) as refused:  # never over this year's answer
        card_response_copy_forward(
            user=world["representative"], template=this_year, organisation=world["association"]
        )
    assert refused.value.code == "exists"


# --- a card changed after the decision ------------------------------------------------------


def test_card_changed__name_dates_and_invited__an_association_that_answered_stays(world):
    from elinvoima.cards.services import card_template_update, template_version

    template = _elderly_card(world)
    template.invited.add(world["association"])
    card_response_save(
        user=world["representative"],
        template=template,
        organisation=world["association"],
        answers=_answers(world, ("Tuolijumppa", "")),
        submit=True,
    )
    village_association = OrganisationFactory(municipality=world["municipality"])
    elsewhere = OrganisationFactory()
    today = timezone.localdate()
    change = {
        "names": {"fi": "Ikäihmiset-kortti", "sv": "Kortet för äldre"},
        "opens_on": today,
        "closes_on": today + datetime.timedelta(days=60),
    }

    with pytest.raises(ValidationError) as refused:
        card_template_update(
            user=world["coordinator"],
            template=template,
            invited=[village_association, elsewhere],
            **{**change, "closes_on": today - datetime.timedelta(days=1)},
        )
    assert set(refused.value.error_dict) == {"invited", "closes_on"}
    invited_errors = " ".join(e for error in refused.value.error_dict["invited"] for e in error)
    assert world["association"].name in invited_errors  # sent its answer: stays invited
    with pytest.raises(PermissionDenied):
        card_template_update(user=world["representative"], template=template, invited=[], **change)
    loaded = template_version(template)
    card_template_update(
        user=world["coordinator"],
        template=template,
        invited=[world["association"], village_association],
        loaded_version=loaded,
        **change,
    )
    with pytest.raises(ValidationError) as conflict:  # a second coordinator's stale form
        card_template_update(
            user=coordinator_of(world["municipality"]),
            template=template,
            invited=[world["association"]],
            loaded_version=loaded,
            **change,
        )

    assert conflict.value.code == "conflict"
    template.refresh_from_db()
    assert (template.name_fi, template.name_sv) == ("Ikäihmiset-kortti", "Kortet för äldre")
    assert template.closes_on == today + datetime.timedelta(days=60)
    assert set(template.invited.all()) == {world["association"], village_association}

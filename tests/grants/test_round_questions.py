"""The round's own questions (issue 15: "form questions"): the coordinator asks them in
Finnish and Swedish, one a line; every application answers them before it is submitted;
once the round has applications its questions are not removed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from elinvoima.grants.applications.services import grant_application_save, grant_application_submit
from elinvoima.grants.forms import GrantRoundForm
from elinvoima.grants.models import GrantRound, RoundQuestion
from elinvoima.grants.services import GrantRoundData, grant_round_save, round_version
from tests.factories.actors import client_of
from tests.grants.conftest import application_data, draft_application


def _asked(world, *questions) -> GrantRound:
    grant_round = GrantRound.objects.get(pk=world["round"].pk)
    return grant_round_save(
        user=world["coordinator"],
        municipality=grant_round.municipality,
        grant_round=grant_round,
        loaded_version=round_version(grant_round),
        data=GrantRoundData(
            kind=grant_round.kind,
            texts={"name_fi": grant_round.name_fi},
            budget=grant_round.budget,
            period_starts_on=grant_round.period_starts_on,
            period_ends_on=grant_round.period_ends_on,
            opens_on=grant_round.opens_on,
            closes_on=grant_round.closes_on,
            goals=tuple(grant_round.goals.all()),
            reviewers=tuple(grant_round.reviewers.all()),
            questions=tuple(questions),
        ),
    )


def test_round_form__one_question_a_line__swedish_in_the_same_order(world):
    form = GrantRoundForm(
        {
            "name_fi": "Avustukset",
            "kind": "operating",
            "budget": "1000",
            "period_starts_on": "2027-01-01",
            "period_ends_on": "2027-12-31",
            "opens_on": "2026-12-01",
            "closes_on": "2026-12-31",
            "questions_fi": "Ketä tavoitatte?\n\nMitä opitte?\n",
            "questions_sv": "Vem når ni?\n",
        },
        goals=world["goal"].plan.goals.all(),
        cards=world["round"].card_templates.all(),
        reviewers=world["round"].reviewers.all(),
    )
    assert form.is_valid(), form.errors
    assert form.data_for_service().questions == (
        ("Ketä tavoitatte?", "Vem når ni?"),
        ("Mitä opitte?", ""),
    )


def test_questions__answered_before_submitting__kept_once_applied(world):
    grant_round = _asked(world, ("Ketä tavoitatte?", "Vem når ni?"), ("Mitä opitte?", ""))
    first, second = RoundQuestion.objects.filter(grant_round=grant_round)
    application = draft_application(world, answers=((first, "Ikäihmisiä"),))
    with pytest.raises(ValidationError) as refused:
        grant_application_submit(user=world["representative"], application=application)
    assert "answers" in refused.value.message_dict
    elsewhere = RoundQuestion(pk=first.pk + 1000, grant_round_id=grant_round.pk + 1000)
    with pytest.raises(ValidationError):  # a question of another round
        grant_application_save(
            user=world["representative"],
            application=application,
            data=application_data(world, answers=((elsewhere, "x"),)),
        )
    grant_application_save(
        user=world["representative"],
        application=application,
        data=application_data(world, answers=((first, "Ikäihmisiä"), (second, "Paljon"))),
    )
    application = grant_application_submit(user=world["representative"], application=application)
    assert application.state == "submitted"
    with pytest.raises(ValidationError):  # applied: a question is not removed
        _asked(world, ("Ketä tavoitatte?", "Vem når ni?"))
    _asked(
        world,
        ("Ketä tavoitatte?", "Vem når ni?"),
        ("Mitä opitte?", "Vad lärde ni er?"),
        ("Uusi?", ""),
    )
    assert RoundQuestion.objects.filter(grant_round=grant_round).count() == 3

    page = client_of(world["coordinator"]).get(
        reverse("grants:application", kwargs={"pk": application.pk})
    )
    assert "Ikäihmisiä" in page.content.decode() and "Mitä opitte?" in page.content.decode()

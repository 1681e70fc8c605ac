"""The cooperation situation survey (issue 18, item 4): a county's HYTE official prepares
it from seed 001's statements, invites respondents group by group, opens it; respondents
answer once through their personal link, without an account; results are percentage
distributions per group, hidden below five answers, compared between groups and with the
previous year; published, they are public — on the page and in the API."""

import datetime
import re
import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from elinvoima.reports.enums import RespondentGroup, SurveyState
from elinvoima.reports.surveys.models import Survey, SurveyInvitation, SurveyResponse
from elinvoima.reports.surveys.selectors import ALL, survey_results
from elinvoima.reports.surveys.services import (
    AnswerData,
    SurveyData,
    default_survey_data,
    invitation_token,
    invitations_add,
    response_submit,
    results_publish,
    survey_close,
    survey_open,
    survey_save,
)
from tests.factories import (
    InterfaceThemeFactory,
    WellbeingCountyFactory,
    client_of,
    county_official_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def county(db):
    return WellbeingCountyFactory(name_fi="Päijät-Häme", name_sv="Päijänne-Tavastland")


@pytest.fixture
def official(county):
    return county_official_of(county)


def _data(year=None, **changes) -> SurveyData:
    year = year or timezone.localdate().year
    start = {
        "year": year,
        "title_fi": f"Tilannekysely {year}",
        "closes_on": timezone.localdate() + datetime.timedelta(days=30),
        "statements_fi": ("Yhteinen tietopohja ja tilannekuva", "Toimivat foorumit"),
        "statements_sv": ("Gemensamt kunskapsunderlag", "Fungerande forum"),
        "themes": (InterfaceThemeFactory(code=f"theme{year}"),),
    }
    return SurveyData(**{**start, **changes})


def _open_survey(official, county, year=None) -> Survey:
    survey = survey_save(user=official, county=county, data=_data(year))
    return survey_open(user=official, survey=survey)


def _invite(official, survey, group, count, start=0) -> list[SurveyInvitation]:
    ids = invitations_add(
        user=official,
        survey=survey,
        group=group,
        addresses=[f"r{start + n}.{group}@example.fi" for n in range(count)],
    )
    return list(SurveyInvitation.objects.filter(pk__in=ids).order_by("pk"))


def _answer(invitation, value=4, maturity=3, observations=""):
    survey = invitation.survey
    return response_submit(
        token=invitation_token(invitation),
        data=AnswerData(
            statements={s.pk: value for s in survey.statements.all()},
            themes={t.pk: value for t in survey.themes.all()},
            maturity=maturity,
            observations=observations,
        ),
    )


@pytest.mark.both_databases
def test_survey_end_to_end__prepared_invited_answered_by_link_results_published(
    county, official, immediate_tasks
):
    """Through the pages: the defaults of seed 001, invitations mailed with personal links
    in fi and sv, anonymous answers, results per group, publishing."""
    InterfaceThemeFactory(code="health_promotion", name_fi="Hyte")
    organiser = client_of(official)
    page = organiser.get(reverse("reports:survey-add", kwargs={"code": county.code}))
    assert "Yhteinen tietopohja ja tilannekuva" in page.content.decode()  # the seed's
    form = page.context["form"]
    year = timezone.localdate().year
    response = organiser.post(
        reverse("reports:survey-add", kwargs={"code": county.code}),
        {
            "year": year,
            "title_fi": "Tilannekuvakysely",
            "title_sv": "Lägesbildsenkät",
            "closes_on": f"{year}-12-31",
            "statements_fi": form.initial["statements_fi"],
            "statements_sv": form.initial["statements_sv"],
            "themes": [t.pk for t in form.initial["themes"]],
        },
    )
    survey = Survey.objects.get(wellbeing_county=county)
    assert response.status_code == 302 and survey.statements.count() == 7
    assert survey.statements.get(position=0).text_sv.startswith("Tydligt utsedda")

    invitations_url = reverse("reports:survey-invitations", kwargs={"pk": survey.pk})
    organiser.post(
        invitations_url,
        {
            "group": "county_leadership",
            "addresses": "a@hva.fi, b@hva.fi\nc@hva.fi d@hva.fi e@hva.fi",
        },
    )
    organiser.post(invitations_url, {"group": "municipal_leadership", "addresses": "f@kunta.fi"})
    assert not mail.outbox  # a draft sends nothing yet
    organiser.post(reverse("reports:survey-open", kwargs={"pk": survey.pk}))
    assert len(mail.outbox) == 6
    message = next(m for m in mail.outbox if m.to == ["a@hva.fi"])
    links = re.findall(r"http://testserver(/\w\w/survey-answers/[\w-]+/)", message.body)
    assert [link[:4] for link in links] == ["/fi/", "/sv/"] and "Lägesbildsenkät" in message.subject

    anonymous = Client()
    for number, sent in enumerate(m for m in mail.outbox if m.to != ["f@kunta.fi"]):
        link = re.search(r"http://testserver(/fi/survey-answers/[\w-]+/)", sent.body).group(1)
        answer_page = anonymous.get(link)
        assert answer_page.status_code == 200
        fields = answer_page.context["form"].fields
        choice = {
            name: "5" if number % 2 else "2" for name in fields if name.startswith("statement_")
        }
        choice.update(maturity="4", observations="Luottamus pitää rakentaa uudelleen.")
        assert anonymous.post(link, choice).status_code == 302
    once_more = anonymous.post(link, choice)
    assert "Tällä linkillä on jo vastattu" in once_more.content.decode()
    assert SurveyResponse.objects.filter(survey=survey).count() == 5

    organiser.post(reverse("reports:survey-close", kwargs={"pk": survey.pk}))
    results = survey_results(survey)
    shown = {g.key: g.shown for g in results.groups}
    assert shown == {
        "municipal_leadership": False,
        "county_leadership": True,
        "associations": False,
    }
    first = results.statements[0].by_group["county_leadership"]
    assert [s.percent for s in first.shares] == [0.0, 60.0, 0.0, 0.0, 40.0, 0.0]

    assert Client().get(survey.get_absolute_url()).status_code == 302  # to log in
    organiser.post(reverse("reports:survey-publish", kwargs={"pk": survey.pk}))
    public = Client().get(survey.get_absolute_url()).content.decode()
    assert "60 %" in public and "Luottamus pitää rakentaa uudelleen." in public
    assert "f@kunta.fi" not in public and "a@hva.fi" not in public


@pytest.mark.both_databases
def test_answers__refused_twice_before_opening_after_closing_and_with_a_forged_link(
    county, official
):
    survey = survey_save(user=official, county=county, data=_data())
    invitation, other = _invite(official, survey, RespondentGroup.ASSOCIATIONS, 2)
    with pytest.raises(ValidationError, match="ei ole vielä avautunut"):
        _answer(invitation)
    survey_open(user=official, survey=survey)
    _answer(invitation)
    with pytest.raises(ValidationError, match="jo vastattu"):
        _answer(invitation)
    forged = f"{other.pk}-{'0' * 32}"
    with pytest.raises(ValidationError, match="ei ole voimassa"):
        response_submit(token=forged, data=AnswerData(statements={}, themes={}, maturity=2))
    assert (
        Client().get(reverse("reports:survey-answer", kwargs={"token": forged})).status_code == 404
    )
    survey_close(user=official, survey=survey)
    with pytest.raises(ValidationError, match="päättynyt"):
        _answer(other)
    assert SurveyResponse.objects.filter(survey=survey).count() == 1


@pytest.mark.both_databases
def test_answers__after_the_last_day_are_refused_though_not_closed_by_hand(county, official):
    survey = _open_survey(official, county)
    (invitation,) = _invite(official, survey, RespondentGroup.ASSOCIATIONS, 1)
    Survey.objects.filter(pk=survey.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="päättynyt"):
        _answer(invitation)


@pytest.mark.both_databases
def test_answer__a_question_not_of_the_survey_or_a_value_off_the_scale_is_refused(county, official):
    survey = _open_survey(official, county)
    (invitation,) = _invite(official, survey, RespondentGroup.ASSOCIATIONS, 1)
    token = invitation_token(invitation)
    with pytest.raises(ValidationError, match="muuttuneet"):
        response_submit(token=token, data=AnswerData(statements={10**9: 3}, themes={}))
    statement = survey.statements.first()
    with pytest.raises(ValidationError, match="Valitse yksi"):
        response_submit(token=token, data=AnswerData(statements={statement.pk: 9}, themes={}))
    invitation.refresh_from_db()
    assert not invitation.answered  # nothing half-written: the link still works
    assert _answer(invitation).group == RespondentGroup.ASSOCIATIONS


@pytest.mark.both_databases
def test_results__a_group_below_five_is_hidden_and_cannot_be_subtracted_from_the_total(
    county, official
):
    survey = _open_survey(official, county)
    for invitation in _invite(official, survey, RespondentGroup.COUNTY_LEADERSHIP, 5):
        _answer(invitation, value=5, maturity=5)
    for invitation in _invite(official, survey, RespondentGroup.MUNICIPAL_LEADERSHIP, 6, 10):
        _answer(invitation, value=2, maturity=2)
    for invitation in _invite(official, survey, RespondentGroup.ASSOCIATIONS, 4, 20):
        _answer(invitation, value=1, maturity=1, observations="Meitä ei kuulla.")
    results = survey_results(survey)
    statement = results.statements[0]
    assert set(statement.by_group) == {"county_leadership", "municipal_leadership", ALL}
    assert statement.by_group[ALL].n == 11  # the two groups shown, not 15
    assert statement.by_group[ALL].counts == {5: 5, 2: 6}
    assert results.maturity.by_group[ALL].mean == pytest.approx((5 * 5 + 6 * 2) / 11)
    assert all("Meitä ei kuulla." not in text for _group, text in results.observations)
    api = Client().get(reverse("api:survey-detail", kwargs={"pk": survey.pk}))
    assert api.status_code == 404  # not published
    survey_close(user=official, survey=survey)
    results_publish(user=official, survey=survey)
    body = Client().get(reverse("api:survey-detail", kwargs={"pk": survey.pk})).json()
    groups = {g["group"]: g["answers"] for g in body["results"]["groups"]}
    assert groups == {"municipal_leadership": 6, "county_leadership": 5, "associations": None}
    assert set(body["results"]["statements"][0]["groups"]) == {
        "county_leadership",
        "municipal_leadership",
        ALL,
    }


@pytest.mark.both_databases
def test_results__compared_with_the_previous_year_statement_by_statement(county, official):
    year = timezone.localdate().year
    before = _open_survey(official, county, year - 1)
    for invitation in _invite(official, before, RespondentGroup.COUNTY_LEADERSHIP, 5):
        _answer(invitation, value=2)
    now = _open_survey(official, county, year)
    for invitation in _invite(official, now, RespondentGroup.COUNTY_LEADERSHIP, 5, 10):
        _answer(invitation, value=4)
    statement = survey_results(now).statements[0]
    assert statement.change("county_leadership") == 100.0  # 0 % → 100 % good answers
    page = client_of(official).get(now.get_absolute_url()).content.decode()
    assert "+100 prosenttiyksikköä" in page and "Muutos vuosien varrella" in page


@pytest.mark.both_databases
def test_questions__stay_as_answered_once_the_survey_has_opened(county, official):
    survey = _open_survey(official, county)
    changed = _data(statements_fi=("Jotain aivan muuta",), statements_sv=())
    survey_save(user=official, survey=survey, data=changed)
    assert list(survey.statements.values_list("text_fi", flat=True)) == [
        "Yhteinen tietopohja ja tilannekuva",
        "Toimivat foorumit",
    ]
    with pytest.raises(ValidationError, match="Vuotta ei voi muuttaa"):
        survey_save(user=official, survey=survey, data=_data(year=survey.year + 1))


@pytest.mark.both_databases
def test_survey__statements_in_swedish_must_match_the_finnish_ones(county, official):
    with pytest.raises(ValidationError) as refused:
        survey_save(user=official, county=county, data=_data(statements_sv=("Bara en",)))
    assert "statements_sv" in refused.value.error_dict
    assert not Survey.objects.exists()


@pytest.mark.both_databases
def test_permissions__another_countys_official_and_the_public_see_no_draft(county, official):
    survey = survey_save(user=official, county=county, data=_data())
    stranger = county_official_of(WellbeingCountyFactory())
    with pytest.raises(Http404):
        survey_open(user=stranger, survey=survey)
    with pytest.raises(PermissionDenied):
        survey_save(user=stranger, county=county, data=_data(year=2001))
    assert client_of(stranger).get(survey.get_absolute_url()).status_code == 404
    listing = client_of(stranger).get(reverse("api:survey-list")).json()
    assert listing["count"] == 0
    assert client_of(official).get(reverse("api:survey-list")).json()["count"] == 1


@pytest.mark.both_databases
def test_invitations__bad_addresses_are_named_and_an_address_is_invited_once(county, official):
    survey = survey_save(user=official, county=county, data=_data())
    page = client_of(official).post(
        reverse("reports:survey-invitations", kwargs={"pk": survey.pk}),
        {"group": "associations", "addresses": "ok@yhdistys.fi, ei-osoite"},
    )
    assert "ei-osoite" in page.content.decode() and not SurveyInvitation.objects.exists()
    addresses = ["a@yhdistys.fi", "b@yhdistys.fi", "c@yhdistys.fi"]
    invitations_add(user=official, survey=survey, group="associations", addresses=addresses[:2])
    again = invitations_add(
        user=official, survey=survey, group="county_leadership", addresses=addresses
    )
    assert len(again) == 1  # two of the three were invited already
    assert SurveyInvitation.objects.filter(survey=survey).count() == 3


@pytest.mark.both_databases
def test_reminder__goes_to_those_who_have_not_answered(county, official, immediate_tasks):
    survey = _open_survey(official, county)
    first, second = _invite(official, survey, RespondentGroup.ASSOCIATIONS, 2)
    _answer(first)
    organiser = client_of(official)
    url = reverse("reports:survey-invitations", kwargs={"pk": survey.pk})
    organiser.post(url, {"send": "1"})
    mail.outbox.clear()
    organiser.post(url, {"remind": "1"})
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert mail.outbox[0].subject.startswith("Muistutus")


@pytest.mark.django_db(transaction=True)
def test_answer__one_link_submitted_twice_at_once_gives_one_response(county, official):
    survey = _open_survey(official, county)
    (invitation,) = _invite(official, survey, RespondentGroup.ASSOCIATIONS, 1)
    barrier, outcomes = threading.Barrier(2), []

    def submit():
        barrier.wait()
        try:
            _answer(invitation)
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["refused", "saved"]
    assert SurveyResponse.objects.filter(survey=survey).count() == 1


def test_default_survey_data__the_seeds_seven_statements_in_both_languages(db):
    data = default_survey_data(2025)
    assert len(data["statements_fi"].splitlines()) == len(data["statements_sv"].splitlines()) == 7
    assert Survey().state == SurveyState.DRAFT

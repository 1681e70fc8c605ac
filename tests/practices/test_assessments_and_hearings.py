"""Ex-ante impact assessment and hearing residents (issue 20, items 3–4): a coordinator
runs an assessment of a decision with a resident consultation, records a hearing in
person, and publishes the assessment once the decision is made; the consultation takes
answers without an account — once per person where asked, never twice the same, never
when closed, never too fast or from a script's hidden field — and goes into the annual
clock's participation plan."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.enums import CalendarItemKind
from elinvoima.practices.assessments.services import (
    AssessmentData,
    assessment_publish,
    assessment_save,
)
from elinvoima.practices.enums import AssessmentKind, AssessmentState, Effect, QuestionKind
from elinvoima.practices.hearings import forms as hearing_forms
from elinvoima.practices.hearings.models import ConsultationResponse
from elinvoima.practices.hearings.selectors import consultation_results
from elinvoima.practices.hearings.services import (
    AnswerData,
    ConsultationData,
    HearingData,
    QuestionData,
    consultation_answer,
    consultation_close,
    consultation_open,
    consultation_save,
    hearing_save,
)
from tests.factories import (
    MunicipalityFactory,
    client_of,
    coordinator_of,
    councillor_of,
)
from tests.factories.strategy import GoalFactory, PlanFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

TODAY = timezone.localdate()
QUESTIONS = [
    QuestionData("Mitä mieltä olet omatoimikirjastosta?", QuestionKind.TEXT, required=True),
    QuestionData(
        "Käyttäisitkö kirjastoa iltaisin?", QuestionKind.CHOICE, ["Kyllä", "En", "En osaa sanoa"]
    ),
]


@pytest.fixture
def place():
    municipality = MunicipalityFactory()
    return municipality, coordinator_of(municipality)


def _consultation(user, municipality, **changes):
    data = {
        "title": "Kirjaston aukioloajat",
        "starts_on": TODAY - datetime.timedelta(days=1),
        "ends_on": TODAY + datetime.timedelta(days=14),
        "introduction": "Valmistelemme omatoimikirjastoa.",
        "questions": QUESTIONS,
        **changes,
    }
    return consultation_save(user=user, owner=municipality, data=ConsultationData(**data))


def _answer(consultation, text="Hyvä ajatus", choice="Kyllä", source="10.0.0.1", email=""):
    questions = list(consultation.questions.all())
    return consultation_answer(
        consultation=consultation,
        data=AnswerData({questions[0].pk: text, questions[1].pk: choice}, source, email),
    )


def test_a_consultation_opens_into_the_participation_plan_and_takes_answers(place):
    municipality, coordinator = place
    consultation = _consultation(coordinator, municipality)
    with pytest.raises(ValidationError):  # a draft takes no answers
        _answer(consultation)
    consultation = consultation_open(user=coordinator, consultation=consultation)
    item = CalendarItem.objects.get(pk=consultation.calendar_item_id)
    assert (item.municipality, item.kind) == (municipality, CalendarItemKind.HEARING)
    assert item.how_heard_fi == "Kysely verkossa" and item.how_heard_sv == "Enkät på nätet"
    _answer(consultation)
    _answer(consultation, text="Ei tarvita", choice="En", source="10.0.0.2")
    results = consultation_results(consultation, with_texts=True)
    assert results.responses == 2
    assert results.questions[1].choices == [
        ("Kyllä", 1, 50),
        ("En", 1, 50),
        ("En osaa sanoa", 0, 0),
    ]
    assert sorted(results.questions[0].texts) == ["Ei tarvita", "Hyvä ajatus"]
    assert consultation_results(consultation, with_texts=False).questions[0].texts == []


def test_questions_freeze_once_answers_are_taken(place):
    municipality, coordinator = place
    consultation = consultation_open(
        user=coordinator, consultation=_consultation(coordinator, municipality)
    )
    data = ConsultationData(
        title="Uusi",
        starts_on=consultation.starts_on,
        ends_on=consultation.ends_on,
        questions=[QuestionData("Toinen kysymys")],
    )
    with pytest.raises(ValidationError) as refused:
        consultation_save(user=coordinator, consultation=consultation, data=data)
    assert "questions" in refused.value.message_dict


def test_a_choice_question_needs_two_choices_and_dates_in_order(place):
    municipality, coordinator = place
    with pytest.raises(ValidationError) as refused:
        _consultation(
            coordinator,
            municipality,
            ends_on=TODAY - datetime.timedelta(days=5),
            questions=[QuestionData("Kumpi?", QuestionKind.CHOICE, ["Vain yksi"])],
        )
    assert set(refused.value.message_dict) == {"ends_on", "questions"}


def test_duplicates_and_second_answers_per_person_are_refused(place):
    municipality, coordinator = place
    consultation = consultation_open(
        user=coordinator, consultation=_consultation(coordinator, municipality, one_per_person=True)
    )
    with pytest.raises(ValidationError) as refused:
        _answer(consultation)  # no e-mail address
    assert "email" in refused.value.message_dict
    _answer(consultation, email="Maija@Example.fi")
    with pytest.raises(ValidationError) as refused:
        _answer(consultation, text="Toinen mielipide", email="maija@example.fi ", source="10.9.9.9")
    assert "email" in refused.value.message_dict
    response = ConsultationResponse.objects.get()
    assert "maija" not in response.person_hash and len(response.person_hash) == 64


def test_the_same_answer_from_the_same_place_counts_once(place):
    municipality, coordinator = place
    consultation = consultation_open(
        user=coordinator, consultation=_consultation(coordinator, municipality)
    )
    _answer(consultation)
    with pytest.raises(ValidationError) as refused:
        _answer(consultation)
    assert refused.value.code == "duplicate"
    _answer(consultation, source="10.0.0.3")  # the same words from another place count
    assert consultation.responses.count() == 2


def test_spam_and_bad_choices_are_refused(place):
    municipality, coordinator = place
    consultation = consultation_open(
        user=coordinator, consultation=_consultation(coordinator, municipality)
    )
    links = " ".join(f"https://roskaa.example/{n}" for n in range(4))
    with pytest.raises(ValidationError):
        _answer(consultation, text=links)
    with pytest.raises(ValidationError):
        _answer(consultation, choice="Ehkä")
    with pytest.raises(ValidationError):
        _answer(consultation, text="")  # the first question is required
    assert not consultation.responses.exists()


def test_a_closed_consultation_refuses_answers(place):
    municipality, coordinator = place
    consultation = consultation_open(
        user=coordinator, consultation=_consultation(coordinator, municipality)
    )
    consultation_close(user=coordinator, consultation=consultation)
    with pytest.raises(ValidationError) as refused:
        _answer(consultation)
    assert refused.value.code == "closed"


def test_only_those_who_act_for_the_owner_keep_consultations(place):
    municipality, coordinator = place
    other = coordinator_of(MunicipalityFactory())
    with pytest.raises(PermissionDenied):
        _consultation(other, municipality)
    consultation = _consultation(coordinator, municipality)
    with pytest.raises(Http404):  # a draft of another municipality is not even seen
        consultation_open(user=other, consultation=consultation)
    with pytest.raises(PermissionDenied):  # a councillor reads it but does not keep it
        consultation_open(user=councillor_of(municipality), consultation=consultation)


def test_the_answer_page_takes_an_answer_without_an_account(place, monkeypatch):
    municipality, coordinator = place
    consultation = consultation_open(
        user=coordinator, consultation=_consultation(coordinator, municipality)
    )
    questions = list(consultation.questions.all())
    client = client_of(None)
    page = client.get(consultation.get_absolute_url())
    assert page.status_code == 200
    shown = page.context["form"]["shown"].initial
    post = {
        "shown": shown,
        "website": "",
        f"question_{questions[0].pk}": "<script>alert(1)</script>",
        f"question_{questions[1].pk}": "Kyllä",
    }
    too_fast = client.post(consultation.get_absolute_url(), post)
    assert "liian nopeasti" in too_fast.content.decode()
    monkeypatch.setattr(hearing_forms, "MIN_SECONDS_TO_ANSWER", -1)
    robot = client.post(consultation.get_absolute_url(), {**post, "website": "http://x"})
    assert robot.status_code == 200 and not consultation.responses.exists()
    answered = client.post(consultation.get_absolute_url(), post, follow=True)
    assert "Kiitos" in answered.content.decode()
    assert consultation.responses.count() == 1
    mine = client_of(coordinator).get(consultation.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in mine and "<script>alert(1)" not in mine
    public = client.get(consultation.get_absolute_url()).content.decode()
    assert "alert(1)" not in public  # the open answers one by one only for the owner's people


def _assessment(coordinator, municipality, **changes):
    return assessment_save(
        user=coordinator,
        owner=municipality,
        data=AssessmentData(title="Omatoimikirjasto", **changes),
    )


def test_an_assessment_runs_through_its_checklist_to_publication(place):
    municipality, coordinator = place
    plan = PlanFactory(municipality=municipality)
    goal = GoalFactory(plan=plan, priority_area__plan=plan)
    consultation = consultation_open(
        user=coordinator, consultation=_consultation(coordinator, municipality)
    )
    assessment = _assessment(coordinator, municipality, kind=AssessmentKind.CHILD)
    with pytest.raises(ValidationError) as refused:
        assessment_publish(user=coordinator, assessment=assessment, decided_on=TODAY, decision="x")
    assert "Ehdotus" in str(refused.value)  # the checklist's missing steps are named
    full = AssessmentData(
        title="Omatoimikirjasto",
        kind=AssessmentKind.CHILD,
        proposal="Kirjasto auki omatoimisesti iltaisin.",
        deciding_body="Sivistyslautakunta",
        plan=plan,
        alternatives="Nykyiset aukioloajat.",
        views_summary="Kyselyn vastaajista puolet käyttäisi iltaisin.",
        summary="Myönteinen vaikutus nuorille ja ikäihmisille.",
        child={
            "child_best_interest": "Turvallinen paikka läksyille.",
            "child_rights": "Kirjastopalvelut laajenevat.",
            "child_groups": "Alle 15-vuotiaat huoltajan luvalla.",
            "child_heard": "Nuorisovaltuusto kuultiin.",
            "child_follow_up": "Käyttäjämäärät vuoden päästä.",
        },
        groups={"young_people": (Effect.POSITIVE, "Iltaisin paikka olla.")},
        domains={ExperientialDomain.LEISURE: (Effect.POSITIVE, "Vapaa-aikaa kirjastossa.")},
        goals={goal.pk: (Effect.POSITIVE, "")},
        consultations=[consultation],
    )
    assessment = assessment_save(
        user=coordinator,
        assessment=assessment,
        data=full,
        loaded_version=assessment.updated_at.isoformat(),
    )
    with pytest.raises(ValidationError):  # the decision not made yet
        assessment_publish(
            user=coordinator,
            assessment=assessment,
            decided_on=TODAY + datetime.timedelta(days=3),
            decision="Sivistyslautakunta § 12",
        )
    assert client_of(None).get(assessment.get_absolute_url()).status_code == 302  # to log in
    published = assessment_publish(
        user=coordinator, assessment=assessment, decided_on=TODAY, decision="Sivla § 12"
    )
    assert published.state == AssessmentState.PUBLISHED
    page = client_of(None).get(published.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "Nuorisovaltuusto kuultiin." in text and "Kirjaston aukioloajat" in text
    with pytest.raises(PermissionDenied):  # the record of a decision made does not change
        assessment_save(user=coordinator, assessment=published, data=full)
    api = client_of(None).get(reverse("api:impact-assessment-detail", kwargs={"pk": published.pk}))
    assert api.json()["summary"] == full.summary
    assert api.json()["consultations"][0]["title"] == "Kirjaston aukioloajat"


def test_an_assessment_links_only_the_owners_own_plan_and_views(place):
    municipality, coordinator = place
    elsewhere = MunicipalityFactory()
    foreign_plan = PlanFactory(municipality=elsewhere)
    foreign = _consultation(coordinator_of(elsewhere), elsewhere)
    assessment = _assessment(coordinator, municipality)
    with pytest.raises(ValidationError) as refused:
        assessment_save(
            user=coordinator,
            assessment=assessment,
            data=AssessmentData(title="x", plan=foreign_plan, consultations=[foreign]),
        )
    assert {"plan", "consultations"} <= set(refused.value.message_dict)


def test_drafts_are_hidden_from_outsiders_in_pages_and_api(place):
    municipality, coordinator = place
    assessment = _assessment(coordinator, municipality)
    outsider = client_of(coordinator_of(MunicipalityFactory()))
    assert outsider.get(assessment.get_absolute_url()).status_code == 404
    listing = outsider.get(
        reverse("practices:municipality-assessments", kwargs={"code": municipality.code})
    )
    assert "Omatoimikirjasto" not in listing.content.decode()
    api = outsider.get(reverse("api:impact-assessment-list"))
    assert api.json()["count"] == 0
    assert (
        client_of(councillor_of(municipality)).get(assessment.get_absolute_url()).status_code == 200
    )


def test_a_hearing_in_person_is_recorded_on_a_clock_event(place):
    municipality, coordinator = place
    event = CalendarItem.objects.create(
        municipality=municipality,
        title_fi="Kyläilta Juorkunalla",
        kind=CalendarItemKind.ASSOCIATION_EVENING,
        year=TODAY.year,
        month=TODAY.month,
    )
    data = HearingData(
        held_on=TODAY, who_came="Kyläyhdistyksen jäseniä, 25 asukasta", what_was_said="Iltoja!"
    )
    with pytest.raises(PermissionDenied):
        hearing_save(user=councillor_of(municipality), calendar_item=event, data=data)
    with pytest.raises(ValidationError):
        hearing_save(
            user=coordinator,
            calendar_item=event,
            data=HearingData(TODAY + datetime.timedelta(days=2), "x", "y"),
        )
    hearing = hearing_save(user=coordinator, calendar_item=event, data=data)
    page = client_of(None).get(hearing.get_absolute_url())
    assert page.status_code == 200 and "25 asukasta" in page.content.decode()
    listing = client_of(coordinator).get(
        reverse("practices:municipality-hearings", kwargs={"code": municipality.code})
    )
    assert "Kyläilta Juorkunalla" in listing.content.decode()


def test_the_answer_page_of_a_closed_consultation_says_so(place):
    municipality, coordinator = place
    consultation = consultation_open(
        user=coordinator, consultation=_consultation(coordinator, municipality)
    )
    consultation_close(user=coordinator, consultation=consultation)
    answered = client_of(None).post(consultation.get_absolute_url(), {}, follow=True)
    assert "Tähän kyselyyn ei voi nyt vastata." in answered.content.decode()
    assert not consultation.responses.exists()


def test_the_assessment_pages_read_the_same_queries_however_many_effects(place):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    municipality, coordinator = place
    plan = PlanFactory(municipality=municipality)
    goals = [GoalFactory(plan=plan, priority_area__plan=plan) for _ in range(5)]
    client = client_of(coordinator)

    def queries(n: int) -> tuple[int, int]:
        assessment = assessment_save(
            user=coordinator,
            owner=municipality,
            data=AssessmentData(
                title=f"Päätös {n}",
                plan=plan,
                goals={goal.pk: (Effect.POSITIVE, "") for goal in goals[:n]},
                groups={"villages": (Effect.NONE, "")} if n > 1 else {},
            ),
        )
        counts = []
        for url in (
            assessment.get_absolute_url(),
            reverse("practices:assessment-edit", kwargs={"pk": assessment.pk}),
        ):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
        return counts[0], counts[1]

    assert queries(1) == queries(5)

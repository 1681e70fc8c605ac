"""Demo data of ex-ante impact assessment and hearing residents, in Utajärvi (seed 000:
its vitality group gathers residents' views and supports decision preparation with EVA):
a published assessment of opening the library on its own in the evenings, with the
consultation that asked residents and a village evening that heard them; and a child
impact assessment of the school transport being prepared, with its consultation open."""

import datetime

from django.utils import timezone

from elinvoima.actors.models import Municipality, TargetGroup
from elinvoima.core.demo import DemoContext
from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.networks.clock.services import ItemData, calendar_item_save
from elinvoima.networks.enums import CalendarItemKind
from elinvoima.practices.assessments.models import Assessment
from elinvoima.practices.assessments.services import (
    AssessmentData,
    assessment_publish,
    assessment_save,
)
from elinvoima.practices.enums import AssessmentKind, Effect, QuestionKind
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
from elinvoima.strategy.models import Plan

UTAJARVI = "889"
EVENING = "Kyläilta: kirjasto iltaisin"
LIBRARY_ANSWERS = [
    ("Kyllä", "Kävisin lasten kanssa iltaisin, kun päiväkoti on jo kiinni."),
    ("Kyllä", "Lukusali opiskeluun iltaisin olisi tarpeen."),
    ("En osaa sanoa", "Miten turvallisuus hoidetaan ilman henkilökuntaa?"),
    ("Kyllä", "Lehtien lukeminen iltaisin kylältä tullessa."),
    ("En", "Kirjastossa pitää olla ihminen neuvomassa."),
    ("Kyllä", "Nuorille paikka olla talvi-iltoina."),
    ("Kyllä", ""),
    ("En osaa sanoa", "Kortin saaminen pitää olla helppoa myös ikäihmisille."),
]


def _library(municipality, plan, groups, today) -> None:
    consultation = consultation_save(
        user=None,
        owner=municipality,
        data=ConsultationData(
            title="Omatoimikirjasto iltaisin",
            introduction="Valmistelemme pääkirjaston avaamista omatoimisena arki-iltoina "
            "klo 20–22. Kerro, käyttäisitkö kirjastoa silloin ja mitä siinä pitää ottaa "
            "huomioon.",
            starts_on=today - datetime.timedelta(days=70),
            ends_on=today + datetime.timedelta(days=1),
            heard_groups=[groups["everyone"], groups["young_people"], groups["older_people"]],
            plan=plan,
            questions=[
                QuestionData(
                    "Käyttäisitkö omatoimikirjastoa arki-iltaisin?",
                    QuestionKind.CHOICE,
                    ["Kyllä", "En", "En osaa sanoa"],
                    required=True,
                ),
                QuestionData("Mitä siinä pitää ottaa huomioon?"),
            ],
        ),
    )
    consultation = consultation_open(user=None, consultation=consultation)
    first, second = consultation.questions.all()
    for number, (choice, text) in enumerate(LIBRARY_ANSWERS):
        consultation_answer(
            consultation=consultation,
            data=AnswerData({first.pk: choice, second.pk: text}, source=f"192.0.2.{number}"),
        )
    consultation_close(user=None, consultation=consultation)
    consultation.results_summary = (
        "Kahdeksasta vastaajasta viisi käyttäisi omatoimikirjastoa iltaisin. Toiveina "
        "lukusali opiskeluun ja nuorten paikka; huolena turvallisuus ja ikäihmisten neuvonta."
    )
    consultation.save(update_fields=["results_summary"])
    held_on = today - datetime.timedelta(days=40)
    evening = calendar_item_save(
        user=None,
        owner=municipality,
        data=ItemData(
            title_fi=EVENING,
            title_sv="Bykväll: biblioteket på kvällarna",
            kind=CalendarItemKind.ASSOCIATION_EVENING,
            year=held_on.year,
            starts_on=held_on,
            responsible="Kirjastotoimenjohtaja",
            how_heard_fi="Kyläilta Juorkunan kylätalolla",
            how_heard_sv="Bykväll i Juorkuna byahus",
            heard_groups=[groups["everyone"], groups["young_people"]],
        ),
    )
    hearing = hearing_save(
        user=None,
        calendar_item=evening,
        data=HearingData(
            held_on=held_on,
            attendance=32,
            who_came="Kyläyhdistysten jäseniä ja asukkaita neljästä kylästä, "
            "nuorisovaltuuston kaksi edustajaa.",
            what_was_said="Omatoimikirjastoa pidettiin hyvänä, kunhan kirjastokortin "
            "saa helposti ja ensimmäisillä kerroilla on opastusta. Kylistä toivottiin "
            "kirjastoautolle iltavuoroa.",
            heard_groups=[groups["everyone"], groups["young_people"]],
            plan=plan,
        ),
    )
    goals = list(plan.goals.order_by("position", "id")[:2]) if plan else []
    assessment = assessment_save(
        user=None,
        owner=municipality,
        data=AssessmentData(
            title="Pääkirjaston omatoimiaukiolo arki-iltaisin",
            proposal="Pääkirjasto avataan omatoimisena arki-iltaisin klo 20–22. Sisään "
            "pääsee kirjastokortilla ja PIN-koodilla; tilaa valvotaan kameralla.",
            deciding_body="Sivistysvaliokunta",
            plan=plan,
            alternatives="Nykyiset aukioloajat (ei lisäkuluja, ei iltakäyttöä); henkilökunnan "
            "iltavuoro (noin 18 000 € vuodessa).",
            views_summary="Verkkokyselyssä viisi kahdeksasta käyttäisi kirjastoa iltaisin. "
            "Kyläillassa toivottiin opastusta ja kirjastoauton iltavuoroa.",
            summary="Ehdotus lisää nuorten ja työikäisten iltaista vapaa-ajan tilaa ja tukee "
            "hyvinvointisuunnitelman tavoitteita. Ikäihmisten kortin saamiseen järjestetään "
            "opastusta; vaikutuksia seurataan käyttäjämäärillä vuoden päästä.",
            groups={
                "young_people": (Effect.POSITIVE, "Lämmin paikka olla talvi-iltoina."),
                "working_age": (Effect.POSITIVE, "Kirjasto auki työpäivän jälkeen."),
                "older_people": (Effect.BOTH, "Hyöty edellyttää opastusta kortin käyttöön."),
            },
            domains={
                ExperientialDomain.LEISURE: (Effect.POSITIVE, "Lisää iltaisia tiloja."),
                ExperientialDomain.STUDY_WORK: (Effect.POSITIVE, "Lukusali opiskelijoille."),
            },
            goals={goal.pk: (Effect.POSITIVE, "") for goal in goals},
            consultations=[consultation],
            hearings=[hearing],
        ),
    )
    if goals:
        assessment_publish(
            user=None,
            assessment=assessment,
            decided_on=today - datetime.timedelta(days=10),
            decision="Sivistysvaliokunta, kokous 4/2026, § 23",
        )


def _school_transport(municipality, plan, groups, today) -> None:
    consultation = consultation_save(
        user=None,
        owner=municipality,
        data=ConsultationData(
            title="Koulukuljetukset uusiksi",
            introduction="Koulukuljetusten reittejä ja aikatauluja uudistetaan ensi "
            "lukuvuodeksi. Kerro, miten matka kouluun sujuu nyt.",
            starts_on=today - datetime.timedelta(days=3),
            ends_on=today + datetime.timedelta(days=18),
            one_per_person=True,
            heard_groups=[groups["children_and_families"], groups["young_people"]],
            plan=plan,
            questions=[
                QuestionData(
                    "Kauanko koulumatka kestää yhteen suuntaan?",
                    QuestionKind.CHOICE,
                    ["Alle 30 minuuttia", "30–60 minuuttia", "Yli tunnin"],
                    required=True,
                ),
                QuestionData("Mikä koulumatkassa on hyvää ja mikä hankalaa?"),
            ],
        ),
    )
    consultation = consultation_open(user=None, consultation=consultation)
    assessment_save(
        user=None,
        owner=municipality,
        data=AssessmentData(
            title="Koulukuljetusten uudistaminen",
            kind=AssessmentKind.CHILD,
            proposal="Kuljetusreitit yhdistetään kahdeksi pitkäksi reitiksi.",
            deciding_body="Sivistysvaliokunta",
            decision_due=today + datetime.timedelta(days=25),
            plan=plan,
            groups={"children": (Effect.BOTH, "Pidempi matka, mutta turvallisemmat pysäkit.")},
            consultations=[consultation],
            child={"child_heard": "Kysely oppilaille ja huoltajille; lapsiparlamentti."},
        ),
    )


def assessments_demo_load(context: DemoContext) -> None:
    municipality = Municipality.objects.filter(code=UTAJARVI).first()
    if municipality is None or Assessment.objects.exists():
        return
    today = timezone.localdate()
    plan = Plan.objects.filter(municipality=municipality).order_by("-version").first()
    groups = TargetGroup.objects.in_bulk(field_name="code")
    _library(municipality, plan, groups, today)
    _school_transport(municipality, plan, groups, today)
    context.count("ex-ante impact assessments", Assessment.objects.count())

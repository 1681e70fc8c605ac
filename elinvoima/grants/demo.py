"""The demo's grants (seed 000): Utajärvi's operating grants of the associations, tied to the
goal the Ikäihmiset-kortti asks the associations to answer. This year's round has been
decided: the rheumatism association applied, the coordinator scored its application, the
decision is published and paid, and the association has sent its grant report, built from
its activity reports, for the coordinator to receive. Next year's round takes
applications; the association has applied to it too, its commitment taken from its card
answer, and the coordinator reviews the applications."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from elinvoima.actors.models import Municipality, Organisation, User
from elinvoima.cards.models import CardTemplate
from elinvoima.core.demo import DemoContext
from elinvoima.grants.applications.selectors import card_answers_for
from elinvoima.grants.applications.services import (
    ApplicationData,
    attachment_add,
    grant_application_save,
    grant_application_submit,
)
from elinvoima.grants.enums import GrantKind, SupportKind
from elinvoima.grants.models import GrantApplication, GrantRound
from elinvoima.grants.reporting.selectors import activities_for_report
from elinvoima.grants.reporting.services import (
    GrantReportData,
    grant_report_save,
    grant_report_submit,
)
from elinvoima.grants.review.services import (
    DecisionData,
    ReviewData,
    grant_decision_save,
    grant_decisions_publish,
    review_save,
)
from elinvoima.grants.services import GrantRoundData, grant_round_publish, grant_round_save
from elinvoima.grants.support.services import SupportData, support_save

UTAJARVI = "889"
COORDINATOR = "hyte.utajarvi"
REUMA = "Utajärven reumayhdistys ry"
# The action plan it attaches: a one-page PDF.
ACTION_PLAN_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
# The round's own question (in Finnish, in Swedish) and the association's answer.
QUESTION = (
    "Miten toimintanne tavoittaa kuntalaisia, jotka eivät ole yhdistyksen jäseniä?",
    "Hur når er verksamhet invånare som inte är medlemmar i föreningen?",
)
ANSWER = "Rollaattorimarssi on avoin kaikille, ja jumppaan tulee palvelutalon asukkaita."
# Its commitment, where it has not answered the card yet.
COMMITMENT = "Tuolijumppa ehkäisee kaatumisia: 12 osallistujaa joka viikko."


def grants_demo_load(context: DemoContext) -> None:
    utajarvi = Municipality.objects.filter(code=UTAJARVI).first()
    if utajarvi is None or GrantRound.objects.filter(municipality=utajarvi).exists():
        return
    today = timezone.localdate()
    card = CardTemplate.objects.filter(
        decision__municipality=utajarvi, decision__year=today.year
    ).first()
    coordinator = User.objects.filter(username=COORDINATOR).first()
    reviewers = (coordinator,) if coordinator else ()
    goals = (card.goal,) if card else ()
    cards = (card,) if card else ()
    decided = _decided_round(utajarvi, today, goals, cards, reviewers)
    grant_round = grant_round_save(
        user=None,
        municipality=utajarvi,
        data=GrantRoundData(
            kind=GrantKind.OPERATING,
            texts={
                "name_fi": f"Yhdistysten toiminta-avustukset {today.year + 1}",
                "name_sv": f"Verksamhetsbidrag till föreningar {today.year + 1}",
                "description_fi": DESCRIPTION,
                "eligibility_fi": ELIGIBILITY,
                "attachments_asked_fi": ATTACHMENTS_ASKED,
            },
            budget=Decimal("25000"),
            period_starts_on=datetime.date(today.year + 1, 1, 1),
            period_ends_on=datetime.date(today.year + 1, 12, 31),
            opens_on=today,
            closes_on=today + datetime.timedelta(days=30),
            goals=goals,
            card_templates=cards,
            reviewers=reviewers,
            questions=(QUESTION,),
        ),
    )
    grant_round = grant_round_publish(user=None, grant_round=grant_round)
    _reuma_applies(grant_round)
    if decided is not None and coordinator is not None:
        _decide(decided, coordinator, today)
    _support_in_kind(utajarvi, today.year, goals)


def _support_in_kind(utajarvi: Municipality, year: int, goals) -> None:
    """The sports hall's free turn of the association's chair exercise (seed 000:
    "liikuntatilojen käyttö on asukkaille ilmaista")."""
    reuma = Organisation.objects.filter(name_fi=REUMA).first()
    if reuma is None:
        return
    support_save(
        user=None,
        municipality=utajarvi,
        data=SupportData(
            organisation=reuma,
            year=year,
            kind=SupportKind.FACILITY_USE,
            description="Liikuntahallin vuoro tiistaisin klo 13–14, 40 kertaa",
            estimated_value=Decimal("1000"),
            goal=goals[0] if goals else None,
        ),
    )


DESCRIPTION = (
    "Avustuksissa huomioidaan yhdistyksen sitoutuminen kunnan tavoitteisiin: kerro "
    "hakemuksessa, mitä teette hyvinvointikortin tavoitteiden hyväksi."
)
ELIGIBILITY = "Utajärvellä toimivat rekisteröidyt yhdistykset."
ATTACHMENTS_ASKED = "Yhdistyksen toimintasuunnitelma ja talousarvio."


def _decided_round(utajarvi, today, goals, cards, reviewers) -> GrantRound | None:
    """This year's round, applied to while it was open and then dated to when it was: it
    took applications for a month ending ten weeks ago."""
    closes_on = today - datetime.timedelta(days=70)
    grant_round = grant_round_save(
        user=None,
        municipality=utajarvi,
        data=GrantRoundData(
            kind=GrantKind.OPERATING,
            texts={
                "name_fi": f"Yhdistysten toiminta-avustukset {closes_on.year}",
                "name_sv": f"Verksamhetsbidrag till föreningar {closes_on.year}",
                "description_fi": DESCRIPTION,
                "eligibility_fi": ELIGIBILITY,
                "criteria_fi": "Toiminta on avointa kaikille kuntalaisille ja tavoittaa "
                "ikäihmisiä, joilla on riski jäädä yksin.",
                "attachments_asked_fi": ATTACHMENTS_ASKED,
            },
            budget=Decimal("20000"),
            period_starts_on=datetime.date(closes_on.year, 1, 1),
            period_ends_on=datetime.date(closes_on.year, 12, 31),
            opens_on=today,
            closes_on=today,
            goals=goals,
            card_templates=cards,
            reviewers=reviewers,
        ),
    )
    grant_round = grant_round_publish(user=None, grant_round=grant_round)
    if _reuma_applies(grant_round, amount=Decimal("1000")) is None:
        return None
    GrantRound.objects.filter(pk=grant_round.pk).update(
        opens_on=closes_on - datetime.timedelta(days=30), closes_on=closes_on
    )
    grant_round.refresh_from_db()
    return grant_round


def _decide(grant_round: GrantRound, coordinator: User, today: datetime.date) -> None:
    """The coordinator scores the application, decides it and publishes the decision."""
    application = GrantApplication.objects.get(grant_round=grant_round)
    review_save(
        user=coordinator,
        application=application,
        data=ReviewData(
            criteria_points=4,
            comment="Tavoittaa yksin asuvia ikäihmisiä; marssi on avoin kaikille.",
            goal_points=tuple((goal, 5) for goal in grant_round.goals.all()),
        ),
    )
    grant_decision_save(
        user=coordinator,
        application=application,
        data=DecisionData(
            granted_amount=Decimal("900"),
            reasons="Tuolijumppa tukee ikäihmisten toimintakykyä ja ehkäisee kaatumisia, "
            "kuten hyvinvointikortin tavoite edellyttää. Tarjoiluja ei avusteta.",
            conditions="Avustus käytetään toimintasuunnitelman mukaiseen toimintaan.",
            pay_on=grant_round.closes_on + datetime.timedelta(days=30),
            report_due_on=datetime.date(today.year + 1, 1, 31),
        ),
    )
    grant_decisions_publish(user=coordinator, grant_round=grant_round)
    application.decision.refresh_from_db()
    application.decision.paid_on = grant_round.closes_on + datetime.timedelta(days=30)
    application.decision.save(update_fields=["paid_on"])
    _reuma_reports(application)


def _reuma_reports(application: GrantApplication) -> None:
    """The association's grant report from its chair exercise meetings."""
    application = GrantApplication.objects.select_related("grant_round", "decision").get(
        pk=application.pk
    )
    activities = [item for item in activities_for_report(application) if item.serves_round]
    grant_report_save(
        user=None,
        application=application,
        data=GrantReportData(
            summary="Tuolijumppa kokoontui palvelutalolla joka tiistai. Osallistujia oli "
            "enemmän kuin edellisenä vuonna, ja mukaan tuli yksin asuvia ikäihmisiä.",
            used_amount=Decimal("900"),
            activities=tuple(activities),
        ),
    )
    grant_report_submit(user=None, application=application)


def _reuma_applies(
    grant_round: GrantRound, amount: Decimal = Decimal("1200")
) -> GrantApplication | None:
    reuma = Organisation.objects.filter(name_fi=REUMA).first()
    if reuma is None:
        return None
    goals = list(grant_round.goals.all())
    answers = card_answers_for(grant_round, reuma, goals)
    application = grant_application_save(
        user=None,
        grant_round=grant_round,
        organisation=reuma,
        data=ApplicationData(
            action_plan="Tuolijumppa palvelutalolla joka tiistai ja rollaattorimarssi "
            "laidunkauden avajaisiin. Vertaistukiryhmä kerran kuussa.",
            requested_amount=amount,
            contact_person="Liisa Laine",
            commitments=tuple((goal, answers.get(goal.pk, COMMITMENT)) for goal in goals),
            answers=tuple((question, ANSWER) for question in grant_round.questions.all()),
            budget_lines=(
                ("Jumppaohjaajan palkkiot", Decimal("900")),
                ("Tilavuokrat", Decimal("400")),
                ("Marssin tarjoilut", Decimal("150")),
            ),
        ),
    )
    attachment_add(
        user=None,
        application=application,
        upload=ContentFile(ACTION_PLAN_PDF, name="Toimintasuunnitelma.pdf"),
    )
    return grant_application_submit(user=None, application=application)

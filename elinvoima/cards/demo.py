"""The demo's wellbeing cards (seed 000): Utajärvi's management group has asked the
associations to answer the strategic goal "Aktiivinen ja turvallinen ikääntyminen" this
year, on the Ikäihmiset-kortti, open the whole year; the rheumatism association
(`yhdistys.reuma`) has not answered yet. Its weekly chair exercise club serves the card's
"Kaatumisten ehkäisy" and has met twice in the last two weeks. In Vaala the village of
Säräisniemi has made its community card (Hyvinvoinnin edistämisen kortti), with a picture
and the six summaries of experiential knowledge. Utajärvi asks its associations to help
visit elderly people living alone this winter; the rheumatism association has offered two
volunteers, and has begun this year's action plan (its rows wait for its answers)."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from elinvoima.actors.models import Municipality, Organisation, Village
from elinvoima.cards.activities.services import ClubData, club_meeting_report, club_save
from elinvoima.cards.annual.services import annual_document_start
from elinvoima.cards.community.models import CommunityCard
from elinvoima.cards.community.services import CommunityCardData, community_card_save
from elinvoima.cards.enums import AnnualDocumentKind
from elinvoima.cards.help.models import HelpRequest
from elinvoima.cards.help.services import (
    HelpRequestData,
    help_offer_save,
    help_request_save,
    help_request_send,
)
from elinvoima.cards.models import CardDecision
from elinvoima.cards.services import card_decision_record
from elinvoima.core.demo import DemoContext
from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal

UTAJARVI = "889"
REUMA = "Utajärven reumayhdistys ry"
STRATEGIC_GOAL = "Aktiivinen ja turvallinen ikääntyminen"
CARD_NAME = {"fi": "Ikäihmiset-kortti", "sv": "Kortet för äldre", "en": "Older people's card"}


VAALA = "785"
VILLAGE = "Säräisniemi"
SUMMARIES = {
    ExperientialDomain.HOUSING_ENVIRONMENT: "Asukkaat arvostavat järvimaisemaa ja rauhaa; "
    "tiestön kunto ja pitkät välimatkat huolettavat talvella.",
    ExperientialDomain.RELATIONSHIPS: "Kyläillat kokoavat eri-ikäiset; muuttajat toivovat "
    "helpompaa tapaa tutustua.",
    ExperientialDomain.LEISURE: "Uimaranta, latu ja kylätalon kerhot; nuoret toivovat "
    "omaa kokoontumispaikkaa.",
    ExperientialDomain.STUDY_WORK: "Etätyö yleistyy; kyläkoulun säilyminen koetaan tärkeäksi.",
    ExperientialDomain.LIVELIHOOD: "Toimeentulo koetaan enimmäkseen riittäväksi, mutta "
    "asiointimatkat ovat kalliita.",
    ExperientialDomain.MIND_BODY: "Luonto ja liikunta tukevat jaksamista; yksin asuvat "
    "ikäihmiset kaipaavat enemmän seuraa.",
}


def _picture() -> SimpleUploadedFile:
    """A drawn landscape (the demo ships no photographs): sky, forest and lake."""
    image = Image.new("RGB", (800, 500), (164, 205, 240))
    draw = ImageDraw.Draw(image)
    draw.polygon(
        [(0, 300), (200, 180), (420, 290), (620, 200), (800, 280), (800, 340), (0, 340)],
        fill=(46, 104, 60),
    )
    draw.rectangle([(0, 340), (800, 500)], fill=(52, 101, 164))
    draw.ellipse([(620, 40), (700, 120)], fill=(250, 214, 90))
    out = io.BytesIO()
    image.save(out, "PNG")
    return SimpleUploadedFile("saraisniemi.png", out.getvalue(), "image/png")


def _community_card_load() -> None:
    vaala = Municipality.objects.filter(code=VAALA).first()
    if vaala is None or CommunityCard.objects.filter(municipality=vaala, name=VILLAGE).exists():
        return
    community_card_save(
        user=None,
        municipality=vaala,
        data=CommunityCardData(
            name=VILLAGE,
            village=Village.objects.filter(municipality=vaala, name_fi=VILLAGE).first(),
            residents=450,
            description="Oulujärven rannalla, Rokuan ja Vaalan välissä oleva kirkonkylän "
            "kokoinen kylä, jossa talkoohenki on vahva.",
            basic_facts="Kyläkoulu, kauppa, kylätalo, uimaranta ja satama.",
            strengths="Aktiiviset yhdistykset, kaunis järviluonto, kesäasukkaat mukana "
            "toiminnassa.",
            weaknesses="Pitkät välimatkat palveluihin, julkinen liikenne vähäistä.",
            development_targets="Nuorten kokoontumispaikka, kyläavun ringin perustaminen "
            "yksin asuville ikäihmisille.",
            picture_alt="Piirroskuva: Oulujärven ranta, metsää ja sininen taivas.",
        ),
        summaries={domain.value: text for domain, text in SUMMARIES.items()},
        picture=_picture(),
    )


def cards_demo_load(context: DemoContext) -> None:
    _community_card_load()
    utajarvi = Municipality.objects.get(code=UTAJARVI)
    year = timezone.localdate().year
    if CardDecision.objects.filter(municipality=utajarvi, year=year).exists():
        return
    goal = (
        Goal.objects.select_related("plan")
        .filter(
            plan__municipality=utajarvi,
            plan__state=PlanState.APPROVED,
            plan__start_year__lte=year,
            plan__end_year__gte=year,
            parent=None,
            title_fi=STRATEGIC_GOAL,
        )
        .first()
    )
    if goal is None:  # a demo database loaded in an earlier year: its plan is for that year
        return
    decision = card_decision_record(
        user=None,  # trusted: the demo loader
        municipality=utajarvi,
        year=year,
        body="Kunnan johtoryhmä",
        decided_on=datetime.date(year, 1, 15),
        reference=f"Johtoryhmä 1/{year}, § 4",
        plan=goal.plan,
        goals=[goal],
        opens_on=datetime.date(year, 1, 1),
        closes_on=datetime.date(year, 12, 31),
    )
    template = decision.templates.get()
    for language, name in CARD_NAME.items():
        setattr(template, f"name_{language}", name)
    template.save()
    _club_load(goal)
    _help_request_load(goal)
    _action_plan_load(year)


def _club_load(goal: Goal) -> None:
    reuma = Organisation.objects.filter(name=REUMA).first()
    falls = goal.sub_goals.filter(title_fi="Kaatumisten ehkäisy").select_related("plan").first()
    if reuma is None or falls is None:
        return
    club = club_save(
        user=None,
        organisation=reuma,
        data=ClubData(
            name="Tuolijumppa",
            schedule="Tiistaisin klo 13",
            place="Utajärven palvelutalo",
            sub_goals=(falls,),
            volunteers=2,
            volunteer_hours=3,
        ),
    )
    today = timezone.localdate()
    for days_ago, participants in ((14, 11), (7, 13)):
        club_meeting_report(
            user=None,
            club=club,
            starts_on=today - datetime.timedelta(days=days_ago),
            participants=participants,
            in_target_group=9,
        )


HELP_TITLE = "Talven kotikäynnit yksin asuvien ikäihmisten luona"


def _help_request_load(goal: Goal) -> None:
    utajarvi = goal.plan.municipality
    reuma = Organisation.objects.filter(name=REUMA).first()
    loneliness = goal.sub_goals.filter(title_fi="Yksinäisyyden vähentäminen").first()
    if reuma is None or HelpRequest.objects.filter(municipality=utajarvi).exists():
        return
    today = timezone.localdate()
    help_request = help_request_save(
        user=None,
        municipality=utajarvi,
        data=HelpRequestData(
            title=HELP_TITLE,
            description="Pakkasten ja liukkaiden kelien aikaan moni yksin asuva ikäihminen "
            "jää kotiin. Etsimme vapaaehtoisia käymään kylässä, juttelemaan ja tarvittaessa "
            "lähtemään yhdessä ulos.",
            starts_on=today + datetime.timedelta(days=14),
            ends_on=today + datetime.timedelta(days=100),
            answer_by=today + datetime.timedelta(days=7),
            time="Arkipäivisin, sopimuksen mukaan",
            place="Utajärven kylät",
            for_whom="Yksin asuvat ikäihmiset",
            helpers_needed=6,
            sub_goals=(loneliness,) if loneliness else (),
        ),
    )
    help_request_send(
        user=None,
        help_request=help_request,
        recipients=[reuma],
        url=f"/fi/help-requests/{help_request.pk}/",
    )
    help_offer_save(
        user=None,
        help_request=help_request,
        organisation=reuma,
        text="Kaksi vapaaehtoista voi käydä tiistaisin tuolijumpan jälkeen.",
        helpers=2,
    )


def _action_plan_load(year: int) -> None:
    reuma = Organisation.objects.filter(name=REUMA).first()
    if reuma is not None:
        annual_document_start(
            user=None, organisation=reuma, year=year, kind=AnnualDocumentKind.PLAN
        )

"""The demo's wellbeing cards (seed 000): Utajärvi's management group has asked the
associations to answer the strategic goal "Aktiivinen ja turvallinen ikääntyminen" this
year, on the Ikäihmiset-kortti, open the whole year; the rheumatism association
(`yhdistys.reuma`) has not answered yet. Its weekly chair exercise club serves the card's
"Kaatumisten ehkäisy" and has met twice this year."""

import datetime

from django.utils import timezone

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.cards.activities.services import ClubData, club_meeting_report, club_save
from elinvoima.cards.models import CardDecision
from elinvoima.cards.services import card_decision_record
from elinvoima.core.demo import DemoContext
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal

UTAJARVI = "889"
REUMA = "Utajärven reumayhdistys ry"
STRATEGIC_GOAL = "Aktiivinen ja turvallinen ikääntyminen"
CARD_NAME = {"fi": "Ikäihmiset-kortti", "sv": "Kortet för äldre", "en": "Older people's card"}


def cards_demo_load(context: DemoContext) -> None:
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
    _club_load(goal, year)


def _club_load(goal: Goal, year: int) -> None:
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
        day = today - datetime.timedelta(days=days_ago)
        if day.year == year:
            club_meeting_report(
                user=None, club=club, starts_on=day, participants=participants, in_target_group=9
            )

"""The demo's wellbeing cards (seed 000): Utajärvi's management group has asked the
associations to answer the strategic goal "Aktiivinen ja turvallinen ikääntyminen" this
year, on the Ikäihmiset-kortti, open the whole year; the rheumatism association
(`yhdistys.reuma`) has not answered yet."""

import datetime

from django.utils import timezone

from elinvoima.actors.models import Municipality
from elinvoima.cards.models import CardDecision
from elinvoima.cards.services import card_decision_record
from elinvoima.core.demo import DemoContext
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal

UTAJARVI = "889"
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

"""The demo's grants (seed 000): Utajärvi's operating grants of the associations for next
year, tied to the goal the Ikäihmiset-kortti asks the associations to answer; published."""

import datetime
from decimal import Decimal

from django.utils import timezone

from elinvoima.actors.models import Municipality
from elinvoima.cards.models import CardTemplate
from elinvoima.core.demo import DemoContext
from elinvoima.grants.enums import GrantKind
from elinvoima.grants.models import GrantRound
from elinvoima.grants.services import GrantRoundData, grant_round_publish, grant_round_save

UTAJARVI = "889"


def grants_demo_load(context: DemoContext) -> None:
    utajarvi = Municipality.objects.filter(code=UTAJARVI).first()
    if utajarvi is None or GrantRound.objects.filter(municipality=utajarvi).exists():
        return
    year = timezone.localdate().year
    card = CardTemplate.objects.filter(decision__municipality=utajarvi, decision__year=year).first()
    grant_round = grant_round_save(
        user=None,
        municipality=utajarvi,
        data=GrantRoundData(
            kind=GrantKind.OPERATING,
            texts={
                "name_fi": f"Yhdistysten toiminta-avustukset {year + 1}",
                "name_sv": f"Verksamhetsbidrag till föreningar {year + 1}",
                "description_fi": "Avustuksissa huomioidaan yhdistyksen sitoutuminen kunnan "
                "tavoitteisiin: kerro hakemuksessa, mitä teette hyvinvointikortin tavoitteiden "
                "hyväksi.",
                "eligibility_fi": "Utajärvellä toimivat rekisteröidyt yhdistykset.",
            },
            budget=Decimal("25000"),
            period_starts_on=datetime.date(year + 1, 1, 1),
            period_ends_on=datetime.date(year + 1, 12, 31),
            opens_on=timezone.localdate(),
            closes_on=timezone.localdate() + datetime.timedelta(days=30),
            goals=(card.goal,) if card else (),
            card_templates=(card,) if card else (),
        ),
    )
    grant_round_publish(user=None, grant_round=grant_round)

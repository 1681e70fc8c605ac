"""The demo's grants (seed 000): Utajärvi's operating grants of the associations for next
year, tied to the goal the Ikäihmiset-kortti asks the associations to answer; published. The
rheumatism association has applied, its commitment taken from its card answer."""

import datetime
from decimal import Decimal

from django.utils import timezone

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.cards.models import CardTemplate
from elinvoima.core.demo import DemoContext
from elinvoima.grants.applications.selectors import card_answers_for
from elinvoima.grants.applications.services import (
    ApplicationData,
    grant_application_save,
    grant_application_submit,
)
from elinvoima.grants.enums import GrantKind
from elinvoima.grants.models import GrantRound
from elinvoima.grants.services import GrantRoundData, grant_round_publish, grant_round_save

UTAJARVI = "889"
REUMA = "Utajärven reumayhdistys ry"
# Its commitment, where it has not answered the card yet.
COMMITMENT = "Tuolijumppa ehkäisee kaatumisia: 12 osallistujaa joka viikko."


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
    grant_round = grant_round_publish(user=None, grant_round=grant_round)
    _reuma_applies(grant_round)


def _reuma_applies(grant_round: GrantRound) -> None:
    reuma = Organisation.objects.filter(name_fi=REUMA).first()
    if reuma is None:
        return
    goals = list(grant_round.goals.all())
    answers = card_answers_for(grant_round, reuma, goals)
    application = grant_application_save(
        user=None,
        grant_round=grant_round,
        organisation=reuma,
        data=ApplicationData(
            action_plan="Tuolijumppa palvelutalolla joka tiistai ja rollaattorimarssi "
            "laidunkauden avajaisiin. Vertaistukiryhmä kerran kuussa.",
            requested_amount=Decimal("1200"),
            contact_person="Liisa Laine",
            commitments=tuple((goal, answers.get(goal.pk, COMMITMENT)) for goal in goals),
            budget_lines=(
                ("Jumppaohjaajan palkkiot", Decimal("900")),
                ("Tilavuokrat", Decimal("400")),
                ("Marssin tarjoilut", Decimal("150")),
            ),
        ),
    )
    grant_application_submit(user=None, application=application)

"""Demo plans of seed 000 beyond Vaala's annual plan (demo.py): Utajärvi's welfare plan with
the strategic goal of the Ikäihmiset card, and the goals of Vaala's council-term welfare
report by age group.

What the seed tells is taken as it tells it: the strategic goal "Aktiivinen ja turvallinen
ikääntyminen" and its three sub-goals (the rows of the Ikäihmiset card), the rheumatism
association taking the service homes' residents on a rollator march to the opening of the
pasture season, and the municipal management group naming each year the goals the
associations answer to. The plan's year and decisions, the other measures (the chair
exercise is the association's activity in its demo profile, actors.demo_data), their
implementers and statuses, and all of Vaala's report goals are made up for the demo.
"""

from elinvoima.strategy.enums import MeasureStatus

UTAJARVI = "889"

# Each year the municipal management group names the strategic goals it hopes the
# associations answer to (seed 000), so the plan is an annual one, for the year the demo is
# loaded in: its measures run now and show on the coordinator's dashboard.
UTAJARVI_PLAN = {
    "title_fi": "Utajärven hyvinvointisuunnitelma",
    "title_sv": "Utajärvi välfärdsplan",
    "description_fi": "Kunnan johtoryhmä määrittää vuosittain ne strategiset tavoitteet, "
    "joihin se toivoo yhdistysten vastaavan omalla toiminnallaan. Yhdistykset ja kyläseurat "
    "kertovat toiminnastaan hyvinvointikorteilla.",
    "description_sv": "Kommunens ledningsgrupp bestämmer varje år vilka strategiska mål den "
    "hoppas att föreningarna svarar på med sin egen verksamhet. Föreningarna och byaföreningarna "
    "berättar om sin verksamhet på välfärdskort.",
}
# The card is named for its age group: the priority area.
UTAJARVI_AREA = {
    "title_fi": "Ikäihmiset",
    "title_sv": "Äldre",
    "description_fi": "Ikäihmiset-kortilla yhdistykset vastaavat strategiseen tavoitteeseen "
    "raportoimalla tapahtumia, kerhoja, virkistysmatkoja jne.",
    "description_sv": "Med kortet för äldre svarar föreningarna på det strategiska målet genom "
    "att rapportera evenemang, klubbar, rekreationsresor osv.",
}
UTAJARVI_STRATEGIC_GOAL = {
    "title_fi": "Aktiivinen ja turvallinen ikääntyminen",
    "title_sv": "Aktivt och tryggt åldrande",
}
# The card's goals are sub-goals (Goal.parent) of the strategic goal, with their measures.
# A measure's "dates" are (month, day) of its first and last day in the plan's year; a status
# of None is "done once its last day is past, planned until then".
UTAJARVI_SUB_GOALS = [
    (
        {
            "title_fi": "Turvallinen asuminen ja turvallisuudentunne",
            "title_sv": "Tryggt boende och trygghetskänsla",
        },
        [
            {
                "title_fi": "Turvallisuuskävelyt kylissä: palovaroittimet, liukuesteet ja "
                "valaistus kuntoon",
                "title_sv": "Trygghetsvandringar i byarna: brandvarnare, halkskydd och "
                "belysning i skick",
                "description_fi": "Viivästynyt: kävelyille ei ole vielä löytynyt vapaaehtoisia "
                "kaikista kylistä.",
                "description_sv": "Försenad: frivilliga till vandringarna har ännu inte "
                "hittats i alla byar.",
                "implementers": ["alakyla", "juorkuna"],
                "dates": ((1, 15), (11, 30)),
                "status": MeasureStatus.DELAYED,
            },
        ],
    ),
    (
        {"title_fi": "Yksinäisyyden vähentäminen", "title_sv": "Att minska ensamheten"},
        [
            {
                "title_fi": "Kyläillat ja kahvituvat kylätaloilla",
                "title_sv": "Bykvällar och kaffestugor i bystugorna",
                "description_fi": "Jokainen kyläyhdistys kutsuu kylänsä väen koolle vähintään "
                "kerran kuussa; yksin asuville tarjotaan kyyti.",
                "description_sv": "Varje byaförening samlar byns folk minst en gång i månaden; "
                "de som bor ensamma erbjuds skjuts.",
                "implementers": [
                    "juorkuna",
                    "ahmas",
                    "rokua",
                    "sotkajarvi",
                    "sarkijarvi",
                    "kytokyla",
                    "niskankyla",
                    "utosjarvi",
                    "alakyla",
                ],
                "dates": ((1, 1), (12, 31)),
                "status": MeasureStatus.IN_PROGRESS,
            },
            {
                "title_fi": "Ystävätoiminta: säännölliset tapaamiset yksin asuvien kanssa",
                "title_sv": "Vänverksamhet: regelbundna träffar med dem som bor ensamma",
                "description_fi": "Toteuttajaa haetaan: seurakunta ja yhdistykset on kutsuttu "
                "mukaan.",
                "description_sv": "Genomförare söks: församlingen och föreningarna har bjudits in.",
                "implementers": [],
                "dates": ((9, 1), (12, 31)),
                "status": MeasureStatus.PLANNED,
            },
            {
                "title_fi": "Rollaattorimarssi laidunkauden avajaisiin palvelutalojen "
                "asukkaiden kanssa",
                "title_sv": "Rollatormarsch till betessläppet med invånarna i servicehusen",
                "implementers": ["reuma-utajarvi"],
                "dates": ((5, 15), (6, 15)),
                "status": None,
            },
        ],
    ),
    (
        {"title_fi": "Kaatumisten ehkäisy", "title_sv": "Förebyggande av fallolyckor"},
        [
            {
                "title_fi": "Tuolijumppa ja vesijumppa: lihasvoimaa ja tasapainoa",
                "title_sv": "Stolgympa och vattengympa: muskelstyrka och balans",
                "implementers": ["reuma-utajarvi"],
                "resources": "Seurakuntatalon sali, uimahallin vuoro, yhdistyksen "
                "vapaaehtoiset ohjaajat",
                "dates": ((1, 1), (12, 31)),
                "status": MeasureStatus.IN_PROGRESS,
            },
        ],
    ),
]

# Vaala's council-term welfare report (approved) by the age groups of its networks: the
# priority areas' Swedish titles and the report's goals, (fi, sv).
VAALA_REPORT_AREAS = {
    "lapset ja lapsiperheet": (
        "Barn och barnfamiljer",
        [
            (
                "Lapsiperheet saavat tukea arkeensa läheltä kotia.",
                "Barnfamiljer får stöd i vardagen nära hemmet.",
            )
        ],
    ),
    "nuoret": (
        "Unga",
        [
            (
                "Nuoret osallistuvat ja vaikuttavat kunnan asioihin.",
                "De unga deltar och påverkar i kommunens angelägenheter.",
            )
        ],
    ),
    "työikäiset": (
        "Personer i arbetsför ålder",
        [
            (
                "Työikäisten työllisyys ja toimintakyky vahvistuvat.",
                "Sysselsättningen och funktionsförmågan hos personer i arbetsför ålder stärks.",
            ),
            (
                "Kylien voimavarat ovat mukana yhteisessä elinvoima- ja hyvinvointityössä.",
                "Byarnas resurser är med i det gemensamma arbetet för livskraft och välfärd.",
            ),
        ],
    ),
    "ikäihmiset": (
        "Äldre",
        [
            (
                "Ikäihmiset asuvat turvallisesti kotona ja pysyvät mukana yhteisössä.",
                "De äldre bor tryggt hemma och förblir delaktiga i gemenskapen.",
            )
        ],
    ),
}

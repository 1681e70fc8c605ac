"""The demo's annual clocks (seed 000). Utajärvi's vitality group made "Elinvoimaryhmän 1.
vuoden vuosikello 2019 = osallisuussuunnitelma" of events, meetings and decision processes;
the seed shows it as a picture whose items are not in its text, so the items here are those
the seed's text names (the associations' plans and reports and their commitment to the
municipality's goals, the wellbeing cards, gathering residents' views, summer residents,
the partnership document, ex-ante impact assessment, the rollator march) and seed 004's
forums. Most recur every year from 2019, so the current year's clock has them too. Vaala's
clock has its village evenings and the youth council. Created once."""

from elinvoima.actors.models import Municipality, TargetGroup
from elinvoima.core.demo import DemoContext

from .clock.models import CalendarItem
from .models import Network

UTAJARVI_GROUP = "Utajärven elinvoimaryhmä"

# (month, kind, fi, sv, recurrence, responsible, heard groups, how heard fi, how heard sv)
VITALITY_GROUP_2019 = [
    (
        1,
        "decision_process",
        "Yhdistysten toimintasuunnitelmat: sitoutuminen kunnan tavoitteisiin",
        "Föreningarnas verksamhetsplaner: åtagande för kommunens mål",
        "yearly",
        "Kulttuurisihteeri",
        [],
        "",
        "",
    ),
    (
        2,
        "meeting",
        "Elinvoimaryhmän kevätkokous",
        "Livskraftsgruppens vårmöte",
        "once",
        "Kunnanjohtaja",
        [],
        "",
        "",
    ),
    (
        3,
        "partnership_breakfast",
        "Kumppanuusaamiainen yrityksille ja yhdistyksille",
        "Partnerskapsfrukost för företag och föreningar",
        "yearly",
        "Elinvoimaryhmä",
        ["everyone"],
        "Aamiaistilaisuus",
        "Frukostträff",
    ),
    (
        3,
        "decision_process",
        "Hyvinvointikorttien palautus",
        "Välfärdskorten lämnas in",
        "yearly",
        "Hyvinvointijohtaja",
        [],
        "",
        "",
    ),
    (
        4,
        "decision_process",
        "Yhdistysten toimintakertomukset",
        "Föreningarnas verksamhetsberättelser",
        "yearly",
        "Kulttuurisihteeri",
        [],
        "",
        "",
    ),
    (
        5,
        "event",
        "Rollaattorimarssi laidunkauden avajaisiin",
        "Rollatormarsch till betessäsongens öppning",
        "yearly",
        "Utajärven reumayhdistys",
        ["older_people"],
        "",
        "",
    ),
    (
        6,
        "hearing",
        "Kesäasukkaiden ilta",
        "Kväll för sommarinvånare",
        "yearly",
        "Suunnittelija",
        ["everyone"],
        "Mökkiläisten ilta kunnantalolla",
        "Stugägarkväll i kommunhuset",
    ),
    (
        8,
        "decision_process",
        "Johtoryhmä määrittää tavoitteet, joihin yhdistykset vastaavat",
        "Ledningsgruppen fastställer målen som föreningarna svarar på",
        "yearly",
        "Kunnanjohtaja",
        [],
        "",
        "",
    ),
    (
        9,
        "hearing",
        "Kuntalaisnäkemykset talousarvion valmisteluun",
        "Invånarnas synpunkter för budgetberedningen",
        "yearly",
        "Elinvoimaryhmä",
        ["everyone", "young_people", "older_people"],
        "Kysely ja kyläillat",
        "Enkät och bykvällar",
    ),
    (
        10,
        "association_evening",
        "Yhdistys- ja kyläillat",
        "Förenings- och bykvällar",
        "yearly",
        "Kyläyhdistykset",
        ["everyone"],
        "Kyläillat kylätaloilla",
        "Bykvällar i byahusen",
    ),
    (
        10,
        "decision_process",
        "Ennakkoarviointi (EVA) talousarvion päätöksistä",
        "Förhandsbedömning av budgetbesluten",
        "yearly",
        "Hyvinvointijohtaja",
        [],
        "",
        "",
    ),
    (
        11,
        "decision_process",
        "Yhdistysavustusten haku",
        "Ansökan om föreningsbidrag",
        "yearly",
        "Kulttuurisihteeri",
        [],
        "",
        "",
    ),
    (
        12,
        "association_forum",
        "Seura- ja yhdistysfoorumi",
        "Forum för klubbar och föreningar",
        "once",
        "Sivistystoimi",
        ["everyone"],
        "Avoin keskustelu valtuustosalissa",
        "Öppen diskussion i fullmäktigesalen",
    ),
]

MUNICIPALITY_ITEMS = {
    "889": [
        (
            5,
            "decision_process",
            "Hyvinvointikertomus valtuustolle",
            "Välfärdsberättelsen till fullmäktige",
            "yearly",
            "Hyvinvointijohtaja",
            [],
            "",
            "",
        ),
        (
            12,
            "decision_process",
            "Talousarvion hyväksyminen",
            "Budgeten godkänns",
            "yearly",
            "Kunnanvaltuusto",
            [],
            "",
            "",
        ),
    ],
    "785": [
        (
            9,
            "association_evening",
            "Kyläillat",
            "Bykvällar",
            "yearly",
            "Hyvinvointijohtaja",
            ["everyone"],
            "Kyläillat ovat täynnä",
            "Bykvällarna är fullsatta",
        ),
        (
            2,
            "hearing",
            "Nuorisovaltuuston kuuleminen",
            "Ungdomsfullmäktige hörs",
            "yearly",
            "Nuorisovaltuusto",
            ["young_people"],
            "Nuorisovaltuuston kokous",
            "Ungdomsfullmäktiges möte",
        ),
    ],
}


def _load(owner_field: str, owner, items, groups) -> None:
    for month, kind, fi, sv, recurrence, responsible, heard, how_fi, how_sv in items:
        item = CalendarItem.objects.create(
            **{owner_field: owner},
            title_fi=fi,
            title_sv=sv,
            title_en=fi,
            kind=kind,
            year=2019,
            month=month,
            recurrence=recurrence,
            responsible=responsible,
            how_heard_fi=how_fi,
            how_heard_sv=how_sv,
        )
        item.heard_groups.set(groups[code] for code in heard)


def clock_demo_load(context: DemoContext) -> None:
    group = Network.objects.filter(name_fi=UTAJARVI_GROUP).first()
    if group is None or CalendarItem.objects.exists():
        return
    groups = TargetGroup.objects.in_bulk(field_name="code")
    _load("network", group, VITALITY_GROUP_2019, groups)
    municipalities = Municipality.objects.in_bulk(list(MUNICIPALITY_ITEMS), field_name="code")
    for code, items in MUNICIPALITY_ITEMS.items():
        _load("municipality", municipalities[code], items, groups)
    context.count("annual clock items", CalendarItem.objects.count())

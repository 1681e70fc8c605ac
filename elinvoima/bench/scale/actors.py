"""The national-scale actors (docs/performance.md, "Scale data"), generated deterministically.

`scale_data_generate(seed=N)` writes 100,000 organisations (each with 1–3 themes, 1–2
target groups and, for about half, a short description), 300,000 people and their
memberships on top of the reference data. Rows are first built as plain tuples
(`scale_data_build`, which the benchmarks reuse) and then written in one transaction with
PostgreSQL's COPY, or `executemany` on SQLite. COPY bypasses Django, so no signals fire
(no audit log entries) and every column Django would fill is given explicitly. A national-
scale load on PostgreSQL also drops the written tables' secondary indexes and foreign keys
and rebuilds them afterwards, which halves the time (see `scale_data_write`).

Generated rows are recognisable: every organisation and person has an e-mail address under
SCALE_EMAIL_DOMAIN (an RFC 2606 `.invalid` domain, so nothing is ever sent there), and
people's usernames start with USERNAME_PREFIX. `scale_data_delete()` removes exactly those.
"""

import gc
import itertools
import random
from bisect import bisect
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.models import (
    Membership,
    Municipality,
    Organisation,
    TargetGroup,
    Theme,
    User,
    WellbeingCounty,
)

SCALE_EMAIL_DOMAIN = "scale.elinvoima.invalid"
USERNAME_PREFIX = "person"
ORGANISATIONS = 100_000
PEOPLE = 300_000
SECOND_MEMBERSHIP_SHARE = 0.05
BUSINESS_ID_RANGE = (1_000_000, 3_400_000)  # the 7-digit bodies of Y-tunnus issued so far


class ScaleDataError(Exception):
    """Generation refused: data already there, or no reference data to build on."""


# --- Word lists -----------------------------------------------------------------------------
# Place names are compounds, so their genitive is the genitive of the last part
# (Kivijärvi → Kivijärven) and vowel harmony holds within each part.
PLACE_HEADS = (
    "Ala", "Yli", "Kivi", "Hirvi", "Karhu", "Kuusi", "Koivu", "Mänty", "Leppä", "Pitkä",
    "Iso", "Pikku", "Haapa", "Lehto", "Honka", "Ahven", "Hauki", "Kotka", "Susi", "Ilves",
    "Pajulan", "Rauta", "Kulta", "Hopea", "Vesi", "Savi", "Hiekka", "Musta", "Valko", "Puna",
    "Syvä", "Lumi", "Pohjois", "Etelä", "Itä", "Länsi", "Keski", "Vanha", "Uusi", "Kirkon",
    "Myllyn", "Sahan", "Ruis", "Ohra", "Pellon", "Lammas", "Hevos", "Kettu", "Jänis", "Joutsen",
    "Kurki", "Tervo", "Kaski", "Tammi", "Saarni", "Kataja", "Kanerva", "Sammal", "Kallio", "Louhi",
)  # fmt: skip
PLACE_TAILS = (
    ("järvi", "järven"), ("lahti", "lahden"), ("joki", "joen"), ("niemi", "niemen"),
    ("koski", "kosken"), ("mäki", "mäen"), ("vaara", "vaaran"), ("salo", "salon"),
    ("kylä", "kylän"), ("harju", "harjun"), ("saari", "saaren"), ("lampi", "lammen"),
    ("suo", "suon"), ("ranta", "rannan"), ("kangas", "kankaan"), ("laakso", "laakson"),
    ("vuori", "vuoren"), ("aho", "ahon"), ("puro", "puron"), ("selkä", "selän"),
    ("pelto", "pellon"), ("metsä", "metsän"), ("kumpu", "kummun"), ("korpi", "korven"),
)  # fmt: skip
PLACES = tuple(
    (head + tail, head + genitive)
    for head, (tail, genitive) in itertools.product(PLACE_HEADS, PLACE_TAILS)
)
FIRST_NAMES = (
    "Aino", "Anna", "Anneli", "Eeva", "Elina", "Elisa", "Emilia", "Emma", "Helena", "Helmi",
    "Hanna", "Heidi", "Iida", "Inkeri", "Johanna", "Kaarina", "Katariina", "Kirsi", "Laura",
    "Leena", "Liisa", "Maria", "Marja", "Marjatta", "Minna", "Noora", "Oona", "Pirjo", "Riitta",
    "Sanna", "Satu", "Sofia", "Tiina", "Tuula", "Ulla", "Venla", "Aada", "Linnea", "Kerttu",
    "Aleksi", "Antero", "Antti", "Eero", "Eino", "Elias", "Erkki", "Heikki", "Ilmari", "Jaakko",
    "Janne", "Jari", "Johannes", "Juha", "Juhani", "Jussi", "Kalevi", "Kari", "Lauri", "Markku",
    "Matti", "Mikko", "Onni", "Pekka", "Petri", "Sami", "Seppo", "Tapani", "Timo", "Tuomas",
    "Veikko", "Ville", "Väinö", "Olavi", "Leevi", "Eetu", "Aatu", "Niilo", "Toivo", "Otto",
)  # fmt: skip
LAST_NAMES = (
    "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
    "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
    "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
    "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Hiltunen",
    "Pitkänen", "Hirvonen", "Kettunen", "Leppänen", "Rönkkö", "Väisänen", "Manninen", "Huttunen",
    "Kärkkäinen", "Lindholm", "Lindqvist", "Kallio", "Aaltonen", "Miettinen", "Pesonen",
    "Räsänen", "Ojala", "Honkanen", "Moilanen", "Peltonen", "Anttila", "Lampinen", "Kemppainen",
    "Toivonen", "Rissanen", "Vainio", "Leinonen", "Seppälä", "Nurmi", "Jääskeläinen", "Partanen",
    "Halonen", "Koivisto", "Vesterinen", "Sjöberg", "Eriksson", "Nyström", "Hakala", "Tikkanen",
)  # fmt: skip
ASSOCIATION_NAMES = (
    "Eläkeläiset", "Reumayhdistys", "Sydänyhdistys", "Diabetesyhdistys", "Martat",
    "Mielenterveysyhdistys", "Omaishoitajat", "Nuorisoseura", "Kotiseutuyhdistys",
    "Näkövammaiset", "Kuuloyhdistys", "Invalidit", "Vanhempainyhdistys", "Partiolaiset",
    "Metsästysseura", "4H-yhdistys", "Eläkkeensaajat", "Senioriyhdistys", "Kuoro", "Työttömät",
    "Yrittäjät", "Maa- ja kotitalousnaiset", "Lähetysseura", "Luonnonsuojeluyhdistys",
    "Kamerakerho", "Vapaapalokunta", "Musiikkiyhdistys", "Harrastajateatteri", "Sotaveteraanit",
    "Muistiyhdistys", "Syöpäyhdistys", "Kehitysvammaisten tuki", "Perhekerho", "Kirjallisuusseura",
)  # fmt: skip
VILLAGE_NAMES = ("kyläyhdistys", "kyläseura", "kylätoimikunta", "kyläyhdistys", "kylätalo")
SPORTS_CLUB_NAMES = (
    "Urheilijat", "Kisa", "Palloseura", "Hiihtoseura", "Voimistelijat", "Yritys", "Veikot",
    "Pallo", "Kiri", "Into", "Sisu", "Ponnistus", "Tennisseura", "Salibandyseura", "Uimaseura",
    "Ratsastajat", "Golfseura", "Kuntourheilijat", "Jääkiekkoseura", "Suunnistajat", "Kisa-Veikot",
)  # fmt: skip
PARISH_NAMES = ("seurakunta", "seurakunta", "ortodoksinen seurakunta", "helluntaiseurakunta")
COMPANY_TRADES = (
    "Hyvinvointipalvelut", "Kuntopalvelu", "Hoivapalvelut", "Terapia", "Fysioterapia",
    "Kotipalvelu", "Liikuntapalvelut", "Ravitsemuspalvelut", "Kiinteistöhuolto", "Tilitoimisto",
    "Rakennus", "Sähkö", "Taksi", "Kahvila", "Hieronta", "Jalkahoitola", "Kotisiivous",
    "Puutarhapalvelu", "Tapahtumapalvelut", "Valmennus", "Psykoterapia", "Kuljetus",
)  # fmt: skip
COMPANY_FORMS = ("Oy", "Oy", "Oy", "Ky", "Ay")
SCHOOL_NAMES = (
    "koulu", "yhtenäiskoulu", "lukio", "kansalaisopisto", "musiikkiopisto", "kansanopisto",
    "ammattiopisto", "kuvataidekoulu",
)  # fmt: skip
DEPARTMENTS = (
    "sivistyspalvelut", "liikuntapalvelut", "kulttuuripalvelut", "nuorisopalvelut",
    "tekninen toimi", "kirjasto", "varhaiskasvatus", "perusopetus", "elinvoimapalvelut",
    "ympäristöpalvelut", "hallintopalvelut", "hyvinvointipalvelut",
)  # fmt: skip
COUNTY_UNITS = (
    "perhekeskus", "terveysasema", "kotihoito", "neuvola", "sosiaalipalvelut",
    "ikääntyneiden palvelut", "mielenterveys- ja päihdepalvelut", "hyte-yksikkö",
)  # fmt: skip
COUNTY_UNITS_WITH_PLACE = frozenset({"perhekeskus", "terveysasema", "kotihoito", "neuvola"})
JOINT_AUTHORITY_NAMES = (
    "seudun kuntayhtymä",
    "seudun koulutuskuntayhtymä",
    "seudun ympäristöterveys",
)
SUPPORT_BODY_NAMES = (
    "seudun järjestöneuvottelukunta", "seudun yhdistysverkosto", "seudun järjestöareena",
)  # fmt: skip
OTHER_NAMES = ("kylätalosäätiö sr", "osuuskunta", "työpaja", "nuorisotalo", "kotiseutumuseo")
BOARD_TITLES = ("puheenjohtaja", "varapuheenjohtaja", "sihteeri", "rahastonhoitaja", "")

# How common each kind is, and how many of each have a Y-tunnus (≈30% overall).
KIND_WEIGHTS: dict[str, tuple[int, float]] = {
    OrganisationKind.ASSOCIATION: (40, 0.15),
    OrganisationKind.VILLAGE_ASSOCIATION: (10, 0.10),
    OrganisationKind.SPORTS_CLUB: (14, 0.20),
    OrganisationKind.COMPANY: (14, 1.0),
    OrganisationKind.PARISH: (2, 1.0),
    OrganisationKind.EDUCATIONAL_INSTITUTION: (5, 0.5),
    OrganisationKind.MUNICIPAL_DEPARTMENT: (5, 0.0),  # shares its municipality's Y-tunnus
    OrganisationKind.WELLBEING_COUNTY_UNIT: (3, 0.0),  # shares its county's Y-tunnus
    OrganisationKind.JOINT_MUNICIPAL_AUTHORITY: (1, 1.0),
    OrganisationKind.REGIONAL_SUPPORT_BODY: (1, 0.5),
    OrganisationKind.OTHER: (5, 0.3),
}
# Registered associations (ry) carry a number in the association register.
REGISTERED_KINDS = frozenset(
    {
        OrganisationKind.ASSOCIATION,
        OrganisationKind.VILLAGE_ASSOCIATION,
        OrganisationKind.SPORTS_CLUB,
        OrganisationKind.REGIONAL_SUPPORT_BODY,
    }
)
# Roles fit the kind of organisation, since permissions read both; MEMBER is the most common.
ASSOCIATION_ROLES = ((Role.MEMBER, 80), (Role.ASSOCIATION_REPRESENTATIVE, 20))
ROLE_WEIGHTS: dict[str, tuple[tuple[str, int], ...]] = {
    OrganisationKind.MUNICIPAL_DEPARTMENT: (
        (Role.OFFICIAL, 55),
        (Role.MEMBER, 25),
        (Role.COUNCILLOR, 8),
        (Role.EXERCISE_COUNSELLOR, 7),
        (Role.COORDINATOR, 5),
    ),
    OrganisationKind.WELLBEING_COUNTY_UNIT: (
        (Role.COUNTY_OFFICIAL, 45),
        (Role.MEMBER, 25),
        (Role.REFERRING_PROFESSIONAL, 20),
        (Role.EXERCISE_COUNSELLOR, 10),
    ),
    OrganisationKind.JOINT_MUNICIPAL_AUTHORITY: ((Role.MEMBER, 70), (Role.OFFICIAL, 30)),
    OrganisationKind.REGIONAL_SUPPORT_BODY: ((Role.MEMBER, 60), (Role.WORKSHOP_ORGANISER, 40)),
}
OPERATION_AREA_SIZES = ((1, 70), (2, 20), (3, 10))  # municipalities of operation per org

# Themes and target groups (reference data codes): how many each organisation has, and the
# ones its kind most often works on; the first theme and group come from those 70% of the
# time, the rest from all of them.
THEME_COUNTS = ((1, 45), (2, 35), (3, 20))
TARGET_GROUP_COUNTS = ((1, 65), (2, 35))
TYPICAL_SHARE = 0.7
TYPICAL_THEMES: dict[str, tuple[str, ...]] = {
    OrganisationKind.ASSOCIATION: (
        "peer_support", "health", "mental_wellbeing", "inclusion", "culture", "volunteering",
    ),
    OrganisationKind.VILLAGE_ASSOCIATION: ("village_development", "inclusion", "environment"),
    OrganisationKind.SPORTS_CLUB: ("physical_activity",),
    OrganisationKind.COMPANY: ("health", "physical_activity", "nutrition", "employment"),
    OrganisationKind.PARISH: ("spiritual", "inclusion", "volunteering"),
    OrganisationKind.EDUCATIONAL_INSTITUTION: ("learning", "culture"),
    OrganisationKind.MUNICIPAL_DEPARTMENT: ("physical_activity", "culture", "learning", "safety"),
    OrganisationKind.WELLBEING_COUNTY_UNIT: (
        "health", "mental_wellbeing", "substance_prevention", "safety",
    ),
    OrganisationKind.JOINT_MUNICIPAL_AUTHORITY: ("learning", "employment", "environment"),
    OrganisationKind.REGIONAL_SUPPORT_BODY: ("inclusion", "volunteering"),
}  # fmt: skip
TYPICAL_TARGET_GROUPS: dict[str, tuple[str, ...]] = {
    OrganisationKind.SPORTS_CLUB: ("children_and_families", "young_people"),
    OrganisationKind.PARISH: ("everyone",),
    OrganisationKind.EDUCATIONAL_INSTITUTION: ("children_and_families", "young_people"),
    OrganisationKind.VILLAGE_ASSOCIATION: ("everyone",),
}
# Descriptions: one short sentence in Finnish ("Järjestämme kävelyretkiä ikäihmisille."),
# sometimes with a second one, for DESCRIPTION_SHARE of the organisations.
DESCRIPTION_SHARE = 0.5
DESCRIPTION_OPENINGS = ("Järjestämme", "Tarjoamme", "Meillä on", "Toimintaamme kuuluu")
THEME_ACTIVITIES: dict[str, tuple[str, ...]] = {
    "physical_activity": ("liikuntaryhmiä", "kävelyretkiä", "tuolijumppaa", "ulkoilupäiviä"),
    "culture": ("konsertteja", "näyttelyitä", "teatteriesityksiä", "kuorolaulua"),
    "health": ("terveysluentoja", "terveysneuvontaa", "verenpaineen mittauksia"),
    "mental_wellbeing": ("keskusteluryhmiä", "mielen hyvinvoinnin iltoja"),
    "inclusion": ("yhteisiä tapahtumia", "kahvitilaisuuksia", "avoimia kohtaamisia"),
    "peer_support": ("vertaistukiryhmiä", "vertaistapaamisia"),
    "safety": ("turvallisuusiltoja", "ensiapukursseja"),
    "substance_prevention": ("päihteettömiä tapahtumia", "ehkäisevää päihdetyötä"),
    "nutrition": ("ruokakursseja", "kokkikerhoja"),
    "learning": ("kerhoja", "kursseja", "opintopiirejä"),
    "employment": ("työnhaun tukea", "työpajoja"),
    "village_development": ("kylätalkoita", "kyläjuhlia"),
    "environment": ("luontoretkiä", "siivoustalkoita"),
    "volunteering": ("vapaaehtoistoimintaa", "ystävätoimintaa"),
    "integration": ("kielikahviloita", "kotoutumista tukevaa toimintaa"),
    "spiritual": ("hartaushetkiä", "leirejä"),
}  # fmt: skip
TARGET_GROUP_WORDS = {
    "children_and_families": "lapsille ja perheille",
    "young_people": "nuorille",
    "working_age": "työikäisille",
    "older_people": "ikäihmisille",
    "everyone": "kaikenikäisille",
}
DESCRIPTION_ENDINGS = (
    "", "", "Tervetuloa mukaan!", "Uudet jäsenet ovat tervetulleita.",
    "Toimintaan voi tulla mukaan milloin vain.",
)  # fmt: skip


# --- Y-tunnus -------------------------------------------------------------------------------
def business_id_check_digit(body: str) -> int | None:
    """The Y-tunnus check digit of a 7-digit body, or None when no check digit exists
    (remainder 1: such numbers are never issued)."""
    remainder = sum(int(d) * w for d, w in zip(body, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    if remainder == 0:
        return 0
    return None if remainder == 1 else 11 - remainder


# --- Building the rows ----------------------------------------------------------------------
@dataclass
class TableRows:
    """Rows for one table, ready for COPY: the column names and one tuple per row."""

    table: str
    columns: tuple[str, ...]
    rows: list[tuple]


@dataclass
class ScaleData:
    organisations: TableRows
    organisation_municipalities: TableRows
    organisation_themes: TableRows
    organisation_target_groups: TableRows
    users: TableRows
    memberships: TableRows

    def tables(self) -> list[TableRows]:
        """In an order that satisfies the foreign keys."""
        return [
            self.organisations,
            self.organisation_municipalities,
            self.organisation_themes,
            self.organisation_target_groups,
            self.users,
            self.memberships,
        ]


# The models of ScaleData.tables(), in the same order.
SCALE_MODELS: tuple[type[models.Model], ...] = (
    Organisation,
    Organisation.municipalities.through,
    Organisation.themes.through,
    Organisation.target_groups.through,
    User,
    Membership,
)


@dataclass
class ScaleContext:
    """What generation needs from the database: the reference data (ordered by code, so the
    result depends only on the seed), Y-tunnus already in use, and the first free ids."""

    municipalities: list[tuple[int, str, int, int]]  # id, name, population, county id
    county_names: dict[int, str]
    municipality_organisations: dict[int, int]  # municipality id → its own organisation
    county_organisations: dict[int, int]
    taken_business_ids: set[str]
    themes: dict[str, int]  # code → id, in code order
    target_groups: dict[str, int]
    organisation_id_start: int
    user_id_start: int
    timestamp: Any  # already adapted for the database


class _Draw:
    """Quick draws from one random.Random. `pick` skips random.choice's rejection loop, which
    makes it 3x faster; the bias of int(random() * n), about n / 2**53, does not matter here."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.random = rng.random

    def pick(self, items: Sequence[Any]) -> Any:
        return items[int(self.random() * len(items))]

    def below(self, n: int) -> int:
        return int(self.random() * n)


def _columns(model: type[models.Model], *names: str) -> tuple[str, ...]:
    return tuple(model._meta.get_field(name).column for name in names)


def _cumulative(pairs: Iterable[tuple[Any, float]]) -> tuple[list[Any], list[float]]:
    values, weights = zip(*pairs, strict=True)
    return list(values), list(itertools.accumulate(weights))


def _unique_business_id(draw: _Draw, taken: set[str]) -> str:
    low, high = BUSINESS_ID_RANGE
    while True:
        body = str(low + draw.below(high - low))
        check = business_id_check_digit(body)
        if check is not None and (business_id := f"{body}-{check}") not in taken:
            taken.add(business_id)
            return business_id


def _organisation_name(draw: _Draw, kind: str, municipality_name: str, county_name: str) -> str:
    pick = draw.pick
    place, genitive = pick(PLACES)
    if kind == OrganisationKind.ASSOCIATION:
        roll = draw.random()
        if roll < 0.04:
            return f"MLL:n {genitive} yhdistys ry"
        if roll < 0.07:
            return f"SPR:n {genitive} osasto ry"
        return f"{genitive} {pick(ASSOCIATION_NAMES)} ry"
    if kind == OrganisationKind.VILLAGE_ASSOCIATION:
        return f"{genitive} {pick(VILLAGE_NAMES)} ry"
    if kind == OrganisationKind.SPORTS_CLUB:
        return f"{genitive} {pick(SPORTS_CLUB_NAMES)} ry"
    if kind == OrganisationKind.PARISH:
        return f"{genitive} {pick(PARISH_NAMES)}"
    if kind == OrganisationKind.COMPANY:
        roll = draw.random()
        if roll < 0.4:
            return f"{genitive} {pick(COMPANY_TRADES)} {pick(COMPANY_FORMS)}"
        if roll < 0.8:
            return f"{pick(COMPANY_TRADES)} {pick(LAST_NAMES)} {pick(COMPANY_FORMS)}"
        return f"Tmi {pick(FIRST_NAMES)} {pick(LAST_NAMES)}"
    if kind == OrganisationKind.EDUCATIONAL_INSTITUTION:
        return f"{genitive} {pick(SCHOOL_NAMES)}"
    if kind == OrganisationKind.MUNICIPAL_DEPARTMENT:
        return f"{municipality_name}, {pick(DEPARTMENTS)}"
    if kind == OrganisationKind.WELLBEING_COUNTY_UNIT:
        unit = pick(COUNTY_UNITS)
        if unit in COUNTY_UNITS_WITH_PLACE:
            return f"{county_name}, {unit} {place}"
        return f"{county_name}, {unit}"
    if kind == OrganisationKind.JOINT_MUNICIPAL_AUTHORITY:
        return f"{genitive} {pick(JOINT_AUTHORITY_NAMES)}"
    if kind == OrganisationKind.REGIONAL_SUPPORT_BODY:
        return f"{genitive} {pick(SUPPORT_BODY_NAMES)} ry"
    return f"{genitive} {pick(OTHER_NAMES)}"


def _operation_area(
    draw: _Draw, home: int, neighbours: list[int], size_weights: list[float]
) -> list[int]:
    """The home municipality and up to two others of the same county."""
    size = 1 + bisect(size_weights, draw.random() * size_weights[-1])
    area = [home]
    while len(area) < size and len(area) < len(neighbours):
        other = draw.pick(neighbours)
        if other not in area:
            area.append(other)
    return area


def _build_organisations(
    draw: _Draw, count: int, context: ScaleContext
) -> tuple[TableRows, TableRows, list[str]]:
    """Organisations and their municipalities of operation; also returns each one's kind."""
    rng, municipalities = draw.rng, context.municipalities
    homes = rng.choices(
        municipalities,
        cum_weights=list(itertools.accumulate(m[2] or 1 for m in municipalities)),
        k=count,
    )
    kinds, kind_weights = _cumulative((k, w) for k, (w, _) in KIND_WEIGHTS.items())
    drawn_kinds = rng.choices(kinds, cum_weights=kind_weights, k=count)
    business_id_share = {kind: share for kind, (_, share) in KIND_WEIGHTS.items()}
    by_county: dict[int, list[int]] = {}
    for municipality_id, _, _, county_id in municipalities:
        by_county.setdefault(county_id, []).append(municipality_id)
    area_weights = list(itertools.accumulate(w for _, w in OPERATION_AREA_SIZES))
    register_numbers = iter(rng.sample(range(100_000, 100_000 + 3 * count), count))
    taken = set(context.taken_business_ids)
    timestamp, start, random_ = context.timestamp, context.organisation_id_start, draw.random
    rows, links = [], []
    for index, (home, kind) in enumerate(zip(homes, drawn_kinds, strict=True)):
        municipality_id, municipality_name, _, county_id = home
        organisation_id = start + index
        name = _organisation_name(draw, kind, municipality_name, context.county_names[county_id])
        business_id = ""
        if random_() < business_id_share[kind]:
            business_id = _unique_business_id(draw, taken)
        register_number = ""
        if kind in REGISTERED_KINDS:
            number = next(register_numbers)
            register_number = f"{number // 1000}.{number % 1000:03d}"
        organisation_county, parent_id = None, None
        if kind == OrganisationKind.MUNICIPAL_DEPARTMENT:
            parent_id = context.municipality_organisations.get(municipality_id)
        elif kind == OrganisationKind.WELLBEING_COUNTY_UNIT:
            organisation_county = county_id
            parent_id = context.county_organisations.get(county_id)
        rows.append(
            (
                organisation_id, name, name, kind, business_id, register_number,
                municipality_id, organisation_county, parent_id, "",
                f"org{organisation_id}@{SCALE_EMAIL_DOMAIN}", True, timestamp, timestamp,
            )
        )  # fmt: skip
        for other in _operation_area(draw, municipality_id, by_county[county_id], area_weights):
            links.append((organisation_id, other))
    organisation_table = TableRows(
        Organisation._meta.db_table,
        _columns(
            Organisation, "id", "name", "name_fi", "kind", "business_id", "register_number",
            "municipality", "wellbeing_county", "parent", "website", "email",
            "is_published", "created_at", "updated_at",
        ),
        rows,
    )  # fmt: skip
    through = Organisation.municipalities.through
    link_table = TableRows(
        through._meta.db_table, _columns(through, "organisation", "municipality"), links
    )
    return organisation_table, link_table, drawn_kinds


def _build_users(draw: _Draw, count: int, context: ScaleContext) -> TableRows:
    first_names = draw.rng.choices(FIRST_NAMES, k=count)
    last_names = draw.rng.choices(LAST_NAMES, k=count)
    width = max(6, len(str(count)))
    timestamp, start, bits = context.timestamp, context.user_id_start, draw.rng.getrandbits
    rows = []
    for index in range(count):
        username = f"{USERNAME_PREFIX}{index + 1:0{width}d}"
        rows.append(
            (
                start + index,
                f"!{bits(160):040x}",  # "!" + 40 characters, as set_unusable_password() does
                False,
                username,
                first_names[index],
                last_names[index],
                f"{username}@{SCALE_EMAIL_DOMAIN}",
                False,
                True,
                timestamp,
                "",
            )
        )
    return TableRows(
        User._meta.db_table,
        _columns(
            User, "id", "password", "is_superuser", "username", "first_name", "last_name",
            "email", "is_staff", "is_active", "date_joined", "preferred_language",
        ),
        rows,
    )  # fmt: skip


def _build_memberships(
    draw: _Draw, people: int, kinds: Sequence[str], context: ScaleContext
) -> TableRows:
    """Everyone belongs to one organisation, some to two. Organisation sizes are heavy-tailed
    (Pareto), like real ones: most have a handful of members, a few have thousands."""
    rows: list[tuple] = []
    table = TableRows(
        Membership._meta.db_table,
        _columns(Membership, "user", "organisation", "role", "title", "created_at"),
        rows,
    )
    organisations = len(kinds)
    if not organisations or not people:
        return table
    rng = draw.rng
    sizes = list(itertools.accumulate(rng.paretovariate(1.5) for _ in range(organisations)))
    firsts = rng.choices(range(organisations), cum_weights=sizes, k=people)
    seconds = sorted(rng.sample(range(people), round(people * SECOND_MEMBERSHIP_SHARE)))
    pairs = list(enumerate(firsts))
    for person in seconds:
        if organisations > 1:
            other = firsts[person]
            while other == firsts[person]:
                other = bisect(sizes, draw.random() * sizes[-1])
            pairs.append((person, other))
    roles = {kind: _cumulative(ROLE_WEIGHTS.get(kind, ASSOCIATION_ROLES)) for kind in kinds}
    user_start, organisation_start = context.user_id_start, context.organisation_id_start
    timestamp, random_, pick = context.timestamp, draw.random, draw.pick
    representative = Role.ASSOCIATION_REPRESENTATIVE
    for person, organisation in pairs:
        names, weights = roles[kinds[organisation]]
        role = names[bisect(weights, random_() * weights[-1])]
        title = pick(BOARD_TITLES) if role == representative else ""
        rows.append(
            (user_start + person, organisation_start + organisation, role, title, timestamp)
        )
    return table


def _pick_distinct(
    draw: _Draw, count: int, typical: Sequence[int], everything: Sequence[int]
) -> list[int]:
    """`count` different ids (fewer if there are not that many), the first one from
    `typical` TYPICAL_SHARE of the time."""
    count = min(count, len(everything))
    first_pool = typical if typical and draw.random() < TYPICAL_SHARE else everything
    chosen = [draw.pick(first_pool)]
    while len(chosen) < count:
        other = draw.pick(everything)
        if other not in chosen:
            chosen.append(other)
    return chosen


def _description(draw: _Draw, theme_codes: Sequence[str], group_code: str) -> str:
    pick = draw.pick
    activities = [pick(THEME_ACTIVITIES.get(code, ("toimintaa",))) for code in theme_codes[:2]]
    text = f"{pick(DESCRIPTION_OPENINGS)} {' ja '.join(activities)}"
    if group_code in TARGET_GROUP_WORDS:
        text += f" {TARGET_GROUP_WORDS[group_code]}"
    ending = pick(DESCRIPTION_ENDINGS)
    return f"{text}. {ending}" if ending else f"{text}."


def _build_profiles(
    draw: _Draw, organisations: TableRows, kinds: Sequence[str], context: ScaleContext
) -> tuple[TableRows, TableRows]:
    """Each organisation's themes and target groups (through-table rows), and a description
    for about half, added to `organisations` as the description and description_fi columns.
    Drawn after everything else, so the other rows do not depend on the reference themes."""
    themes, groups = context.themes, context.target_groups
    theme_codes = {pk: code for code, pk in themes.items()}
    group_codes = {pk: code for code, pk in groups.items()}
    all_themes, all_groups = list(themes.values()), list(groups.values())
    typical_themes = {
        kind: [themes[code] for code in codes if code in themes]
        for kind, codes in TYPICAL_THEMES.items()
    }
    typical_groups = {
        kind: [groups[code] for code in codes if code in groups]
        for kind, codes in TYPICAL_TARGET_GROUPS.items()
    }
    theme_counts = _cumulative(THEME_COUNTS)
    group_counts = _cumulative(TARGET_GROUP_COUNTS)

    def how_many(counts: tuple[list[int], list[float]]) -> int:
        values, weights = counts
        return values[bisect(weights, draw.random() * weights[-1])]

    theme_links, group_links, rows = [], [], []
    organisation_id = organisations.columns.index("id")
    for row, kind in zip(organisations.rows, kinds, strict=True):
        pk = row[organisation_id]
        chosen_themes, chosen_groups = [], []
        if all_themes:
            chosen_themes = _pick_distinct(
                draw, how_many(theme_counts), typical_themes.get(kind, ()), all_themes
            )
            theme_links.extend((pk, theme) for theme in chosen_themes)
        if all_groups:
            chosen_groups = _pick_distinct(
                draw, how_many(group_counts), typical_groups.get(kind, ()), all_groups
            )
            group_links.extend((pk, group) for group in chosen_groups)
        description = ""
        if chosen_themes and draw.random() < DESCRIPTION_SHARE:
            description = _description(
                draw,
                [theme_codes[theme] for theme in chosen_themes],
                group_codes[chosen_groups[0]] if chosen_groups else "",
            )
        rows.append((*row, description, description))
    organisations.rows = rows
    organisations.columns += _columns(Organisation, "description", "description_fi")
    theme_through, group_through = Organisation.themes.through, Organisation.target_groups.through
    return (
        TableRows(
            theme_through._meta.db_table,
            _columns(theme_through, "organisation", "theme"),
            theme_links,
        ),
        TableRows(
            group_through._meta.db_table,
            _columns(group_through, "organisation", "targetgroup"),
            group_links,
        ),
    )


def scale_data_build(
    *, seed: int, context: ScaleContext, organisations: int = ORGANISATIONS, people: int = PEOPLE
) -> ScaleData:
    """All rows of the national-scale actors as tuples; the same seed and context give the
    same rows. Touches no database."""
    draw = _Draw(random.Random(seed))
    with _gc_paused():
        organisation_rows, links, kinds = _build_organisations(draw, organisations, context)
        users = _build_users(draw, people, context)
        memberships = _build_memberships(draw, people, kinds, context)
        themes, target_groups = _build_profiles(draw, organisation_rows, kinds, context)
    data = ScaleData(organisation_rows, links, themes, target_groups, users, memberships)
    for table, model in zip(data.tables(), SCALE_MODELS, strict=True):
        _fill_missing_columns(table, model)
    return data


@contextmanager
def _gc_paused() -> Iterator[None]:
    """A million new tuples would set off dozens of full collections that free nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _fill_missing_columns(table: TableRows, model: type[models.Model]) -> None:
    """Columns added to the models later without a value here get their Django default, so
    COPY does not fail on NOT NULL (a constant default is the same for every row)."""
    missing = [
        f
        for f in model._meta.concrete_fields
        if f.column not in table.columns and not f.null and not f.primary_key
    ]
    if not missing:
        return
    values = tuple(f.get_db_prep_save(f.get_default(), connection) for f in missing)
    table.columns = table.columns + tuple(f.column for f in missing)
    table.rows = [row + values for row in table.rows]


# --- Reading the context --------------------------------------------------------------------
def _reserve_ids(table: str, count: int) -> int:
    """The first of `count` consecutive free ids. On PostgreSQL the block is taken from the
    table's sequence, so later ORM inserts continue after it; callers hold a table lock."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            (sequence,) = cursor.fetchone()
            cursor.execute("SELECT nextval(%s)", [sequence])
            (start,) = cursor.fetchone()
            if count > 1:
                cursor.execute("SELECT setval(%s, %s)", [sequence, start + count - 1])
            return start
        quoted = connection.ops.quote_name(table)
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {quoted}")  # noqa: S608
        return cursor.fetchone()[0]


def scale_context_load(*, organisations: int, people: int) -> ScaleContext:
    """Read the reference data and reserve ids; run inside the writing transaction."""
    municipalities = list(
        Municipality.objects.order_by("code").values_list(
            "id", "name_fi", "population", "wellbeing_county_id"
        )
    )
    if not municipalities:
        raise ScaleDataError("No municipalities: load the reference data first.")
    acting = list(
        Organisation.objects.filter(
            kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY]
        )
        .order_by("id")
        .values_list("kind", "municipality_id", "wellbeing_county_id", "id")
    )
    return ScaleContext(
        municipalities=municipalities,
        county_names=dict(WellbeingCounty.objects.values_list("id", "name_fi")),
        municipality_organisations={
            municipality: pk
            for kind, municipality, _, pk in acting
            if kind == OrganisationKind.MUNICIPALITY
        },
        county_organisations={
            county: pk
            for kind, _, county, pk in acting
            if kind == OrganisationKind.WELLBEING_COUNTY
        },
        taken_business_ids=set(
            Organisation.objects.exclude(business_id="").values_list("business_id", flat=True)
        ),
        themes=dict(Theme.objects.order_by("code").values_list("code", "id")),
        target_groups=dict(TargetGroup.objects.order_by("code").values_list("code", "id")),
        organisation_id_start=_reserve_ids(Organisation._meta.db_table, organisations),
        user_id_start=_reserve_ids(User._meta.db_table, people),
        timestamp=connection.ops.adapt_datetimefield_value(timezone.now()),
    )


# --- Writing --------------------------------------------------------------------------------
def scale_data_write(data: ScaleData) -> None:
    """Write all rows on the default connection, inside the caller's transaction."""
    tables = data.tables()
    if connection.vendor != "postgresql":
        for table in tables:
            _insert_rows(table)
        return
    names = [table.table for table in tables]
    # Building indexes once after the load is ~2x faster than updating them row by row, and
    # one join per foreign key beats 750,000 deferred checks at COMMIT (which took 8 s) —
    # the bulk-loading advice of the PostgreSQL manual ("Populating a Database").
    bulk = sum(len(table.rows) for table in tables) >= BULK_LOAD_MIN_ROWS and all(
        _row_count(table.table) < len(table.rows) for table in tables if table.rows
    )
    with _foreign_keys_dropped(names if bulk else []), _indexes_dropped(names if bulk else []):
        for table in tables:
            _copy_rows(table)


def _copy_rows(table: TableRows) -> None:
    """COPY the rows in binary format, which spares the server parsing text."""
    from psycopg import sql

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, atttypid FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
            [connection.ops.quote_name(table.table)],
        )
        types = dict(cursor.fetchall())
        statement = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT BINARY)").format(
            sql.Identifier(table.table), sql.SQL(", ").join(map(sql.Identifier, table.columns))
        )
        with cursor.copy(statement) as copy:
            copy.set_types([types[column] for column in table.columns])
            write_row = copy.write_row
            for row in table.rows:
                write_row(row)


def _insert_rows(table: TableRows) -> None:
    quote = connection.ops.quote_name
    statement = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from models)
        quote(table.table),
        ", ".join(map(quote, table.columns)),
        ", ".join(["%s"] * len(table.columns)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(statement, table.rows)


# --- PostgreSQL bulk loading ----------------------------------------------------------------
# Below this many rows the ALTER TABLEs cost more than they save (and tests keep the plain path).
BULK_LOAD_MIN_ROWS = 50_000


def _row_count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return cursor.fetchone()[0]


def _fetch(query: str, params: Sequence[Any]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def _run_deferred_checks() -> None:
    """Prepare for ALTER TABLE in the caller's transaction. Only there: should anything fail,
    the rollback brings back what was dropped. ALTER TABLE refuses a table with foreign key
    checks still pending: run them now, then defer again (Django's keys are deferred)."""
    if not connection.in_atomic_block:
        raise ScaleDataError("Indexes and keys are only dropped inside a transaction.")
    _execute_all(["SET CONSTRAINTS ALL IMMEDIATE", "SET CONSTRAINTS ALL DEFERRED"])


def _execute_all(statements: Iterable[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@contextmanager
def _foreign_keys_dropped(tables: Sequence[str], *, referencing: bool = False) -> Iterator[None]:
    """Drop the foreign keys of `tables` (or, with `referencing`, those pointing at them)
    and add them back afterwards with the same names and definitions. Adding one checks all
    rows with one join, and a violation fails the transaction as the row check would."""
    if not tables:
        yield
        return
    keys = _fetch(
        "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) "
        "FROM pg_constraint WHERE contype = 'f' AND "
        + ("confrelid" if referencing else "conrelid")
        + " = ANY(%s::regclass[]) ORDER BY conrelid::regclass::text, conname",
        [[connection.ops.quote_name(t) for t in tables]],
    )
    _run_deferred_checks()
    _execute_all(f"ALTER TABLE {table} DROP CONSTRAINT {name}" for table, name, _ in keys)
    yield
    _execute_all(
        f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"
        for table, name, definition in keys
    )


@contextmanager
def _indexes_dropped(tables: Sequence[str]) -> Iterator[None]:
    """Drop the indexes of `tables` except primary keys and those foreign keys rely on, and
    build them again afterwards (unique ones as the same constraints where they were)."""
    if not tables:
        yield
        return
    indexes = _fetch(
        """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid),
               c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
        FROM pg_index i
        LEFT JOIN pg_constraint c
          ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('u', 'x')
        WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary
          AND NOT EXISTS (
            SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid
          )
        ORDER BY 1
        """,
        [[connection.ops.quote_name(t) for t in tables]],
    )
    _run_deferred_checks()
    _execute_all(
        f"ALTER TABLE {table} DROP CONSTRAINT {constraint}" if constraint else f"DROP INDEX {index}"
        for index, _, table, constraint, _ in indexes
    )
    yield
    _execute_all(
        f"ALTER TABLE {table} ADD CONSTRAINT {constraint} {definition}"
        if constraint
        else index_definition
        for _, index_definition, table, constraint, definition in indexes
    )


# --- Finding and deleting -------------------------------------------------------------------
def scale_organisations() -> models.QuerySet:
    return Organisation.objects.filter(email__endswith=f"@{SCALE_EMAIL_DOMAIN}")


def scale_users() -> models.QuerySet:
    return User.objects.filter(
        username__startswith=USERNAME_PREFIX, email__endswith=f"@{SCALE_EMAIL_DOMAIN}"
    )


def scale_data_exists() -> bool:
    return scale_users().exists() or scale_organisations().exists()


@transaction.atomic
def scale_data_delete() -> dict[str, int]:
    """Delete the generated people and organisations with what refers to them, in a few
    set-based statements (the ORM's delete() would load and audit-log every row)."""
    organisations, users = scale_organisations(), scale_users()
    bulk = (
        connection.vendor == "postgresql"
        and organisations.count() + users.count() >= BULK_LOAD_MIN_ROWS
    )
    # Each deleted row is otherwise checked against every table that may refer to it, at
    # COMMIT: 2.3 million checks, 18 s, for the national-scale actors.
    tables = [Organisation._meta.db_table, User._meta.db_table] if bulk else []
    with _foreign_keys_dropped(tables, referencing=True):
        return {
            "organisations": _delete_with_dependants(organisations),
            "people": _delete_with_dependants(users),
        }


def _delete_with_dependants(queryset: models.QuerySet, depth: int = 0) -> int:
    """What CASCADE would delete is deleted first and SET_NULL references are cleared, as
    Django's collector does, but without loading rows or sending signals. PROTECT stays:
    the database then refuses, as it should."""
    if depth > 4:
        raise ScaleDataError(f"Cascade too deep at {queryset.model.__name__}")
    for relation in queryset.model._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete) or relation.many_to_many:
            continue
        dependants = relation.related_model._base_manager.filter(
            **{f"{relation.field.name}__in": queryset.values("pk")}
        )
        if relation.on_delete is models.CASCADE:
            _delete_with_dependants(dependants, depth + 1)
        elif relation.on_delete is models.SET_NULL:
            dependants.update(**{relation.field.name: None})
    return queryset._raw_delete(queryset.db)


# --- The whole job --------------------------------------------------------------------------
@dataclass
class ScaleResult:
    organisations: int
    with_business_id: int
    municipality_links: int
    theme_links: int
    target_group_links: int
    people: int
    memberships: int
    replaced: dict[str, int] | None


def scale_data_generate(
    *,
    seed: int,
    organisations: int = ORGANISATIONS,
    people: int = PEOPLE,
    replace: bool = False,
) -> ScaleResult:
    """Generate and write the national-scale actors in one transaction. Refuses when
    generated data is already there, unless `replace`, which deletes it first.

    On PostgreSQL the organisation and user tables are locked against other writers for the
    duration, and for a national-scale load all of the written tables (and the ones they
    refer to) are briefly closed to readers too, while indexes and keys are rebuilt."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Nobody else inserts while ids are reserved and rows written; reads go on.
            tables = ", ".join(
                connection.ops.quote_name(m._meta.db_table) for m in (Organisation, User)
            )
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")
        replaced = None
        if scale_data_exists():
            if not replace:
                raise ScaleDataError(
                    "Scale data already exists (people named "
                    f"{USERNAME_PREFIX}…, e-mail @{SCALE_EMAIL_DOMAIN}). "
                    "Use --replace to delete it and generate it again."
                )
            replaced = scale_data_delete()
        context = scale_context_load(organisations=organisations, people=people)
        data = scale_data_build(
            seed=seed, context=context, organisations=organisations, people=people
        )
        scale_data_write(data)
    organisation_rows = data.organisations.rows
    business_id_column = data.organisations.columns.index("business_id")
    return ScaleResult(
        organisations=len(organisation_rows),
        with_business_id=sum(1 for row in organisation_rows if row[business_id_column]),
        municipality_links=len(data.organisation_municipalities.rows),
        theme_links=len(data.organisation_themes.rows),
        target_group_links=len(data.organisation_target_groups.rows),
        people=len(data.users.rows),
        memberships=len(data.memberships.rows),
        replaced=replaced,
    )

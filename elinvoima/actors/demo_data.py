"""The demo data: the municipalities, organisations and roles of the seeds, with made-up
people. Every name of a person here is invented; the organisations are those the seeds
name (seed 000: Utajärvi and Vaala, seed 001: Lapinjärvi, Asikkala and Päijät-Häme,
seed 003: Keski-Suomi's regional workshops). Where a seed gives a count or a kind but no
names (Utajärvi's nine village associations, Lapinjärvi's sports clubs), the names are
made up for the demo and say so where they are given."""

from elinvoima.actors.enums import OrganisationKind as Kind
from elinvoima.actors.enums import Role

UTAJARVI, VAALA, LAPINJARVI, ASIKKALA = "889", "785", "407", "016"
POHJOIS_POHJANMAA, PAIJAT_HAME, KESKI_SUOMI, ITA_UUSIMAA = "19", "9", "15", "1"

# Utajärvi's villages after Sanginsuu are real villages of Utajärvi, not named in seed 000:
# they are the homes of the seven village associations the seed counts but does not name.
UTAJARVI_MORE_VILLAGES = [
    "Rokua",
    "Sotkajärvi",
    "Särkijärvi",
    "Kytökylä",
    "Niskankylä",
    "Utosjärvi",
    "Alakylä",
]
VILLAGES = {
    UTAJARVI: [
        ("Juorkuna", "Juorkuna"),
        ("Ahmas", "Ahmas"),
        ("Sanginsuu", "Sanginsuu"),
        *[(name, name) for name in UTAJARVI_MORE_VILLAGES],
    ],
    VAALA: [("Oterma", "Oterma"), ("Jylhämä", "Jylhämä"), ("Säräisniemi", "Säräisniemi")],
    LAPINJARVI: [("Porlammi", "Porlom"), ("Ingermaninkylä", "Ingermansby"), ("Pukaro", "Pockar")],
}

# key: (names fi/sv, kind, home municipality, municipalities of operation, county, extra)
ORGANISATIONS = {
    "utajarvi-sivistys": {
        "name_fi": "Utajärven kunta, sivistys- ja hyvinvointipalvelut",
        "name_sv": "Utajärvi kommun, bildnings- och välfärdstjänster",
        "kind": Kind.MUNICIPAL_DEPARTMENT,
        "municipality": UTAJARVI,
        "parent": ("municipality", UTAJARVI),
    },
    "reuma-utajarvi": {
        "themes": ["peer_support", "physical_activity", "inclusion"],
        "target_groups": ["older_people", "working_age"],
        "regular_activities_fi": "Tuolijumppa tiistaisin klo 10 seurakuntatalolla. "
        "Vesijumppa torstaisin.",
        "name_fi": "Utajärven reumayhdistys ry",
        "name_sv": "Utajärvi reumaförening rf",
        "kind": Kind.ASSOCIATION,
        "municipality": UTAJARVI,
        "register_number": "148.512",
        "description_fi": "Reumaa sairastavien ja heidän läheistensä yhdistys. Vertaistukea, "
        "liikuntaa, virkistysmatkoja ja rollaattorimarssi laidunkauden avajaisiin.",
        "description_sv": "Förening för personer med reumatism och deras närstående.",
    },
    "juorkuna": {
        "themes": ["village_development", "inclusion"],
        "target_groups": ["everyone"],
        "villages": ["Juorkuna"],
        # The activities of the village associations are made up for the demo.
        "regular_activities_fi": "Kylätalon kahvila sunnuntaisin klo 12–15. "
        "Kesäkuussa kylän kesätapahtuma.",
        "regular_activities_sv": "Bystugans kafé på söndagar kl. 12–15. "
        "Byns sommarevenemang i juni.",
        "name_fi": "Juorkunan kyläyhdistys ry",
        "name_sv": "Juorkuna byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": UTAJARVI,
        "register_number": "163.204",
    },
    "ahmas": {
        "themes": ["village_development", "culture"],
        "target_groups": ["everyone"],
        "villages": ["Ahmas"],
        "regular_activities_fi": "Kyläilta ja yhteislaulua kylätalolla kerran kuussa. "
        "Heinäkuussa kesäteatteri.",
        "regular_activities_sv": "Bykväll med allsång i bystugan en gång i månaden. "
        "Sommarteater i juli.",
        "name_fi": "Ahmaksen kyläyhdistys ry",
        "name_sv": "Ahmas byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": UTAJARVI,
        "register_number": "171.889",
    },
    # The seven village associations of Utajärvi that seed 000 counts ("kyläyhdistykset
    # (9 kpl)", with Juorkuna and Ahmas above) but does not name: the villages are real, the
    # associations, their activities and themes are made up for the demo.
    "rokua": {
        "themes": ["village_development", "environment"],
        "target_groups": ["everyone"],
        "villages": ["Rokua"],
        "regular_activities_fi": "Kyläilta kylätalolla kuukauden ensimmäisenä tiistaina klo 18. "
        "Talvella latujen talkoot.",
        "regular_activities_sv": "Bykväll i bystugan första tisdagen i månaden kl. 18. "
        "På vintern talko för skidspåren.",
        "name_fi": "Rokuan kyläyhdistys ry",
        "name_sv": "Rokua byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": UTAJARVI,
    },
    "sotkajarvi": {
        "themes": ["village_development", "inclusion"],
        "target_groups": ["everyone"],
        "villages": ["Sotkajärvi"],
        "regular_activities_fi": "Kyläkahvila keskiviikkoisin klo 10–12 kylätalolla. "
        "Kesällä kylän yhteinen juhannusjuhla.",
        "regular_activities_sv": "Bykafé på onsdagar kl. 10–12 i bystugan. "
        "På sommaren byns gemensamma midsommarfest.",
        "name_fi": "Sotkajärven kyläyhdistys ry",
        "name_sv": "Sotkajärvi byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": UTAJARVI,
    },
    "sarkijarvi": {
        "themes": ["village_development", "volunteering"],
        "target_groups": ["everyone"],
        "villages": ["Särkijärvi"],
        "regular_activities_fi": "Kyläilta joka toinen torstai klo 18. "
        "Kylätalon talkoot keväällä ja syksyllä.",
        "regular_activities_sv": "Bykväll varannan torsdag kl. 18. "
        "Talko i bystugan på våren och hösten.",
        "name_fi": "Särkijärven kyläyhdistys ry",
        "name_sv": "Särkijärvi byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": UTAJARVI,
    },
    "kytokyla": {
        "themes": ["village_development", "culture"],
        "target_groups": ["everyone"],
        "villages": ["Kytökylä"],
        "regular_activities_fi": "Käsityö- ja jutturinki maanantaisin klo 13 kylätalolla. "
        "Yhteiskyyti kirkonkylän tapahtumiin.",
        "regular_activities_sv": "Handarbets- och samtalsring på måndagar kl. 13 i bystugan. "
        "Samåkning till evenemang i kyrkbyn.",
        "name_fi": "Kytökylän kyläyhdistys ry",
        "name_sv": "Kytökylä byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": UTAJARVI,
    },
    "niskankyla": {
        "themes": ["village_development", "culture"],
        "target_groups": ["everyone"],
        "villages": ["Niskankylä"],
        "regular_activities_fi": "Kyläilta ja yhteislaulua kuukauden viimeisenä perjantaina. "
        "Kesällä uimarannan talkoot.",
        "regular_activities_sv": "Bykväll med allsång sista fredagen i månaden. "
        "På sommaren talko vid badstranden.",
        "name_fi": "Niskankylän kyläyhdistys ry",
        "name_sv": "Niskankylä byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": UTAJARVI,
    },
    "utosjarvi": {
        "themes": ["village_development", "environment"],
        "target_groups": ["everyone"],
        "villages": ["Utosjärvi"],
        "regular_activities_fi": "Tupailta kylätalolla yhtenä lauantaina kuussa. "
        "Syksyllä yhteiset marjaretket.",
        "regular_activities_sv": "Stugkväll i bystugan en lördag i månaden. "
        "På hösten gemensamma bärutflykter.",
        "name_fi": "Utosjärven kyläyhdistys ry",
        "name_sv": "Utosjärvi byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": UTAJARVI,
    },
    "alakyla": {
        "themes": ["village_development", "volunteering", "safety"],
        "target_groups": ["everyone"],
        "villages": ["Alakylä"],
        "regular_activities_fi": "Kahvitupa avoinna torstaisin klo 10–13. "
        "Naapuriapua ja kauppakassien kuljetus talkoovoimin.",
        "regular_activities_sv": "Kaffestugan öppen på torsdagar kl. 10–13. "
        "Grannhjälp och hemkörning av matkassar på talko.",
        "name_fi": "Alakylän kyläyhdistys ry",
        "name_sv": "Alakylä byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": UTAJARVI,
    },
    "utajarvi-parish": {
        "themes": ["spiritual", "volunteering"],
        "target_groups": ["everyone"],
        "name_fi": "Utajärven seurakunta",
        "name_sv": "Utajärvi församling",
        "kind": Kind.PARISH,
        "municipality": UTAJARVI,
        "business_id": "0205401-0",
    },
    "utajarvi-yrityspuisto": {
        "name_fi": "Utajärven Yrityspuisto Oy",
        "name_sv": "Utajärven Yrityspuisto Oy",
        "kind": Kind.COMPANY,
        "municipality": UTAJARVI,
        "business_id": "2234567-5",
    },
    "oulunkaari": {
        "name_fi": "Oulunkaaren kuntayhtymä",
        "name_sv": "Samkommunen Oulunkaari",
        "kind": Kind.JOINT_MUNICIPAL_AUTHORITY,
        "municipality": UTAJARVI,
        "operates_in": [UTAJARVI, VAALA],
        "business_id": "2101234-2",
    },
    "mll-vaala": {
        "themes": ["inclusion", "volunteering"],
        "target_groups": ["children_and_families"],
        "regular_activities_fi": "Perhekahvila perjantaisin klo 9.30–11.",
        "name_fi": "MLL Vaalan yhdistys ry",
        "name_sv": "MLL Vaala förening rf",
        "kind": Kind.ASSOCIATION,
        "municipality": VAALA,
        "register_number": "102.377",
        "description_fi": "Mannerheimin Lastensuojeluliiton paikallisyhdistys: perhekahvilat, "
        "kerhot ja vapaaehtoistoiminta lapsiperheiden hyväksi.",
        "description_sv": "Lokalförening för Mannerheims Barnskyddsförbund.",
    },
    "vaala-parish": {
        "name_fi": "Vaalan seurakunta",
        "name_sv": "Vaala församling",
        "kind": Kind.PARISH,
        "municipality": VAALA,
        "business_id": "1934561-5",
    },
    "oterma": {
        "themes": ["village_development", "safety"],
        "target_groups": ["everyone", "older_people"],
        "villages": ["Oterma"],
        "name_fi": "Oterman kyläyhdistys ry",
        "name_sv": "Oterma byaförening rf",
        "kind": Kind.VILLAGE_ASSOCIATION,
        "municipality": VAALA,
        "register_number": "188.020",
    },
    "vaala-sports": {
        "themes": ["physical_activity"],
        "target_groups": ["children_and_families", "young_people"],
        "name_fi": "Vaalan Urheilijat ry",
        "name_sv": "Vaala idrottare rf",
        "kind": Kind.SPORTS_CLUB,
        "municipality": VAALA,
        "register_number": "119.640",
    },
    "lapinjarvi-sivistys": {
        "name_fi": "Lapinjärven kunta, sivistys- ja hyvinvointipalvelut",
        "name_sv": "Lappträsk kommun, bildnings- och välfärdstjänster",
        "kind": Kind.MUNICIPAL_DEPARTMENT,
        "municipality": LAPINJARVI,
        "parent": ("municipality", LAPINJARVI),
    },
    "lapinjarvi-martat": {
        "themes": ["nutrition", "learning"],
        "target_groups": ["everyone"],
        "villages": ["Porlammi"],
        "name_fi": "Lapinjärven Martat ry",
        "name_sv": "Lappträsk Martha rf",
        "kind": Kind.ASSOCIATION,
        "municipality": LAPINJARVI,
        "register_number": "135.777",
    },
    "lapinjarvi-yritykset": {
        "themes": ["employment"],
        "target_groups": ["working_age"],
        "name_fi": "Lapinjärven yritykset ry",
        "name_sv": "Lappträsk företagare rf",
        "kind": Kind.ASSOCIATION,
        "municipality": LAPINJARVI,
        "register_number": "156.310",
    },
    "agricola-parish": {
        "name_fi": "Agricolan seurakunta",
        "name_sv": "Agricola församling",
        "kind": Kind.PARISH,
        "municipality": LAPINJARVI,
        "operates_in": [LAPINJARVI],
        "business_id": "2896011-8",
    },
    "loviisa-opisto": {
        "name_fi": "Loviisan kansalaisopisto",
        "name_sv": "Lovisa medborgarinstitut",
        "kind": Kind.EDUCATIONAL_INSTITUTION,
        "municipality": LAPINJARVI,
    },
    # Seed 001 names Lapinjärvi's partners in health promotion: the council for older
    # people and persons with disabilities ("Vanhus- ja vammaisneuvosto", one council) and
    # the youth council Nuva among the municipal actors, sports clubs, the cultural
    # association and MLL among the associations. There is no kind for a municipal
    # council: "other", under the municipality. The sports club's name is made up (the seed
    # says "Liikuntaseurat"), as are the descriptions.
    "lapinjarvi-vanhusneuvosto": {
        "themes": ["inclusion"],
        "target_groups": ["older_people"],
        "name_fi": "Lapinjärven vanhus- ja vammaisneuvosto",
        "name_sv": "Lappträsk råd för äldre och personer med funktionsnedsättning",
        "kind": Kind.OTHER,
        "municipality": LAPINJARVI,
        "parent": ("municipality", LAPINJARVI),
        "description_fi": "Kunnan vaikuttamistoimielin, joka tuo ikääntyneiden ja vammaisten "
        "kuntalaisten näkemykset kunnan päätösten valmisteluun.",
        "description_sv": "Kommunens påverkansorgan som för fram synpunkterna från äldre och "
        "från personer med funktionsnedsättning när kommunens beslut bereds.",
    },
    "lapinjarvi-nuva": {
        "themes": ["inclusion"],
        "target_groups": ["young_people"],
        "name_fi": "Lapinjärven nuorisovaltuusto Nuva",
        "name_sv": "Lappträsk ungdomsfullmäktige Nuva",
        "kind": Kind.OTHER,
        "municipality": LAPINJARVI,
        "parent": ("municipality", LAPINJARVI),
        "description_fi": "Nuorten vaikuttamistoimielin, joka tuo nuorten äänen kunnan "
        "päätöksentekoon.",
        "description_sv": "De ungas påverkansorgan, som för fram de ungas röst i kommunens "
        "beslutsfattande.",
    },
    "lapinjarvi-liikunta": {
        "themes": ["physical_activity"],
        "target_groups": ["everyone"],
        "name_fi": "Lapinjärven Liikuntaseura ry",
        "name_sv": "Lappträsk Idrottsförening rf",
        "kind": Kind.SPORTS_CLUB,
        "municipality": LAPINJARVI,
    },
    "lapinjarvi-kulttuuri": {
        "themes": ["culture"],
        "target_groups": ["everyone"],
        "name_fi": "Lapinjärven kulttuuriyhdistys ry",
        "name_sv": "Lappträsk kulturförening rf",
        "kind": Kind.ASSOCIATION,
        "municipality": LAPINJARVI,
    },
    "lapinjarvi-mll": {
        "themes": ["inclusion", "volunteering"],
        "target_groups": ["children_and_families"],
        "name_fi": "MLL Lapinjärven yhdistys ry",
        "name_sv": "MLL Lappträsk förening rf",
        "kind": Kind.ASSOCIATION,
        "municipality": LAPINJARVI,
    },
    "lapinjarvi-terveysasema": {
        "name_fi": "Lapinjärven terveysasema",
        "name_sv": "Lappträsk hälsostation",
        "kind": Kind.WELLBEING_COUNTY_UNIT,
        "municipality": LAPINJARVI,
        "county": ITA_UUSIMAA,
        "parent": ("county", ITA_UUSIMAA),
    },
    "asikkala-liikunta": {
        "themes": ["physical_activity", "health"],
        "target_groups": ["everyone"],
        "name_fi": "Asikkalan Raikas ry",
        "name_sv": "Asikkala Raikas rf",
        "kind": Kind.SPORTS_CLUB,
        "municipality": ASIKKALA,
        "register_number": "127.455",
    },
    "paijathame-hyte": {
        "name_fi": "Päijät-Hämeen hyvinvointialue, hyte- ja yhdyspintatyön yksikkö",
        "name_sv": "Päijänne-Tavastlands välfärdsområde, enheten för välfärd och gränsytor",
        "kind": Kind.WELLBEING_COUNTY_UNIT,
        "municipality": None,
        "operates_in": [ASIKKALA],
        "county": PAIJAT_HAME,
        "parent": ("county", PAIJAT_HAME),
    },
    "kyt": {
        "themes": ["inclusion", "volunteering"],
        "target_groups": ["everyone"],
        "name_fi": "Keski-Suomen Yhteisöjen Tuki ry",
        "name_sv": "Keski-Suomen Yhteisöjen Tuki ry",
        "kind": Kind.REGIONAL_SUPPORT_BODY,
        "municipality": "179",
        "county": KESKI_SUOMI,
        "register_number": "174.650",
        "description_fi": "Keski-Suomen järjestöjen tuki: elinvoimapajat ja KYT-järjestöpalvelut.",
        "description_sv": "Stöd för organisationerna i Mellersta Finland.",
    },
}

# Where an organisation key is ("municipality", code) or ("county", code), the membership
# is with the organisation that acts for that municipality or county itself.
DEMO_ACCOUNTS = [
    {
        "username": "admin",
        "first_name": "Aino",
        "last_name": "Ylläpito",
        "superuser": True,
        "memberships": [],
        "description": "platform admin",
    },
    {
        "username": "hyte.utajarvi",
        "networks": [("Utajärven elinvoimaryhmä", "standing_member")],
        "first_name": "Sanna",
        "last_name": "Kemppainen",
        "memberships": [(("municipality", UTAJARVI), Role.COORDINATOR, "hyvinvointijohtaja")],
        "description": "welfare coordinator, Utajärvi",
    },
    {
        "username": "hyte.vaala",
        "networks": [
            ("Vaalan ikäkausiverkosto: lapset ja lapsiperheet", "chair"),
            ("Vaalan ikäkausiverkosto: nuoret", "chair"),
            ("Vaalan ikäkausiverkosto: työikäiset", "chair"),
            ("Vaalan ikäkausiverkosto: ikäihmiset", "chair"),
            ("Vaalan hyvinvointijohtoryhmä", "secretary"),
        ],
        "first_name": "Jukka",
        "last_name": "Leinonen",
        "memberships": [(("municipality", VAALA), Role.COORDINATOR, "hyvinvointijohtaja")],
        "description": "welfare coordinator, Vaala",
    },
    {
        "username": "hyte.lapinjarvi",
        "networks": [
            ("Lapinjärven hyvinvoinnin ja terveyden edistämisen monialainen työryhmä", "chair")
        ],
        "first_name": "Annika",
        "last_name": "Lindholm",
        "memberships": [
            (("municipality", LAPINJARVI), Role.COORDINATOR, "sivistys- ja hyvinvointijohtaja")
        ],
        "description": "welfare coordinator, Lapinjärvi",
    },
    {
        "username": "hyte.asikkala",
        "networks": [("Hyvinvointikoordinaattoreiden verkosto", "member")],
        "first_name": "Minna",
        "last_name": "Salonen",
        "memberships": [
            (("municipality", ASIKKALA), Role.COORDINATOR, "hyvinvointikoordinaattori")
        ],
        "description": "welfare coordinator, Asikkala",
    },
    {
        "username": "toimiala.utajarvi",
        "networks": [("Utajärven elinvoimaryhmä", "member")],
        "first_name": "Kari",
        "last_name": "Pohjola",
        "memberships": [("utajarvi-sivistys", Role.OFFICIAL, "sivistystoimenjohtaja")],
        "description": "municipal official, Utajärvi",
    },
    {
        "username": "yhdistys.reuma",
        "networks": [("Utajärven elinvoimaryhmä", "member")],
        "first_name": "Pertti",
        "last_name": "Honkanen",
        "memberships": [
            ("reuma-utajarvi", Role.ASSOCIATION_REPRESENTATIVE, "puheenjohtaja, yhdistysagentti")
        ],
        "description": "association representative, Utajärven reumayhdistys",
    },
    {
        "username": "yhdistys.mll",
        "networks": [("Vaalan ikäkausiverkosto: lapset ja lapsiperheet", "member")],
        "first_name": "Hilkka",
        "last_name": "Karjalainen",
        "memberships": [("mll-vaala", Role.ASSOCIATION_REPRESENTATIVE, "hallituksen jäsen")],
        "description": "association representative, MLL Vaalan yhdistys",
    },
    {
        "username": "hva.paijathame",
        "networks": [
            ("Hyvinvointikoordinaattoreiden verkosto", "chair"),
            ("Monialainen hyte-ryhmä", "secretary"),
        ],
        "first_name": "Riikka",
        "last_name": "Lehtinen",
        "memberships": [
            ("paijathame-hyte", Role.COUNTY_OFFICIAL, "alueellinen hyvinvointikoordinaattori")
        ],
        "description": "county HYTE official, Päijät-Häme",
    },
    {
        "username": "valtuutettu.vaala",
        "networks": [("Vaalan ikäkausiverkosto: ikäihmiset", "member")],
        "first_name": "Esko",
        "last_name": "Pyykkönen",
        "memberships": [(("municipality", VAALA), Role.COUNCILLOR, "valtuutettu")],
        "description": "councillor, Vaala",
    },
    {
        "username": "pajat.keskisuomi",
        "first_name": "Leena",
        "last_name": "Hämäläinen",
        "memberships": [("kyt", Role.WORKSHOP_ORGANISER, "elinvoimapajojen vastuuhenkilö")],
        "description": "workshop organiser, Keski-Suomi",
    },
    {
        "username": "liikuntaneuvoja.lapinjarvi",
        "networks": [
            ("Lapinjärven hyvinvoinnin ja terveyden edistämisen monialainen työryhmä", "member")
        ],
        "first_name": "Mikael",
        "last_name": "Åberg",
        "memberships": [("lapinjarvi-sivistys", Role.EXERCISE_COUNSELLOR, "liikuntaneuvoja")],
        "description": "exercise counsellor, Lapinjärvi",
    },
    {
        "username": "laakari.lapinjarvi",
        "first_name": "Helena",
        "last_name": "Virtanen",
        "memberships": [("lapinjarvi-terveysasema", Role.REFERRING_PROFESSIONAL, "lääkäri")],
        "description": "referring professional (doctor), Itä-Uusimaa",
    },
]

# People of the seeds' groups who have no demo login (their password is unusable), in the
# shape of DEMO_ACCOUNTS. Seed 000 gives the roles of Utajärvi's vitality group: chaired by
# the municipal manager, presented by the culture secretary, minuted by the office
# secretary, the planner a permanent member. The names are invented.
PEOPLE_WITHOUT_LOGIN = [
    {
        # Seed 000: Vaala's age-group networks have "aktiivisia kuntalaisia ilman mitään
        # taustatahoa" — a resident who represents no organisation.
        "username": "kuntalainen.vaala",
        "networks": [("Vaalan ikäkausiverkosto: ikäihmiset", "member")],
        "first_name": "Aili",
        "last_name": "Heikkinen",
        "memberships": [],
    },
    {
        "username": "kunnanjohtaja.utajarvi",
        "networks": [("Utajärven elinvoimaryhmä", "chair")],
        "first_name": "Marketta",
        "last_name": "Väyrynen",
        "memberships": [(("municipality", UTAJARVI), Role.OFFICIAL, "kunnanjohtaja")],
    },
    {
        "username": "toimistosihteeri.utajarvi",
        "networks": [("Utajärven elinvoimaryhmä", "secretary")],
        "first_name": "Tiina",
        "last_name": "Kokkonen",
        "memberships": [(("municipality", UTAJARVI), Role.OFFICIAL, "toimistosihteeri")],
    },
    {
        "username": "kulttuurisihteeri.utajarvi",
        "networks": [("Utajärven elinvoimaryhmä", "presenter")],
        "first_name": "Eeva",
        "last_name": "Keränen",
        "memberships": [(("municipality", UTAJARVI), Role.OFFICIAL, "kulttuurisihteeri")],
    },
    {
        "username": "suunnittelija.utajarvi",
        "networks": [("Utajärven elinvoimaryhmä", "standing_member")],
        "first_name": "Ville",
        "last_name": "Jokela",
        "memberships": [(("municipality", UTAJARVI), Role.OFFICIAL, "suunnittelija")],
    },
]

# Seed 001, "Päijät-Hämeen keskeiset yhdyspinnat ja Asikkalan sekä hyvinvointialueen
# yhteyshenkilöt 2024": (interface theme, the county's contact, Asikkala's contact), as in
# the seed, misprints included.
ASIKKALA_INTERFACES = [
    ("employment", "Tulosaluejohtaja, työikäisten palvelut", "Työllisyysvastaava"),
    ("ageing", "Tulosaluejohtaja, ikääntyneiden asiakasohjaus", "Hyvinvointikoordinaattori"),
    ("inclusion", "Johtaja, Verso", "Hyvinvointikoordinaattori"),
    ("health_promotion", "Johtaja, hyte- ja yhdyspintatyö", "Hyvinvointijohtaja"),
    ("cultural_wellbeing", "Toimialajohtaja, perhe- ja sosiaalipalvelut", "Kirjastojohtaja"),
    ("nutrition", "Ravitsemusterapeutti, ravitsemusyksikkö", "Tukipalvelupäällikkö"),
    ("physical_activity", "Asiantuntija, hyte- ja yhdyspintatyö", "Liikuntavastaava"),
    (
        "preventive_work",
        "Ehkäisevän työn koordinaattori, hyte- ja yhdyspintatyö",
        "Hyvinvointikoordinaattori",
    ),
    ("education", "Toimialajohtaja, perhe- ja sosiaalipalvelut", "Sivistysjohtaja"),
    ("pupil_welfare_families", "Tulosaluejohtaja, lapsiperhepalvelut", "Sivistysjohtaja"),
    ("leisure", "Järjestökoordinaattori, hyte- ja yhdyspintatyö", "Hyvinvointikoordinaattori"),
    (
        "preparedness_safety",
        "Riskienhallinta- ja turvallisuuspäällikkö Ja valmiuspäällikkö, tukipalvelut",
        "Kunnanjohtaja",
    ),
    ("public_transport", "Tulosaluejohtaja, vammaispalvelut", "Talospäällikkö"),
    ("housing_environment", "Asumisen kehittämisen päällikkö", "Hyvinvointikoordinaattori"),
    ("livelihood", "Tulosaluejohtaja, työikäisten palvelut", "Hyvinvointikoordinaattori"),
    (
        "integration_immigration",
        "Toimialajohtaja, perhe- ja sosiaalipalvelut",
        "Hyvinvointikoordinaattori",
    ),
]
# The county names the same roles for each of its municipalities.
PAIJAT_HAME_COUNTY_CONTACTS = {theme: county for theme, county, _ in ASIKKALA_INTERFACES}
# Invented partial tables of other Päijät-Häme municipalities, so that the county's matrix
# shows gaps: (county themes named, the municipality's own contacts by theme).
OTHER_INTERFACES = {
    "398": (  # Lahti: nearly complete
        list(PAIJAT_HAME_COUNTY_CONTACTS),
        {
            "employment": "Työllisyyspalveluiden johtaja",
            "ageing": "Ikäihmisten palvelujen kehittämispäällikkö",
            "inclusion": "Osallisuuskoordinaattori",
            "health_promotion": "Hyvinvointijohtaja",
            "cultural_wellbeing": "Kulttuurijohtaja",
            "nutrition": "Ruokapalvelupäällikkö",
            "physical_activity": "Liikuntajohtaja",
            "preventive_work": "Ehkäisevän päihdetyön koordinaattori",
            "education": "Sivistysjohtaja",
            "pupil_welfare_families": "Opetusjohtaja",
            "leisure": "Nuorisopalvelujen päällikkö",
            "preparedness_safety": "Turvallisuuspäällikkö",
            "housing_environment": "Asumisen asiantuntija",
            "integration_immigration": "Maahanmuuttokoordinaattori",
        },
    ),
    "098": (  # Hollola: the county complete, the municipality half way
        list(PAIJAT_HAME_COUNTY_CONTACTS),
        {
            "health_promotion": "Hyvinvointikoordinaattori",
            "physical_activity": "Liikuntapäällikkö",
            "education": "Sivistysjohtaja",
            "pupil_welfare_families": "Sivistysjohtaja",
            "leisure": "Vapaa-aikapäällikkö",
            "preparedness_safety": "Kunnanjohtaja",
            "employment": "Elinvoimajohtaja",
        },
    ),
    "111": (  # Heinola: both sides only started
        ["health_promotion", "physical_activity", "preventive_work", "leisure"],
        {
            "health_promotion": "Hyvinvointipäällikkö",
            "integration_immigration": "Maahanmuuttotyön koordinaattori",
        },
    ),
    "781": (  # Sysmä: only the municipality has named its contacts
        [],
        {"health_promotion": "Vapaa-aikasihteeri", "education": "Sivistystoimenjohtaja"},
    ),
}
# County contacts whose role names the unit belong to it; Asikkala's coordinator rows are
# the demo coordinator's.
INTERFACE_COUNTY_UNIT = ("paijathame-hyte", "hyte- ja yhdyspintatyö")
INTERFACE_COORDINATOR = ("hyte.asikkala", "Hyvinvointikoordinaattori")

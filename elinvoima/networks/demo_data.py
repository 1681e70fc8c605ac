"""The demo networks of the seeds: who coordinates them, which organisations take part, and
the interface each regional network of seed 001 works on. Accounts' network roles are in
actors.demo_data.DEMO_ACCOUNTS ("networks")."""

from elinvoima.actors.demo_data import LAPINJARVI, PAIJAT_HAME, UTAJARVI, VAALA

# Seed 000: "kyläyhdistykset (9 kpl)" in Utajärvi's vitality group (the organisations of
# actors.demo_data; seven of the names are made up, as said there).
UTAJARVI_VILLAGE_ASSOCIATIONS = [
    "juorkuna",
    "ahmas",
    "rokua",
    "sotkajarvi",
    "sarkijarvi",
    "kytokyla",
    "niskankyla",
    "utosjarvi",
    "alakyla",
]

# Networks of the seeds: (key, fi, sv, kind, municipality, county, coordinator, members)
NETWORKS = [
    {
        "name_fi": "Utajärven elinvoimaryhmä",
        "name_sv": "Utajärvi livskraftsgrupp",
        "kind": "vitality_group",
        "municipality": UTAJARVI,
        "coordinator": ("municipality", UTAJARVI),
        "members": [
            "reuma-utajarvi",
            "utajarvi-parish",
            "utajarvi-yrityspuisto",
            "oulunkaari",
            "utajarvi-sivistys",
            *UTAJARVI_VILLAGE_ASSOCIATIONS,
        ],
        # Seed 000. The chair (the municipal manager), the presenter (the culture secretary),
        # the secretary (the office secretary, who writes the minutes) and the standing
        # official members are network roles of people (actors.demo_data).
        "mandate_fi": "Kokoaa kuntalaisnäkemyksiä.\n"
        "Tukee kunnan palveluiden kehittämistä ja päätöksenteon valmistelua mm. "
        "ennakkoarviointimenetelmää hyödyntäen.\n"
        "Edistää alueen työllisyyttä ja yritystoimintaa.\n"
        "Kehittää mökkiläistoimintaa ja vapaa-ajan asukkaiden osallisuutta kunnan "
        "kehittämiseen.\n"
        "Kehittää alueellista elinvoimaa.",
        "mandate_sv": "Samlar invånarnas synpunkter.\n"
        "Stöder utvecklingen av kommunens tjänster och beredningen av beslut, bland annat "
        "med förhandsbedömning.\n"
        "Främjar sysselsättningen och företagandet i området.\n"
        "Utvecklar verksamheten för stugägare och fritidsinvånarnas delaktighet i "
        "kommunens utveckling.\n"
        "Utvecklar den regionala livskraften.",
        "description_fi": "Ryhmä, jossa järjestöagentit, seurakunta, yritykset ja kyläyhdistykset "
        "edistävät yhdessä kunnan elinvoimaa ja hyvinvointia. Puheenjohtajana kunnanjohtaja, "
        "esittelijänä kulttuurisihteeri; toimistosihteeri kirjaa pöytäkirjan. Pysyvinä "
        "viranhaltijajäseninä suunnittelija ja hyvinvointijohtaja; jäseninä järjestöagentit, "
        "seurakunnan ja yritysten edustajat sekä yhdeksän kyläyhdistystä.",
        "description_sv": "En grupp där föreningsagenterna, församlingen, företagen och "
        "byaföreningarna tillsammans främjar kommunens livskraft och välfärd. Ordförande är "
        "kommundirektören och föredragande kultursekreteraren; byråsekreteraren för "
        "protokollet. Ständiga medlemmar bland tjänsteinnehavarna är planeraren och "
        "välfärdsdirektören; medlemmar är föreningsagenterna, representanter för församlingen "
        "och företagen samt nio byaföreningar.",
    },
    *[
        {
            "name_fi": f"Vaalan ikäkausiverkosto: {fi}",
            "name_sv": f"Vaala åldersgruppsnätverk: {sv}",
            "kind": "age_group_network",
            "municipality": VAALA,
            "coordinator": ("municipality", VAALA),
            "members": members,
            # Seed 000: the networks gather residents' experience into plans and record
            # the measures they agreed in the welfare plan.
            "mandate_fi": "Kokoaa kuntalaisten kokemukset suunnitelmiksi.\n"
            "Kirjaa hyvinvointisuunnitelmaan sovitut toimenpiteet, toteuttajat ja "
            "toteutuman.\n"
            "Tekee esitykset järjestöjen toiminta-avustuksista osallistavalla "
            "budjetoinnilla.",
            "mandate_sv": "Samlar invånarnas erfarenheter till planer.\n"
            "För in de överenskomna åtgärderna, genomförarna och utfallet i "
            "välfärdsplanen.\n"
            "Lägger fram förslag om föreningarnas verksamhetsbidrag genom deltagande "
            "budgetering.",
        }
        for fi, sv, members in [
            (
                "lapset ja lapsiperheet",
                "barn och barnfamiljer",
                ["mll-vaala", "vaala-sports", "vaala-parish"],
            ),
            ("nuoret", "unga", ["vaala-sports", "vaala-parish"]),
            ("työikäiset", "personer i arbetsför ålder", ["oterma", "oulunkaari"]),
            ("ikäihmiset", "äldre", ["oterma", "vaala-parish", "oulunkaari"]),
        ]
    ],
    {
        "name_fi": "Vaalan hyvinvointijohtoryhmä",
        "name_sv": "Vaala styrgrupp för välfärd",
        "kind": "steering_group",
        "municipality": VAALA,
        "coordinator": ("municipality", VAALA),
        "members": [],
    },
    # Seed 001, "Kuntatasoisen hyvinvointityön strateginen johtaminen": the steering group
    # leads, the working group prepares, develops and carries out; the partners are those the
    # seed names for health promotion and exercise counselling in Lapinjärvi.
    {
        "name_fi": "Lapinjärven hyvinvoinnin ja terveyden edistämisen monialainen ohjausryhmä",
        "name_sv": "Lappträsk sektorsövergripande styrgrupp för främjande av välfärd och hälsa",
        "kind": "steering_group",
        "municipality": LAPINJARVI,
        "coordinator": "lapinjarvi-sivistys",
        "members": [
            "lapinjarvi-vanhusneuvosto",
            "lapinjarvi-nuva",
            "lapinjarvi-liikunta",
            "lapinjarvi-mll",
            "lapinjarvi-kulttuuri",
            "lapinjarvi-martat",
            "lapinjarvi-yritykset",
            "agricola-parish",
            "loviisa-opisto",
            "lapinjarvi-terveysasema",
        ],
        "description_fi": "Hyvinvointityön strateginen johtaminen.",
        "description_sv": "Strategisk ledning av välfärdsarbetet.",
    },
    {
        "name_fi": "Lapinjärven hyvinvoinnin ja terveyden edistämisen monialainen työryhmä",
        "name_sv": "Lappträsk sektorsövergripande arbetsgrupp för främjande av välfärd och hälsa",
        "kind": "hyte_network",
        "municipality": LAPINJARVI,
        "coordinator": "lapinjarvi-sivistys",
        "members": [
            "lapinjarvi-martat",
            "lapinjarvi-yritykset",
            "agricola-parish",
            "lapinjarvi-liikunta",
            "lapinjarvi-mll",
            "lapinjarvi-kulttuuri",
        ],
        "description_fi": "Poikkihallinnollisen hyvinvointityön valmistelu, kehittäminen ja "
        "toimeenpano.",
        "description_sv": "Beredning, utveckling och genomförande av det sektorsövergripande "
        "välfärdsarbetet.",
    },
    *[
        {
            "name_fi": fi,
            "name_sv": sv,
            "kind": kind,
            "county": PAIJAT_HAME,
            "coordinator": "paijathame-hyte",
            "members": ["asikkala-liikunta"] if kind == "hyte_network" else [],
        }
        for fi, sv, kind in [
            ("Monialainen hyte-ryhmä", "Sektorsövergripande hyte-grupp", "hyte_network"),
            ("Ravitsemusterveys", "Näringshälsa", "hyte_network"),
            ("Terveysliikunta", "Hälsomotion", "hyte_network"),
            ("Kulttuurihyvinvointi", "Kulturell välfärd", "hyte_network"),
            (
                "Ehkäisevän työn koordinaatioryhmä",
                "Samordningsgruppen för förebyggande arbete",
                "preventive_work_network",
            ),
            ("Mielenterveys ja päihteet", "Psykisk hälsa och missbruk", "preventive_work_network"),
            (
                "Digi- ja rahapelaaminen",
                "Digitalt spelande och penningspel",
                "preventive_work_network",
            ),
            ("Lähisuhdeväkivalta", "Våld i nära relationer", "preventive_work_network"),
            (
                "Hyvinvointikoordinaattoreiden verkosto",
                "Välfärdskoordinatorernas nätverk",
                "coordinators_network",
            ),
            ("Yhdyspintaneuvottelukunta", "Delegationen för gränsytor", "advisory_board"),
            ("Järjestöneuvottelukunta", "Organisationsdelegationen", "advisory_board"),
        ]
    ],
]

# The regional networks of seed 001's catalogue by the interface they work on.
NETWORK_INTERFACE_THEMES = {
    "Monialainen hyte-ryhmä": "health_promotion",
    "Ravitsemusterveys": "nutrition",
    "Terveysliikunta": "physical_activity",
    "Kulttuurihyvinvointi": "cultural_wellbeing",
    "Ehkäisevän työn koordinaatioryhmä": "preventive_work",
    "Mielenterveys ja päihteet": "preventive_work",
    "Digi- ja rahapelaaminen": "preventive_work",
    "Lähisuhdeväkivalta": "preventive_work",
    "Hyvinvointikoordinaattoreiden verkosto": "health_promotion",
}

"""Demo plans of the seeds. Päijät-Häme (seed 001): the regional welfare report and plan
2021–2025 with its four hyte-kärjet and their goals, the goal tracking card of the seed,
the separate regional plans, the logic model of preventive work and the first annual hyte
negotiations. Vaala (seed 000): the council-term welfare report with goals by age group and
the annual welfare plan whose measures the age-group networks and associations carry out,
with the yearly evaluation report's recommendations to the networks. Utajärvi (seed 000):
the welfare plan with the strategic goal of the Ikäihmiset card and its three sub-goals,
carried out by the rheumatism association and the village associations (demo_data.py).

What the seeds tell is taken as they tell it; Vaala's goals and measures, Utajärvi's
measures and their implementers, and the decision dates are made up for the demo.
Loaded once: a plan that exists is left as its users edited it.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, TargetGroup, User, WellbeingCounty
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator
from elinvoima.networks.models import Network
from elinvoima.strategy.demo_data import (
    UTAJARVI,
    UTAJARVI_AREA,
    UTAJARVI_PLAN,
    UTAJARVI_STRATEGIC_GOAL,
    UTAJARVI_SUB_GOALS,
    VAALA_REPORT_AREAS,
)
from elinvoima.strategy.enums import (
    ConcernKind,
    DecisionBody,
    DecisionOutcome,
    Direction,
    LogicLevel,
    MeasureStatus,
    PlanKind,
    PlanState,
    StatusLevel,
    TargetComparison,
    Tertial,
)
from elinvoima.strategy.models import (
    EvaluationReport,
    Goal,
    GoalCard,
    GoalCardTask,
    GoalCardUpdate,
    GoalIndicator,
    HyteNegotiation,
    LogicModelEntry,
    Measure,
    MeasureReport,
    Plan,
    PlanConcern,
    PlanDecision,
    PriorityArea,
    Recommendation,
)

PAIJAT_HAME, VAALA = "9", "785"

# Seed 001, "Päijät-Hämeen hyte-kärjet vuosille 2020–2025".
PAIJAT_HAME_PRIORITY_AREAS = [
    (
        "Osallisuus ja yhteisöllisyys",
        "Delaktighet och gemenskap",
        [
            "Kuntalaisten kokemus osallisuudesta ja vaikuttamisesta vahvistuu edellisvuosiin "
            "verrattuna.",
            "Syrjäytymisriskissä olevien määrä on maan keskitasoa pienempi.",
        ],
    ),
    (
        "Mielen hyvinvointi",
        "Psykiskt välbefinnande",
        [
            "Kasvu-, opiskelu- ja elinympäristö tukee mielenterveyttä erilaisissa "
            "elämäntilanteissa ja yhteiskunnan muutoksissa.",
            "Haavoittuvassa asemassa tai elämäntilanteessa olevat tulevat kuulluiksi ja "
            "kohdatuiksi eri tuen ja avun muodoissa.",
        ],
    ),
    (
        "Arjen turvallisuus",
        "Trygghet i vardagen",
        [
            "Kuntalaiset kokevat asuin- ja elinympäristönsä viihtyisäksi ja turvalliseksi.",
            "Toimeentuloedellytykset ovat koko maan tasolla tai sitä parempia.",
            "Lähisuhteet ovat turvallisia.",
        ],
    ),
    (
        "Päihteettömyys ja terveelliset elintavat",
        "Drogfrihet och hälsosamma levnadsvanor",
        [
            "Elintavat ovat terveellisiä.",
            "Päihteiden kokeilu ja käyttö vähäisempää kuin maassa keskimäärin.",
        ],
    ),
]

# Seed 001, "Hyvinvoinnin ja terveyden edistämistä ohjaavat asiakirjat – nykytila".
PAIJAT_HAME_SEPARATE_PLANS = [
    (PlanKind.CHILDREN_YOUTH, "Alueellinen lasten ja nuorten hyvinvointisuunnitelma", 2022, 2025),
    (PlanKind.OLDER_PEOPLE, "Suunnitelma ikääntyneen väestön tukemiseksi", 2021, 2025),
    (PlanKind.PREVENTIVE_WORK, "Päijät-Hämeen ehkäisevän työn toimintasuunnitelma", 2021, 2025),
    (PlanKind.NUTRITION, "Päijät-Hämeen ravitsemuskertomus ja -suunnitelma", 2021, 2025),
    (PlanKind.PHYSICAL_ACTIVITY, "Liikkuva Päijät-Häme 2030 -ohjelma", 2021, 2030),
]

# Seed 001, the goal tracking card.
CARD_INDICATOR = (
    "Kokee terveydentilansa keskinkertaiseksi tai huonoksi, % 8. ja 9. luokan oppilaista"
)
CARD_DATA_CONTENT = (
    "Indikaattori ilmaisee terveydentilansa keskinkertaiseksi, melko huonoksi tai huonoksi "
    "kokevien peruskoulun 8. ja 9. luokkalaisten osuuden prosentteina kysymykseen "
    "vastanneista ko. ikäluokassa."
)
CARD = {
    "owner_names": "Johanna Huttunen ja Marja Koivisto",
    "partners": "Kuntien kasvatus- ja opetuspalvelut ja liikunta- ja nuorisopalvelut, koulut, "
    "oppilas- ja opiskelijahuolto, järjestöt, Mieli ry, THL",
    "dependencies": "Kuntien ja alueen hyvinvointisuunnitelmat / lasten ja nuorten "
    "hyvinvointisuunnitelmat, ehkäisevän työn suunnitelma, Liikkuva Päijät-Häme -ohjelma, "
    "ravitsemusterveyden edistämissuunnitelma, neuvola-asetus",
    "follow_up_sources": "\n".join(
        [
            "Kouluterveyskysely 2025 tulokset",
            "Toteutuneet vertaisryhmät, liikunta- ja ravitsemusneuvonta tms. / vuosi",
            "Sisältömerkintä terveydentilan puheeksi ottamisesta Lifecareen? (ei ole olemassa nyt)",
            "Sairaudet / sairastavuus, erityiskorvattavat lääkkeet ja masennuslääkkeet (Sotkanet)",
            "Nykytila.fi",
        ]
    ),
}
CARD_TASKS = [
    ("Asia puheeksi koulu- ja oppilashuollon henkilökunnan kanssa", "2024"),
    ("Avun näkyväksi tekeminen (vertaisryhmät, liikunta- ja ravitsemusneuvonta jne.)", "2024"),
    ("Otetaan asia puheeksi nuorten ja huoltajien kanssa", "2024–2025"),
]
CARD_UPDATE = {
    "year": 2024,
    "tertial": Tertial.FIRST,
    "status": StatusLevel.MINOR_DEVIATIONS,
    "status_reasons": "Palvelupolut ja matalan kynnyksen tuki ei tavoita kohderyhmää. Koettua "
    "terveydentilaa ei oteta puheeksi eikä tarjota tukea riittävästi. Henkinen pahoinvointi ja "
    "fyysiset oireet lisääntyneet erityisesti tytöillä (sukupuolierot huomattavat!).",
    "achieved": "Ilmiö ja siihen vaikuttavat tekijät on ymmärretty.\n"
    "HVA:n palvelujen kehittämistyötä tehty.",
    "planned": "Asia puheeksi koulu- ja oppilashuollon henkilökunnan kanssa.\n"
    "Avun näkyväksi tekeminen (vertaisryhmät, liikunta- ja ravitsemusneuvonta jne.).\n"
    "Otetaan asia puheeksi nuorten ja huoltajien kanssa.",
    "risks": "Miten vaikuttaa yksilön koettuun terveydentilaan? Tavoitetaanko oikeat "
    "kohderyhmät? Huoltajat/nuoret eivät koe asiaa tärkeäksi. Terveydentilan kokemus jää "
    "muiden asioiden alle nuoren elämässä. Nuori ei saa tarvitsemaansa tukea, apua, hoitoa "
    "oikea-aikaisesti, tai oireita ei oteta vakavasti, tai kokonaisuutta ei huomioida. "
    "Hoitoon pääsy pitkittyy tai epäonnistuu.",
}

# Seed 001, the logic model of preventive work.
LOGIC_MODEL = [
    (
        LogicLevel.INPUT,
        "Käytetyt resurssit: kunnat, hyvinvointialue sekä kolmas, neljäs ja yksityinen sektori",
    ),
    (
        LogicLevel.OUTPUT,
        "Mitattava tehty työ: ehkäisevän työn toimintasuunnitelman "
        "palvelulupaus, tavoitteet ja toimenpiteet",
    ),
    (
        LogicLevel.OUTCOME,
        "Konkreettinen muutos ihmisissä tai rakenteissa: ehkäisevän työn "
        "seuranta, tavoitteiden toteutuminen ja mittarit",
    ),
    (
        LogicLevel.IMPACT,
        "Ihmisten hyvinvointi ja yhteiskunnallinen hyöty: alueelliset "
        "hyte-kärjet ja tavoitteet, hyte-kärkien seurantaindikaattorit",
    ),
]

# Seed 001, "Vuosittaiset hyte-neuvottelut".
NEGOTIATION = {
    "held_on": datetime.date(2023, 8, 17),
    "participant_count": 49,
    "pre_assignment": "Ennakkotehtävä osallistujille: kunkin kunnan hyvinvoinnin tila ja "
    "hyte-työn painopisteet.",
    "summary": "Lopputuloksena yhteenveto, joka toimii Päijät-Hämeessä vuoden 2024 hyte-työn "
    "edistämisen pohjana.",
    "agreed_priorities": "\n".join(
        [
            "Lasten ja nuorten hyvinvoinnin tila: mielen hyvinvoinnin kohentuminen; "
            "rikollisuuden, syrjäytymisen ja kiusaamisen ehkäisyyn panostaminen; "
            "kohdennettujen tukitoimien vahvistaminen",
            "Liikkuminen eri ikäryhmissä: vähän liikkuvat tavoitetaan; asukkaiden fyysinen "
            "toimintakyky kohenee",
            "Hyte-yhteistyön ja prosessien vahvistaminen edelleen: työssä sitoudutaan yhteisiin "
            "tavoitteisiin; alueelliset resurssit kohdennetaan järkevästi; yhteisistä asioista "
            "viestitään, päätökset tehdään yhdessä",
        ]
    ),
}

# Vaala (seed 000): the age-group networks are the priority areas of the annual plan.
# network name suffix, target group code, goals [(goal, [(measure, implementer keys)])]
VAALA_AREAS = [
    (
        "lapset ja lapsiperheet",
        "children_and_families",
        [
            (
                "Lapsiperheillä on matalan kynnyksen kohtaamispaikkoja kaikissa kylissä.",
                [
                    (
                        "Perhekahvila kerran viikossa seurakuntatalolla",
                        ["mll-vaala", "vaala-parish"],
                    ),
                    ("Kyläkerhot lapsiperheille Otermalla ja Säräisniemellä", ["mll-vaala"]),
                ],
            ),
        ],
    ),
    (
        "nuoret",
        "young_people",
        [
            (
                "Nuorilla on mieluisaa harrastustoimintaa lähellä kotia.",
                [
                    ("Maksuton harrastusvuoro nuorille liikuntahallissa", ["vaala-sports"]),
                    ("Nuorisovaltuuston osallistuva budjetointi", []),
                ],
            ),
        ],
    ),
    (
        "työikäiset",
        "working_age",
        [
            (
                "Työikäisten toimintakyky ja työllisyys paranevat.",
                [("Kylien työllistämiskokeilu", ["oterma", "oulunkaari"])],
            ),
        ],
    ),
    (
        "ikäihmiset",
        "older_people",
        [
            (
                "Ikäihmiset voivat asua turvallisesti kotona ja osallistua.",
                [
                    ("Matalan kynnyksen teknologiakoulutus ikäihmisille", ["oterma"]),
                    ("Omaishoitajien virkistyspäivät", ["vaala-parish", "oulunkaari"]),
                ],
            ),
        ],
    ),
]


@transaction.atomic
def strategy_demo_load(organisations: dict[str, Organisation]) -> None:
    county = WellbeingCounty.objects.get(code=PAIJAT_HAME)
    vaala = Municipality.objects.get(code=VAALA)
    if not Plan.objects.filter(wellbeing_county=county, version=1).exists():
        _paijat_hame_load(county, organisations)
    if not Plan.objects.filter(municipality=vaala, version=1).exists():
        _vaala_load(vaala, organisations)
    utajarvi = Municipality.objects.get(code=UTAJARVI)
    if not Plan.objects.filter(municipality=utajarvi, title_fi=UTAJARVI_PLAN["title_fi"]).exists():
        _utajarvi_load(utajarvi, organisations)


def _approve(plan: Plan, bodies: tuple[str, ...], dates: list[datetime.date]) -> None:
    for body, decided_on in zip(bodies, dates, strict=True):
        PlanDecision.objects.create(
            plan=plan, body=body, outcome=DecisionOutcome.APPROVED, decided_on=decided_on
        )
    plan.state = PlanState.APPROVED
    plan.approved_on = dates[-1]
    plan.save(update_fields=["state", "approved_on"])


def _paijat_hame_load(county: WellbeingCounty, organisations) -> None:
    county_chain = (
        DecisionBody.HYTE_BOARD,
        DecisionBody.REGIONAL_BOARD,
        DecisionBody.REGIONAL_COUNCIL,
    )
    plan = Plan.objects.create(
        kind=PlanKind.REGIONAL_WELFARE_PLAN,
        title_fi="Päijät-Hämeen hyvinvointikertomus ja -suunnitelma",
        title_sv="Päijänne-Tavastlands välfärdsberättelse och -plan",
        title_en="Päijät-Häme welfare report and plan",
        wellbeing_county=county,
        start_year=2021,
        end_year=2025,
        state=PlanState.PLANNING,
    )
    card_goal = None
    for position, (title_fi, title_sv, goals) in enumerate(PAIJAT_HAME_PRIORITY_AREAS):
        area = PriorityArea.objects.create(
            plan=plan, title_fi=title_fi, title_sv=title_sv, position=position
        )
        for goal_position, goal_title in enumerate(goals):
            goal = Goal.objects.create(
                plan=plan, priority_area=area, title_fi=goal_title, position=goal_position
            )
            if goal_title == "Elintavat ovat terveellisiä.":
                card_goal = goal
    indicator, _created = Indicator.objects.get_or_create(
        title_fi=CARD_INDICATOR,
        source=IndicatorSource.OWN,
        defaults={
            "description_fi": CARD_DATA_CONTENT,
            "value_type_fi": "%",
            "value_type_sv": "%",
            "decimals": 1,
            "organization_fi": "THL, Kouluterveyskysely",
        },
    )
    sub_goal = Goal.objects.create(
        plan=plan,
        priority_area=card_goal.priority_area,
        parent=card_goal,
        title_fi="Nuorten kokema terveydentila kohenee.",
        title_sv="Ungas upplevda hälsa förbättras.",
        owner_names=CARD["owner_names"],
    )
    sub_goal.owner_users.set(User.objects.filter(username="hyte.asikkala"))
    sub_goal.owner_organisations.set([organisations["paijathame-hyte"]])
    sub_goal.target_groups.set(TargetGroup.objects.filter(code="young_people"))
    link = GoalIndicator.objects.create(
        goal=sub_goal,
        indicator=indicator,
        direction=Direction.DECREASE,
        baseline_year=2021,
        baseline_value=24.8,
        target_year=2025,
        target_comparison=TargetComparison.LESS,
        target_value=24.0,
    )
    card = GoalCard.objects.create(
        goal=sub_goal,
        goal_indicator=link,
        data_content=CARD_DATA_CONTENT,
        intermediate_year=2023,
        intermediate_value=25.7,
        partners=CARD["partners"],
        dependencies=CARD["dependencies"],
        follow_up_sources=CARD["follow_up_sources"],
    )
    GoalCardTask.objects.bulk_create(
        GoalCardTask(card=card, text=text, schedule=schedule, position=position)
        for position, (text, schedule) in enumerate(CARD_TASKS)
    )
    GoalCardUpdate.objects.create(
        card=card, author=User.objects.filter(username="hyte.asikkala").first(), **CARD_UPDATE
    )
    Measure.objects.create(
        plan=plan,
        goal=sub_goal,
        title_fi="Vertaisryhmät sekä liikunta- ja ravitsemusneuvonta näkyviksi kouluissa",
        resources="Hyte- ja yhdyspintatyön yksikkö, kuntien liikuntapalvelut",
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        status=MeasureStatus.IN_PROGRESS,
    ).implementers.set([organisations["paijathame-hyte"], organisations["asikkala-liikunta"]])
    _approve(
        plan,
        county_chain,
        [datetime.date(2022, 5, 10), datetime.date(2022, 5, 30), datetime.date(2022, 6, 13)],
    )

    for kind, title, start, end in PAIJAT_HAME_SEPARATE_PLANS:
        separate = Plan.objects.create(
            kind=kind, title_fi=title, wellbeing_county=county, start_year=start, end_year=end
        )
        if kind == PlanKind.PREVENTIVE_WORK:
            LogicModelEntry.objects.bulk_create(
                LogicModelEntry(plan=separate, level=level, text=text, position=position)
                for position, (level, text) in enumerate(LOGIC_MODEL)
            )
        _approve(separate, county_chain, [datetime.date(start - 1, 11, 1)] * 3)

    negotiation = HyteNegotiation.objects.create(wellbeing_county=county, **NEGOTIATION)
    negotiation.municipalities.set(county.municipalities.all())
    negotiation.participant_organisations.set(
        [
            organisations["paijathame-hyte"],
            *Organisation.objects.filter(
                kind=OrganisationKind.MUNICIPALITY, municipality__wellbeing_county=county
            ),
        ]
    )


def _vaala_load(vaala: Municipality, organisations) -> None:
    municipal_chain = (
        DecisionBody.WELFARE_GROUP,
        DecisionBody.MUNICIPAL_BOARD,
        DecisionBody.MUNICIPAL_COUNCIL,
    )
    report = Plan.objects.create(
        kind=PlanKind.WELFARE_REPORT,
        title_fi="Vaalan laaja hyvinvointikertomus",
        title_sv="Vaala omfattande välfärdsberättelse",
        municipality=vaala,
        start_year=2021,
        end_year=2025,
        description_fi="Tehty ikäkausityöryhmien raportoinnin ja esitysten pohjalta.",
    )
    target_groups = TargetGroup.objects.in_bulk(field_name="code")
    for position, (suffix, group, _goals) in enumerate(VAALA_AREAS):
        title_sv, goals = VAALA_REPORT_AREAS[suffix]
        area = PriorityArea.objects.create(
            plan=report,
            title_fi=suffix[0].upper() + suffix[1:],
            title_sv=title_sv,
            position=position,
        )
        for goal_position, (goal_fi, goal_sv) in enumerate(goals):
            goal = Goal.objects.create(
                plan=report,
                priority_area=area,
                title_fi=goal_fi,
                title_sv=goal_sv,
                position=goal_position,
            )
            goal.target_groups.set([target_groups[group]])
    _approve(
        report,
        municipal_chain,
        [datetime.date(2021, 10, 5), datetime.date(2021, 10, 25), datetime.date(2021, 11, 15)],
    )
    plan = Plan.objects.create(
        kind=PlanKind.WELFARE_PLAN,
        title_fi="Vaalan hyvinvointisuunnitelma",
        title_sv="Vaala välfärdsplan",
        municipality=vaala,
        start_year=2025,
        end_year=2025,
        state=PlanState.PLANNING,
        description_fi="Vuosittainen hyvinvointisuunnitelma. Ikäkausiverkostot kirjaavat "
        "toimenpiteet, toteuttajat ja toteutuman.",
    )
    year = 2025
    for position, (suffix, group, goals) in enumerate(VAALA_AREAS):
        area = PriorityArea.objects.create(
            plan=plan, title_fi=suffix[0].upper() + suffix[1:], position=position
        )
        # The age-group network answers for its area and agreed its measures (seed 000).
        network = Network.objects.filter(name_fi=f"Vaalan ikäkausiverkosto: {suffix}").first()
        if network is not None:
            area.networks.set([network])
        for goal_position, (goal_title, measures) in enumerate(goals):
            goal = Goal.objects.create(
                plan=plan, priority_area=area, title_fi=goal_title, position=goal_position
            )
            goal.target_groups.set([target_groups[group]])
            # The welfare director chairs every age-group network (seed 000).
            goal.owner_users.set(User.objects.filter(username="hyte.vaala"))
            for measure_position, (title, implementers) in enumerate(measures):
                measure = Measure.objects.create(
                    plan=plan,
                    goal=goal,
                    title_fi=title,
                    position=measure_position,
                    starts_on=datetime.date(year, 1, 1),
                    ends_on=datetime.date(year, 12, 31),
                    status=MeasureStatus.IN_PROGRESS if implementers else MeasureStatus.PLANNED,
                    agreed_by=network,
                )
                measure.implementers.set(organisations[key] for key in implementers)
                if "mll-vaala" in implementers and measure_position == 0:
                    MeasureReport.objects.create(
                        measure=measure,
                        year=year,
                        tertial=Tertial.FIRST,
                        organisation=organisations["mll-vaala"],
                        status=MeasureStatus.IN_PROGRESS,
                        realisation="Perhekahvila kokoontui 14 kertaa, keskimäärin 9 perhettä.",
                        reported_by=User.objects.filter(username="yhdistys.mll").first(),
                    )
    PlanConcern.objects.bulk_create(
        [
            PlanConcern(
                plan=plan,
                kind=ConcernKind.JOY,
                text="Kyläillat ovat täynnä ja kyselyihin vastataan aktiivisesti.",
            ),
            PlanConcern(
                plan=plan,
                kind=ConcernKind.WORRY,
                text="Väestö ikääntyy ja kylien palvelut harvenevat.",
            ),
        ]
    )
    evaluation = EvaluationReport.objects.create(
        plan=report,
        year=2024,
        summary="Vuosittainen seuranta- ja arviointiraportti antaa suositukset "
        "ikäkausityöryhmille.",
    )
    for position, (suffix, _group, _goals) in enumerate(VAALA_AREAS):
        Recommendation.objects.create(
            report=evaluation,
            network=Network.objects.get(name_fi=f"Vaalan ikäkausiverkosto: {suffix}"),
            text=f"Kootkaa ikäryhmän ({suffix}) kokemustieto kyläilloista seuraavan "
            "hyvinvointisuunnitelman pohjaksi.",
            position=position,
        )


def _utajarvi_load(utajarvi: Municipality, organisations) -> None:
    """The plan of the year the demo is loaded in, approved at the end of the year before."""
    today = timezone.localdate()
    year = today.year
    plan = Plan.objects.create(
        kind=PlanKind.WELFARE_PLAN,
        municipality=utajarvi,
        start_year=year,
        end_year=year,
        state=PlanState.PLANNING,
        **UTAJARVI_PLAN,
    )
    area = PriorityArea.objects.create(plan=plan, **UTAJARVI_AREA)
    older_people = TargetGroup.objects.filter(code="older_people")
    coordinator = User.objects.filter(username="hyte.utajarvi")
    strategic = Goal.objects.create(plan=plan, priority_area=area, **UTAJARVI_STRATEGIC_GOAL)
    strategic.target_groups.set(older_people)
    strategic.owner_users.set(coordinator)
    for goal_position, (sub_goal_titles, measures) in enumerate(UTAJARVI_SUB_GOALS):
        sub_goal = Goal.objects.create(
            plan=plan,
            priority_area=area,
            parent=strategic,
            position=goal_position,
            **sub_goal_titles,
        )
        sub_goal.target_groups.set(older_people)
        for position, spec in enumerate(measures):
            (start_month, start_day), (end_month, end_day) = spec["dates"]
            ends_on = datetime.date(year, end_month, end_day)
            status = spec["status"] or (
                MeasureStatus.DONE if ends_on < today else MeasureStatus.PLANNED
            )
            measure = Measure.objects.create(
                plan=plan,
                goal=sub_goal,
                position=position,
                title_fi=spec["title_fi"],
                title_sv=spec["title_sv"],
                description_fi=spec.get("description_fi", ""),
                description_sv=spec.get("description_sv", ""),
                resources=spec.get("resources", ""),
                starts_on=datetime.date(year, start_month, start_day),
                ends_on=ends_on,
                status=status,
            )
            measure.implementers.set(organisations[key] for key in spec["implementers"])
    _approve(
        plan,
        (DecisionBody.WELFARE_GROUP, DecisionBody.MUNICIPAL_BOARD, DecisionBody.MUNICIPAL_COUNCIL),
        [
            datetime.date(year - 1, 11, 4),
            datetime.date(year - 1, 11, 24),
            datetime.date(year - 1, 12, 15),
        ],
    )

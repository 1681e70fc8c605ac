"""The demo's network project (seed 002): Kuntaliitto, STM and VM started "Kunta
hyvinvoinnin edistäjänä" for 2017–2019, working with THL and on the Terve kunta network;
large municipalities paid 4,000 € a year, the others and the regions 3,000 €. Which
municipalities took part is not in the seed: those here are examples. Its themes are the
seed's: wellbeing leadership first, partnership agreements, then foresight and trying good
practices. Created once."""

import datetime

from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.core.demo import DemoContext

from .enums import InvoiceState, MeetingLevel, NetworkKind, PartnerRole, SizeClass
from .meetings.models import Meeting
from .models import Network
from .projects.models import FEES, ProjectMembership, ProjectPartner, ProjectTheme

PROJECT = "Kunta hyvinvoinnin edistäjänä -verkostoprojekti 2017–2019"
BODIES = [
    ("Suomen Kuntaliitto", "Finlands Kommunförbund", PartnerRole.FUNDER),
    ("Sosiaali- ja terveysministeriö", "Social- och hälsovårdsministeriet", PartnerRole.FUNDER),
    ("Valtiovarainministeriö", "Finansministeriet", PartnerRole.FUNDER),
    ("Terveyden ja hyvinvoinnin laitos", "Institutet för hälsa och välfärd", PartnerRole.PARTNER),
    ("Terve kunta -verkosto", "Nätverket Friska kommuner", PartnerRole.PARTNER),
]
THEMES = {
    2017: ("Hyvinvointijohtaminen", "Välfärdsledning"),
    2018: ("Hyvinvointi kumppanuussopimuksissa", "Välfärd i partnerskapsavtal"),
    2019: (
        "Hyvinvointiennakointi ja hyvien käytäntöjen kokeilu",
        "Välfärdsprognoser och försök med goda praxis",
    ),
}
# (municipality code or ("county", code), size class)
PARTICIPANTS = [
    ("564", SizeClass.LARGE),
    ("889", SizeClass.OTHER),
    ("785", SizeClass.OTHER),
    (("county", "19"), SizeClass.OTHER),
]


def projects_demo_load(context: DemoContext) -> None:
    if Network.objects.filter(name_fi=PROJECT).exists():
        return
    bodies = {}
    for fi, sv, _role in BODIES:
        bodies[fi], _created = Organisation.objects.get_or_create(
            name_fi=fi,
            defaults={"name_sv": sv, "name_en": fi, "kind": OrganisationKind.OTHER},
        )
    project = Network.objects.create(
        name_fi=PROJECT,
        name_sv="Nätverksprojektet Kommunen som främjare av välfärd 2017–2019",
        name_en=PROJECT,
        kind=NetworkKind.NETWORK_PROJECT,
        organisation=bodies["Suomen Kuntaliitto"],
        description_fi="Verkostoprojekti kunnan muuttuvasta hyvinvointiroolista.",
        description_sv="Nätverksprojekt om kommunens föränderliga välfärdsroll.",
        mandate_fi="Taustoittaa hyvinvoinnin edistämisen käsitettä.\n"
        "Tuottaa materiaalia paikalliseen ja alueelliseen keskusteluun.\n"
        "Etsii hyviä johtamiskäytäntöjä ja rakenteita verkostokuntien kanssa.",
        mandate_sv="Ger bakgrund till begreppet främjande av välfärd.\n"
        "Tar fram material för den lokala och regionala diskussionen.\n"
        "Söker goda ledningspraxis och strukturer tillsammans med nätverkskommunerna.",
    )
    for fi, _sv, role in BODIES:
        ProjectPartner.objects.create(network=project, organisation=bodies[fi], role=role)
    for year, (fi, sv) in THEMES.items():
        ProjectTheme.objects.create(
            network=project, year=year, theme_fi=fi, theme_sv=sv, theme_en=fi
        )
    municipalities = Municipality.objects.in_bulk(field_name="code")
    counties = WellbeingCounty.objects.in_bulk(field_name="code")
    for year in THEMES:
        for member, size_class in PARTICIPANTS:
            where = (
                {"wellbeing_county": counties[member[1]]}
                if isinstance(member, tuple)
                else {"municipality": municipalities[member]}
            )
            ProjectMembership.objects.create(
                network=project,
                year=year,
                size_class=size_class,
                fee=FEES[size_class],
                invoice_state=InvoiceState.PAID,
                invoiced_on=datetime.date(year, 6, 15),
                paid_on=datetime.date(year, 7, 15),
                **where,
            )
    for title, level, day in [
        ("Valtakunnallinen aloitustapaaminen", MeetingLevel.NATIONAL, datetime.date(2017, 9, 5)),
        (
            "Pohjois-Pohjanmaan alueellinen tapaaminen",
            MeetingLevel.REGIONAL,
            datetime.date(2018, 2, 8),
        ),
        ("Utajärven kuntakohtainen työpaja", MeetingLevel.LOCAL, datetime.date(2018, 10, 3)),
    ]:
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        Meeting.objects.create(
            network=project,
            title=title,
            level=level,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=6),
            invited_at=starts - datetime.timedelta(days=21),
        )
    context.count("network projects", 1)

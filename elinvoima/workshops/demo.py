"""The demo's workshops (seed 003): Keski-Suomen Yhteisöjen Tuki ry's series of regional
workshops (elinvoimapajat), funded by STEA, in seven areas of 3–4 municipalities of
Keski-Suomi. The seed does not list the areas' municipalities; those here follow the
sub-regions. The hosts rotate year by year; the next workshop of the Jyväskylä area takes
registrations. Created once."""

import datetime

from django.utils import timezone

from elinvoima.actors.models import Municipality, Organisation, User
from elinvoima.core.demo import DemoContext

from .enums import ProgrammeKind
from .models import (
    Area,
    ContactPerson,
    CooperationAction,
    FeedbackAnswer,
    NewsItem,
    ProgrammeItem,
    Registration,
    Series,
    Workshop,
)
from .services import hosts_save, proposed_hosts, timeline_set
from .tables_services import tables_mix

AREAS = [
    ("Jyväskylä, Muurame ja Toivakka", ["Jyväskylä", "Muurame", "Toivakka"]),
    ("Laukaa, Uurainen ja Hankasalmi", ["Laukaa", "Uurainen", "Hankasalmi"]),
    ("Äänekoski, Konnevesi ja Kannonkoski", ["Äänekoski", "Konnevesi", "Kannonkoski"]),
    ("Jämsä, Joutsa ja Luhanka", ["Jämsä", "Joutsa", "Luhanka"]),
    ("Keuruu, Multia ja Petäjävesi", ["Keuruu", "Multia", "Petäjävesi"]),
    ("Saarijärvi, Karstula ja Kyyjärvi", ["Saarijärvi", "Karstula", "Kyyjärvi"]),
    (
        "Viitasaari, Pihtipudas, Kinnula ja Kivijärvi",
        ["Viitasaari", "Pihtipudas", "Kinnula", "Kivijärvi"],
    ),
]
# Seed 003: about 2.5 hours, a third information, at least an hour of workshop.
PROGRAMME = [
    (ProgrammeKind.COFFEE, "Kahvit ja tervetuloa", "Kaffe och välkommen", 20),
    (
        ProgrammeKind.INFORMATION,
        "Ajankohtaista järjestö-kuntayhteistyöstä",
        "Aktuellt om samarbetet mellan organisationer och kommuner",
        40,
    ),
    (
        ProgrammeKind.WORKSHOP,
        "Työpaja: kuntakohtainen yhteistyösuunnitelma",
        "Workshop: en samarbetsplan för varje kommun",
        70,
    ),
    (
        ProgrammeKind.NETWORKING,
        "Verkostoitumista naapurikuntien kanssa",
        "Nätverkande med grannkommunerna",
        20,
    ),
]


def workshops_demo_load(context: DemoContext) -> None:
    if Series.objects.exists():
        return
    organiser = Organisation.objects.get(name_fi="Keski-Suomen Yhteisöjen Tuki ry")
    series = Series.objects.create(
        organiser=organiser,
        name_fi="Keski-Suomen elinvoimapajat",
        name_sv="Livskraftsverkstäderna i Mellersta Finland",
        name_en="Keski-Suomen elinvoimapajat",
        description_fi="Järjestö-kuntayhteistyön alueelliset elinvoimapajat: yhteistyön "
        "kehittämisen ja verkostojen luomisen foorumeita.",
        description_sv="Regionala livskraftsverkstäder för samarbetet mellan organisationer "
        "och kommuner.",
        funder="STEA",
        is_published=True,
    )
    series.responsible.set(User.objects.filter(username="pajat.keskisuomi"))
    municipalities = {
        m.name_fi: m for m in Municipality.objects.filter(wellbeing_county__code="15")
    }
    year = timezone.localdate().year
    first_area = None
    for position, (name, members) in enumerate(AREAS):
        area = Area.objects.create(series=series, name=name, position=position)
        area.municipalities.set(municipalities[n] for n in members if n in municipalities)
        years = [year - 2, year - 1, year, year + 1]
        hosts_save(user=None, area=area, hosts=proposed_hosts(area, years))
        for municipality in area.municipalities.all():
            ContactPerson.objects.create(
                area=area,
                municipality=municipality,
                name=f"Yhdyshenkilö, {municipality.name_fi}",
                title="hyvinvointikoordinaattori",
            )
        first_area = first_area or area
    starts = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=45), datetime.time(17, 30)
        )
    )
    host = first_area.hosts.get(year=starts.year).municipality
    workshop = Workshop.objects.create(
        series=series,
        area=first_area,
        theme_fi="Yhteistyön suunnitelmat käytäntöön",
        theme_sv="Samarbetsplanerna i praktiken",
        theme_en="Yhteistyön suunnitelmat käytäntöön",
        description_fi="Jatkoa viime vuoden pajalle: kunkin kunnan yhteistyösuunnitelman "
        "eteneminen ja seuraavat askeleet.",
        description_sv="Fortsättning på förra årets verkstad: hur varje kommuns samarbetsplan "
        "har framskridit och nästa steg.",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=150),
        venue=f"{host.name_fi}, kunnantalo",
        host=host,
        capacity=60,
        registration_closes_on=(starts - datetime.timedelta(days=7)).date(),
        is_published=True,
    )
    timeline_set(workshop)
    for position, (kind, fi, sv, minutes) in enumerate(PROGRAMME):
        ProgrammeItem.objects.create(
            workshop=workshop,
            kind=kind,
            title_fi=fi,
            title_sv=sv,
            title_en=fi,
            minutes=minutes,
            position=position,
        )
    # A few registrations, as people sent them (names invented).
    for name, organisation, background, municipality, diet in [
        ("Pentti Laaksonen", "Laukaan Martat", "association", "Laukaa", "any"),
        ("Sirpa Mäkinen", "", "resident", "Muurame", "vegetarian"),
        ("Olli Rantanen", "Jyväskylän kaupunki", "official", "Jyväskylä", "any"),
        ("Kaisa Niemi", "Toivakan kyläyhdistys", "association", "Toivakka", "gluten_free"),
        ("Jari Lehto", "", "elected", "Jyväskylä", "lactose_free"),
    ]:
        Registration.objects.create(
            workshop=workshop,
            name=name,
            email=f"{name.split()[0].lower()}@example.invalid",
            organisation_name=organisation,
            background=background,
            municipality=municipalities.get(municipality),
            diet=diet,
            consent=True,
            retain_until=(starts + datetime.timedelta(days=180)).date(),
        )
    _previous_workshop(series, first_area, municipalities, starts)
    context.count("workshop series", 1)


BACKGROUNDS = ["association", "official", "elected", "resident", "parish", "company"]
ACTIONS = {
    "Jyväskylä": [
        ("Yhdistysinfo kaupungin kotisivuille", "hyvinvointikoordinaattori", "done"),
        ("Avustusten haku yhdeksi kanavaksi", "vapaa-aikapalvelut", "in_progress"),
    ],
    "Muurame": [("Yhdistysilta syksyllä", "kulttuurisihteeri", "done")],
    "Toivakka": [("Kylätalojen käyttövuorot yhdistyksille", "sivistystoimi", "planned")],
}


def _previous_workshop(series, area, municipalities, coming) -> None:
    """The area's workshop of a year ago: 36 took part in three rounds of tables, and each
    municipality left with a cooperation plan that the coming workshop opens with."""
    starts = coming - datetime.timedelta(days=365)
    previous = Workshop.objects.create(
        series=series,
        area=area,
        theme_fi="Järjestöt kunnan kumppanina",
        theme_sv="Organisationerna som kommunens partner",
        theme_en="Järjestöt kunnan kumppanina",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=150),
        venue="Jyväskylä, kaupungintalo",
        host=area.hosts.filter(year=starts.year).first().municipality,
        capacity=60,
        registration_closes_on=(starts - datetime.timedelta(days=7)).date(),
        is_published=True,
    )
    members = list(area.municipalities.order_by("name"))
    for n in range(36):
        municipality = members[n % len(members)]
        Registration.objects.create(
            workshop=previous,
            name=f"Osallistuja {n + 1}",
            email=f"osallistuja{n + 1}@example.invalid",
            organisation_name=f"{municipality.name_fi}n yhdistys {n % 5}" if n % 3 else "",
            background=BACKGROUNDS[n % len(BACKGROUNDS)],
            municipality=municipality,
            consent=True,
            retain_until=(coming + datetime.timedelta(days=180)).date(),
            facilitator_table=(n // 3) + 1 if n in (0, 3, 6) else None,
        )
    tables_mix(user=None, workshop=previous, rounds=3, table_size=4)
    for useful, atmosphere, cooperation, comment in [
        (5, 5, 4, "Naapurikuntien kuuleminen avasi uusia näkökulmia."),
        (4, 5, 4, ""),
        (4, 4, 3, "Työpajalle olisi saanut olla enemmän aikaa."),
    ]:
        FeedbackAnswer.objects.create(
            workshop=previous,
            useful=useful,
            atmosphere=atmosphere,
            cooperation=cooperation,
            comment=comment,
        )
    NewsItem.objects.create(
        workshop=previous,
        title_fi="Elinvoimapajassa syntyi kolme yhteistyösuunnitelmaa",
        title_sv="Tre samarbetsplaner föddes i livskraftsverkstaden",
        title_en="Elinvoimapajassa syntyi kolme yhteistyösuunnitelmaa",
        body_fi="Jyväskylän, Muuramen ja Toivakan osallistujat tekivät kukin kunnalleen "
        "konkreettisen suunnitelman järjestöyhteistyön kehittämiseksi.",
        body_sv="Deltagarna från Jyväskylä, Muurame och Toivakka gjorde var sin konkret plan "
        "för att utveckla samarbetet med organisationerna.",
        body_en="Jyväskylän, Muuramen ja Toivakan osallistujat tekivät kukin kunnalleen "
        "konkreettisen suunnitelman järjestöyhteistyön kehittämiseksi.",
    )
    for name, actions in ACTIONS.items():
        for title, owner, status in actions:
            CooperationAction.objects.create(
                workshop=previous,
                municipality=municipalities[name],
                title=title,
                owner=owner,
                status=status,
            )

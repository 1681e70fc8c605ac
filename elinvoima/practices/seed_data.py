"""The first records of the library, written out from the seeds: seed 003 itself (an
Innokylä record of Keski-Suomi's regional workshops) and the short examples of seed 004
(partnership, participation and cooperation from Järviseutu), each with its source."""

import datetime

ELINVOIMAPAJAT = {
    "texts": {
        "name_fi": "Järjestö-kuntayhteistyön alueelliset elinvoimapajat",
        "name_sv": "Regionala vitalitetsverkstäder för samarbetet mellan organisationer och "
        "kommuner",
        "name_en": "Regional vitality workshops for cooperation between associations and "
        "municipalities",
        "summary_fi": "Alueelliset elinvoimapajat ovat järjestöjen ja kuntien yhteistyön "
        "kehittämisen ja verkostojen luomisen foorumeita, jotka kokoavat yhteen toimijoita "
        "useamman kunnan alueelta hyvinvoinnin, terveyden ja elinvoiman edistämistyöhön.",
        "summary_sv": "De regionala vitalitetsverkstäderna är forum för att utveckla "
        "samarbetet mellan organisationer och kommuner och för att skapa nätverk; de samlar "
        "aktörer från flera kommuner kring främjandet av välfärd, hälsa och livskraft.",
        "summary_en": "Regional vitality workshops are forums for developing cooperation "
        "between associations and municipalities and for building networks, bringing together "
        "actors from several municipalities to promote wellbeing, health and vitality.",
        "core_idea_fi": "Alueelliset elinvoimapajat kokoavat yhteen toimijoita useamman kunnan "
        "alueelta esim. seutukunnittain. Elinvoimapajoissa jäsennetään järjestöjen luontevaa "
        "roolia kuntien kumppanina hyvinvoinnin, terveyden ja elinvoiman edistämistyössä. "
        "Yhteistyön konkreettista kehittämistä tehdään työpajatyöskentelyn avulla. "
        "Toimintamallin yksi elementti on, että eri taustatahojen ja paikkakuntien edustajia "
        "kohtautetaan suunnitelmallisesti.\n\nAlueellinen toteutus mahdollistaa uudet "
        "näkökulmat ja hyvien käytäntöjen jakamisen. Naapurikuntien tilanteesta ja "
        "käytännöistä kuuleminen avaa uusia näkökulmia omaan kuntaan. Toimintamalli antaa "
        "yhdenvertaiset mahdollisuudet järjestö-kuntayhteistyön kehittämiseen kaikille "
        "kunnille.",
        "environment_fi": "Elämäntapojen muuttuminen, demokratian murros sekä väestönkasvun ja "
        "-rakenteen muutokset haastavat kunnat ja järjestöt uudistamaan toimintatapojaan ja "
        "kehittämään yhteistyötä. Kunnan rooleina vahvistuvat elinvoima-, hyvinvointi-, "
        "kehittäjä- ja kumppanuusrooli sekä osallisuus- ja yhteisörooli. Malli sai alkunsa "
        "sote-uudistuksen valmistelun myötä syntyneeseen kuntakentän muutokseen; resurssien "
        "pieneneminen edellyttää verkostomaista työskentelyä myös naapurikuntien kanssa.",
        "target_group_fi": "Elinvoimapajat ovat avoimia kehittämistilaisuuksia kaikille "
        "järjestöille, yhdistyksille ja seuroille, kuntien eri toimialojen viranhaltijoille ja "
        "päättäjille sekä kaikille kiinnostuneille, esim. valtionhallinnon, seurakuntien ja "
        "yritysten edustajille sekä kuntalaisille. Ne järjestetään mieluiten ilta-aikaan, "
        "jotta vapaaehtoispohjalta toimivien järjestöjen edustajat pääsevät mukaan.",
        "conditions_fi": "1. Yhteistyön käynnistäminen: malli toimii parhaiten 2–3 pajan "
        "prosessina sovitulla aikajanalla. Päätoteuttajaksi sopii maakunnallinen tai "
        "alueellinen, puolueettomaksi koettu toimija; kustakin kunnasta nimetään "
        "yhteyshenkilö. Yksi alueen kunnista toimii isäntäkuntana.\n\n2. Tilaisuuden "
        "suunnittelu: ajankohta ja tiedottaminen sovitaan hyvissä ajoin kuntien "
        "yhteyshenkilöiden kanssa; teemat suunnitellaan jatkumoksi.\n\n3. Tiedottaminen: "
        "monipuolisesti eri kanavissa; suorat kutsut kuntien johdolle ja neuvostoille; "
        "ennakkoilmoittautuminen.\n\n4. Sisältö ja menetelmät: noin 2,5 tunnin iltatilaisuus, "
        "josta kolmannes tietosisältöä ja loput työpajatyöskentelyä ja verkostoitumista; "
        "osallistujat kohtautetaan yli kuntarajojen.",
        "evaluation_fi": "Palautetta on kerätty tilaisuuksien aikana ja niiden jälkeen "
        "kyselyllä, ja päätoteuttajat ovat tehneet itsearviointia. Tilaisuudet ovat "
        "palvelleet yhteistyön kehittämistä ja tarjonneet foorumin vuoropuhelulle ja yhteisen "
        "ymmärryksen lisäämiselle. Useassa kunnassa pajassa tehdyt suunnitelmat ovat "
        "edenneet tai tilaisuus on toiminut sysäyksenä yhteistyön kehittämiselle.",
        "tips_fi": "Valmistaudu huolella, tee tiimityötä. Sitouta kuntien yhdyshenkilöt. "
        "Valitse teema huolella. Tee hyvissä ajoin ennakkomainos ja viesti myös tapahtuman "
        "jälkeen. Varaa riittävästi aikaa työpajatyöskentelylle. Vahvista naapurikuntien "
        "kohtaamisia. Panosta fasilitointiin. Luo miellyttävä ja inspiroiva ilmapiiri.",
    },
    "facts": {
        "kind": "record",
        "implemented_by": "Keski-Suomen Yhteisöjen Tuki ry yhdessä kaikkien Keski-Suomen "
        "kuntien kanssa",
        "region": "Keski-Suomi",
        "funder": "Sosiaali- ja terveysjärjestöjen avustuskeskus (STEA)",
        "author": "Anu Hätinen",
        "recorded_on": datetime.date(2020, 3, 31),
        "revised_on": datetime.date(2021, 9, 28),
        "phase": "ready",
        "source": "Innokylä",
        "source_url": "",
    },
    "topics": ["associations", "municipalities", "cooperation", "health_promotion", "regions"],
    "audiences": ["professionals", "whole_population", "organisations"],
    "links": [],
}

# Seed 004, "Hyviä esimerkkejä alueeltamme": (municipality code, name, description, source).
EXAMPLES = [
    (
        "759",
        "Seura- ja yhdistysfoorumi",
        "Soinin kunnan sivistystoimi kutsui seurojen ja yhdistysten väen koolle kuuntelemaan "
        "ja keskustelemaan ajankohtaisista: miten tapahtumia, kulttuurielämyksiä ja "
        "liikuntapalveluja kannattaisi järjestää ja miten kunnan resurssit riittävät. "
        "Valtuustosali täyttyi kolmannen sektorin aktiiveista.",
        "J-P News 30.11.2017",
    ),
    (
        "759",
        "Kunnanjohtajan yritysvierailut",
        "Soinin kunnanjohtaja vierailee yrityksissä kerätäkseen tietoa elinvoiman "
        "kehittämisen tarpeista, syventääkseen osaamista ihmisten arjesta ja tuodakseen kunnan "
        "toimintaa näkyväksi — esimerkiksi maitotilalla iltalypsyyn asti.",
        "J-P News 30.11.2017",
    ),
    (
        "005",
        "Mimmien ilta",
        "Alajärvellä puolue järjesti nuorille naisille illan vaikuttamisesta: asiaa, "
        "höpöttelyä, herkuttelua ja hyvää seuraa, kun politiikka ei kiinnosta ja "
        "äänestysprosentit laskevat.",
        "Facebook 30.11.2017",
    ),
    (
        "403",
        "Kumppanuusaamiainen",
        "Lappajärvellä kunta ja paikalliset toimijat kokoontuivat aamiaiselle rakentamaan "
        "kumppanuutta.",
        "J-P News 27.11.2017",
    ),
    (
        "052",
        "Ystävätoimintaa ja avoimet ovet",
        "Evijärvellä ystävätoiminta, tapahtumat ja avoimet ovet kokoavat asukkaita yhteen.",
        "Facebook 4.12.2017",
    ),
    (
        "934",
        "Yhdessä ideoimista",
        "Vimpelissä asukkaat ideoivat yhdessä ja saavat vaikuttamismahdollisuuksia.",
        "Facebook 4.12.2017",
    ),
]


# The record's attachment (Innokylä's "Liitteet"): a one-page PDF of the model's outline.
def _pdf(*objects: bytes) -> bytes:
    """A PDF of the objects (numbered from 1, the first the catalogue), with the
    cross-reference table that readers look for."""
    document, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(document))
        document += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    table = f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    table += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    table += f"trailer\n<</Size {len(objects) + 1}/Root 1 0 R>>\nstartxref\n{len(document)}\n"
    return document + table.encode() + b"%%EOF\n"


_MODEL_PAGE = (
    b"BT /F1 16 Tf 72 770 Td (Alueelliset elinvoimapajat: toimintamalli) Tj "
    b"0 -24 Td /F1 11 Tf (1. Kutsu  2. Paja  3. Yhteistyosuunnitelma  4. Seuranta) Tj ET"
)
ELINVOIMAPAJAT_FILE = (
    "Elinvoimapajat-toimintamalli.pdf",
    _pdf(
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        f"<</Length {len(_MODEL_PAGE)}>>stream\n".encode() + _MODEL_PAGE + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ),
)

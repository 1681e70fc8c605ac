"""The demo's agreements (seed 000). Vaala signed its vitality agreement on 21.5.2018, the
first municipality in Pohjois-Pohjanmaa: its parties commit to promote the municipal
strategy, wellbeing and community together. Utajärvi's partnership document with its
associations states the aims of the cooperation, the grant practices, the principles of
using the municipality's facilities and its other support. Pohjois-Pohjanmaa's
municipalities signed a shared wellbeing agreement that makes skills and education key
factors of wellbeing. The seed gives no signatories' names; those here are invented.
Created once."""

import datetime

from django.utils import timezone

from elinvoima.actors.demo import acting_organisation
from elinvoima.actors.demo_data import POHJOIS_POHJANMAA, UTAJARVI, VAALA
from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.demo import DemoContext

from .agreements.models import Agreement, AgreementParty, Facility
from .agreements.services import DEFAULT_PRINCIPLES

SIGNED = datetime.date(2018, 5, 21)


def _agreement(owner_field, owner, **fields) -> Agreement:
    fields.setdefault("principles_fi", "\n".join(DEFAULT_PRINCIPLES["fi"]))
    fields.setdefault("principles_sv", "\n".join(DEFAULT_PRINCIPLES["sv"]))
    fields["title_en"] = fields["title_fi"]
    return Agreement.objects.create(**{owner_field: owner}, **fields)


def _party(agreement, organisation, signatory, title, signed_on, fi, sv) -> None:
    AgreementParty.objects.create(
        agreement=agreement,
        organisation=organisation,
        signatory=signatory,
        signatory_title=title,
        signed_on=signed_on,
        commitments_fi=fi,
        commitments_sv=sv,
        commitments_en=fi,
    )


def agreements_demo_load(context: DemoContext) -> None:
    if Agreement.objects.exists():
        return
    organisations = context.objects["organisations"]
    municipalities = Municipality.objects.in_bulk([UTAJARVI, VAALA], field_name="code")
    vaala, utajarvi = municipalities[VAALA], municipalities[UTAJARVI]

    vitality = _agreement(
        "municipality",
        vaala,
        kind="vitality_agreement",
        title_fi="Vaalan elinvoimasopimus",
        title_sv="Vaala livskraftsavtal",
        purpose_fi="Sopimuksessa eri toimijat sitoutuvat yhdessä edistämään ja toteuttamaan "
        "Vaalan kunnan arvojen mukaisesti kuntastrategiaa, hyvinvointia ja yhteisöllisyyttä.",
        purpose_sv="I avtalet förbinder sig aktörerna att tillsammans främja och genomföra "
        "kommunstrategin, välfärden och gemenskapen enligt Vaala kommuns värderingar.",
        facility_principles_fi="Kaikkien kunnan liikuntatilojen käyttö on asukkaille ilmaista.",
        facility_principles_sv="Alla kommunens idrottslokaler är avgiftsfria för invånarna.",
        valid_from=SIGNED,
        published_at=timezone.make_aware(datetime.datetime(2018, 5, 22, 9)),
    )
    _party(
        vitality,
        acting_organisation("municipality", VAALA),
        "Miira Raiskila",
        "kunnanjohtaja",
        SIGNED,
        "Ikäkausiverkostot kokoavat kuntalaisten kokemukset suunnitelmiksi.\n"
        "Liikuntatilat ovat asukkaille maksutta käytössä.",
        "Åldersgruppsnätverken samlar invånarnas erfarenheter till planer.\n"
        "Idrottslokalerna är avgiftsfria för invånarna.",
    )
    for key, signatory, fi, sv in [
        (
            "mll-vaala",
            "Hanna Karppinen",
            "Perhekahvilat ja lasten tapahtumat.",
            "Familjecaféer och evenemang för barn.",
        ),
        (
            "vaala-sports",
            "Jari Kemppainen",
            "Matalan kynnyksen liikuntavuorot kaikenikäisille.",
            "Motionsturer med låg tröskel för alla åldrar.",
        ),
        (
            "vaala-parish",
            "Anna Heikkinen",
            "Yhteiset tapahtumat ja ystävätoiminta.",
            "Gemensamma evenemang och vänverksamhet.",
        ),
    ]:
        _party(vitality, organisations[key], signatory, "", SIGNED, fi, sv)

    partnership = _agreement(
        "municipality",
        utajarvi,
        kind="partnership_document",
        title_fi="Utajärven kunnan ja yhdistysten kumppanuusasiakirja",
        title_sv="Partnerskapsdokument mellan Utajärvi kommun och föreningarna",
        purpose_fi="Määritellään kunnan ja yhdistysten välisen yhteistyön tavoitteet ja "
        "tarkoitus sekä yhdistysten osallistuminen kunnan toimintojen suunnitteluun "
        "elinvoimaryhmän ja muiden työryhmien kautta.",
        purpose_sv="Här fastställs målen och syftet med samarbetet mellan kommunen och "
        "föreningarna samt föreningarnas deltagande i planeringen av kommunens verksamhet "
        "genom livskraftsgruppen och andra arbetsgrupper.",
        grant_practices_fi="Kunnan johtoryhmä määrittää vuosittain ne strategiset tavoitteet, "
        "joihin se toivoo yhdistysten vastaavan omalla toiminnallaan. Avustuksissa huomioidaan "
        "yhdistysten sitoutuminen kunnan tavoitteisiin; yhdistykset esittävät sitoutumisensa "
        "toimintasuunnitelmassaan ja toteutuneen toiminnan toimintakertomuksessa.",
        grant_practices_sv="Kommunens ledningsgrupp fastställer varje år de strategiska mål "
        "som den önskar att föreningarna svarar på med sin verksamhet. Vid bidragen beaktas "
        "föreningarnas åtagande för kommunens mål; föreningarna visar sitt åtagande i "
        "verksamhetsplanen och den genomförda verksamheten i verksamhetsberättelsen.",
        facility_principles_fi="Yhdistykset käyttävät kunnan kokous- ja liikuntatiloja "
        "sovituin ehdoin; varaukset kunnan vapaa-aikatoimistosta.",
        facility_principles_sv="Föreningarna använder kommunens mötes- och idrottslokaler "
        "på överenskomna villkor; bokningar via kommunens fritidsbyrå.",
        other_support_fi="Tiedottaminen kunnan kanavissa, apu avustushakemuksissa, "
        "yhdistysagentit.",
        other_support_sv="Information i kommunens kanaler, hjälp med bidragsansökningar, "
        "föreningsagenter.",
        cooperation_fi="Yhdistykset osallistuvat kunnan toimintojen suunnitteluun "
        "elinvoimaryhmän ja muiden työryhmien kautta.",
        cooperation_sv="Föreningarna deltar i planeringen av kommunens verksamhet genom "
        "livskraftsgruppen och andra arbetsgrupper.",
        valid_from=datetime.date(2019, 1, 1),
        published_at=timezone.make_aware(datetime.datetime(2019, 1, 15, 9)),
    )
    _party(
        partnership,
        acting_organisation("municipality", UTAJARVI),
        "Marketta Väyrynen",
        "kunnanjohtaja",
        datetime.date(2019, 1, 10),
        "Johtoryhmä määrittää vuosittain tavoitteet, joihin yhdistykset vastaavat.",
        "Ledningsgruppen fastställer varje år målen som föreningarna svarar på.",
    )
    _party(
        partnership,
        organisations["reuma-utajarvi"],
        "Pentti Räisänen",
        "puheenjohtaja",
        datetime.date(2019, 1, 10),
        "Toimintaa syrjäkyliin, mökkiläisille ja kaikille kuntalaisille.",
        "Verksamhet i avlägsna byar, för stugägare och för alla invånare.",
    )

    county = WellbeingCounty.objects.get(code=POHJOIS_POHJANMAA)
    shared = _agreement(
        "wellbeing_county",
        county,
        kind="wellbeing_agreement",
        title_fi="Pohjois-Pohjanmaan yhteinen hyvinvointisopimus",
        title_sv="Norra Österbottens gemensamma välfärdsavtal",
        purpose_fi="Osaaminen ja koulutus nostetaan keskeisiksi hyvinvoinnin tekijöiksi.",
        purpose_sv="Kunnande och utbildning lyfts fram som centrala faktorer för välfärden.",
    )
    for code in (UTAJARVI, VAALA):
        _party(shared, acting_organisation("municipality", code), "", "", None, "", "")

    for municipality, name_fi, name_sv, terms_fi, terms_sv, booking in [
        (
            vaala,
            "Vaalan liikuntahalli",
            "Vaala idrottshall",
            "Maksuton kaikille asukkaille ja yhdistyksille.",
            "Avgiftsfri för alla invånare och föreningar.",
            "Vaalan vapaa-aikatoimisto",
        ),
        (
            utajarvi,
            "Utajärven kunnantalon valtuustosali",
            "Utajärvi kommunhus, fullmäktigesalen",
            "Yhdistysten kokouksiin maksutta arkisin klo 16–21.",
            "Avgiftsfri för föreningarnas möten vardagar kl. 16–21.",
            "Kunnan asiointipiste",
        ),
    ]:
        Facility.objects.create(
            municipality=municipality,
            name_fi=name_fi,
            name_sv=name_sv,
            name_en=name_fi,
            terms_fi=terms_fi,
            terms_sv=terms_sv,
            terms_en=terms_fi,
            booking=booking,
            accessible=True,
        )
    context.count("agreements", Agreement.objects.count())

"""Päijät-Häme's welfare report in the demo (seed 001, "Hyvinvointiraportti 2023"): its
sections and the cards of Asikkala, Hollola and the county's hyte unit, in the seed's
words."""

SECTIONS = {
    "introduction": (
        "Hyvinvointiraportti kokoaa Päijät-Hämeen kuntien ja hyvinvointialueen hyvinvoinnin ja "
        "terveyden edistämisen tilannekuvan. Osa 1 kuvaa hyvinvoinnin ja terveydentilan, "
        "rakenteet, toimet ja yhteenvedon; osa 2 kokoaa kuntakortit, toimialakortit ja "
        "järjestökortin; osa 3 alueellisten erillissuunnitelmien infograafit.",
        "Välfärdsrapporten sammanställer lägesbilden av främjandet av välfärd och hälsa i "
        "Päijänne-Tavastlands kommuner och välfärdsområde. Del 1 beskriver välfärden och "
        "hälsoläget, strukturerna, åtgärderna och en sammanfattning; del 2 kommunkorten, "
        "sektorkorten och organisationskortet; del 3 infografiken över de regionala planerna.",
    ),
    "state": (
        "Väestötason haasteina ovat ikääntyminen, matala koulutustaso, korkea sairastavuus ja "
        "päihteiden käyttö. Henkinen pahoinvointi ja fyysiset oireet ovat lisääntyneet "
        "erityisesti tytöillä.",
        "Utmaningarna på befolkningsnivå är åldrandet, en låg utbildningsnivå, hög sjuklighet "
        "och användningen av rusmedel. Psykiskt illamående och fysiska symtom har ökat "
        "särskilt bland flickor.",
    ),
    "phenomena": (
        "Neljä tuulta – kompleksiset yhdessä: yhteisiä altistavia, suojaavia ja riskitekijöitä; "
        "samanaikaisuus tai peräkkäisyys; ylisukupolvisuus; häpeä ja korkea avun hakemisen "
        "kynnys; toimintakyvyn heikkeneminen. Ne ovat ehkäistävissä oikein ajoitetuin, "
        "kohdennetuin ja integroiduin toimin.",
        "Fyra vindar – komplexa tillsammans: gemensamma exponerande, skyddande och "
        "riskfaktorer; samtidighet eller följd; generationsöverskridande; skam och en hög "
        "tröskel att söka hjälp; försämrad funktionsförmåga. De kan förebyggas med rätt tajmade, "
        "riktade och integrerade åtgärder.",
    ),
    "structures": (
        "Hyvinvointikoordinaattoreiden verkosto, yhdyspintaneuvottelukunta, järjestöneuvottelu"
        "kunta, hyvinvoinnin ja terveyden edistämisen lautakunta sekä hyte- ja yhdyspintatyön "
        "yksikkö kantavat yhteistyötä; hyte-verkostot ja ehkäisevän työn verkostot toimivat "
        "teemoittain.",
        "Nätverket av välfärdskoordinatorer, delegationen för gränsytor, organisations"
        "delegationen, nämnden för främjande av välfärd och hälsa samt enheten för välfärd och "
        "gränsytor bär samarbetet; nätverken arbetar tematiskt.",
    ),
    "actions": (
        "Hyte-kärjet 2020–2025: osallisuus ja yhteisöllisyys, mielen hyvinvointi, arjen "
        "turvallisuus sekä päihteettömyys ja terveelliset elintavat. Hyte-kertoimen "
        "seurantaryhmä perustettiin syksyllä 2023.",
        "Prioriteringarna 2020–2025: delaktighet och gemenskap, psykiskt välbefinnande, "
        "trygghet i vardagen samt drogfrihet och hälsosamma levnadsvanor. En uppföljnings"
        "grupp för HYTE-koefficienten grundades hösten 2023.",
    ),
    "summary": (
        "Lasten ja nuorten mielen hyvinvointia kohennetaan; vähän liikkuvat tavoitetaan ja "
        "ikäihmisten fyysinen toimintakyky kohenee. Hyte-yhteistyötä vahvistetaan: työssä "
        "sitoudutaan yhteisiin tavoitteisiin, alueelliset resurssit kohdennetaan järkevästi, "
        "yhteisistä asioista viestitään ja päätökset tehdään yhdessä.",
        "Barns och ungas psykiska välbefinnande förbättras; de som rör sig lite nås och äldres "
        "fysiska funktionsförmåga förbättras. Samarbetet stärks: man förbinder sig till "
        "gemensamma mål, de regionala resurserna riktas förnuftigt, man kommunicerar om "
        "gemensamma frågor och besluten fattas tillsammans.",
    ),
}

# Municipality code (or "county") → the card's texts.
CARDS = {
    "016": {
        "done": "Liikuntaneuvonnan ohjausprosessi tehtiin, ja liikuntaneuvonnan ajanvaraus on "
        "Lifecaressa: lääkäri, terveydenhoitaja tai fysioterapeutti voi varata ajan ja tehdä "
        "liikuntalähetteen.\n\nPerhekeskustoiminta: perhekeskusmanuaali, kohtaamispaikkojen "
        "periaatteet ja yhteiset koulutukset. Senioripalvelut: liikkuva senioripiste ja "
        "digitupa.",
        "successes": "Yhteistyö fysioterapialiikunnanohjaajan kanssa; alueellisesti "
        "koordinoitu liikuntaneuvonta. Vanhus-, vammais- ja veteraanineuvosto, "
        "nuorisovaltuusto, lapsiparlamentti sekä yhdistys- ja kyläillat kuulevat asukkaita.",
        "challenges": "Yhteistyön johtaminen; kuntien ja alueen suunnitelmien "
        "yhteensovittaminen; alueellinen tiedontuotanto ja tiedolla johtaminen; resurssien "
        "niukkuus ja henkilövaihdokset; kiristyvä taloustilanne.",
        "next_steps": "Vähän liikkuvat tavoitetaan, ja ikäihmisten fyysinen toimintakyky kohenee.",
        "people_reached": 240,
    },
    "098": {
        "done": "Kouluissa otettiin terveydentila puheeksi oppilashuollon kanssa, ja "
        "vertaisryhmiä käynnistettiin.",
        "successes": "Nuorisotyön ja koulujen yhteistyö.",
        "challenges": "Palvelupolut ja matalan kynnyksen tuki eivät tavoita kohderyhmää.",
        "next_steps": "Avun näkyväksi tekeminen.",
        "people_reached": 120,
    },
    "county": {
        "done": "Hyte-neuvottelut järjestettiin 17.8.2023 (49 osallistujaa), ja niiden "
        "yhteenveto on vuoden 2024 hyte-työn pohja. Hyte-kertoimen seurantaryhmä "
        "perustettiin.",
        "successes": "Yhteiset tavoitteet ja suunnitelmallisuus kuntien kanssa.",
        "challenges": "Palveluverkkovalmistelu on vienyt luottamusta; talouden tilanne haastaa.",
        "next_steps": "Ravitsemus- ja liikuntaneuvonta näkyviksi kouluissa.",
        "people_reached": None,
    },
}

"""What a new cooperation survey asks unless its organisers change it: the statements of
seed 001's comparison of municipal and county leadership, and the interfaces whose division
of work the seed's national project puts first."""

STATEMENTS = [
    (
        "Selkeästi määritellyt vastuuhenkilöt oman organisaation osalta",
        "Tydligt utsedda ansvarspersoner i den egna organisationen",
    ),
    (
        "Selkeästi määritellyt vastuuhenkilöt toisen organisaation osalta",
        "Tydligt utsedda ansvarspersoner i den andra organisationen",
    ),
    ("Yhteinen tietopohja ja tilannekuva", "Gemensamt kunskapsunderlag och lägesbild"),
    (
        "Yhteistyön suunnitelmallisuus perustuen yhteisiin tavoitteisiin ja toimintamalleihin",
        "Planmässigt samarbete som bygger på gemensamma mål och verksamhetsmodeller",
    ),
    ("Toimivat foorumit ja aito vuoropuhelu", "Fungerande forum och verklig dialog"),
    ("Tiedonkulku organisaatioiden välillä", "Informationsflödet mellan organisationerna"),
    (
        "Yhteisistä asioista viestitään ja päätökset valmistellaan yhdessä",
        "Gemensamma frågor kommuniceras och besluten bereds tillsammans",
    ),
]

THEME_CODES = [
    "health_promotion",
    "education",
    "pupil_welfare_families",
    "preparedness_safety",
    "employment",
    "integration_immigration",
    "ageing",
]

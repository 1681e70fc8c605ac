"""National-scale practice records for benchmarks (docs/performance.md): 10,000 records of
Innokylä's form (PRACTICES), nine in ten published, each with one to three topics and one or
two target groups, names and texts built from a vocabulary of the field, deterministic from
the seed. Written with bulk_create (10,000 rows need no COPY), then ANALYZE."""

import random
from time import perf_counter

from django.db import connection, transaction

from elinvoima.practices.enums import Audience, Phase, PracticeState, Topic
from elinvoima.practices.models import Practice, PracticeAudience, PracticeTopic

PRACTICES = 10_000
SCALE_MARKER = "Skaalausaineisto (generate_scale_data)."
WHAT = (
    "Kyläilta",
    "Yhdistysfoorumi",
    "Kumppanuusaamiainen",
    "Elinvoimapaja",
    "Liikuntaneuvonta",
    "Ystävätoiminta",
    "Kotikäynti",
    "Vertaisryhmä",
    "Nuorisovaltuusto",
    "Digituki",
    "Kulttuurikaveri",
    "Perhekahvila",
    "Senioripiste",
    "Kimppakyyti",
    "Asukasraati",
)
FOR_WHOM = (
    "ikäihmisille",
    "nuorille",
    "lapsiperheille",
    "kylille",
    "yhdistyksille",
    "työikäisille",
    "maahan muuttaneille",
    "omaishoitajille",
    "kaikille kuntalaisille",
)
HOW = (
    "kunnan ja järjestöjen yhteistyönä",
    "vapaaehtoisvoimin",
    "seurakunnan kanssa",
    "kirjastossa",
    "koulujen kanssa",
    "hyvinvointialueen kanssa",
    "kylätalolla",
)


def practice_scale_exists() -> bool:
    return Practice.objects.filter(author=SCALE_MARKER).exists()


def practice_scale_generate(*, seed: int, practices: int = PRACTICES) -> float:
    """Write the records; returns the seconds it took."""
    started = perf_counter()
    rng = random.Random(seed)
    topics, audiences = list(Topic.values), list(Audience.values)
    phases = list(Phase.values)
    with transaction.atomic():
        rows = []
        for number in range(practices):
            what, whom, how = rng.choice(WHAT), rng.choice(FOR_WHOM), rng.choice(HOW)
            name = f"{what} {whom} {number + 1}"
            summary = f"{what} {whom} {how}: tapaamisia, neuvontaa ja yhdessä tekemistä."
            rows.append(
                Practice(
                    kind="record",
                    name=name,
                    name_fi=name,
                    name_sv=f"Praxis {number + 1}",
                    name_en=name,
                    summary=summary,
                    summary_fi=summary,
                    core_idea_fi=f"{what} kokoaa {whom} tarkoitetun toiminnan {how}.",
                    region=rng.choice(("Keski-Suomi", "Päijät-Häme", "Pohjois-Pohjanmaa", "")),
                    author=SCALE_MARKER,
                    phase=rng.choice(phases),
                    state=PracticeState.PUBLISHED if rng.random() < 0.9 else PracticeState.DRAFT,
                )
            )
        created = Practice.objects.bulk_create(rows, batch_size=2000)
        PracticeTopic.objects.bulk_create(
            (
                PracticeTopic(practice=practice, code=code)
                for practice in created
                for code in rng.sample(topics, rng.randint(1, 3))
            ),
            batch_size=5000,
        )
        PracticeAudience.objects.bulk_create(
            (
                PracticeAudience(practice=practice, code=code)
                for practice in created
                for code in rng.sample(audiences, rng.randint(1, 2))
            ),
            batch_size=5000,
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Practice, PracticeTopic, PracticeAudience):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return perf_counter() - started

"""The first records of the library (seed_data.py): seed 003's record of the regional
workshops, published, with every Keski-Suomi municipality recorded as using it; and seed
004's cases as short published examples, each from its municipality. Written through the
services, as an editor would. Created once: what people later change is kept."""

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.core.demo import DemoContext
from elinvoima.practices import seed_data
from elinvoima.practices.models import Practice
from elinvoima.practices.services import (
    AdoptionData,
    PracticeData,
    adoption_save,
    practice_review,
    practice_save,
    practice_submit,
)

KESKI_SUOMI = "15"


def _published(data: PracticeData) -> Practice:
    practice = practice_save(user=None, data=data)
    practice_submit(user=None, practice=practice)
    return practice_review(user=None, practice=practice, publish=True)


def practices_demo_load(context: DemoContext) -> None:
    if Practice.objects.exists():
        return
    record = seed_data.ELINVOIMAPAJAT
    keeper = Organisation.objects.filter(name_fi="Keski-Suomen Yhteisöjen Tuki ry").first()
    workshops = _published(
        PracticeData(
            texts=record["texts"],
            facts=record["facts"],
            topics=record["topics"],
            audiences=record["audiences"],
            organisation=keeper,
        )
    )
    users = 0
    for municipality in Municipality.objects.filter(wellbeing_county__code=KESKI_SUOMI):
        adoption_save(
            user=None,
            practice=workshops,
            municipality=municipality,
            data=AdoptionData(
                since=2018,
                learned="Pajassa tehty yhteistyösuunnitelma on edennyt, kun se on nivottu "
                "kunnan muuhun järjestöyhteistyön kehittämiseen.",
                contact_name="KYT-järjestöpalvelut",
            ),
        )
        users += 1
    municipalities = Municipality.objects.in_bulk(field_name="code")
    for code, name, summary, source in seed_data.EXAMPLES:
        example = _published(
            PracticeData(
                texts={"name_fi": name, "summary_fi": summary},
                facts={
                    "kind": "example",
                    "phase": "established",
                    "region": municipalities[code].name_fi if code in municipalities else "",
                    "source": source,
                },
                topics=["participation", "cooperation"],
                audiences=["whole_population"],
            )
        )
        if code in municipalities:
            adoption_save(
                user=None,
                practice=example,
                municipality=municipalities[code],
                data=AdoptionData(since=2017),
            )
    context.count("good practices", Practice.objects.count())
    context.count("municipalities using the regional workshops", users)

"""The first records of the library (seed_data.py): seed 003's record of the regional
workshops, published, with its outline attached as a PDF and every Keski-Suomi municipality
recorded as using it; and seed 004's cases as short published examples, each from its
municipality. Written through the services, as an editor would. Created once: what people
later change is kept."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from elinvoima.actors.models import Municipality, Organisation, User
from elinvoima.core.demo import DemoContext
from elinvoima.practices import seed_data
from elinvoima.practices.demo_assessments import assessments_demo_load
from elinvoima.practices.enums import RoadmapStepCode
from elinvoima.practices.models import Practice
from elinvoima.practices.roadmap.models import RoadmapStep
from elinvoima.practices.roadmap.services import RoadmapStepData, roadmap_step_save
from elinvoima.practices.services import (
    AdoptionData,
    PracticeData,
    adoption_save,
    practice_file_add,
    practice_review,
    practice_save,
    practice_submit,
)

KESKI_SUOMI = "15"
UTAJARVI = "889"


def _published(data: PracticeData) -> Practice:
    practice = practice_save(user=None, data=data)
    practice_submit(user=None, practice=practice)
    return practice_review(user=None, practice=practice, publish=True)


def roadmap_demo_load(context: DemoContext) -> None:
    """Utajärvi's partnership roadmap: the first two steps done, the third due, its welfare
    coordinator responsible (once: what people later change is kept)."""
    utajarvi = Municipality.objects.filter(code=UTAJARVI).first()
    if utajarvi is None or RoadmapStep.objects.filter(municipality=utajarvi).exists():
        return
    coordinator = User.objects.filter(username="hyte.utajarvi").first()
    responsible = "Sanna Kemppainen, hyvinvointijohtaja"
    today = timezone.localdate()
    steps = [
        (
            RoadmapStepCode.IDENTIFY,
            RoadmapStepData(
                responsible=responsible,
                due_on=today - datetime.timedelta(days=420),
                done_on=today - datetime.timedelta(days=430),
                notes="Järjestöt koottiin hakemistoon; kirjastosta löytyivät Keski-Suomen pajat.",
            ),
        ),
        (
            RoadmapStepCode.GATHER,
            RoadmapStepData(
                responsible=responsible,
                due_on=today - datetime.timedelta(days=200),
                done_on=today - datetime.timedelta(days=210),
                notes="Elinvoimaryhmä kokoaa kunnan, järjestöt ja yritykset.",
            ),
        ),
        (
            RoadmapStepCode.NEW_WAYS,
            RoadmapStepData(responsible=responsible, due_on=today + datetime.timedelta(days=90)),
        ),
    ]
    for step, data in steps:
        roadmap_step_save(user=coordinator, municipality=utajarvi, step=step, data=data)
    context.count("steps of Utajärvi's partnership roadmap", len(steps))


def practices_demo_load(context: DemoContext) -> None:
    roadmap_demo_load(context)
    assessments_demo_load(context)
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
    name, content = seed_data.ELINVOIMAPAJAT_FILE
    practice_file_add(user=None, practice=workshops, upload=ContentFile(content, name=name))
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

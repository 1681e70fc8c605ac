"""The demo's meetings (seed 000): Utajärvi's vitality group met twice — the first meeting's
minutes approved at the second, whose minutes are ready — and meets again soon, invited;
Vaala's network of children and families forwarded a decision to the young people's network
and into the welfare committee's preparation. Dates are relative to the day the demo is
loaded, so that there is always a held, a ready and a coming meeting. Created once."""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from elinvoima.actors.models import User
from elinvoima.core.demo import DemoContext

from .enums import ActionItemStatus
from .meetings.models import ActionItem, AgendaItem, Attendance, Forward, Meeting
from .meetings.services import agenda_document_add
from .models import Network, NetworkMembership

UTAJARVI_GROUP = "Utajärven elinvoimaryhmä"
VAALA_CHILDREN = "Vaalan ikäkausiverkosto: lapset ja lapsiperheet"
VAALA_YOUNG = "Vaalan ikäkausiverkosto: nuoret"
# A one-page PDF for the demo's agenda document.
DOCUMENT_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _meeting(network: Network, title: str, days: int, **fields) -> Meeting:
    return Meeting.objects.create(
        network=network,
        title=title,
        starts_at=_at(days, 17),
        ends_at=_at(days, 19),
        place=fields.pop("place", "Utajärven kunnantalo, valtuustosali"),
        **fields,
    )


def _items(meeting: Meeting, items: list[tuple[str, str, User | None, str]]) -> list[AgendaItem]:
    return [
        AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            title=title,
            proposal=proposal,
            presenter=presenter,
            decision=decision,
        )
        for position, (title, proposal, presenter, decision) in enumerate(items, start=1)
    ]


def _present(meeting: Meeting, absent: tuple[str, ...] = ()) -> None:
    day = timezone.localdate(meeting.starts_at)
    for membership in NetworkMembership.objects.filter(
        network=meeting.network, starts_on__lte=day, ends_on__isnull=True
    ).select_related("user"):
        Attendance.objects.create(
            meeting=meeting,
            membership=membership,
            present=membership.user.username not in absent,
        )


def meetings_demo_load(context: DemoContext) -> None:
    group = Network.objects.filter(name_fi=UTAJARVI_GROUP).first()
    if group is None or group.meetings.exists():
        return
    people = User.objects.in_bulk(
        [
            "kunnanjohtaja.utajarvi",
            "toimistosihteeri.utajarvi",
            "kulttuurisihteeri.utajarvi",
            "hyte.utajarvi",
            "yhdistys.reuma",
            "hyte.vaala",
            "yhdistys.mll",
        ],
        field_name="username",
    )
    # Memberships start well before the first meeting.
    NetworkMembership.objects.filter(ends_on__isnull=True).update(
        starts_on=timezone.localdate() - timedelta(days=400)
    )
    presenter, manager = people["kulttuurisihteeri.utajarvi"], people["kunnanjohtaja.utajarvi"]

    first = _meeting(group, "Elinvoimaryhmän kokous 1", -70, invited_at=_at(-84, 9))
    first_items = _items(
        first,
        [
            ("Kokouksen avaus ja läsnäolijat", "", manager, "Puheenjohtaja avasi kokouksen."),
            (
                "Vuosikello = osallisuussuunnitelma",
                "Esitetään elinvoimaryhmän vuosikello tapahtumista, kokouksista ja "
                "päätösprosesseista. Vuosikello on samalla osallisuussuunnitelma.",
                presenter,
                "Vuosikello hyväksyttiin osallisuussuunnitelmaksi.",
            ),
            (
                "Mökkiläistoiminta ensi kesänä",
                "Kesäasukkaiden edustaja kutsutaan seuraavaan kokoukseen.",
                presenter,
                "Valmistellaan kesäasukkaiden ilta kesäkuulle; esitys hyvinvointivaliokunnalle.",
            ),
        ],
    )
    _present(first, absent=("yhdistys.reuma",))
    first.minutes_ready_at = _at(-66, 12)

    second = _meeting(group, "Elinvoimaryhmän kokous 2", -21, invited_at=_at(-35, 9))
    second_items = _items(
        second,
        [
            ("Edellisen kokouksen pöytäkirjan hyväksyminen", "", manager, "Hyväksyttiin."),
            (
                "Kuntalaisnäkemysten kokoaminen kyläilloista",
                "Kyläyhdistykset kokoavat syksyn kyläilloissa asukkaiden näkemykset "
                "vuoden 2027 talousarvion valmisteluun.",
                presenter,
                "Kyläillat pidetään lokakuussa; järjestöagentit kokoavat näkemykset.",
            ),
        ],
    )
    _present(second)
    second.minutes_ready_at = _at(-18, 12)
    second.save()
    first.minutes_approved_at = second.starts_at + timedelta(minutes=10)
    first.minutes_approved_in = second
    first.save()

    coming = _meeting(group, "Elinvoimaryhmän kokous 3", 14, invited_at=_at(-1, 9))
    coming_items = _items(
        coming,
        [
            ("Edellisen kokouksen pöytäkirjan hyväksyminen", "", manager, ""),
            (
                "Kumppanuusasiakirjan päivitys",
                "Käydään läpi avustuskäytännöt ja tilojen käyttöperiaatteet.",
                presenter,
                "",
            ),
        ],
    )
    agenda_document_add(
        user=None,
        item=coming_items[1],
        upload=ContentFile(DOCUMENT_PDF, name="Kumppanuusasiakirja.pdf"),
    )
    ActionItem.objects.create(
        meeting=first,
        item=first_items[2],
        title="Kutsu kesäasukkaiden edustaja seuraavaan kokoukseen",
        owner=people["hyte.utajarvi"],
        due_on=timezone.localdate() - timedelta(days=30),
        status=ActionItemStatus.DONE,
        done_on=timezone.localdate() - timedelta(days=40),
    )
    ActionItem.objects.create(
        meeting=second,
        item=second_items[1],
        title="Kokoa kyläiltojen näkemykset yhteen",
        owner=people["yhdistys.reuma"],
        due_on=timezone.localdate() + timedelta(days=30),
    )
    Forward.objects.create(
        item=first_items[2],
        to_body="Hyvinvointivaliokunta",
        note="Esitys kesäasukkaiden illasta.",
        created_by=people["toimistosihteeri.utajarvi"],
    )

    children = Network.objects.get(name_fi=VAALA_CHILDREN)
    young = Network.objects.get(name_fi=VAALA_YOUNG)
    vaala_meeting = _meeting(
        children,
        "Lasten ja lapsiperheiden verkosto, syyskokous",
        -30,
        place="Vaalan kunnantalo",
        invited_at=_at(-44, 9),
    )
    vaala_items = _items(
        vaala_meeting,
        [
            (
                "Harrastusten esteet",
                "Perheet kertovat kyselyssä, että kuljetukset estävät harrastamista.",
                people["hyte.vaala"],
                "Viedään nuorten verkostolle ja kunnan päätöksentekoon.",
            )
        ],
    )
    _present(vaala_meeting)
    vaala_meeting.minutes_ready_at = _at(-28, 12)
    vaala_meeting.save()
    Forward.objects.create(
        item=vaala_items[0],
        to_network=young,
        note="Miten nuoret itse ratkaisisivat harrastusten kuljetukset?",
        created_by=people["hyte.vaala"],
    )
    context.count("meetings", Meeting.objects.count())

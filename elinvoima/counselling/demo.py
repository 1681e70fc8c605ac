"""Demo data of exercise counselling (seed 001, Lapinjärvi): Itä-Uusimaa's agreement with
Lapinjärvi on its counsellors' right to record, the county's grants of access to the
counsellor `liikuntaneuvoja.lapinjarvi` (inducted) and the doctor `laakari.lapinjarvi`,
the counsellor's free times of the coming weeks, the health centre's care team (granted
reading; the doctor is the only demo professional of the county), and one referred client (a
made-up identity code, stdnum's example) with the plan made at the first visit and a consent
to a follow-up survey."""

import datetime

from django.utils import timezone

from elinvoima.actors.models import Municipality, User
from elinvoima.core.demo import DemoContext
from elinvoima.core.second_factor import has_second_factor, linking_allow
from elinvoima.counselling.consent import consent_record
from elinvoima.counselling.enums import AccessRole, ConsentPurpose
from elinvoima.counselling.models import AccessAgreement, CareTeam, Slot, StaffAccess
from elinvoima.counselling.services import ReferralData, plan_save, referral_create

LAPINJARVI = "407"
PLACE = "Lapinjärven terveysasema, liikuntaneuvonnan huone"


def counselling_demo_load(context: DemoContext) -> None:
    municipality = Municipality.objects.filter(code=LAPINJARVI).first()
    users = User.objects.in_bulk(
        ["liikuntaneuvoja.lapinjarvi", "laakari.lapinjarvi"], field_name="username"
    )
    if municipality is not None:
        _keeper_load(context, municipality.wellbeing_county)
    _second_factor_linking_allowed([*users.values(), *User.objects.filter(username=KEEPER)])
    if municipality is None or len(users) < 2 or AccessAgreement.objects.exists():
        return
    county = municipality.wellbeing_county
    today = timezone.localdate()
    AccessAgreement.objects.create(
        wellbeing_county=county,
        municipality=municipality,
        reference="Sopimus kunnan liikunnanohjaajien oikeudesta kirjata "
        "hyvinvointialueen potilastietojärjestelmään",
        valid_from=today - datetime.timedelta(days=365),
    )
    counsellor, doctor = users["liikuntaneuvoja.lapinjarvi"], users["laakari.lapinjarvi"]
    until = today + datetime.timedelta(days=365)
    StaffAccess.objects.create(
        user=counsellor,
        wellbeing_county=county,
        municipality=municipality,
        role=AccessRole.COUNSELLOR,
        valid_from=today - datetime.timedelta(days=90),
        valid_until=until,
        inducted_on=today - datetime.timedelta(days=85),
    )
    StaffAccess.objects.create(
        user=doctor,
        wellbeing_county=county,
        role=AccessRole.REFERRER,
        valid_from=today - datetime.timedelta(days=90),
        valid_until=until,
    )
    team = CareTeam.objects.create(
        wellbeing_county=county,
        name="Lapinjärven terveysaseman hoitotiimi",
        may_read=True,
        may_read_set_at=timezone.now(),
    )
    team.members.add(doctor)  # the referral below is made within it
    first = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    slots = [
        Slot(
            counsellor=counsellor,
            municipality=municipality,
            starts_at=first + datetime.timedelta(days=day, hours=hour),
            ends_at=first + datetime.timedelta(days=day, hours=hour, minutes=45),
            place=PLACE,
        )
        for day in range(1, 22)
        if (today + datetime.timedelta(days=day)).weekday() in (1, 3)  # Tuesdays, Thursdays
        for hour in (0, 1, 3, 4)
    ]
    Slot.objects.bulk_create(slots)
    period = referral_create(
        user=doctor,
        data=ReferralData(
            identity_code="131052-308T",
            name="Demo Asiakas",
            municipality=municipality,
            reason="Vähäinen liikunta; kohonnut tyypin 2 diabeteksen riski.",
            goals="Liikuntaa 150 minuuttia viikossa.",
            risk_factors="Kohonnut verensokeri, polvikipu portaissa.",
            slot=Slot.objects.filter(counsellor=counsellor).order_by("starts_at").first(),
        ),
    )
    plan_save(
        user=counsellor,
        period=period,
        exercise_plan="Kävely kolmesti viikossa 30 minuuttia; vesijumppa torstaisin.",
        self_care="Askelmittari ja liikuntapäiväkirja.",
    )
    consent_record(
        user=counsellor,
        period=period,
        purpose=ConsentPurpose.FOLLOW_UP,
        description="Liikuntaneuvonnan seurantakysely 12 kuukauden kuluttua",
        given_on=today,
    )
    context.count("exercise counselling times", len(slots))


KEEPER = "rekisteri.itauusimaa"


def _second_factor_linking_allowed(people) -> None:
    """The demo's counselling people may link an authenticator app for a year (in real use
    the keeper's grant of access gives the leave)."""
    for person in people:
        if not has_second_factor(person):
            linking_allow(person, by=None, days=365)


def _keeper_load(context: DemoContext, county) -> None:
    """The county's keeper of the register (no demo account of actors works for
    Itä-Uusimaa): a county official with a KEEPER grant, who lists who looked at a client,
    keeps the agreements and grants, exports a client's data and erases by retention."""
    from elinvoima.actors.demo import acting_organisation
    from elinvoima.actors.enums import Role
    from elinvoima.actors.models import Membership

    keeper, created = User.objects.get_or_create(
        username=KEEPER,
        defaults={
            "first_name": "Sari",
            "last_name": "Nieminen",
            "email": f"{KEEPER}@example.invalid",
        },
    )
    if created or not keeper.check_password(context.password):
        keeper.set_password(context.password)
        keeper.save(update_fields=["password"])
    Membership.objects.update_or_create(
        user=keeper,
        organisation=acting_organisation("county", county.code),
        role=Role.COUNTY_OFFICIAL,
        defaults={"title": "potilasrekisterin vastuuhenkilö"},
    )
    if not StaffAccess.objects.filter(user=keeper, role=AccessRole.KEEPER).exists():
        today = timezone.localdate()
        StaffAccess.objects.create(
            user=keeper,
            wellbeing_county=county,
            role=AccessRole.KEEPER,
            valid_from=today - datetime.timedelta(days=365),
            valid_until=today + datetime.timedelta(days=365),
        )
    context.accounts.append((KEEPER, "keeper of the counselling register, Itä-Uusimaa"))

"""County-scale exercise counselling data for `counselling_record_read`: in Lapinjärvi's
county, an agreement with Lapinjärvi, a bench counsellor and referrer with valid grants,
20,000 clients with a period each (referral texts, plan), 80,000 visits with notes and
measurements, and 200,000 audit entries — every health text encrypted as the product
stores it (bulk_create goes through the encrypted fields). Made once; found again by the
bench counsellor's username."""

import datetime
import json
import random

from django.db import transaction
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.models import Membership, Municipality, Organisation, User
from elinvoima.actors.services import reference_data_load
from elinvoima.bench.harness import progress
from elinvoima.counselling.crypto import keyed_hash
from elinvoima.counselling.enums import AccessRole, AuditAction, ClientSource
from elinvoima.counselling.models import (
    AccessAgreement,
    AuditEntry,
    Client,
    Period,
    StaffAccess,
    Visit,
)

MUNICIPALITY = "407"  # Lapinjärvi
COUNSELLOR, REFERRER = "bench.liikuntaneuvoja", "bench.laakari"
CLIENTS, VISITS_EACH, AUDIT = 20_000, 4, 200_000
BATCH = 2_000


def _person(username: str, organisation: Organisation, role: str) -> User:
    user, _created = User.objects.get_or_create(
        username=username, defaults={"first_name": "Vertailu", "last_name": username}
    )
    Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    return user


def _code(n: int) -> str:
    """A valid-looking identity code (checksum right) of the 1900s, unique per n."""
    day = datetime.date(1940, 1, 1) + datetime.timedelta(days=n % 20_000)
    serial = 2 + (n // 20_000) * 2 + 100
    number = int(f"{day:%d%m%y}{serial:03d}")
    check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[number % 31]
    return f"{day:%d%m%y}-{serial:03d}{check}"


@transaction.atomic
def _generate(counsellor: User, referrer: User, municipality: Municipality) -> Period:
    county = municipality.wellbeing_county
    rng = random.Random(1)
    clients = []
    for n in range(CLIENTS):
        code = _code(n)
        clients.append(
            Client(
                wellbeing_county=county,
                identity_code=code,
                identity_hash=keyed_hash("identity_code", code),
                name=f"Asiakas {n}",
            )
        )
    clients = Client.objects.bulk_create(clients, batch_size=BATCH)
    periods = Period.objects.bulk_create(
        [
            Period(
                client=client,
                municipality=municipality,
                source=ClientSource.REFERRAL,
                referrer=referrer,
                reason="Liikkumattomuus; kohonnut tyypin 2 diabeteksen riski.",
                goals="Liikuntaa 150 minuuttia viikossa.",
                exercise_plan="Kävely kolmesti viikossa 30 minuuttia.",
            )
            for client in clients
        ],
        batch_size=BATCH,
    )
    Period.counsellors.through.objects.bulk_create(
        [Period.counsellors.through(period_id=p.pk, user_id=counsellor.pk) for p in periods],
        batch_size=BATCH,
    )
    today = timezone.localdate()
    Visit.objects.bulk_create(
        [
            Visit(
                period=period,
                visited_on=today - datetime.timedelta(days=7 * v + 1),
                notes="Käynti: liikuntapäiväkirja läpi, tavoitteet tarkistettu.",
                measurements=json.dumps({"activity_minutes": rng.randint(30, 200)}),
                recorded_by=counsellor,
            )
            for period in periods
            for v in range(VISITS_EACH)
        ],
        batch_size=BATCH,
    )
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                user=counsellor,
                client_id=periods[n % CLIENTS].client_id,
                period=periods[n % CLIENTS],
                action=AuditAction.READ,
                what="record",
            )
            for n in range(AUDIT)
        ],
        batch_size=BATCH,
    )
    return periods[CLIENTS // 2]


def counselling_scale_ensure() -> tuple[User, Period]:
    """The bench counsellor and one of their clients' periods, generated when missing."""
    reference_data_load()
    municipality = Municipality.objects.get(code=MUNICIPALITY)
    county = municipality.wellbeing_county
    own = Organisation.objects.filter(
        kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    ).first()
    county_own = Organisation.objects.filter(
        kind=OrganisationKind.WELLBEING_COUNTY, wellbeing_county=county
    ).first()
    if own is None or county_own is None:
        raise RuntimeError("the reference data has no organisation of Lapinjärvi or its county")
    counsellor = _person(COUNSELLOR, own, Role.EXERCISE_COUNSELLOR)
    referrer = _person(REFERRER, county_own, Role.REFERRING_PROFESSIONAL)
    today = timezone.localdate()
    if not AccessAgreement.objects.filter(wellbeing_county=county, municipality=municipality):
        AccessAgreement.objects.create(
            wellbeing_county=county,
            municipality=municipality,
            reference="Vertailu",
            valid_from=today - datetime.timedelta(days=365),
        )
    for user, role in ((counsellor, AccessRole.COUNSELLOR), (referrer, AccessRole.REFERRER)):
        StaffAccess.objects.filter(user=user).delete()
        StaffAccess.objects.create(
            user=user,
            wellbeing_county=county,
            municipality=municipality if role == AccessRole.COUNSELLOR else None,
            role=role,
            valid_from=today - datetime.timedelta(days=30),
            valid_until=today + datetime.timedelta(days=365),
            inducted_on=today - datetime.timedelta(days=20)
            if role == AccessRole.COUNSELLOR
            else None,
        )
    existing = Period.objects.filter(counsellors=counsellor).order_by("pk")
    count = existing.count()
    if count >= CLIENTS:
        return counsellor, existing[CLIENTS // 2]
    visits = CLIENTS * VISITS_EACH
    progress(f"counselling scale: {CLIENTS} clients, {visits} visits, {AUDIT} audit entries")
    return counsellor, _generate(counsellor, referrer, municipality)

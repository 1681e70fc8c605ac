"""Loading the demo data of demo_data.py. Idempotent: running it again changes nothing."""

from dataclasses import dataclass, field

from django.db import transaction

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import (
    Membership,
    Municipality,
    Organisation,
    TargetGroup,
    Theme,
    User,
    Village,
    WellbeingCounty,
)
from elinvoima.actors.services import reference_data_load
from elinvoima.networks.models import Network, NetworkMembership

from .demo_data import DEMO_ACCOUNTS, NETWORKS, ORGANISATIONS, VILLAGES


@dataclass
class DemoResult:
    counties: int
    municipalities: int
    organisations: int
    networks: int = 0
    accounts: list[tuple[str, str]] = field(default_factory=list)


def _acting_organisation(kind: str, code: str) -> Organisation:
    if kind == "municipality":
        return Organisation.objects.get(kind=OrganisationKind.MUNICIPALITY, municipality__code=code)
    return Organisation.objects.get(
        kind=OrganisationKind.WELLBEING_COUNTY, wellbeing_county__code=code
    )


@transaction.atomic
def demo_data_load(*, password: str) -> DemoResult:
    reference = reference_data_load()
    municipalities = Municipality.objects.in_bulk(field_name="code")
    counties = WellbeingCounty.objects.in_bulk(field_name="code")

    villages = _villages_load(municipalities)
    themes = Theme.objects.in_bulk(field_name="code")
    target_groups = TargetGroup.objects.in_bulk(field_name="code")
    organisations: dict[str, Organisation] = {}
    for key, spec in ORGANISATIONS.items():
        home = municipalities[spec["municipality"]] if spec.get("municipality") else None
        county = counties[spec["county"]] if spec.get("county") else None
        parent = _acting_organisation(*spec["parent"]) if spec.get("parent") else None
        # Created once; what an organisation later edits in its profile is kept.
        organisation, created = Organisation.objects.get_or_create(
            name_fi=spec["name_fi"],
            kind=spec["kind"],
            defaults={
                "name_sv": spec["name_sv"],
                "name_en": spec["name_fi"],
                "municipality": home,
                "wellbeing_county": county,
                "parent": parent,
                "business_id": spec.get("business_id", ""),
                "register_number": spec.get("register_number", ""),
                "description_fi": spec.get("description_fi", ""),
                "description_sv": spec.get("description_sv", ""),
                "regular_activities_fi": spec.get("regular_activities_fi", ""),
            },
        )
        if created:
            operates_in = {municipalities[code] for code in spec.get("operates_in", [])}
            organisation.municipalities.set(operates_in | ({home} if home else set()))
            organisation.themes.set(themes[code] for code in spec.get("themes", []))
            organisation.target_groups.set(target_groups[c] for c in spec.get("target_groups", []))
            organisation.villages.set(
                villages[home.code, name] for name in spec.get("villages", [])
            )
        organisations[key] = organisation

    result = DemoResult(
        counties=reference.counties,
        municipalities=reference.municipalities,
        organisations=len(organisations),
    )
    result.networks = _networks_load(organisations, municipalities, counties)
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account["username"],
            defaults={
                "first_name": account["first_name"],
                "last_name": account["last_name"],
                "email": f"{account['username']}@example.invalid",
                "is_superuser": account.get("superuser", False),
                "is_staff": account.get("superuser", False),
            },
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        for target, role, title in account["memberships"]:
            organisation = (
                _acting_organisation(*target)
                if isinstance(target, tuple)
                else organisations[target]
            )
            Membership.objects.update_or_create(
                user=user, organisation=organisation, role=role, defaults={"title": title}
            )
        for network_name, network_role in account.get("networks", []):
            NetworkMembership.objects.update_or_create(
                user=user,
                network=Network.objects.get(name_fi=network_name),
                defaults={"role": network_role},
            )
        result.accounts.append((account["username"], account["description"]))
    return result


def _networks_load(organisations, municipalities, counties) -> int:
    def organisation(target):
        return _acting_organisation(*target) if isinstance(target, tuple) else organisations[target]

    for spec in NETWORKS:
        network, created = Network.objects.get_or_create(
            name_fi=spec["name_fi"],
            defaults={
                "name_sv": spec["name_sv"],
                "name_en": spec["name_fi"],
                "kind": spec["kind"],
                "description_fi": spec.get("description_fi", ""),
                "municipality": municipalities.get(spec.get("municipality")),
                "wellbeing_county": counties.get(spec.get("county")),
                "coordinator": organisation(spec["coordinator"]),
            },
        )
        if created:
            network.members.set(organisation(key) for key in spec["members"])
    return len(NETWORKS)


def _villages_load(municipalities) -> dict[tuple[str, str], Village]:
    villages = {}
    for code, names in VILLAGES.items():
        for name_fi, name_sv in names:
            village, _ = Village.objects.get_or_create(
                municipality=municipalities[code],
                name_fi=name_fi,
                defaults={"name_sv": name_sv, "name_en": name_fi},
            )
            villages[code, name_fi] = village
    return villages

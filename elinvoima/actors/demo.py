"""Loading the actors' demo data of demo_data.py: reference data, villages, organisations,
accounts (and people without a login) with their memberships and the interface tables.
Idempotent: running it again changes nothing. Later apps' loaders find the organisations in
`context.objects["organisations"]` by their demo key."""

from elinvoima.actors.demo_data import (
    ASIKKALA,
    ASIKKALA_INTERFACES,
    DEMO_ACCOUNTS,
    INTERFACE_COORDINATOR,
    INTERFACE_COUNTY_UNIT,
    ORGANISATIONS,
    OTHER_INTERFACES,
    PAIJAT_HAME_COUNTY_CONTACTS,
    PEOPLE_WITHOUT_LOGIN,
    VILLAGES,
)
from elinvoima.actors.enums import InterfaceSide, OrganisationKind
from elinvoima.actors.interfaces.models import InterfaceContact, InterfaceTheme
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
from elinvoima.core.demo import DemoContext


def acting_organisation(kind: str, code: str) -> Organisation:
    """The organisation that acts for a municipality or county itself."""
    if kind == "municipality":
        return Organisation.objects.get(kind=OrganisationKind.MUNICIPALITY, municipality__code=code)
    return Organisation.objects.get(
        kind=OrganisationKind.WELLBEING_COUNTY, wellbeing_county__code=code
    )


def actors_demo_load(context: DemoContext) -> None:
    password = context.password
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
        parent = acting_organisation(*spec["parent"]) if spec.get("parent") else None
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
                "regular_activities_sv": spec.get("regular_activities_sv", ""),
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

    context.count("wellbeing counties", reference.counties)
    context.count("municipalities", reference.municipalities)
    context.count("organisations", len(organisations))
    context.objects["organisations"] = organisations
    for account in DEMO_ACCOUNTS:
        _person_load(account, organisations, password=password)
        context.accounts.append((account["username"], account["description"]))
    for person in PEOPLE_WITHOUT_LOGIN:
        _person_load(person, organisations, password=None)
    context.count("people without a login", len(PEOPLE_WITHOUT_LOGIN))
    _interfaces_load(municipalities, organisations)


def _person_load(account: dict, organisations, *, password: str | None) -> None:
    """A demo account with the demo password, or (`password=None`) a person who cannot log
    in, with the memberships of `account`."""
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
    if password is None:
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
    elif created or not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    for target, role, title in account["memberships"]:
        organisation = (
            acting_organisation(*target) if isinstance(target, tuple) else organisations[target]
        )
        Membership.objects.update_or_create(
            user=user, organisation=organisation, role=role, defaults={"title": title}
        )


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


def _interfaces_load(municipalities, organisations) -> None:
    """Asikkala's interface table of seed 001 and partial tables of other Päijät-Häme
    municipalities; the regional networks get their interface themes. Created once: what
    the county and the municipalities later edit is kept."""
    themes = InterfaceTheme.objects.in_bulk(field_name="code")
    unit_key, unit_mark = INTERFACE_COUNTY_UNIT
    county_unit = organisations[unit_key]
    coordinator_username, coordinator_title = INTERFACE_COORDINATOR
    coordinator = User.objects.get(username=coordinator_username)
    tables = {
        ASIKKALA: (
            [(theme, InterfaceSide.COUNTY, county) for theme, county, _ in ASIKKALA_INTERFACES]
            + [(theme, InterfaceSide.MUNICIPALITY, own) for theme, _, own in ASIKKALA_INTERFACES]
        )
    }
    for code, (county_themes, own) in OTHER_INTERFACES.items():
        tables[code] = [
            (theme, InterfaceSide.COUNTY, PAIJAT_HAME_COUNTY_CONTACTS[theme])
            for theme in county_themes
        ] + [(theme, InterfaceSide.MUNICIPALITY, title) for theme, title in own.items()]
    for code, rows in tables.items():
        for theme, side, title in rows:
            in_hyte_unit = side == InterfaceSide.COUNTY and unit_mark in title
            is_coordinator = (
                code == ASIKKALA
                and side == InterfaceSide.MUNICIPALITY
                and title == coordinator_title
            )
            InterfaceContact.objects.get_or_create(
                municipality=municipalities[code],
                theme=themes[theme],
                side=side,
                defaults={
                    "title": title,
                    "organisation": county_unit if in_hyte_unit else None,
                    "person": coordinator if is_coordinator else None,
                },
            )

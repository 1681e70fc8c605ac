"""Factories of the actors app: counties, municipalities, organisations, people and roles.

Every translated field is filled in fi, sv and en. Themes, target groups and interface themes
whose code is one of the reference data's (`elinvoima/actors/reference_data/*.csv`) get that
row's names and position, so `ThemeFactory(code="peer_support")` is the real peer support.

The role helpers (`coordinator_of`, `county_official_of`, `representative_of`…) create a user
with the membership that grants the role in `elinvoima.actors.permissions`: a municipality's
roles through the organisation that acts for the municipality itself (kind MUNICIPALITY), a
county's through the county's own organisation (kind WELLBEING_COUNTY).
"""

import csv
import functools

import factory
from django.test import Client
from stdnum.fi import ytunnus

from elinvoima.actors.enums import InterfaceSide, OrganisationKind, Role
from elinvoima.actors.interfaces.models import InterfaceContact, InterfaceTheme
from elinvoima.actors.models import (
    Contact,
    MeetingPlace,
    Membership,
    Municipality,
    Organisation,
    TargetGroup,
    Theme,
    User,
    Village,
    WellbeingCounty,
)
from elinvoima.actors.services import REFERENCE_DATA_DIR

PASSWORD = "elinvoima-test"


@functools.cache
def reference_rows(file_name: str) -> dict[str, dict]:
    """code → row (with its `position`) of one reference data CSV file."""
    with open(REFERENCE_DATA_DIR / file_name, encoding="utf-8", newline="") as handle:
        return {
            row["code"]: {**row, "position": position}
            for position, row in enumerate(csv.DictReader(handle))
        }


@functools.cache
def _free_municipality_codes() -> tuple[str, ...]:
    """Three-digit codes no real municipality has, so factory-made municipalities never
    collide with the reference data (999 is left out: tests use it as an unknown code)."""
    taken = set(reference_rows("municipalities.csv")) | {"000", "999"}
    return tuple(code for code in (f"{n:03}" for n in range(1000)) if code not in taken)


def _free_municipality_code(n: int) -> str:
    codes = _free_municipality_codes()
    return codes[n % len(codes)]


def valid_business_id(n: int) -> str:
    """The n-th valid business ID (Y-tunnus) from 3000000-?, check digit computed by
    python-stdnum (a body whose check would be 10 has no valid ID, so it is skipped)."""
    body = 3_000_000 + n * 7
    while True:
        for digit in "0123456789":
            candidate = f"{body:07}-{digit}"
            if ytunnus.is_valid(candidate):
                return candidate
        body += 1


def valid_register_number(n: int) -> str:
    """An association register number (yhdistysrekisterinumero) in its official format."""
    return f"{200 + n // 1000 % 800}.{n % 1000:03}"


class WellbeingCountyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WellbeingCounty
        django_get_or_create = ("code",)

    # Real counties are 1–23, 90 and 91.
    code = factory.Sequence(lambda n: str(30 + n % 60))
    name_fi = factory.Sequence(lambda n: f"Testimaan hyvinvointialue {n}")
    name_sv = factory.Sequence(lambda n: f"Testlands välfärdsområde {n}")
    name_en = factory.Sequence(lambda n: f"Testland wellbeing services county {n}")
    short_name_fi = factory.Sequence(lambda n: f"Testimaa {n}")
    short_name_sv = factory.Sequence(lambda n: f"Testland {n}")
    short_name_en = factory.Sequence(lambda n: f"Testland {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = factory.Sequence(_free_municipality_code)
    name_fi = factory.Sequence(lambda n: f"Testilä {n}")
    name_sv = factory.Sequence(lambda n: f"Testby {n}")
    name_en = factory.Sequence(lambda n: f"Testville {n}")
    wellbeing_county = factory.SubFactory(WellbeingCountyFactory)
    population = 5000
    population_year = 2020


def _reference_name(file_name: str, language: str):
    def name(entry) -> str:
        row = reference_rows(file_name).get(entry.code)
        return row[f"name_{language}"] if row else f"{entry.code} ({language})"

    return factory.LazyAttribute(name)


def _reference_position(file_name: str):
    def position(entry) -> int:
        row = reference_rows(file_name).get(entry.code)
        return row["position"] if row else 100

    return factory.LazyAttribute(position)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"theme-{n}")
    name_fi = _reference_name("themes.csv", "fi")
    name_sv = _reference_name("themes.csv", "sv")
    name_en = _reference_name("themes.csv", "en")
    position = _reference_position("themes.csv")


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"group-{n}")
    name_fi = _reference_name("target_groups.csv", "fi")
    name_sv = _reference_name("target_groups.csv", "sv")
    name_en = _reference_name("target_groups.csv", "en")
    position = _reference_position("target_groups.csv")


class InterfaceThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterfaceTheme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"interface-{n}")
    name_fi = _reference_name("interface_themes.csv", "fi")
    name_sv = _reference_name("interface_themes.csv", "sv")
    name_en = _reference_name("interface_themes.csv", "en")
    position = _reference_position("interface_themes.csv")


def reference_themes() -> dict[str, Theme]:
    """All themes of the reference data (16 rows), by code."""
    return {code: ThemeFactory(code=code) for code in reference_rows("themes.csv")}


def reference_target_groups() -> dict[str, TargetGroup]:
    """All target groups of the reference data (5 rows), by code."""
    return {code: TargetGroupFactory(code=code) for code in reference_rows("target_groups.csv")}


class VillageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Village

    municipality = factory.SubFactory(MunicipalityFactory)
    name_fi = factory.Sequence(lambda n: f"Testikylä {n}")
    name_sv = factory.Sequence(lambda n: f"Testbyn {n}")
    name_en = factory.Sequence(lambda n: f"Test village {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An association of a municipality by default, operating in its home municipality.

    `themes`, `target_groups`, `villages` and `municipalities` (of operation, besides the
    home municipality) take lists: `OrganisationFactory(themes=[theme])`."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    class Params:
        with_business_id = factory.Trait(business_id=factory.Sequence(valid_business_id))

    name_fi = factory.Sequence(lambda n: f"Testiyhdistys {n} ry")
    name_sv = factory.Sequence(lambda n: f"Testföreningen {n} rf")
    name_en = factory.Sequence(lambda n: f"Test association {n}")
    kind = OrganisationKind.ASSOCIATION
    municipality = factory.SubFactory(MunicipalityFactory)
    description_fi = factory.LazyAttribute(lambda o: f"Yhdistyksen {o.name_fi} kuvaus.")
    description_sv = factory.LazyAttribute(lambda o: f"Beskrivning av {o.name_sv}.")
    description_en = factory.LazyAttribute(lambda o: f"About {o.name_en}.")
    regular_activities_fi = "Kerho tiistaisin klo 18."
    regular_activities_sv = "Klubb på tisdagar kl. 18."
    regular_activities_en = "Club on Tuesdays at 6 pm."

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if not create:
            return
        operates_in = list(extracted or [])
        if self.municipality_id and self.municipality not in operates_in:
            operates_in.append(self.municipality)
        if operates_in:
            self.municipalities.add(*operates_in)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.add(*extracted)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.add(*extracted)

    @factory.post_generation
    def villages(self, create, extracted, **kwargs):
        if create and extracted:
            self.villages.add(*extracted)


def municipality_organisation(municipality: Municipality) -> Organisation:
    """The organisation that acts for the municipality itself (as reference_data_load
    creates one for each municipality)."""
    organisation = Organisation.objects.filter(
        kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    ).first()
    if organisation is None:
        organisation = OrganisationFactory(
            kind=OrganisationKind.MUNICIPALITY,
            municipality=municipality,
            name_fi=municipality.name_fi,
            name_sv=municipality.name_sv,
            name_en=municipality.name_en,
            description_fi="",
            description_sv="",
            description_en="",
            regular_activities_fi="",
            regular_activities_sv="",
            regular_activities_en="",
        )
    return organisation


def county_organisation(county: WellbeingCounty) -> Organisation:
    """The organisation that acts for the wellbeing services county itself."""
    organisation = Organisation.objects.filter(
        kind=OrganisationKind.WELLBEING_COUNTY, wellbeing_county=county
    ).first()
    if organisation is None:
        organisation = OrganisationFactory(
            kind=OrganisationKind.WELLBEING_COUNTY,
            municipality=None,
            wellbeing_county=county,
            name_fi=county.name_fi,
            name_sv=county.name_sv,
            name_en=county.name_en,
            description_fi="",
            description_sv="",
            description_en="",
            regular_activities_fi="",
            regular_activities_sv="",
            regular_activities_en="",
        )
    return organisation


class UserFactory(factory.django.DjangoModelFactory):
    """A user who signs in with `PASSWORD`."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"kayttaja{n}")
    first_name = factory.Sequence(lambda n: f"Testi{n}")
    last_name = "Käyttäjä"
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    preferred_language = "fi"
    password = factory.django.Password(PASSWORD)


class AdminFactory(UserFactory):
    """The platform admin."""

    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.MEMBER
    title = "jäsen"


def member_of(organisation: Organisation, role: str = Role.MEMBER, **user_fields) -> User:
    """A new user (or the one with `username`) with a membership in `role`."""
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


def coordinator_of(municipality: Municipality, **user_fields) -> User:
    """A welfare coordinator of the municipality: `actors.manage_municipality` on it."""
    return member_of(municipality_organisation(municipality), Role.COORDINATOR, **user_fields)


def official_of(municipality: Municipality, **user_fields) -> User:
    """A municipal official: works in the municipality, does not manage it."""
    return member_of(municipality_organisation(municipality), Role.OFFICIAL, **user_fields)


def councillor_of(municipality: Municipality, **user_fields) -> User:
    return member_of(municipality_organisation(municipality), Role.COUNCILLOR, **user_fields)


def county_official_of(county: WellbeingCounty, **user_fields) -> User:
    """A HYTE official of the county: works for the county and its municipalities."""
    return member_of(county_organisation(county), Role.COUNTY_OFFICIAL, **user_fields)


def representative_of(organisation: Organisation, **user_fields) -> User:
    """An association representative: edits the organisation's profile."""
    return member_of(organisation, Role.ASSOCIATION_REPRESENTATIVE, **user_fields)


def client_of(user: User | None) -> Client:
    """A test client logged in as `user` (anonymous for None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def client_for_username(username: str | None) -> Client:
    """A client logged in as the user with `username` (anonymous for None): what the
    `client_for` fixture of tests/conftest.py does for the demo accounts, for users that a
    module made with the factories."""
    return client_of(User.objects.get(username=username) if username is not None else None)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Yhteys Henkilö {n}")
    title = "sihteeri"
    email = factory.Sequence(lambda n: f"yhteys{n}@example.invalid")
    is_public = True


class MeetingPlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingPlace

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Kylätalo {n}")
    street_address = "Kylätie 1"
    postal_code = "91600"
    municipality = factory.SelfAttribute("organisation.municipality")


class InterfaceContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterfaceContact

    municipality = factory.SubFactory(MunicipalityFactory)
    theme = factory.SubFactory(InterfaceThemeFactory)
    side = InterfaceSide.MUNICIPALITY
    title = "hyvinvointikoordinaattori"

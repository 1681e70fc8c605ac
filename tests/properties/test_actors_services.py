"""Property tests of the actors' writes: whatever the input and whoever calls, a service
either refuses (ValidationError, PermissionDenied, Http404; an invitation that is not open:
InvitationNotOpen) and the database is exactly as it was, or it returns and the database
changed as it promises. See tests/properties/support.py."""

import datetime

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from elinvoima.actors.enums import InterfaceSide, OrganisationKind, Role
from elinvoima.actors.interfaces.models import InterfaceContact
from elinvoima.actors.interfaces.selectors import interface_table_version
from elinvoima.actors.interfaces.services import InterfaceContactRow, interface_contacts_save
from elinvoima.actors.invitations.models import Invitation, new_token, token_digest
from elinvoima.actors.invitations.services import (
    InvitationNotOpen,
    invitation_accept,
    invitation_create,
)
from elinvoima.actors.models import Membership, Organisation
from elinvoima.actors.services import (
    organisation_create,
    organisation_delete,
    organisation_update,
    organisation_version,
)
from elinvoima.actors.validators import normalise_business_id, normalise_register_number
from elinvoima.core.concurrency import ANY
from elinvoima.core.models import signed_in_or_none
from tests.factories import (
    AdminFactory,
    InterfaceContactFactory,
    InterfaceThemeFactory,
    MunicipalityFactory,
    OrganisationFactory,
    ThemeFactory,
    UserFactory,
    WellbeingCountyFactory,
    coordinator_of,
    councillor_of,
    county_official_of,
    member_of,
    official_of,
    representative_of,
    valid_business_id,
)

from .support import (
    Cast,
    anonymous,
    examples,
    filled_texts,
    models_of,
    refused_or_kept,
    rolled_back,
    snapshot,
    texts,
)

pytestmark = pytest.mark.both_databases

TABLES = models_of("actors")
ORGANISATION_TABLES = {
    "actors.Organisation",
    "actors.Organisation_municipalities",
    "actors.Organisation_themes",
    "actors.Organisation_target_groups",
    "actors.Organisation_villages",
}


@pytest.fixture
def world(db):
    county = WellbeingCountyFactory()
    home = MunicipalityFactory(wellbeing_county=county)
    elsewhere = MunicipalityFactory()
    organisation = OrganisationFactory(municipality=home, is_published=True, with_business_id=True)
    hidden = OrganisationFactory(municipality=elsewhere, is_published=False)
    interface_themes = [InterfaceThemeFactory(), InterfaceThemeFactory()]
    InterfaceContactFactory(
        municipality=home,
        theme=interface_themes[0],
        side=InterfaceSide.COUNTY,
        title="hyte-koordinaattori",
    )
    users = {
        "admin": AdminFactory(),
        "coordinator": coordinator_of(home),
        "official": official_of(home),
        "councillor": councillor_of(home),
        "county_official": county_official_of(county),
        "representative": representative_of(organisation),
        "member": member_of(organisation),
        "other_coordinator": coordinator_of(elsewhere),
        "no_rights": UserFactory(),
        "anonymous": anonymous(),
    }
    return {
        "county": county,
        "home": home,
        "elsewhere": elsewhere,
        "organisation": organisation,
        "hidden": hidden,
        "themes": [ThemeFactory(), ThemeFactory()],
        "interface_themes": interface_themes,
        "users": users,
    }


def _cast(world, allowed) -> Cast:
    return Cast(users=world["users"], allowed=frozenset(allowed))


# --- Organisations ----------------------------------------------------------------------------

KINDS = st.one_of(st.sampled_from(OrganisationKind.values), texts(40))
BUSINESS_IDS = st.one_of(
    texts(12), st.builds(valid_business_id, st.integers(100, 10_000)), st.just("0205401 - 0")
)
REGISTER_NUMBERS = st.one_of(texts(12), st.sampled_from(["148512", "148.512", "1.1"]))


def _organisation_data(data, world, *, partial: bool):
    municipality = st.sampled_from([world["home"], world["elsewhere"], None])
    fields = {
        "name_fi": filled_texts(),
        "name_sv": texts(),
        "name_en": texts(),
        "kind": KINDS,
        "municipality": municipality,
        "business_id": BUSINESS_IDS,
        "register_number": REGISTER_NUMBERS,
        "description_fi": texts(),
        "regular_activities_fi": texts(),
        "website": texts(),
        "email": texts(),
        "phone": texts(),
        "is_published": st.booleans(),
        "themes": st.lists(st.sampled_from(world["themes"]), max_size=2, unique=True),
    }
    if partial:
        return data.draw(st.fixed_dictionaries({}, optional=fields))
    required = {name: fields.pop(name) for name in ("name_fi", "kind", "municipality")}
    return data.draw(st.fixed_dictionaries(required, optional=fields))


def _normalised(name, value):
    if name == "business_id":
        value = (value or "").strip()
        return normalise_business_id(value) if value else ""
    if name == "register_number":
        value = (value or "").strip()
        return normalise_register_number(value) if value else ""
    return value


def _assert_organisation_saved(saved: Organisation, data, user):
    saved = Organisation.objects.get(pk=saved.pk)
    for name, value in data.items():
        if name == "themes":
            assert set(saved.themes.all()) == set(value)
        elif name == "municipality":
            assert saved.municipality == value
        else:
            assert getattr(saved, name) == _normalised(name, value), name
    if saved.municipality_id:
        assert saved.municipalities.filter(pk=saved.municipality_id).exists()
    assert saved.updated_by == signed_in_or_none(user)


@examples(40)
@given(data=st.data())
def test_organisation_create__any_input_any_user__refused_unchanged_or_created_as_given(
    world, data
):
    cast = _cast(world, {"admin", "coordinator", "trusted"})
    _role, user = data.draw(st.one_of(cast.strategy(), st.just(("trusted", None))))
    fields = _organisation_data(data, world, partial=False)

    def promise(created, before, after):
        assert after["actors.Organisation"][0] == before["actors.Organisation"][0] + 1
        _assert_organisation_saved(created, fields, user)

    refused_or_kept(
        lambda: organisation_create(user=user, data=fields),
        TABLES,
        may_change=ORGANISATION_TABLES,
        promise=promise,
    )


@examples(25)
@given(data=st.data())
def test_organisation_create__without_the_right__never_writes(world, data):
    cast = _cast(world, {"admin", "coordinator"})
    _role, user = data.draw(cast.refused())
    fields = _organisation_data(data, world, partial=False)
    fields["municipality"] = world["home"]
    refused, _ = refused_or_kept(
        lambda: organisation_create(user=user, data=fields), TABLES, may_change=()
    )
    assert refused


VERSIONS = st.sampled_from(["current", None, ANY, "stale", ""])


def _version(kind, organisation):
    return organisation_version(organisation) if kind == "current" else kind


@examples(40)
@given(data=st.data())
def test_organisation_update__any_input_any_user__refused_unchanged_or_saved_as_given(world, data):
    cast = _cast(world, {"admin", "coordinator", "representative", "trusted"})
    role, user = data.draw(st.one_of(cast.strategy(), st.just(("trusted", None))))
    organisation = Organisation.objects.get(pk=world["organisation"].pk)
    fields = _organisation_data(data, world, partial=True)
    version = _version(data.draw(VERSIONS), organisation)

    def promise(saved, before, after):
        assert after["actors.Organisation"][0] == before["actors.Organisation"][0]
        _assert_organisation_saved(saved, fields, user)

    refused, _ = refused_or_kept(
        lambda: organisation_update(
            user=user, organisation=organisation, data=fields, expected_version=version
        ),
        TABLES,
        may_change=ORGANISATION_TABLES,
        promise=promise,
    )
    if role not in cast.allowed:
        assert refused


@examples(25)
@given(data=st.data())
def test_organisation_update__hidden_organisation__404_for_everyone_who_may_not_see_it(world, data):
    cast = _cast(world, {"admin", "other_coordinator"})
    _role, user = data.draw(cast.refused())
    hidden = Organisation.objects.get(pk=world["hidden"].pk)
    fields = _organisation_data(data, world, partial=True)
    refused, refusal = refused_or_kept(
        lambda: organisation_update(user=user, organisation=hidden, data=fields),
        TABLES,
        may_change=(),
    )
    assert refused
    assert type(refusal).__name__ == "Http404", refusal  # no validation message tells of it


def test_organisation_update__saving_what_was_loaded__changes_no_field(world):
    organisation = Organisation.objects.get(pk=world["organisation"].pk)
    loaded = {
        name: getattr(organisation, name)
        for name in (
            "name_fi",
            "name_sv",
            "name_en",
            "kind",
            "business_id",
            "register_number",
            "municipality",
            "description_fi",
            "website",
            "email",
            "phone",
            "is_published",
        )
    }
    loaded["themes"] = list(organisation.themes.all())
    coordinator = world["users"]["coordinator"]
    with rolled_back():
        before = snapshot([Organisation, Organisation.municipalities.through])
        organisation_update(
            user=coordinator,
            organisation=organisation,
            data=loaded,
            expected_version=organisation_version(organisation),
        )
        saved = Organisation.objects.get(pk=organisation.pk)
        for name, value in loaded.items():
            if name != "themes":
                assert getattr(saved, name) == value
        assert (
            snapshot([Organisation.municipalities.through])["actors.Organisation_municipalities"]
            == before["actors.Organisation_municipalities"]
        )


@examples(20)
@given(data=st.data())
def test_organisation_delete__any_user__refused_unchanged_or_only_that_organisation_gone(
    world, data
):
    cast = _cast(world, {"admin", "coordinator", "trusted"})
    role, user = data.draw(st.one_of(cast.strategy(), st.just(("trusted", None))))
    target = data.draw(st.sampled_from([world["organisation"], world["hidden"]]))

    def promise(_result, before, after):
        assert not Organisation.objects.filter(pk=target.pk).exists()
        assert after["actors.Organisation"][0] == before["actors.Organisation"][0] - 1

    refused, _ = refused_or_kept(
        lambda: organisation_delete(user=user, organisation=target),
        TABLES,
        may_change=ORGANISATION_TABLES | {"actors.Membership", "actors.Contact"},
        promise=promise,
    )
    home = world["organisation"] if role == "coordinator" else world["hidden"]
    may = role in ("admin", "trusted") or (role.endswith("coordinator") and target == home)
    assert refused is not may


# --- Interface contacts -----------------------------------------------------------------------


def _contact_rows(data, world):
    row = st.builds(
        InterfaceContactRow,
        theme=st.sampled_from(world["interface_themes"]),
        side=st.one_of(st.sampled_from(InterfaceSide.values), texts(20)),
        title=filled_texts(),
        email=st.one_of(st.just(""), st.just("a@example.invalid"), texts()),
        phone=texts(),
    )
    return data.draw(st.lists(row, max_size=4))


@examples(40)
@given(data=st.data())
def test_interface_contacts_save__any_rows_any_user__refused_unchanged_or_table_as_given(
    world, data
):
    municipality = world["home"]
    cast = _cast(world, {"admin", "coordinator", "county_official"})
    role, user = data.draw(cast.strategy())
    rows = _contact_rows(data, world)
    current = interface_table_version(InterfaceContact.objects.filter(municipality=municipality))
    version = data.draw(st.sampled_from([current, None, "stale"]))

    def promise(count, before, after):
        table = {
            (c.theme_id, c.side): (c.title, c.email, c.phone)
            for c in InterfaceContact.objects.filter(municipality=municipality)
        }
        wanted = {}
        for row in rows:  # the last row of a theme and side is what the table says
            wanted[(row.theme.pk, row.side)] = (
                row.title.strip(),
                row.email.strip(),
                row.phone.strip(),
            )
        for key, (title, email, phone) in wanted.items():
            if title:
                assert table[key] == (title, email, phone)
            else:
                assert key not in table
        assert count >= 0

    refused, _ = refused_or_kept(
        lambda: interface_contacts_save(
            municipality=municipality, user=user, rows=rows, loaded_version=version
        ),
        TABLES,
        may_change={"actors.InterfaceContact"},
        promise=promise,
    )
    if role not in cast.allowed:
        assert refused


@examples(25)
@given(data=st.data())
def test_interface_contacts_save__two_rows_of_one_theme_and_side__refused_unchanged(world, data):
    """Two rows for the same theme and side (with a contact already there or not, titles
    blank or not): the table cannot say both, so the save is refused and nothing changes
    — never a database error."""
    municipality = world["home"]
    cast = _cast(world, {"admin", "coordinator", "county_official"})
    _role, user = data.draw(cast.strategy())
    theme = data.draw(st.sampled_from(world["interface_themes"]))  # the first has a contact
    side = data.draw(st.sampled_from(InterfaceSide.values))
    titles = data.draw(st.lists(st.one_of(st.just(""), filled_texts()), min_size=2, max_size=2))
    rows = [InterfaceContactRow(theme=theme, side=side, title=title) for title in titles]
    refused, refusal = refused_or_kept(
        lambda: interface_contacts_save(municipality=municipality, user=user, rows=rows),
        TABLES,
        may_change=(),
    )
    assert refused, refusal


# --- Invitations ------------------------------------------------------------------------------

ROLES = st.one_of(st.sampled_from(Role.values), texts(40))


@examples(30)
@given(name=filled_texts(), email=texts(), role=ROLES)
def test_invitation_create__any_input__refused_unchanged_or_recorded_as_given(
    world, name, email, role
):
    inviter = world["users"]["coordinator"]

    def promise(invitation, before, after):
        assert after["actors.Invitation"][0] == before["actors.Invitation"][0] + 1
        saved = Invitation.objects.get(pk=invitation.pk)
        assert (saved.name, saved.email, saved.role) == (name, email, role)
        assert saved.organisation_id == world["organisation"].pk
        assert saved.accepted_at is None

    refused_or_kept(
        lambda: invitation_create(
            organisation=world["organisation"],
            name=name,
            email=email,
            role=role,
            invited_by=inviter,
            accept_url=lambda token: f"https://example.invalid/{token}",
        ),
        TABLES,
        may_change={"actors.Invitation"},
        promise=promise,
    )


@examples(25)
@given(
    data=st.data(),
    state=st.sampled_from(["open", "accepted", "expired"]),
    role=st.sampled_from(Role.values),
)
def test_invitation_accept__any_invitation_any_user__once_or_nothing(world, data, state, role):
    cast = _cast(world, set(world["users"]) - {"anonymous"})
    _name, user = data.draw(cast.strategy())
    if not user.is_authenticated:
        user = UserFactory.build()  # never passed by the page: it asks to sign in first
        return
    with rolled_back():
        now = timezone.now()
        invitation = Invitation.objects.create(
            organisation=world["organisation"],
            name="Kutsuttu",
            email="kutsuttu@example.invalid",
            role=role,
            invited_by=world["users"]["coordinator"],
            token_digest=token_digest(new_token()),
            expires_at=now + datetime.timedelta(days=-1 if state == "expired" else 7),
            accepted_at=now if state == "accepted" else None,
        )
        before = snapshot(TABLES)
        try:
            membership = invitation_accept(invitation=invitation, user=user)
        except InvitationNotOpen:
            assert snapshot(TABLES) == before
            assert state != "open"
            return
        assert state == "open"
        assert (membership.user, membership.organisation_id, membership.role) == (
            user,
            world["organisation"].pk,
            role,
        )
        saved = Invitation.objects.get(pk=invitation.pk)
        assert saved.accepted_by == user and saved.accepted_at is not None
        # It works once: a second acceptance is refused and writes nothing.
        again = snapshot(TABLES)
        with pytest.raises(InvitationNotOpen):
            invitation_accept(invitation=invitation, user=user)
        assert snapshot(TABLES) == again
        assert (
            Membership.objects.filter(
                user=user, organisation=world["organisation"], role=role
            ).count()
            == 1
        )

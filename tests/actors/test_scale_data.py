"""`manage.py generate_scale_data`: the national-scale actors, here in small numbers."""

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.models import Membership, Organisation, User
from elinvoima.bench.scale import actors as scale

pytestmark = pytest.mark.both_databases

ORGANISATIONS, PEOPLE = 200, 500


def generate(seed: int, **options) -> str:
    out = StringIO()
    options = {"organisations": ORGANISATIONS, "people": PEOPLE, **options}
    call_command("generate_scale_data", seed=seed, stdout=out, **options)
    return out.getvalue()


def is_valid_y_tunnus(value: str) -> bool:
    """Written out independently of the generator: weights 7 9 10 5 8 4 2, modulo 11."""
    match = re.fullmatch(r"(\d{7})-(\d)", value)
    if not match:
        return False
    total = sum(int(d) * w for d, w in zip(match[1], (7, 9, 10, 5, 8, 4, 2), strict=True))
    remainder = total % 11
    return remainder != 1 and int(match[2]) == (0 if remainder == 0 else 11 - remainder)


def snapshot() -> dict[str, list]:
    """Everything generated, with ids replaced by positions (ids depend on the sequences)."""
    organisations = list(
        scale.scale_organisations()
        .order_by("id")
        .values_list(
            "id",
            "name",
            "kind",
            "business_id",
            "register_number",
            "municipality__code",
            "description_fi",
        )
    )
    position = {row[0]: index for index, row in enumerate(organisations)}
    themes = Organisation.themes.through.objects.filter(
        organisation__in=scale.scale_organisations()
    )
    groups = Organisation.target_groups.through.objects.filter(
        organisation__in=scale.scale_organisations()
    )
    return {
        "organisations": [row[1:] for row in organisations],
        "themes": sorted(
            (position[organisation], code)
            for organisation, code in themes.values_list("organisation_id", "theme__code")
        ),
        "target_groups": sorted(
            (position[organisation], code)
            for organisation, code in groups.values_list("organisation_id", "targetgroup__code")
        ),
        "users": list(
            scale.scale_users()
            .order_by("username")
            .values_list("username", "first_name", "last_name", "email")
        ),
        "memberships": sorted(
            (username, position[organisation], role)
            for username, organisation, role in Membership.objects.filter(
                user__in=scale.scale_users()
            ).values_list("user__username", "organisation_id", "role")
        ),
    }


@pytest.mark.django_db
def test_business_id_check_digit__known_ids__match():
    assert scale.business_id_check_digit("0112038") == 9  # Nokia Oyj, 0112038-9
    assert scale.business_id_check_digit("0205401") == 0  # remainder 0 → check digit 0
    assert scale.business_id_check_digit("1000008") is None  # remainder 1: never issued


@pytest.mark.django_db
def test_generate_scale_data__small_counts__writes_them():
    output = generate(seed=1)

    assert f"Wrote {ORGANISATIONS} organisations" in output
    organisations = scale.scale_organisations()
    assert organisations.count() == ORGANISATIONS
    assert not organisations.filter(
        kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY]
    ).exists()
    for organisation in organisations.prefetch_related("municipalities"):
        codes = {m.pk for m in organisation.municipalities.all()}
        assert 1 <= len(codes) <= 3
        assert organisation.municipality_id in codes
        assert organisation.name and organisation.name_fi == organisation.name
    people = scale.scale_users()
    assert people.count() == PEOPLE
    person = people.first()
    assert person.is_active and not person.has_usable_password()
    assert person.username.startswith("person") and person.first_name and person.last_name
    memberships = Membership.objects.filter(user__in=people)
    assert not people.filter(memberships=None).exists()
    assert PEOPLE < memberships.count() < PEOPLE * 1.1
    roles = Counter(memberships.values_list("role", flat=True))
    assert roles.most_common(1)[0][0] == Role.MEMBER


@pytest.mark.django_db
def test_generate_scale_data__profiles__themes_target_groups_and_short_descriptions():
    generate(seed=1)

    organisations = scale.scale_organisations().prefetch_related("themes", "target_groups")
    described = 0
    for organisation in organisations:
        themes = list(organisation.themes.all())
        assert 1 <= len(themes) <= 3 and len(set(themes)) == len(themes)
        assert 1 <= len(organisation.target_groups.all()) <= 2
        if organisation.description_fi:
            described += 1
            assert organisation.description == organisation.description_fi
            assert len(organisation.description_fi) <= 160
            assert organisation.description_fi.endswith((".", "!"))
    assert 0.35 < described / ORGANISATIONS < 0.65  # about half
    sports_themes = Counter(
        Organisation.themes.through.objects.filter(
            organisation__in=scale.scale_organisations().filter(kind=OrganisationKind.SPORTS_CLUB)
        ).values_list("theme__code", flat=True)
    )
    assert sports_themes.most_common(1)[0][0] == "physical_activity"  # themes fit the kind


@pytest.mark.django_db
def test_generate_scale_data__identifiers__valid_y_tunnus_and_register_numbers():
    generate(seed=3)

    rows = list(scale.scale_organisations().values_list("kind", "business_id", "register_number"))
    business_ids = [business_id for _, business_id, _ in rows if business_id]
    assert all(is_valid_y_tunnus(business_id) for business_id in business_ids)
    assert len(set(business_ids)) == len(business_ids)
    assert 0.15 < len(business_ids) / len(rows) < 0.45  # about 30%
    registered = [number for kind, _, number in rows if kind in scale.REGISTERED_KINDS]
    assert registered and all(re.fullmatch(r"\d{3}\.\d{3}", number) for number in registered)
    assert not [number for kind, _, number in rows if number and kind not in scale.REGISTERED_KINDS]


@pytest.mark.django_db
def test_generate_scale_data__same_seed__same_rows_other_seed_other_rows():
    generate(seed=1)
    first = snapshot()
    generate(seed=1, replace=True)
    again = snapshot()
    generate(seed=2, replace=True)
    other = snapshot()

    assert first == again
    assert first["themes"] and first["target_groups"]
    assert other["organisations"] != first["organisations"]
    assert other["themes"] != first["themes"]
    assert other["users"] != first["users"]
    assert {row[3] for row in other["organisations"]} != {row[3] for row in first["organisations"]}


@pytest.mark.django_db
def test_generate_scale_data__second_run__refused_without_replace():
    generate(seed=1)
    before = snapshot()

    with pytest.raises(CommandError, match="--replace"):
        generate(seed=2)

    assert snapshot() == before


@pytest.mark.django_db
def test_generate_scale_data__replace__replaces_only_generated_rows():
    generate(seed=1)
    links = (Organisation.themes.through, Organisation.target_groups.through)
    generated_links = [model.objects.count() for model in links]
    real = User.objects.create_user("person_real", email="real@example.fi", password="x")
    kept = Organisation.objects.create(name_fi="Oikea yhdistys ry", kind="association")
    Membership.objects.create(user=real, organisation=kept, role=Role.MEMBER)
    acting = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).count()

    output = generate(seed=1, replace=True)

    assert f"Deleted the earlier scale data: {ORGANISATIONS} organisations" in output
    assert scale.scale_organisations().count() == ORGANISATIONS
    assert scale.scale_users().count() == PEOPLE
    assert Membership.objects.filter(user=real, organisation=kept).exists()
    assert [model.objects.count() for model in links] == generated_links  # none left behind
    assert Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).count() == acting == 309


@pytest.mark.django_db
def test_generate_scale_data__bulk_load_on_postgresql__indexes_and_keys_restored(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the bulk path drops and rebuilds PostgreSQL indexes and keys")
    monkeypatch.setattr(scale, "BULK_LOAD_MIN_ROWS", 0)
    rebuilt = []
    indexes_dropped = scale._indexes_dropped

    def recording(tables):
        rebuilt.extend(tables)
        return indexes_dropped(tables)

    monkeypatch.setattr(scale, "_indexes_dropped", recording)

    def schema() -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
                "UNION ALL SELECT tablename, indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = 'public' ORDER BY 1, 2, 3"
            )
            return cursor.fetchall()

    before = schema()
    # More organisations than the reference data has, so the bulk path is worth taking.
    generate(seed=1, organisations=400)
    assert "actors_user" in rebuilt
    assert schema() == before
    generate(seed=1, organisations=400, replace=True)
    assert schema() == before
    assert scale.scale_organisations().count() == 400
    assert scale.scale_users().count() == PEOPLE

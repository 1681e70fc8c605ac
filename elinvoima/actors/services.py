"""Writes for actors: the reference data (counties, municipalities, themes, target groups),
the acting organisations of counties and municipalities, and the organisations of the
directory. Keyword-only, transactional.

The profile page and the API call the same `organisation_create`, `organisation_update`
and `organisation_delete`. Each asks, in this order: may the user do this (404 for an
organisation the user may not see, 403 for one the user sees but may not change), is the
input valid, and then writes in one transaction. The version the client loaded (the form's
`loaded_at`, the API's If-Match) is compared after the row is locked."""

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.utils.translation import gettext as _

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.models import (
    Municipality,
    Organisation,
    TargetGroup,
    Theme,
    WellbeingCounty,
)
from elinvoima.actors.selectors import organisation_name_duplicates
from elinvoima.actors.validators import normalise_business_id, normalise_register_number
from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.validation import validate_for_save

REFERENCE_DATA_DIR = Path(__file__).resolve().parent / "reference_data"
POPULATION_YEAR = 2020


@dataclass
class ReferenceDataResult:
    counties: int
    municipalities: int


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(REFERENCE_DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _sync(model, rows: dict[str, dict], key: str = "code") -> dict[str, models.Model]:
    """Create what is missing and update what differs, keyed on the official code. Only
    real changes are saved one by one, so a re-run is quick and the audit log stays clean."""
    existing = model.objects.in_bulk(field_name=key)
    missing = [
        model(**{key: code}, **values) for code, values in rows.items() if code not in existing
    ]
    model.objects.bulk_create(missing)
    for code, values in rows.items():
        instance = existing.get(code)
        if instance is not None and any(getattr(instance, f) != v for f, v in values.items()):
            for name, value in values.items():
                setattr(instance, name, value)
            instance.save()
    return model.objects.in_bulk(field_name=key)


@transaction.atomic
def reference_data_load() -> ReferenceDataResult:
    """Load or refresh all wellbeing counties and municipalities, the organisation that acts
    for each of them, the themes and target groups of the directory and the interface
    themes (yhdyspinnat) of seed 001. Running it again changes nothing that is already
    right."""
    counties = _sync(
        WellbeingCounty,
        {
            row["code"]: {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_fi"],
                "short_name_fi": row["short_name_fi"],
                "short_name_sv": row["short_name_sv"],
                "short_name_en": row["short_name_fi"],
                "sotkanet_region_id": int(row["sotkanet_region_id"]) or None,
            }
            for row in _read_csv("wellbeing_counties.csv")
        },
    )
    municipalities = _sync(
        Municipality,
        {
            row["code"]: {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_fi"],
                "wellbeing_county_id": counties[row["wellbeing_county_code"]].pk,
                "population": int(row["population_2020"]),
                "population_year": POPULATION_YEAR,
            }
            for row in _read_csv("municipalities.csv")
        },
    )
    for model, file_name in (
        (Theme, "themes.csv"),
        (TargetGroup, "target_groups.csv"),
        (InterfaceTheme, "interface_themes.csv"),
    ):
        _sync(
            model,
            {
                row["code"]: {
                    "name_fi": row["name_fi"],
                    "name_sv": row["name_sv"],
                    "name_en": row["name_en"],
                    "position": position,
                }
                for position, row in enumerate(_read_csv(file_name))
            },
        )
    _ensure_acting_organisations(counties.values(), municipalities.values())
    return ReferenceDataResult(counties=len(counties), municipalities=len(municipalities))


def _ensure_acting_organisations(counties, municipalities) -> None:
    """Each county and municipality acts through an organisation of its own kind."""
    have_county = set(
        Organisation.objects.filter(kind=OrganisationKind.WELLBEING_COUNTY).values_list(
            "wellbeing_county_id", flat=True
        )
    )
    Organisation.objects.bulk_create(
        Organisation(
            kind=OrganisationKind.WELLBEING_COUNTY,
            wellbeing_county=county,
            name_fi=county.name_fi,
            name_sv=county.name_sv,
            name_en=county.name_en,
        )
        for county in counties
        if county.pk not in have_county
    )
    have_municipality = set(
        Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).values_list(
            "municipality_id", flat=True
        )
    )
    created = Organisation.objects.bulk_create(
        Organisation(
            kind=OrganisationKind.MUNICIPALITY,
            municipality=municipality,
            name_fi=municipality.name_fi,
            name_sv=municipality.name_sv,
            name_en=municipality.name_en,
        )
        for municipality in municipalities
        if municipality.pk not in have_municipality
    )
    Organisation.municipalities.through.objects.bulk_create(
        Organisation.municipalities.through(
            organisation_id=organisation.pk, municipality_id=organisation.municipality_id
        )
        for organisation in created
    )


# --- Organisations of the directory -----------------------------------------------------------

# What a page or an API client may set on an organisation; the rest (the county, the parent,
# the timestamps) is kept by the reference data and the database.
ORGANISATION_FIELDS = frozenset(
    {
        "name_fi",
        "name_sv",
        "name_en",
        "kind",
        "business_id",
        "register_number",
        "municipality",
        "municipalities",
        "themes",
        "target_groups",
        "villages",
        "description_fi",
        "description_sv",
        "regular_activities_fi",
        "regular_activities_sv",
        "website",
        "facebook",
        "instagram",
        "email",
        "phone",
        "logo",
        "is_published",
    }
)


def organisation_version(organisation: Organisation) -> str:
    """The version a form (its hidden `loaded_at`) or an API client (the ETag's tail)
    loaded: when the row was saved."""
    return organisation.updated_at.isoformat()


def _authorize_add(user, municipality: Municipality | None) -> None:
    if user is not None and not user.has_perm("actors.add_organisation", municipality):
        raise PermissionDenied(
            _("Only the coordinators of the home municipality can add organisations.")
        )


def _authorize(user, permission: str, organisation: Organisation) -> None:
    """Http404 for an organisation the user may not see, PermissionDenied for one the user
    sees but may not do this to. `user` None is a trusted caller (never a request)."""
    if user is None:
        return
    if not user.has_perm("actors.view_organisation", organisation):
        raise Http404
    if not user.has_perm(permission, organisation):
        raise PermissionDenied


def _apply(organisation: Organisation, data: Mapping[str, Any]) -> dict[str, Any]:
    """Set the plain fields of `data` on the organisation; return the many-to-many ones,
    which are set once the row is saved."""
    unknown = set(data) - ORGANISATION_FIELDS
    if unknown:
        raise TypeError(f"not an organisation field to set: {', '.join(sorted(unknown))}")
    related = {}
    for name, value in data.items():
        field = Organisation._meta.get_field(name)
        assert isinstance(field, models.Field)  # the names above are fields, not relations
        if field.many_to_many:
            related[name] = value
        else:
            field.save_form_data(organisation, value)  # a cleared logo is "", as in forms
    if "name_fi" in data and not (data["name_fi"] or "").strip():
        raise ValidationError(
            {"name_fi": ValidationError(_("Give the name in Finnish."), code="required")}
        )
    # What a form checks of the values given (a trusted caller may not have): the fields
    # not given keep what was saved and are not judged again.
    given = {field.name for field in Organisation._meta.concrete_fields if field.name in data}
    untouched = {field.name for field in Organisation._meta.concrete_fields} - given
    validate_for_save(organisation, exclude=untouched | _CHECKED_ELSEWHERE)
    return related


# Checked by `_normalised` (their official format may be shorter than what was typed) and
# by `organisation_validate`; the home municipality by the permission to add there.
_CHECKED_ELSEWHERE = frozenset({"business_id", "register_number", "municipality"})


def _normalised(organisation: Organisation) -> None:
    """Business ID and register number in their official format (the form and the API
    have done this already; a trusted caller may not have)."""
    errors = {}
    for name, normalise in (
        ("business_id", normalise_business_id),
        ("register_number", normalise_register_number),
    ):
        value = (getattr(organisation, name) or "").strip()
        try:
            setattr(organisation, name, normalise(value) if value else "")
        except ValidationError as error:
            errors[name] = error
    if errors:
        raise ValidationError(errors)


def organisation_validate(*, organisation: Organisation) -> None:
    """What the database knows: the name is not taken in the home municipality (in either
    language, ignoring case) and the business ID not by another organisation."""
    _normalised(organisation)
    errors: dict[str, ValidationError] = {}
    if not (getattr(organisation, "name_fi", None) or "").strip():  # modeltranslation field
        errors["name_fi"] = ValidationError(_("Give the name in Finnish."), code="required")
    for name in ("name_fi", "name_sv"):
        duplicate = organisation_name_duplicates(
            name=getattr(organisation, name) or "",
            municipality=organisation.municipality,
            exclude_pk=organisation.pk,
        ).first()
        if duplicate is not None:
            errors[name] = ValidationError(
                _(
                    "%(name)s is already in the directory of %(municipality)s. "
                    "If it is the same organisation, ask its representative instead "
                    "of adding it twice."
                ),
                code="duplicate_name",
                params={"name": duplicate, "municipality": organisation.municipality},
            )
    if (
        organisation.business_id
        and Organisation.objects.filter(business_id=organisation.business_id)
        .exclude(pk=organisation.pk)
        .exists()
    ):
        errors["business_id"] = ValidationError(
            _("An organisation with this business ID is already in the directory."),
            code="duplicate_business_id",
        )
    if errors:
        raise ValidationError(errors)


def _save(organisation: Organisation, related: dict[str, Any], user) -> Organisation:
    organisation.updated_by = signed_in_or_none(user)
    organisation.save()
    for name, value in related.items():
        getattr(organisation, name).set(value)
    # The home municipality is always among the municipalities it operates in.
    if (
        organisation.municipality_id
        and not organisation.municipalities.filter(pk=organisation.municipality_id).exists()
    ):
        organisation.municipalities.add(organisation.municipality_id)
    return organisation


@transaction.atomic
def organisation_create(*, user, data: Mapping[str, Any]) -> Organisation:
    """Add an organisation to the directory of its home municipality (`data["municipality"]`);
    only the municipality's coordinators (and the platform admin) may."""
    _authorize_add(user, data.get("municipality"))
    organisation = Organisation()
    related = _apply(organisation, data)
    organisation_validate(organisation=organisation)
    return _save(organisation, related, user)


@transaction.atomic
def organisation_update(
    *,
    user,
    organisation: Organisation,
    data: Mapping[str, Any],
    expected_version=None,
) -> Organisation:
    """Save the changes in `data` (field name → value, many-to-many ones as lists). Refused
    when someone saved the organisation since `expected_version` (the form's `loaded_at`, the
    API's If-Match; None: not known, `ANY`: If-Match: *), compared under the row lock."""
    try:
        current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    except Organisation.DoesNotExist:
        raise Http404 from None
    _authorize(user, "actors.change_organisation", current)
    ensure_unchanged(
        organisation_version(current),
        expected_version,
        what=_("this organisation"),
        changed_by=current.updated_by,
        changed_at=current.updated_at,
    )
    home = current.municipality_id
    related = _apply(current, data)
    if current.municipality_id != home:
        # Moving it to another municipality's directory is adding it there.
        _authorize_add(user, current.municipality)
    organisation_validate(organisation=current)
    return _save(current, related, user)


@transaction.atomic
def organisation_delete(*, user, organisation: Organisation) -> None:
    """Remove an organisation from the directory: the platform admin or a coordinator of
    its home municipality."""
    try:
        current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    except Organisation.DoesNotExist:
        raise Http404 from None
    _authorize(user, "actors.delete_organisation", current)
    try:
        with transaction.atomic():  # a refused delete leaves the outer transaction usable
            current.delete()
    except (ProtectedError, RestrictedError):
        # Reports of measures, plans and the like keep what the organisation did on record.
        raise ValidationError(
            _(
                "%(name)s cannot be removed: plans, measures or reports refer to it. "
                "Unpublish it instead, so that it is no longer shown in the directory."
            ),
            code="in_use",
            params={"name": current},
        ) from None

"""Writes for actors. Keyword-only, transactional."""

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import InterfaceSide, OrganisationKind
from .interface_selectors import interface_table_version
from .interfaces import InterfaceContact, InterfaceTheme
from .invitations import INVITATION_VALID_DAYS, Invitation, new_token, token_digest
from .models import (
    Membership,
    Municipality,
    Organisation,
    TargetGroup,
    Theme,
    User,
    WellbeingCounty,
)
from .permissions import interface_sides_editable

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


# Interfaces (yhdyspinnat) ------------------------------------------------------------------

INTERFACE_CONCURRENT_EDIT_MESSAGE = _(
    "Someone else saved this interface table while you were editing it. Open the table "
    "again to see their changes, then make yours."
)


@dataclass(frozen=True)
class InterfaceContactRow:
    """What an editor wants one side of one theme to say. A blank title means nobody is
    named: an existing contact is removed."""

    theme: InterfaceTheme
    side: str
    title: str
    email: str = ""
    phone: str = ""


@transaction.atomic
def interface_contacts_save(
    *,
    municipality: Municipality,
    user: User,
    rows: Iterable[InterfaceContactRow],
    loaded_version: str | None = None,
) -> int:
    """Save a municipality's interface table in one go and return how many contacts
    changed. Refuses the whole save when the table changed since `loaded_version` was read,
    or when the user changes a side they may not (a coordinator names the municipality's
    contacts, the county its own). Unchanged rows of the other side pass untouched."""
    editable = interface_sides_editable(user, municipality)
    if not editable:
        raise PermissionDenied
    # Locking the municipality serialises concurrent saves of its table (PostgreSQL).
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    existing = {
        (contact.theme_id, contact.side): contact
        for contact in InterfaceContact.objects.filter(municipality=municipality)
    }
    if loaded_version is not None and loaded_version != interface_table_version(existing.values()):
        raise ValidationError(INTERFACE_CONCURRENT_EDIT_MESSAGE, code="concurrent_edit")

    to_save: list[InterfaceContact] = []
    to_delete: list[InterfaceContact] = []
    refused: list[str] = []
    for row in rows:
        if row.side not in InterfaceSide.values:
            raise ValidationError(_("Unknown side of an interface."), code="invalid_side")
        title, email, phone = wanted = (row.title.strip(), row.email.strip(), row.phone.strip())
        current = existing.get((row.theme.pk, row.side))
        if current is None and not title:
            continue
        if current is not None and (current.title, current.email, current.phone) == wanted:
            continue
        if row.side not in editable:
            refused.append(str(row.theme))
            continue
        if not title:
            assert current is not None  # a blank row without a contact was skipped above
            to_delete.append(current)
            continue
        # The linked person and organisation stay: a new wording of the role rarely means
        # a new person, and those links are kept in the admin.
        contact = current or InterfaceContact(
            municipality=municipality, theme=row.theme, side=row.side
        )
        contact.title, contact.email, contact.phone = title, email, phone
        contact.full_clean(validate_unique=False, validate_constraints=False)
        to_save.append(contact)
    if refused:
        raise ValidationError(
            _(
                "You can change only the municipality's contacts, not those of the "
                "wellbeing services county. Nothing was saved. County contacts you changed: "
                "%(themes)s."
            ),
            code="side_not_allowed",
            params={"themes": ", ".join(refused)},
        )
    # One by one rather than in bulk, so that each change lands in the audit log.
    for contact in to_delete:
        contact.delete()
    for contact in to_save:
        contact.save()
    return len(to_save) + len(to_delete)


# --- Invitations ---------------------------------------------------------------------------


class InvitationNotOpen(Exception):
    """The invitation was already used or has expired."""


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    name: str,
    email: str,
    role: str,
    invited_by: User,
    accept_url: Callable[[str], str],
) -> Invitation:
    """Record an invitation and send its link once the transaction commits. `accept_url`
    turns the token into the absolute link; the token itself is not stored."""
    token = new_token()
    invitation = Invitation.objects.create(
        organisation=organisation,
        name=name,
        email=email,
        role=role,
        invited_by=invited_by,
        token_digest=token_digest(token),
    )
    context = {
        "invitation": invitation,
        "url": accept_url(token),
        "valid_days": INVITATION_VALID_DAYS,
    }
    subject = render_to_string("actors/invitations/email_subject.txt", context).strip()
    body = render_to_string("actors/invitations/email_body.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return invitation


def invitation_for_token(*, token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_digest=token_digest(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Give the user the invited role in the organisation; an invitation works once."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise InvitationNotOpen
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership

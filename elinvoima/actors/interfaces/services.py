"""Writes of the interfaces (yhdyspinnat): a municipality's contact table, saved in one go."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import InterfaceSide
from elinvoima.actors.interfaces.models import InterfaceContact, InterfaceTheme
from elinvoima.actors.interfaces.selectors import interface_table_version
from elinvoima.actors.models import Municipality, User
from elinvoima.actors.permissions import interface_sides_editable
from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.core.validation import validate_for_save

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
    ensure_unchanged(
        interface_table_version(existing.values()),
        loaded_version,
        message=INTERFACE_CONCURRENT_EDIT_MESSAGE,
        code="concurrent_edit",
    )

    to_save: list[InterfaceContact] = []
    to_delete: list[InterfaceContact] = []
    refused: list[str] = []
    seen: set[tuple[int, str]] = set()
    for row in rows:
        if row.side not in InterfaceSide.values:
            raise ValidationError(_("Unknown side of an interface."), code="invalid_side")
        # Two rows of one theme and side: the table cannot say both (and two new contacts
        # would break the one-contact-per-side constraint).
        if (row.theme.pk, row.side) in seen:
            raise ValidationError(
                _(
                    "“%(theme)s” has two rows for the same side. Give the contact of each "
                    "side once. Nothing was saved."
                ),
                code="duplicate_row",
                params={"theme": str(row.theme)},
            )
        seen.add((row.theme.pk, row.side))
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
        validate_for_save(contact)
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

"""What the database would refuse, refused first with a message: the last check of every
service before it saves. Forms and the API check the shape of their input, but a service
also has trusted callers (a management command, the demo loader, another service); without
this a bad value of theirs was an IntegrityError or a DataError (a 500), not a refusal."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


def validate_for_save(
    instance: models.Model, *, exclude: Iterable[str] = (), constraints: bool = True
) -> None:
    """Refuse (one ValidationError naming the fields) a NUL character in any text, what the
    fields check (length, choices, bounds such as `YearField`, required values) and the
    model's check constraints (such as `filled("title_fi")`). Uniqueness is left to the
    services, which say more about what is already there. A service that checks every
    constraint of the model itself, with messages at the fields, passes `constraints=False`:
    Django checks each one with a query of its own (the database still checks them all)."""
    excluded = set(exclude)
    nul = {
        field.name: ValidationError(
            _("Remove the NUL character from the text."), code="null_characters_not_allowed"
        )
        for field in instance._meta.concrete_fields
        if field.name not in excluded
        and isinstance(getattr(instance, field.attname, None), str)
        and "\x00" in getattr(instance, field.attname)
    }
    if nul:
        raise ValidationError(nul)
    instance.full_clean(
        exclude=excluded or None, validate_unique=False, validate_constraints=constraints
    )

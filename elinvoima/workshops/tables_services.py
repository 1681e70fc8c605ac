"""Seating a workshop's participants at tables (workshops.mixing), stored as seats."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from elinvoima.core.permissions import authorize

from .enums import RegistrationState
from .mixing import Mixing, Participant, mix
from .models import TableSeat, Workshop


# --- Mixing the participants at tables --------------------------------------------------------
def participants_of(workshop: Workshop) -> list[Participant]:
    """Those registered with a seat, as the mixing sees them."""
    return [
        Participant(
            key=registration.pk,
            municipality=registration.municipality.code if registration.municipality else "",
            background=registration.background,
            organisation=registration.organisation_name.strip().casefold(),
            needs_access=bool(registration.accessibility),
            facilitator_of=None
            if registration.facilitator_table is None
            else registration.facilitator_table - 1,
        )
        for registration in workshop.registrations.filter(
            state=RegistrationState.CONFIRMED
        ).select_related("municipality")
    ]


@transaction.atomic
def tables_mix(
    *,
    user,
    workshop: Workshop,
    rounds: int,
    table_size: int,
    accessible_tables: set[int] | None = None,
) -> Mixing:
    """Seat those registered at tables for each round (again after late cancellations),
    replacing the earlier seating. Tables are numbered from 1 on the page."""
    authorize(
        user,
        "workshops.organise_workshop",
        workshop,
        visible=("workshops.view_workshop", workshop),
    )
    participants = participants_of(workshop)
    if not participants:
        raise ValidationError(_("No one has registered yet."))
    try:
        mixing = mix(
            participants,
            rounds=rounds,
            table_size=table_size,
            accessible_tables=None
            if accessible_tables is None
            else {number - 1 for number in accessible_tables},
        )
    except ValueError as error:
        raise ValidationError(
            _("A facilitator's table does not exist at this table size: %(error)s")
            % {"error": error}
        ) from error
    TableSeat.objects.filter(workshop=workshop).delete()
    TableSeat.objects.bulk_create(
        TableSeat(workshop=workshop, round=number, table=index + 1, registration_id=key)
        for number, tables in enumerate(mixing.rounds, start=1)
        for index, table in enumerate(tables)
        for key in table
    )
    return mixing

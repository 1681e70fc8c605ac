"""The pseudonymised research extract: a use of counselling data beyond counselling, so its
clients come only through the consent gate (`consent.consented_clients`) — those whose
consent to the chosen purpose and study is in force at the moment of the extract.

What it holds: how each period came and ended, its visits and their measurements, and the
year it began; never the identity code, the name, notes, dates of visits or anything typed
as free text. Each client is a random pseudonym drawn anew for every extract (two extracts
cannot be joined by it), and the rows are in the pseudonyms' order, not the register's. The
county's keeper of the register makes it; each client included is audited as an export."""

import json
import secrets
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from elinvoima.core.exports import Table
from elinvoima.counselling.access_services import keeper_checked
from elinvoima.counselling.consent import consented_clients
from elinvoima.counselling.enums import AuditAction, ConsentPurpose, Measurement
from elinvoima.counselling.models import AuditEntry, Period, Visit


def research_extract(*, user, county, purpose: str, description: str) -> Table:
    """The extract of the county's consenting clients for `purpose` and `description`
    (the study or programme), its reading audited per client. Refused as the other
    counselling pages refuse: 404 to anyone never granted access, 403 (logged) to the rest."""
    keeper_checked(user, county, "research extract")
    if purpose not in ConsentPurpose.values:
        raise ValidationError({"use": [_("Choose what the extract is for.")]})
    with transaction.atomic():
        clients = list(
            consented_clients(county=county, purpose=purpose, description=description).values_list(
                "pk", flat=True
            )
        )
        pseudonyms = _pseudonyms(clients)
        periods = list(
            Period.objects.filter(client_id__in=clients)
            .order_by("opened_at", "id")
            .prefetch_related(
                Prefetch("visits", queryset=Visit.objects.order_by("visited_on", "id"))
            )
        )
        what = f"research extract: {purpose}: {description}"
        AuditEntry.objects.bulk_create(
            AuditEntry(user=user, client_id=client, action=AuditAction.EXPORT, what=what[:200])
            for client in clients
        )
    return Table(
        header=[
            _("Pseudonym"),
            _("Period"),
            _("Year begun"),
            _("Came by"),
            _("Outcome"),
            _("Visits in the period"),
            _("Visit"),
            *(str(label) for label in Measurement.labels),
        ],
        rows=sorted(_rows(periods, pseudonyms), key=lambda row: (row[0], row[1], row[6] or 0)),
        title=str(ConsentPurpose(purpose).label),
    )


def _pseudonyms(clients: list[int]) -> dict[int, str]:
    """A fresh random pseudonym for each client, none twice."""
    pseudonyms: dict[int, str] = {}
    drawn: set[str] = set()
    for client in clients:
        pseudonym = secrets.token_hex(6)
        while pseudonym in drawn:
            pseudonym = secrets.token_hex(6)
        drawn.add(pseudonym)
        pseudonyms[client] = pseudonym
    return pseudonyms


def _rows(periods: list[Period], pseudonyms: dict[int, str]) -> Iterator[tuple]:
    """A row for each visit (a period without visits: one row without them)."""
    numbers: dict[int, int] = {}
    for period in periods:
        numbers[period.client_id] = numbers.get(period.client_id, 0) + 1
        visits = list(period.visits.all())
        common = (
            pseudonyms[period.client_id],
            numbers[period.client_id],
            period.opened_at.year,
            str(period.get_source_display()),
            str(period.get_outcome_display()) if period.outcome else "",
            len(visits),
        )
        if not visits:
            yield (*common, "", *("" for _code in Measurement.values))
        for number, visit in enumerate(visits, start=1):
            values = json.loads(visit.measurements) if visit.measurements else {}
            yield (*common, number, *(values.get(code, "") for code in Measurement.values))

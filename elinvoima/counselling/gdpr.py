"""The controller's duties under the GDPR (issue 19, item 8), done by the county's keeper
of the register: the export of all of one client's data (the right of access, art. 15),
and the erasure of a client's records once the retention time has passed
(`COUNSELLING_RETENTION_YEARS` after the last period closed) — never before, and never
while a period is open.

Both ask `keeps_register` with the client's county first. The export is logged before its
file is made. An erasure removes the client, the periods, bookings, visits, the rows of
any other model that refers to the client or a period (consents, care teams…) and the
client's audit entries, in one transaction (on PostgreSQL the audit log's trigger lets a
DELETE through only in a transaction that says it erases by the retention rules), then
logs one entry that client #id was erased, with no identity in it."""

import datetime
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models, transaction
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from elinvoima.counselling.access_selectors import (
    clients_past_retention,
    retention_years,
    years_before,
)
from elinvoima.counselling.access_services import keeper_checked, register_logged
from elinvoima.counselling.audit import audited
from elinvoima.counselling.enums import AuditAction
from elinvoima.counselling.models import AuditEntry, Booking, Client, Period, Visit
from elinvoima.counselling.permissions import keeps_register, was_granted_access
from elinvoima.counselling.services import client_found, identity_code_checked

KNOWN = {AuditEntry, Booking, Client, Period, Visit}


def _keeps(user, client: Client, what: str) -> None:
    """The keeper of the client's county, or refused: 404 to someone never granted access;
    anyone else's attempt is logged with the client, then 403."""
    if keeps_register(user, client.wellbeing_county):
        return
    if not was_granted_access(user):
        raise Http404
    audited(user, AuditAction.DENIED, what, client=client)
    raise PermissionDenied


def access_log_read(*, user, client: Client) -> Client:
    """The keeper opens the list of who read or changed the client's data (the client's
    right to know who looked): itself a read of the client's data, logged first."""
    _keeps(user, client, "access log")
    audited(user, AuditAction.READ, "access log", client=client)
    return client


def client_lookup(*, user, county, identity_code: str) -> Client | None:
    """The keeper finds a client of the county's register by the personal identity code
    (by its keyed hash: nothing is decrypted), as when a client asks who looked at their
    data. Only the keeper of that county may ask; a finding is logged as a read."""

    keeper_checked(user, county, "client lookup")
    client = client_found(county, identity_code_checked(identity_code))
    if client is not None:
        audited(user, AuditAction.READ, "found by identity code", client=client)
    return client


def _value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _row(instance: models.Model) -> dict:
    """Every concrete field of a row (a relation by its id)."""
    return {
        field.attname: _value(field.value_from_object(instance))
        for field in instance._meta.concrete_fields
    }


def _person(user) -> str | None:
    return None if user is None else (user.get_full_name() or user.username)


def _related_models(target: type[models.Model]) -> list[tuple[type[models.Model], str]]:
    """Other models that refer to `target` (a consent, a care team…): (model, field)."""
    return [
        (relation.related_model, relation.field.name)
        for relation in target._meta.related_objects
        if relation.related_model not in KNOWN
        and not relation.many_to_many
        and relation.related_model._meta.app_label == "counselling"
    ]


def _other_rows(client: Client, periods: list[Period]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for target, match in ((Client, [client]), (Period, periods)):
        for model, field in _related_models(target):
            rows = model._default_manager.filter(**{f"{field}__in": match}).order_by("pk")
            found.setdefault(f"{model._meta.model_name}s", []).extend(_row(row) for row in rows)
    return found


def client_export(*, user, client: Client) -> dict:
    """All of one client's data for the controller, as JSON-ready data: the identity, each
    period with its referral, plan, bookings, visits with measurements and its FHIR Bundle,
    the rows of other models about the client (consents…), and the log of who read or
    changed the data. The export is logged first."""
    from elinvoima.counselling.fhir import period_bundle  # fhir.resources loads slowly

    _keeps(user, client, "GDPR export")
    audited(user, AuditAction.EXPORT, "GDPR export", client=client)
    periods = list(
        Period.objects.filter(client=client)
        .select_related("municipality", "referrer")
        .prefetch_related("counsellors")
        .order_by("opened_at", "pk")
    )
    bookings = Booking.objects.filter(period__in=periods).select_related(
        "slot__counsellor", "booked_by"
    )
    visits = Visit.objects.filter(period__in=periods).select_related("recorded_by")
    data = {
        "exported_at": _value(timezone.now()),
        "exported_by": _person(user),
        "controller": client.wellbeing_county.name,
        "client": {
            "id": client.pk,
            "identity_code": client.identity_code,
            "name": client.name,
            "created_at": _value(client.created_at),
        },
        "periods": [
            {
                "id": period.pk,
                "municipality": period.municipality.name,
                "source": period.source,
                "referrer": _person(period.referrer),
                "counsellors": [_person(c) for c in period.counsellors.all()],
                "reason": period.reason,
                "goals": period.goals,
                "risk_factors": period.risk_factors,
                "urgency": period.urgency,
                "exercise_plan": period.exercise_plan,
                "self_care": period.self_care,
                "opened_at": _value(period.opened_at),
                "closed_at": _value(period.closed_at),
                "outcome": period.outcome,
                "outcome_summary": period.outcome_summary,
                "bookings": [
                    {
                        "id": booking.pk,
                        "starts_at": _value(booking.slot.starts_at),
                        "ends_at": _value(booking.slot.ends_at),
                        "place": booking.slot.place,
                        "counsellor": _person(booking.slot.counsellor),
                        "state": booking.state,
                        "booked_by": _person(booking.booked_by),
                        "booked_at": _value(booking.booked_at),
                    }
                    for booking in bookings
                    if booking.period_id == period.pk
                ],
                "visits": [
                    {
                        "id": visit.pk,
                        "visited_on": _value(visit.visited_on),
                        "notes": visit.notes,
                        "measurements": json.loads(visit.measurements)
                        if visit.measurements
                        else {},
                        "recorded_by": _person(visit.recorded_by),
                        "recorded_at": _value(visit.recorded_at),
                    }
                    for visit in visits
                    if visit.period_id == period.pk
                ],
                "fhir_bundle": period_bundle(period),
            }
            for period in periods
        ],
        **_other_rows(client, periods),
        "access_log": [
            {
                "at": _value(entry.at),
                "who": _person(entry.user),
                "action": entry.action,
                "what": entry.what,
                "period": entry.period_id,
            }
            for entry in AuditEntry.objects.filter(client=client)
            .select_related("user")
            .order_by("at", "id")
        ],
    }
    return data


# --- Erasure -------------------------------------------------------------------------------
def retained_until(client: Client) -> datetime.datetime | None:
    """When the client's records may be erased (None: a period is open)."""
    periods = Period.objects.filter(client=client)
    if periods.filter(closed_at__isnull=True).exists():
        return None
    last = periods.aggregate(last=models.Max("closed_at"))["last"] or client.created_at
    return years_before(last, -retention_years())


def _erasure_refused(client: Client) -> ValidationError:
    until = retained_until(client)
    if until is None:
        return ValidationError(
            _("The client has an open counselling period: the records are not erased."),
            code="retained",
        )
    return ValidationError(
        _(
            "The client's records are kept until %(day)s: %(years)s years after the last "
            "counselling period closed."
        )
        % {
            "day": formats.date_format(timezone.localtime(until), "SHORT_DATE_FORMAT"),
            "years": retention_years(),
        },
        code="retained",
    )


def _raw_delete(model: type[models.Model], column: str, ids: list[int]) -> None:
    """The rows of `model` whose `column` is one of `ids`, deleted in SQL: the audit log's
    model refuses every delete, as the application must."""
    if not ids:
        return
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(column)} IN ({marks})",  # noqa: S608
            ids,
        )


def _erased(client: Client) -> None:
    """Everything of the client, deepest first; the caller holds the transaction."""
    periods = list(Period.objects.filter(client=client).values_list("pk", flat=True))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL elinvoima.audit_erasure = 'on'")
    _raw_delete(AuditEntry, "client_id", [client.pk])
    _raw_delete(AuditEntry, "period_id", periods)
    for model, field in _related_models(Period):
        model._default_manager.filter(**{f"{field}__in": periods}).delete()
    Visit.objects.filter(period__in=periods).delete()
    Booking.objects.filter(period__in=periods).delete()
    Period.objects.filter(pk__in=periods).delete()  # with its counsellors (the m2m rows)
    for model, field in _related_models(Client):
        model._default_manager.filter(**{field: client}).delete()
    Client.objects.filter(pk=client.pk).delete()
    if connection.vendor == "postgresql":  # only these deletes: not the rest of an outer one
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL elinvoima.audit_erasure = 'off'")


def client_erase(*, user, client: Client) -> int:
    """Erase one client's records as the retention rule allows: refused (a message) while
    a period is open or the last closed less than the retention time ago. Returns the
    client's former number."""
    _keeps(user, client, "erasure")
    with transaction.atomic():
        client = Client.objects.select_for_update().get(pk=client.pk)
        if not clients_past_retention(client.wellbeing_county).filter(pk=client.pk).exists():
            raise _erasure_refused(client)
        number = client.pk
        _erased(client)
        register_logged(
            user,
            AuditAction.ERASE,
            f"client {number} erased under the retention rule ({retention_years()} years)",
        )
    return number

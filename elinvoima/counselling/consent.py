"""The client's consent to uses of their data beyond counselling (issue 19, item 7; seed 001,
Lapinjärvi: what is recorded on the counselling tab or learnt in counselling may not be used
for anything but health care and its exercise counselling without the client's permission).

A consent names its purpose and the specific study or programme; it is recorded, and
withdrawn, by a counsellor assigned to one of the client's periods, each change audited. A
withdrawn consent stays on record, no longer in force.

Enforced in code: every use beyond counselling takes its clients from `consented_clients`,
the one gate — only clients with a consent in force for that purpose (and that study or
programme) on that day. Nothing else in the application picks clients for such a use."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.counselling.audit import audited
from elinvoima.counselling.enums import AuditAction, ConsentPurpose
from elinvoima.counselling.models import Client, Consent, Period
from elinvoima.counselling.services import counsellor_check


def consents_in_force(on: datetime.date | None = None) -> QuerySet[Consent]:
    """Consents given by `on` (today) and not withdrawn."""
    return Consent.objects.filter(
        given_on__lte=on or timezone.localdate(), withdrawn_on__isnull=True
    )


def consented_clients(
    *, county, purpose: str, description: str, on: datetime.date | None = None
) -> QuerySet[Client]:
    """The gate: the county's clients whose consent to `purpose` for `description` (the
    study or programme) is in force on `on` (today). A consent to another purpose, or to
    another study, does not count."""
    if purpose not in ConsentPurpose.values:
        return Client.objects.none()
    consenting = consents_in_force(on).filter(purpose=purpose, description=description)
    return Client.objects.filter(
        wellbeing_county=county, pk__in=consenting.values("client_id")
    ).order_by()


def uses_in_force(county, on: datetime.date | None = None) -> list[tuple[str, str]]:
    """The (purpose, study or programme) pairs that some client of the county has a consent
    in force for: what a use beyond counselling can be chosen for. Names no client."""
    return list(
        consents_in_force(on)
        .filter(client__wellbeing_county=county)
        .values_list("purpose", "description")
        .distinct()
        .order_by("purpose", "description")
    )


def consents_of(client: Client) -> QuerySet[Consent]:
    """The client's consents, those withdrawn too (for the record page, read with it)."""
    return Consent.objects.filter(client=client).select_related(
        "recorded_by", "withdrawn_recorded_by"
    )


def consent_record(
    *, user, period: Period, purpose: str, description: str, given_on: datetime.date
) -> Consent:
    """Record the client's consent, given to the counsellor of one of their periods.
    Permission first, outside the transaction (a refusal's log entry outlives it)."""
    counsellor_check(user=user, period=period)
    description = description.strip()
    errors: dict[str, list[str]] = {}
    if purpose not in ConsentPurpose.values:
        errors["purpose"] = [_("Choose what the consent is for.")]
    if not description or len(description) > 200 or "\x00" in description:
        errors["description"] = [_("Name the study or programme in at most 200 characters.")]
    if given_on > timezone.localdate():
        errors["given_on"] = [_("Record a consent once it has been given.")]
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            consent = Consent.objects.create(
                client=period.client,
                purpose=purpose,
                description=description,
                given_on=given_on,
                recorded_by=user,
            )
            audited(
                user,
                AuditAction.CHANGE,
                f"consent given: {purpose}",
                client=period.client,
                period=period,
            )
    except IntegrityError:  # the partial unique index: one consent in force
        raise ValidationError(
            {"description": [_("The client has already given this consent.")]}
        ) from None
    return consent


def consent_withdraw(*, user, period: Period, consent: Consent) -> Consent:
    """The client withdraws a consent: from today it is not in force, and it stays on
    record. The counsellor of one of the client's periods records it."""
    counsellor_check(user=user, period=period)
    if consent.client_id != period.client_id:
        raise Http404
    with transaction.atomic():
        consent = Consent.objects.select_for_update().get(pk=consent.pk)
        if consent.withdrawn_on is not None:
            raise ValidationError(_("The consent has already been withdrawn."), code="withdrawn")
        consent.withdrawn_on = max(timezone.localdate(), consent.given_on)
        consent.withdrawn_recorded_by = user
        consent.save(update_fields=["withdrawn_on", "withdrawn_recorded_by"])
        audited(
            user,
            AuditAction.CHANGE,
            f"consent withdrawn: {consent.purpose}",
            client=period.client,
            period=period,
        )
    return consent

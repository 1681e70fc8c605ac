"""Writes of the county's keeper of the register (issue 19, items 0 and 5): the county's
agreements with municipalities on their counsellors' right to record ("oikeudesta
kirjata"), and its grants of access to persons, with their validity period and a
counsellor's induction ("perehdytys"). The county keeps the credentials valid; access ends
by itself on the grant's last day (the rules in permissions.py ask the dates).

Each service asks `keeps_register` first — someone never granted access gets 404, anyone
else 403 with the refusal logged —, then validates (messages at the form's fields, the
database's check constraints refused before they are hit), then writes in one transaction
with an audit entry. A change carries the version of the row the page loaded and is
refused if someone saved the row since (`core.concurrency`)."""

import datetime
from dataclasses import dataclass
from typing import NoReturn

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality, User
from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.core.second_factor import has_second_factor, linking_allow, second_factor_reset
from elinvoima.core.validation import validate_for_save
from elinvoima.counselling.access_selectors import holds_role_for
from elinvoima.counselling.enums import AccessRole, AuditAction
from elinvoima.counselling.models import AccessAgreement, AuditEntry, StaffAccess
from elinvoima.counselling.permissions import keeps_register, was_granted_access


def register_logged(user, action: str, what: str) -> None:
    """An audit entry about no one client: a change of agreements or grants, a refused
    attempt on the keeper's pages, an erasure."""
    AuditEntry.objects.create(user=user, client=None, action=action, what=what[:200])


def refuse_keeping(user, what: str) -> NoReturn:
    """Refuse a page or a write of the keeper of the register: to someone never granted
    access counselling does not exist (404); anyone else's attempt is logged, then 403."""
    if not was_granted_access(user):
        raise Http404
    register_logged(user, AuditAction.DENIED, what)
    raise PermissionDenied


def keeper_checked(user, county, what: str) -> None:
    """The keeper of the county's register, or refused (`refuse_keeping`): the first step of
    every write and page of the keeper."""
    if not keeps_register(user, county):  # the predicate: has_perm says yes to the admin
        refuse_keeping(user, what)


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def _saved(instance) -> None:
    """The database's checks refused as a message, never an IntegrityError (a 500)."""
    validate_for_save(instance)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise ValidationError(_("The dates or the induction are not valid together.")) from None


# --- Agreements -------------------------------------------------------------------------------
def agreement_version(agreement: AccessAgreement) -> str:
    """What a page loaded (the model keeps no time of change): the values a change
    replaces."""
    return f"{agreement.reference}|{agreement.valid_from}|{agreement.valid_until}"


@dataclass(frozen=True)
class AgreementData:
    municipality: Municipality
    reference: str
    valid_from: datetime.date
    valid_until: datetime.date | None = None


def _agreement_locked(agreement: AccessAgreement, loaded_version: str | None):
    agreement = AccessAgreement.objects.select_for_update().get(pk=agreement.pk)
    ensure_unchanged(
        agreement_version(agreement),
        loaded_version,
        what=_("the agreement with %(name)s") % {"name": agreement.municipality.name},
    )
    return agreement


def _overlapping(rows, valid_from, valid_until):
    """Rows whose dates (valid_until None: open-ended) overlap the period given."""
    rows = rows.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=valid_from))
    return rows if valid_until is None else rows.filter(valid_from__lte=valid_until)


@transaction.atomic
def agreement_save(
    *,
    user,
    county,
    data: AgreementData,
    agreement: AccessAgreement | None = None,
    loaded_version: str | None = None,
) -> AccessAgreement:
    """Record the county's agreement with one of its municipalities, or change one."""
    keeper_checked(user, county, "agreement")
    if agreement is not None:
        if agreement.wellbeing_county_id != county.pk:
            raise Http404
        agreement = _agreement_locked(agreement, loaded_version)
    errors: dict[str, list[str]] = {}
    if data.municipality.wellbeing_county_id != county.pk:
        errors["municipality"] = [_("Choose a municipality of the county.")]
    if not data.reference.strip():
        errors["reference"] = [_("Name the agreement (its title or reference).")]
    if data.valid_until is not None and data.valid_until < data.valid_from:
        errors["valid_until"] = [_("The agreement cannot end before it begins.")]
    elif not errors:
        others = AccessAgreement.objects.filter(
            wellbeing_county=county, municipality=data.municipality
        )
        if agreement is not None:
            others = others.exclude(pk=agreement.pk)
        if _overlapping(others, data.valid_from, data.valid_until).exists():
            errors["valid_from"] = [
                _("%(name)s already has an agreement in force then: end it first.")
                % {"name": data.municipality.name}
            ]
    if errors:
        raise ValidationError(errors)
    created = agreement is None
    if agreement is None:
        agreement = AccessAgreement(wellbeing_county=county, recorded_by=user)
    agreement.municipality = data.municipality
    agreement.reference = data.reference.strip()
    agreement.valid_from, agreement.valid_until = data.valid_from, data.valid_until
    _saved(agreement)
    register_logged(
        user,
        AuditAction.CREATE if created else AuditAction.CHANGE,
        f"agreement {agreement.pk} with municipality {data.municipality.code}: "
        f"{data.valid_from}–{data.valid_until or ''}",
    )
    return agreement


@transaction.atomic
def agreement_end(
    *,
    user,
    agreement: AccessAgreement,
    last_day: datetime.date,
    loaded_version: str | None = None,
) -> AccessAgreement:
    """End the agreement after `last_day` (yesterday ends it now): from the next day the
    municipality's counsellors read and record nothing."""
    keeper_checked(user, agreement.wellbeing_county, "agreement end")
    agreement = _agreement_locked(agreement, loaded_version)
    if last_day < agreement.valid_from:
        raise ValidationError(
            {
                "last_day": [
                    _("The agreement begins on %(day)s: give a last day on or after it.")
                    % {"day": _date(agreement.valid_from)}
                ]
            }
        )
    if agreement.valid_until is not None and agreement.valid_until <= last_day:
        raise ValidationError(
            {
                "last_day": [
                    _("The agreement already ends on %(day)s.")
                    % {"day": _date(agreement.valid_until)}
                ]
            }
        )
    agreement.valid_until = last_day
    _saved(agreement)
    register_logged(user, AuditAction.CHANGE, f"agreement {agreement.pk} ended: {last_day}")
    return agreement


# --- Grants of access ---------------------------------------------------------------------------
def access_version(access: StaffAccess) -> str:
    """What a page loaded (the model keeps no time of change): the values a change
    replaces."""
    return f"{access.valid_from}|{access.valid_until}|{access.inducted_on}"


@dataclass(frozen=True)
class GrantData:
    person: User
    role: str
    valid_from: datetime.date
    valid_until: datetime.date
    municipality: Municipality | None = None
    inducted_on: datetime.date | None = None


def _access_locked(access: StaffAccess, loaded_version: str | None) -> StaffAccess:
    access = StaffAccess.objects.select_for_update().select_related("user").get(pk=access.pk)
    ensure_unchanged(
        access_version(access),
        loaded_version,
        what=_("the access of %(name)s")
        % {"name": access.user.get_full_name() or access.user.username},
    )
    return access


def _dates_checked(errors, valid_from, valid_until, inducted_on, *, counsellor: bool) -> None:
    if valid_until is not None and valid_from is not None and valid_until < valid_from:
        errors["valid_until"] = [_("The access cannot end before it begins.")]
    if counsellor and inducted_on is None:
        errors["inducted_on"] = [
            _("A counsellor gets access only after induction: give the day it was given.")
        ]
    if inducted_on is not None and inducted_on > timezone.localdate():
        errors["inducted_on"] = [_("Record the induction once it has been given.")]


@transaction.atomic
def access_grant(*, user, county, data: GrantData) -> StaffAccess:
    """Grant a person access for a period: a counsellor of a municipality with an agreement
    (after induction), a referring professional or a keeper of the register of the county.
    The person must hold the matching role in the municipality's or the county's
    organisation (the municipality sees that only those who need it have it)."""
    keeper_checked(user, county, "access grant")
    today = timezone.localdate()
    counsellor = data.role == AccessRole.COUNSELLOR
    municipality = data.municipality if counsellor else None
    errors: dict[str, list[str]] = {}
    if data.role not in AccessRole.values:
        errors["role"] = [_("Choose the role.")]
    elif counsellor and municipality is None:
        errors["municipality"] = [_("Choose the counsellor's municipality.")]
    elif counsellor and (
        municipality.wellbeing_county_id != county.pk
        or not _overlapping(
            AccessAgreement.objects.filter(wellbeing_county=county, municipality=municipality),
            max(data.valid_from, today),
            data.valid_until,
        ).exists()
    ):
        errors["municipality"] = [
            _("The county has no agreement with this municipality for that time.")
        ]
    elif not holds_role_for(data.person, county, data.role, municipality):
        errors["person"] = [
            _("The person does not hold this role in the county or the municipality.")
        ]
    _dates_checked(
        errors, data.valid_from, data.valid_until, data.inducted_on, counsellor=counsellor
    )
    if data.valid_until < today and "valid_until" not in errors:
        errors["valid_until"] = [_("The access would already have ended.")]
    if not errors:
        same = StaffAccess.objects.filter(
            user=data.person, wellbeing_county=county, role=data.role, municipality=municipality
        )
        if _overlapping(same, data.valid_from, data.valid_until).exists():
            errors["person"] = [
                _("The person already has this access then: change its end date instead.")
            ]
    if errors:
        raise ValidationError(errors)
    access = StaffAccess(
        user=data.person,
        wellbeing_county=county,
        municipality=municipality,
        role=data.role,
        valid_from=data.valid_from,
        valid_until=data.valid_until,
        inducted_on=data.inducted_on,
        granted_by=user,
    )
    _saved(access)
    register_logged(
        user,
        AuditAction.CREATE,
        f"access {access.pk} granted: {data.role} to user {data.person.pk}"
        f"{f' in municipality {municipality.code}' if municipality else ''}, "
        f"{data.valid_from}–{data.valid_until}, induction {data.inducted_on or '-'}",
    )
    if not has_second_factor(data.person):
        # The keeper vouches for the person: leave to link a phone or a key the first time.
        linking_allow(data.person, by=user)
    return access


@transaction.atomic
def access_change(
    *,
    user,
    access: StaffAccess,
    valid_until: datetime.date,
    inducted_on: datetime.date | None,
    loaded_version: str | None = None,
) -> StaffAccess:
    """Change a grant's last day (renew it, or end it earlier) and record its induction."""
    keeper_checked(user, access.wellbeing_county, "access change")
    access = _access_locked(access, loaded_version)
    errors: dict[str, list[str]] = {}
    _dates_checked(
        errors,
        access.valid_from,
        valid_until,
        inducted_on,
        counsellor=access.role == AccessRole.COUNSELLOR,
    )
    if errors:
        raise ValidationError(errors)
    before = access_version(access)
    access.valid_until, access.inducted_on = valid_until, inducted_on
    _saved(access)
    register_logged(
        user, AuditAction.CHANGE, f"access {access.pk} changed: {before} → {access_version(access)}"
    )
    return access


@transaction.atomic
def access_end(*, user, access: StaffAccess, loaded_version: str | None = None) -> StaffAccess:
    """End a grant now. The dates are inclusive, so its last day becomes yesterday: today it
    gives nothing. A grant that had not begun ends before it begins (its first day moves
    back too: it never gave access)."""
    keeper_checked(user, access.wellbeing_county, "access end")
    access = _access_locked(access, loaded_version)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    if access.valid_until <= yesterday:
        raise ValidationError(
            _("The access already ended on %(day)s.") % {"day": _date(access.valid_until)}
        )
    before = access_version(access)
    access.valid_until = yesterday
    access.valid_from = min(access.valid_from, yesterday)
    _saved(access)
    register_logged(
        user, AuditAction.CHANGE, f"access {access.pk} ended: {before} → {access_version(access)}"
    )
    return access


def access_second_factor_reset(*, user, access: StaffAccess) -> None:
    """A lost phone or key of a person the county granted access: the keeper removes their
    apps and keys and gives leave to link new ones (the platform's admin cannot: see
    core/admin.py). The person's next counselling page asks them to link."""
    keeper_checked(user, access.wellbeing_county, "second factor reset")
    with transaction.atomic():
        second_factor_reset(access.user, by=user)
        register_logged(user, AuditAction.CHANGE, f"second factor of user {access.user_id} reset")

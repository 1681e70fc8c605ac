"""Writes of help requests: the municipality's coordinator asks (and changes, sends, closes
the request), an association offers, the coordinator replies to the offer, and the
association records what was done, which becomes its activity. Permission first, then
validation, then the write, in one transaction (docs/architecture.md)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality, Organisation, TargetGroup, Theme, Village
from elinvoima.cards.activities.models import Activity
from elinvoima.cards.activities.services import ActivityData, activity_report
from elinvoima.cards.associations import associations_of
from elinvoima.cards.enums import ActivityKind, HelpOfferState
from elinvoima.cards.help.mail import help_request_mail
from elinvoima.cards.help.models import HelpOffer, HelpRequest
from elinvoima.core.concurrency import ensure_unchanged, locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.strategy.models import Goal

TEXTS = ("title", "description", "time", "place", "for_whom")


@dataclass(frozen=True)
class HelpRequestData:
    title: str
    starts_on: datetime.date
    answer_by: datetime.date
    description: str = ""
    ends_on: datetime.date | None = None
    time: str = ""
    place: str = ""
    for_whom: str = ""
    helpers_needed: int | None = None
    themes: tuple[Theme, ...] = ()
    target_groups: tuple[TargetGroup, ...] = ()
    villages: tuple[Village, ...] = ()
    sub_goals: tuple[Goal, ...] = ()


def version_of(row: HelpRequest | HelpOffer | None) -> str:
    return row.updated_at.isoformat() if row is not None and row.pk else ""


def _date(value: datetime.date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def matching_associations(help_request: HelpRequest) -> QuerySet[Organisation]:
    """The associations a request fits: those sharing any of its themes, target groups or
    villages; all the municipality's associations when it names none. (Distinct: the joins
    of the filter repeat an association that shares several.)"""
    associations = associations_of(help_request.municipality)
    fits = Q()
    themes = [theme.pk for theme in help_request.themes.all()]
    if themes:
        fits |= Q(themes__in=themes)
    # An association for everyone (kaikenikäiset) fits a request for any age group.
    groups = {
        code
        for group in help_request.target_groups.all()
        for code in TargetGroup.codes_for(group.code)
    }
    if groups:
        fits |= Q(target_groups__code__in=groups)
    villages = [village.pk for village in help_request.villages.all()]
    if villages:
        fits |= Q(villages__in=villages)
    return associations.filter(fits) if fits else associations


def _validated(
    municipality: Municipality, data: HelpRequestData, *, is_new: bool
) -> HelpRequestData:
    data = replace(data, **{name: getattr(data, name).strip() for name in TEXTS})
    errors: dict[str, list[str]] = {}
    last_day = data.ends_on or data.starts_on
    if data.ends_on is not None and data.ends_on < data.starts_on:
        errors["ends_on"] = [_("The last day cannot be before the first.")]
    if data.answer_by > last_day:
        errors["answer_by"] = [
            _("Ask for the answers by %(date)s at the latest, when the help is needed.")
            % {"date": _date(last_day)}
        ]
    today = timezone.localdate()
    if is_new and last_day < today:
        errors.setdefault("starts_on", []).append(
            _("The day has passed: help can be asked for today or later.")
        )
    if is_new and data.answer_by < today:
        errors.setdefault("answer_by", []).append(_("The date has passed: choose today or later."))
    if any(village.municipality_id != municipality.pk for village in data.villages):
        errors["villages"] = [
            _("Choose villages of %(municipality)s.") % {"municipality": municipality}
        ]
    if any(goal.plan.municipality_id != municipality.pk for goal in data.sub_goals):
        errors["sub_goals"] = [
            _("Choose goals of the welfare plan of %(municipality)s.")
            % {"municipality": municipality}
        ]
    if errors:
        raise ValidationError(errors)
    return data


def _offer_named(offer: HelpOffer) -> str:
    return _("the offer of %(name)s") % {"name": offer.organisation}


def _ensure_open(help_request: HelpRequest) -> None:
    if help_request.closed_at is not None:
        raise ValidationError(_("The help request has been closed."), code="closed")


@transaction.atomic
def help_request_save(
    *,
    user,
    municipality: Municipality,
    data: HelpRequestData,
    help_request: HelpRequest | None = None,
    loaded_version: str | None = None,
) -> HelpRequest:
    """Make a help request (a draft until it is sent) or change one that is not closed."""
    who = signed_in_or_none(user)
    if help_request is None:
        authorize(user, "cards.ask_help", municipality)
        help_request = HelpRequest(municipality=municipality, created_by=who)
    else:
        authorize(
            user,
            "cards.change_help_request",
            help_request,
            visible=("cards.view_help_request", help_request),
        )
        help_request = locked_unchanged(
            HelpRequest.objects.select_related("municipality"),
            help_request.pk,
            loaded_version,
            what=lambda row: _("the help request “%(title)s”") % {"title": row.title},
        )
        _ensure_open(help_request)
        municipality = help_request.municipality
    data = _validated(municipality, data, is_new=help_request.pk is None)
    for name in (*TEXTS, "starts_on", "ends_on", "answer_by", "helpers_needed"):
        setattr(help_request, name, getattr(data, name))
    help_request.updated_by = who
    validate_for_save(help_request, exclude=("municipality",))
    help_request.save()
    help_request.themes.set(data.themes)
    help_request.target_groups.set(data.target_groups)
    help_request.villages.set(data.villages)
    help_request.sub_goals.set(data.sub_goals)
    return help_request


@transaction.atomic
def help_request_send(
    *, user, help_request: HelpRequest, recipients: Iterable[Organisation], url: str
) -> int:
    """Send the request to the chosen associations of its municipality (those it has not
    reached yet); an e-mail task tells them. How many it went to now. `url`: the request's
    page as the associations reach it (the request knows the host)."""
    authorize(
        user,
        "cards.change_help_request",
        help_request,
        visible=("cards.view_help_request", help_request),
    )
    help_request = (
        HelpRequest.objects.select_for_update(of=("self",))
        .select_related("municipality")
        .get(pk=help_request.pk)
    )
    _ensure_open(help_request)
    chosen = {organisation.pk for organisation in recipients}
    allowed = set(
        associations_of(help_request.municipality)
        .filter(pk__in=chosen)
        .values_list("pk", flat=True)
    )
    if chosen - allowed:
        raise ValidationError(
            {
                "recipients": _("Choose associations of %(municipality)s.")
                % {"municipality": help_request.municipality}
            }
        )
    new = sorted(allowed - set(help_request.recipients.values_list("pk", flat=True)))
    if not new:
        raise ValidationError(
            {"recipients": _("Choose at least one association it has not been sent to.")}
        )
    help_request.recipients.add(*new)
    if help_request.sent_at is None:
        help_request.sent_at = timezone.now()
    help_request.updated_by = signed_in_or_none(user)
    help_request.save(update_fields=["sent_at", "updated_by", "updated_at"])
    # The database queue: the task is queued with this transaction, or not at all.
    help_request_mail.enqueue(help_request.pk, new, url)
    return len(new)


@transaction.atomic
def help_request_close(*, user, help_request: HelpRequest) -> HelpRequest:
    """Close a request: no more offers; what was offered and done stays."""
    authorize(
        user,
        "cards.change_help_request",
        help_request,
        visible=("cards.view_help_request", help_request),
    )
    help_request = HelpRequest.objects.select_for_update(of=("self",)).get(pk=help_request.pk)
    _ensure_open(help_request)
    help_request.closed_at = timezone.now()
    help_request.updated_by = signed_in_or_none(user)
    help_request.save(update_fields=["closed_at", "updated_by", "updated_at"])
    return help_request


# --- an association's offer ---------------------------------------------------------------


@transaction.atomic
def help_offer_save(
    *,
    user,
    help_request: HelpRequest,
    organisation: Organisation,
    text: str,
    helpers: int,
    loaded_version: str | None = None,
) -> HelpOffer:
    """Offer help for an association the request was sent to, or change its offer, until
    the answers' date; refused once the offer is done."""
    authorize(
        user, "cards.offer_help", help_request, visible=("cards.view_help_request", help_request)
    )
    authorize(user, "cards.answer_for", organisation)
    if not help_request.recipients.filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": _("The request was not sent to %(name)s.") % {"name": organisation}}
        )
    _ensure_open(help_request)
    if timezone.localdate() > help_request.answer_by:
        raise ValidationError(
            _("Offers were asked by %(date)s.") % {"date": _date(help_request.answer_by)},
            code="closed",
        )
    who = signed_in_or_none(user)
    offer = (
        HelpOffer.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .filter(request=help_request, organisation=organisation)
        .first()
    )
    if offer is None:
        offer = HelpOffer(request=help_request, organisation=organisation, created_by=who)
    else:
        ensure_unchanged(
            version_of(offer),
            loaded_version,
            what=_offer_named(offer),
            changed_by=offer.updated_by,
            changed_at=offer.updated_at,
        )
        if offer.state == HelpOfferState.DONE:
            raise ValidationError(
                _("The help has been done and recorded: the offer cannot be changed."),
                code="done",
            )
    offer.text, offer.helpers, offer.updated_by = text.strip(), helpers, who
    validate_for_save(offer, exclude=("request", "organisation", "activity"))
    try:
        with transaction.atomic():
            offer.save()
    except IntegrityError:  # the association's other representative offered in the same instant
        raise ValidationError(
            _("Someone else saved this after you loaded it. Load it again."), code="conflict"
        ) from None
    return offer


@transaction.atomic
def help_offer_reply(
    *, user, offer: HelpOffer, state: str, reply: str = "", loaded_version: str | None = None
) -> HelpOffer:
    """The coordinator takes an offer up or says it is not needed this time."""
    authorize(
        user,
        "cards.change_help_request",
        offer.request,
        visible=("cards.view_help_request", offer.request),
    )
    offer = locked_unchanged(
        HelpOffer.objects.select_related("organisation"),
        offer.pk,
        loaded_version,
        what=_offer_named,
    )
    if state not in (HelpOfferState.ACCEPTED, HelpOfferState.DECLINED):
        raise ValidationError({"state": _("Take the offer up or say it is not needed.")})
    if offer.state == HelpOfferState.DONE:
        raise ValidationError(_("The help has been done and recorded."), code="done")
    offer.state, offer.reply = state, reply.strip()
    offer.updated_by = signed_in_or_none(user)
    offer.save(update_fields=["state", "reply", "updated_by", "updated_at"])
    return offer


@dataclass(frozen=True)
class HelpDoneData:
    """What the association tells of the help it gave."""

    starts_on: datetime.date
    participants: int = 0
    in_target_group: int = 0
    volunteers: int = 0
    volunteer_hours: Decimal = Decimal(0)
    ends_on: datetime.date | None = None
    description: str = ""


@transaction.atomic
def help_offer_done(
    *, user, offer: HelpOffer, data: HelpDoneData, loaded_version: str | None = None
) -> Activity:
    """Record what was done for an offer: the association's activity (kind "helping"), for
    the request's goals, in the request's municipality; the offer is done."""
    authorize(user, "cards.report_activity", offer.organisation)
    offer = locked_unchanged(
        HelpOffer.objects.select_related("request__municipality", "organisation"),
        offer.pk,
        loaded_version,
        what=_offer_named,
    )
    if offer.state == HelpOfferState.DONE:
        raise ValidationError(_("The help has been recorded already."), code="done")
    if offer.state == HelpOfferState.DECLINED:
        raise ValidationError(
            _("The municipality did not need this offer: there is nothing to record."),
            code="declined",
        )
    help_request = offer.request
    activity = activity_report(
        user=user,
        organisation=offer.organisation,
        data=ActivityData(
            kind=ActivityKind.HELP,
            name=help_request.title,
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            place=help_request.place,
            participants=data.participants,
            in_target_group=data.in_target_group,
            volunteers=data.volunteers,
            volunteer_hours=data.volunteer_hours,
            sub_goals=tuple(help_request.sub_goals.select_related("plan")),
            description=data.description,
            municipality=help_request.municipality,
        ),
    )
    offer.state, offer.activity = HelpOfferState.DONE, activity
    offer.updated_by = signed_in_or_none(user)
    offer.save(update_fields=["state", "activity", "updated_by", "updated_at"])
    return activity

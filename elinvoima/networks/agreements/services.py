"""Writes of agreements and facilities: a municipality's (or county's) coordinators draft an
agreement, name its parties with their signatories and commitments, and publish it once
every party has signed; a published agreement is changed by a new version, which starts as
a copy. Permission first, then validation, then the write, in one transaction."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Organisation
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.networks.agreements.models import Agreement, AgreementParty, Facility

VIEW = "networks.view_agreement"
TEXTS = (
    "title",
    "purpose",
    "principles",
    "grant_practices",
    "facility_principles",
    "other_support",
    "cooperation",
)
LANGUAGES = ("fi", "sv")
# Seed 004, "Kumppanuus": the principles of partnership, the default of a new agreement.
DEFAULT_PRINCIPLES = {
    "fi": [
        "Kumppanuus perustuu tasaveroisuuteen, se ei ole hierarkkista.",
        "Kumppanuutta ei solmita, vaan se rakentuu luottamuksen ja vuorovaikutuksen "
        "vahvistumisen kautta.",
        "Yhteinen tavoite ja siihen sitoutuminen.",
        "Sovitut pelisäännöt ja yhteistyösopimukset.",
        "Toisen kunnioittaminen, toisen osaamisen arvostus.",
        "Resurssien täydentävyys.",
        "Vastavuoroisuus ja molemminpuolinen hyöty.",
        "Avoimuus tiedon jaossa.",
        "Yhteinen päätöksenteko ja jaettu vastuu seurauksista.",
        "Yhteinen arvopohja toiminnalle.",
    ],
    "sv": [
        "Partnerskap bygger på jämlikhet, det är inte hierarkiskt.",
        "Partnerskap ingås inte, utan det byggs upp när förtroendet och växelverkan stärks.",
        "Ett gemensamt mål och ett åtagande för det.",
        "Överenskomna spelregler och samarbetsavtal.",
        "Respekt för den andra och uppskattning av den andras kunnande.",
        "Resurser som kompletterar varandra.",
        "Ömsesidighet och ömsesidig nytta.",
        "Öppenhet i att dela information.",
        "Gemensamt beslutsfattande och delat ansvar för följderna.",
        "En gemensam värdegrund för verksamheten.",
    ],
}


def agreement_version(agreement: Agreement) -> str:
    return agreement.updated_at.isoformat()


def default_principles(language: str) -> str:
    return "\n".join(DEFAULT_PRINCIPLES[language])


def _locked(agreement: Agreement, loaded_version: str | None = None) -> Agreement:
    return locked_unchanged(
        Agreement.objects.all(),
        agreement.pk,
        loaded_version,
        what=lambda row: _("the agreement “%(title)s”") % {"title": row.title},
    )


@transaction.atomic
def agreement_save(
    *,
    user,
    data: dict,
    owner=None,
    agreement: Agreement | None = None,
    loaded_version: str | None = None,
) -> Agreement:
    """Draft an agreement of `owner`, or change a draft. `data`: kind, valid_from,
    valid_until and each text in Finnish and Swedish (`title_fi`…)."""
    who = signed_in_or_none(user)
    if agreement is None:
        authorize(user, "networks.add_agreement", owner)
        agreement = Agreement(created_by=who)
        agreement.owner_assign(owner)
    else:
        agreement = Agreement.objects.get(pk=agreement.pk)  # asked as it is now
        authorize(user, "networks.change_agreement", agreement, visible=(VIEW, agreement))
        agreement = _locked(agreement, loaded_version)
        if agreement.published_at is not None:
            raise ValidationError(_("A published agreement is changed by a new version."))
    for name in ("kind", "valid_from", "valid_until"):
        if name in data:
            setattr(agreement, name, data[name])
    for text in TEXTS:
        for language in LANGUAGES:
            key = f"{text}_{language}"
            if key in data:
                setattr(agreement, key, (data[key] or "").strip())
    setattr(agreement, "title_en", getattr(agreement, "title_fi"))  # noqa: B009, B010
    agreement.updated_by = who
    validate_for_save(agreement)
    agreement.save()
    return agreement


@dataclass(frozen=True)
class PartyData:
    organisation: Organisation
    signatory: str = ""
    signatory_title: str = ""
    signed_on: datetime.date | None = None
    commitments_fi: str = ""
    commitments_sv: str = ""


@transaction.atomic
def party_save(
    *,
    user,
    data: PartyData,
    agreement: Agreement | None = None,
    party: AgreementParty | None = None,
) -> AgreementParty:
    """Name a party of a draft agreement, or change one: its signatory and commitments."""
    agreement = Agreement.objects.get(pk=(agreement or party.agreement).pk)  # type: ignore[union-attr]
    authorize(user, "networks.change_agreement", agreement, visible=(VIEW, agreement))
    agreement = _locked(agreement)
    if agreement.published_at is not None:
        raise ValidationError(_("A published agreement is changed by a new version."))
    taken = agreement.parties.filter(organisation=data.organisation)
    if party is not None:
        taken = taken.exclude(pk=party.pk)
    errors: dict[str, list[str]] = {}
    if taken.exists():
        errors["organisation"] = [_("The organisation is already a party.")]
    if data.signed_on is not None and data.signed_on > timezone.localdate():
        errors["signed_on"] = [_("Record the signing on the day it happened.")]
    if data.signed_on is not None and not data.signatory.strip():
        errors["signatory"] = [_("Name who signed.")]
    if errors:
        raise ValidationError(errors)
    who = signed_in_or_none(user)
    if party is None:
        party = AgreementParty(agreement=agreement, created_by=who)
    party.organisation = data.organisation
    party.signatory = data.signatory.strip()
    party.signatory_title = data.signatory_title.strip()
    party.signed_on = data.signed_on
    for language, text in (("fi", data.commitments_fi), ("sv", data.commitments_sv)):
        setattr(party, f"commitments_{language}", text.strip())
    party.updated_by = who
    validate_for_save(party)
    party.save()
    return party


@transaction.atomic
def party_remove(*, user, party: AgreementParty) -> None:
    agreement = party.agreement
    authorize(user, "networks.change_agreement", agreement, visible=(VIEW, agreement))
    if _locked(agreement).published_at is not None:
        raise ValidationError(_("A published agreement is changed by a new version."))
    AgreementParty.objects.filter(pk=party.pk).delete()


@transaction.atomic
def agreement_publish(*, user, agreement: Agreement) -> Agreement:
    """Publish a signed agreement: it gets its public page, and its text is frozen."""
    authorize(user, "networks.change_agreement", agreement, visible=(VIEW, agreement))
    agreement = _locked(agreement)
    parties = list(agreement.parties.all())
    if not parties:
        raise ValidationError(_("Name the parties first."))
    unsigned = [str(party.organisation) for party in parties if party.signed_on is None]
    if unsigned:
        raise ValidationError(
            _("Not signed yet: %(parties)s.") % {"parties": ", ".join(sorted(unsigned))}
        )
    agreement.published_at = timezone.now()
    agreement.updated_by = signed_in_or_none(user)
    agreement.save(update_fields=["published_at", "updated_by", "updated_at"])
    return agreement


@transaction.atomic
def agreement_new_version(*, user, agreement: Agreement) -> Agreement:
    """A new draft version of a published agreement, a copy of it with its parties (their
    signatures cleared: the new version is signed anew)."""
    authorize(user, "networks.version_agreement", agreement, visible=(VIEW, agreement))
    agreement = _locked(agreement)
    if agreement.published_at is None:
        raise ValidationError(_("Change the draft itself; it is not published yet."))
    if Agreement.objects.filter(previous_version=agreement).exists():
        raise ValidationError(_("A newer version already exists."))
    who = signed_in_or_none(user)
    parties = list(agreement.parties.all())
    draft = Agreement.objects.get(pk=agreement.pk)
    draft.pk = draft.id = None
    draft._state.adding = True
    draft.version = agreement.version + 1
    draft.previous_version = agreement
    draft.published_at = None
    draft.created_by = draft.updated_by = who
    draft.save()
    AgreementParty.objects.bulk_create(
        AgreementParty(
            agreement=draft,
            organisation_id=party.organisation_id,
            signatory=party.signatory,
            signatory_title=party.signatory_title,
            **{
                f"commitments_{language}": getattr(party, f"commitments_{language}")
                for language in ("fi", "sv", "en")
            },
            created_by=who,
            updated_by=who,
        )
        for party in parties
    )
    return draft


@transaction.atomic
def facility_save(*, user, municipality, data: dict, facility: Facility | None = None) -> Facility:
    """Record a facility associations may use, or change one. `data`: name_fi, name_sv,
    address, terms_fi, terms_sv, booking, accessible."""
    who = signed_in_or_none(user)
    authorize(user, "networks.change_facilities", municipality)
    if facility is None:
        facility = Facility(municipality=municipality, created_by=who)
    elif facility.municipality_id != municipality.pk:
        raise ValidationError(_("The facility is of another municipality."))
    for name in ("name_fi", "name_sv", "address", "terms_fi", "terms_sv", "booking"):
        setattr(facility, name, (data.get(name) or "").strip())
    for name in ("name", "terms"):
        setattr(facility, f"{name}_en", (data.get(f"{name}_fi") or "").strip())
    facility.accessible = bool(data.get("accessible"))
    facility.updated_by = who
    validate_for_save(facility)
    facility.save()
    return facility


@transaction.atomic
def facility_delete(*, user, facility: Facility) -> None:
    authorize(user, "networks.change_facilities", facility.municipality)
    Facility.objects.filter(pk=facility.pk).delete()

"""Writes of community cards: a card made or changed, with its picture (checked, turned
upright, made at most 1600 pixels on its longer side and saved as JPEG without the camera's
metadata) and its six summaries of experiential knowledge. Permission first, then
validation, then the write, in one transaction (docs/architecture.md)."""

import io
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from elinvoima.actors.models import Municipality, Organisation, Village
from elinvoima.cards.community.models import CommunityCard, CommunitySummary
from elinvoima.core.concurrency import ensure_unchanged
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.indicators.enums import ExperientialDomain

PICTURE_MAX_BYTES = 10 * 1024 * 1024  # a phone's photo, as it comes
PICTURE_MAX_PIXELS = 40_000_000
PICTURE_FORMATS = {"JPEG", "PNG", "WEBP"}
PICTURE_LONGEST_SIDE = 1600


@dataclass(frozen=True)
class CommunityCardData:
    name: str
    village: Village | None = None
    keeper: Organisation | None = None
    residents: int | None = None
    description: str = ""
    basic_facts: str = ""
    strengths: str = ""
    weaknesses: str = ""
    development_targets: str = ""
    picture_alt: str = ""


TEXTS = ("name", "description", "basic_facts", "strengths", "weaknesses", "development_targets")


def card_version(card: CommunityCard | None) -> str:
    return card.updated_at.isoformat() if card is not None and card.pk else ""


def picture_prepared(upload: UploadedFile) -> ContentFile:
    """The uploaded picture as it is stored, or a ValidationError that says what is wrong."""
    if upload.size is not None and upload.size > PICTURE_MAX_BYTES:
        raise ValidationError(
            {"picture": _("The picture is too large. Choose one of at most 10 MB.")},
            code="picture_too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format not in PICTURE_FORMATS:
                raise ValidationError(
                    {"picture": _("The picture must be a JPEG, PNG or WebP image.")},
                    code="picture_format",
                )
            if image.width * image.height > PICTURE_MAX_PIXELS:
                raise ValidationError(
                    {"picture": _("The picture has too many pixels (at most 40 megapixels).")},
                    code="picture_too_many_pixels",
                )
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((PICTURE_LONGEST_SIDE, PICTURE_LONGEST_SIDE))
            out = io.BytesIO()
            upright.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError):
        raise ValidationError(
            {"picture": _("The file is not a picture that can be opened. Choose a photo.")},
            code="picture_invalid",
        ) from None
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


@transaction.atomic
def community_card_save(
    *,
    user,
    municipality: Municipality,
    data: CommunityCardData,
    summaries: Mapping[str, str],
    card: CommunityCard | None = None,
    picture: UploadedFile | None = None,
    remove_picture: bool = False,
    loaded_version: str | None = None,
) -> CommunityCard:
    """Make a community card of the municipality, or change `card` (refused when someone
    saved it after `loaded_version`). `summaries` by ExperientialDomain: an empty text
    removes that domain's summary."""
    if card is None:
        authorize(user, "cards.add_community_card", municipality)
        card = CommunityCard(municipality=municipality, created_by=signed_in_or_none(user))
    else:
        authorize(user, "cards.change_community_card", card)
        card = (
            CommunityCard.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .get(pk=card.pk)
        )
        ensure_unchanged(
            card_version(card),
            loaded_version,
            what=_("the card of %(name)s") % {"name": card.name},
            changed_by=card.updated_by,
            changed_at=card.updated_at,
        )
    data = replace(data, **{name: getattr(data, name).strip() for name in TEXTS})
    data = replace(data, picture_alt=data.picture_alt.strip())
    errors: dict[str, list[str]] = {}
    if not data.name:
        errors.setdefault("name", []).append(_("Give the village or community a name."))
    if data.village is not None and data.village.municipality_id != card.municipality_id:
        errors.setdefault("village", []).append(_("Choose a village of the municipality."))
    if data.keeper is not None and not _may_keep(data.keeper, card.municipality_id):
        errors.setdefault("keeper", []).append(
            _("Choose an organisation that works in the municipality.")
        )
    unknown = set(summaries) - set(ExperientialDomain.values)
    if unknown:
        errors.setdefault("__all__", []).append(_("Unknown domain of experiential knowledge."))
    prepared = None
    if picture is not None:
        try:
            prepared = picture_prepared(picture)
        except ValidationError as error:
            errors.setdefault("picture", []).extend(error.message_dict["picture"])
    will_have_picture = prepared is not None or (bool(card.picture) and not remove_picture)
    if will_have_picture and not data.picture_alt:
        errors.setdefault("picture_alt", []).append(
            _("Tell in a few words what the picture shows.")
        )
    taken = CommunityCard.objects.filter(municipality_id=card.municipality_id, name=data.name)
    if data.name and taken.exclude(pk=card.pk).exists():
        errors.setdefault("name", []).append(_("The municipality has a card of that name already."))
    if errors:
        raise ValidationError(errors)
    for name, value in vars(data).items():
        setattr(card, name, value)
    if remove_picture and card.picture:
        card.picture.delete(save=False)
    if prepared is not None:
        if card.picture:
            card.picture.delete(save=False)
        card.picture.save(prepared.name or "picture.jpg", prepared, save=False)
    card.updated_by = signed_in_or_none(user)
    validate_for_save(card, exclude=("municipality", "village", "keeper", "picture"))
    card.save()
    stored = {summary.domain: summary for summary in card.summaries.all()}
    for domain, text in summaries.items():
        text = text.strip()
        summary = stored.get(domain)
        if not text:
            if summary is not None:
                summary.delete()
            continue
        summary = summary or CommunitySummary(card=card, domain=domain)
        summary.text = text
        validate_for_save(summary, exclude=("card",))
        summary.save()
    return card


def _may_keep(organisation: Organisation, municipality_id: int) -> bool:
    return (
        organisation.municipality_id == municipality_id
        or organisation.municipalities.filter(pk=municipality_id).exists()
    )

"""Finnish identifiers, checked with python-stdnum and stored in their official format, and
phone numbers, taken as people write them."""

import re

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import associationid, ytunnus

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4000 * 4000
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}


def normalise_business_id(value: str) -> str:
    """'02054010', '0205401 - 0' → '0205401-0'; raises ValidationError when invalid."""
    try:
        return ytunnus.format(ytunnus.validate(value))
    except StdnumError:
        raise ValidationError(
            _("%(value)s is not a valid business ID. It looks like 1234567-8."),
            code="invalid_business_id",
            params={"value": value},
        ) from None


def normalise_register_number(value: str) -> str:
    """'148512' → '148.512'; raises ValidationError when invalid."""
    try:
        return associationid.format(associationid.validate(value))
    except StdnumError:
        raise ValidationError(
            _("%(value)s is not a valid association register number. It looks like 123.456."),
            code="invalid_register_number",
            params={"value": value},
        ) from None


PHONE = re.compile(r"\+?[0-9][0-9 ()/-]*")
PHONE_DIGITS = (5, 15)  # a short service number to an international one (E.164: 15)


def normalise_phone(value: str) -> str:
    """'040 123 4567', '040-1234567', '+358 (0)40 123 4567' are kept as written, with their
    spaces made plain and single; letters or too few or many digits are refused."""
    text = " ".join(value.replace("\u00a0", " ").replace("\u202f", " ").split())
    digits = sum(character.isdigit() for character in text)
    if not PHONE.fullmatch(text) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        raise ValidationError(
            _("%(value)s is not a phone number. Write it with digits, like 040 123 4567."),
            code="invalid_phone",
            params={"value": value},
        )
    return text


def validate_phone(value: str) -> None:
    if value:
        normalise_phone(value)


def validate_business_id(value: str) -> None:
    if value:
        normalise_business_id(value)


def validate_register_number(value: str) -> None:
    if value:
        normalise_register_number(value)


def validate_logo(upload: UploadedFile) -> None:
    """A logo is a PNG, JPEG or WebP picture of at most 2 MB and 16 megapixels."""
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large. Choose a picture of at most 2 MB."), code="logo_too_large"
        )
    image = getattr(upload, "image", None)  # set by Django's ImageField after Pillow read it
    if image is None:
        return
    if image.format not in LOGO_FORMATS:
        raise ValidationError(
            _("The logo must be a PNG, JPEG or WebP picture."), code="logo_format"
        )
    width, height = image.size
    if width * height > LOGO_MAX_PIXELS:
        raise ValidationError(
            _("The logo has too many pixels. Choose a picture of at most 4000 × 4000."),
            code="logo_too_many_pixels",
        )

"""Encryption at rest of counselling data (issue 19: health data, a special category of the
GDPR). Personal identity codes and notes are encrypted with cryptography's MultiFernet
(AES-128-CBC with HMAC-SHA256, authenticated): the keys come from the environment, the
first one encrypts, all of them decrypt, so a key is rotated by putting a new one first and
re-encrypting (`manage.py counselling_rotate_keys`) before the old one is dropped. A lookup
by identity code goes through a keyed hash (HMAC-SHA256 with a key of its own), never by
decrypting every row.

Settings: COUNSELLING_KEYS (a list of Fernet keys, newest first) and COUNSELLING_HASH_KEY.
Production must set both (ELINVOIMA_COUNSELLING_KEYS, ELINVOIMA_COUNSELLING_HASH_KEY);
development and tests derive them from the SECRET_KEY."""

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver


@cache
def _fernet() -> MultiFernet:
    keys = list(settings.COUNSELLING_KEYS)
    if not keys:
        raise ImproperlyConfigured("Set ELINVOIMA_COUNSELLING_KEYS: counselling data is encrypted.")
    return MultiFernet([Fernet(key) for key in keys])


@receiver(setting_changed)
def _keys_changed(setting, **kwargs) -> None:  # tests that rotate the keys
    if setting in ("COUNSELLING_KEYS", "COUNSELLING_HASH_KEY"):
        _fernet.cache_clear()


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "A counselling record cannot be decrypted with the keys set: a key is missing."
        ) from None


def rotated(token: str) -> str:
    """The token encrypted again with the newest key."""
    return _fernet().rotate(token.encode("ascii")).decode("ascii")


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 of `value` with the hash key, per purpose: equal values give equal
    hashes; without the key nobody can test a guess (an identity code has few values)."""
    key = settings.COUNSELLING_HASH_KEY
    if not key:
        raise ImproperlyConfigured("Set ELINVOIMA_COUNSELLING_HASH_KEY.")
    message = f"{purpose}:{value}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()

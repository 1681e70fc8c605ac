"""Invitations: a coordinator invites an organisation's representative by e-mail; the link
creates the account and the membership. Only a digest of the token is stored, so the
database never holds a working link."""

import hashlib
import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import Role

INVITATION_VALID_DAYS = 14


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def default_expiry():
    return timezone.now() + timedelta(days=INVITATION_VALID_DAYS)


class Invitation(models.Model):
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    role = models.CharField(
        _("role"), max_length=32, choices=Role.choices, default=Role.ASSOCIATION_REPRESENTATIVE
    )
    token_digest = models.CharField(_("token digest"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        "actors.User",
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        "actors.User",
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}> → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

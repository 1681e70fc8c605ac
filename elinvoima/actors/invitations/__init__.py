"""Invitations: a coordinator invites an organisation's representative by e-mail; the link
creates the account and the membership."""

# Migration 0004 names the field's default as elinvoima.actors.invitations.default_expiry.
from elinvoima.actors.invitations.models import default_expiry  # noqa: F401

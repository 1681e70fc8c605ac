"""Writes of invitations: record one and send its link, accept one."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from elinvoima.actors.invitations.models import (
    INVITATION_VALID_DAYS,
    Invitation,
    new_token,
    token_digest,
)
from elinvoima.actors.models import Membership, Organisation, User
from elinvoima.core.validation import validate_for_save


class InvitationNotOpen(Exception):
    """The invitation was already used or has expired."""


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    name: str,
    email: str,
    role: str,
    invited_by: User,
    accept_url: Callable[[str], str],
) -> Invitation:
    """Record an invitation and send its link once the transaction commits. `accept_url`
    turns the token into the absolute link; the token itself is not stored. Permission
    first: the inviter may invite to the organisation."""
    if not invited_by.has_perm("actors.invite_to_organisation", organisation):
        raise PermissionDenied
    token = new_token()
    invitation = Invitation(
        organisation=organisation,
        name=name,
        email=email,
        role=role,
        invited_by=invited_by,
        token_digest=token_digest(token),
    )
    validate_for_save(invitation)
    invitation.save()
    context = {
        "invitation": invitation,
        "url": accept_url(token),
        "valid_days": INVITATION_VALID_DAYS,
    }
    subject = render_to_string("actors/invitations/email_subject.txt", context).strip()
    body = render_to_string("actors/invitations/email_body.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Give the user the invited role in the organisation; an invitation works once."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise InvitationNotOpen
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership

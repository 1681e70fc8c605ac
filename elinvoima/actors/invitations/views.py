"""Inviting representatives, accepting an invitation, and who has not updated their profile."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.invitations.forms import InvitationForm, InvitationSignupForm
from elinvoima.actors.invitations.selectors import (
    invitation_for_token,
    organisations_by_profile_age,
)
from elinvoima.actors.invitations.services import (
    InvitationNotOpen,
    invitation_accept,
    invitation_create,
)
from elinvoima.actors.models import Municipality, Organisation


@login_required
def organisation_invite(request, pk: int):
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), pk=pk)
    if not request.user.has_perm("actors.invite_to_organisation", organisation):
        raise PermissionDenied
    form = InvitationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        invitation_create(
            organisation=organisation,
            invited_by=request.user,
            accept_url=lambda token: request.build_absolute_uri(
                reverse("actors:invitation-accept", kwargs={"token": token})
            ),
            **form.cleaned_data,
        )
        messages.success(
            request,
            _("The invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("actors:organisation-invite", pk=organisation.pk)
    return render(
        request,
        "actors/invitations/invite.html",
        {
            "organisation": organisation,
            "form": form,
            "invitations": organisation.invitations.select_related("accepted_by")[:50],
            "now": timezone.now(),
        },
    )


def invitation_accept_view(request, token: str):
    """Anyone with the link: a new person creates an account; a signed-in one just accepts."""
    invitation = invitation_for_token(token=token)
    if invitation is None or not invitation.is_open:
        return render(
            request,
            "actors/invitations/not_open.html",
            {"invitation": invitation},
            status=404 if invitation is None else 410,
        )
    form = None
    if request.user.is_authenticated:
        if request.method == "POST":
            return _accepted(request, invitation, request.user)
    else:
        first, _space, last = invitation.name.partition(" ")
        form = InvitationSignupForm(
            request.POST or None, initial={"first_name": first, "last_name": last}
        )
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                user = form.save(commit=False)
                user.email = invitation.email
                user.save()
                response = _accepted(request, invitation, user)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return response
    return render(
        request,
        "actors/invitations/accept.html",
        {
            "invitation": invitation,
            "form": form,
            "login_url": redirect_to_login(request.get_full_path()).url,
        },
    )


def _accepted(request, invitation, user):
    try:
        invitation_accept(invitation=invitation, user=user)
    except InvitationNotOpen:
        return render(
            request, "actors/invitations/not_open.html", {"invitation": invitation}, status=410
        )
    messages.success(
        request,
        _("Welcome! You can now keep the profile of %(name)s up to date.")
        % {"name": invitation.organisation},
    )
    return redirect("actors:organisation-edit", pk=invitation.organisation_id)


@login_required
def profile_status(request, code: str):
    """For a coordinator: the organisations of the municipality, least recently updated
    first, and whether they have a representative."""
    municipality = get_object_or_404(Municipality, code=code)
    if not request.user.has_perm("actors.manage_municipality", municipality):
        raise PermissionDenied
    start_of_year = timezone.localtime().replace(
        month=1, day=1, hour=0, minute=0, second=0, microsecond=0
    )
    only_stale = request.GET.get("all") != "1"
    organisations = organisations_by_profile_age(
        municipality=municipality, updated_before=start_of_year if only_stale else None
    )
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "actors/invitations/profile_status.html",
        {
            "municipality": municipality,
            "page_obj": page,
            "organisations": page.object_list,
            "only_stale": only_stale,
            "start_of_year": start_of_year,
        },
    )

"""Pages of a workshop's people: the registration's own page (its link cancels it), the
organiser's list of registrations with the catering counts and the facilitators, and the
direct invitations. Thin: selectors read, services write."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from elinvoima.core.forms import done_with_message
from elinvoima.core.view_mixins import ObjectPermissionMixin

from .enums import RegistrationState
from .forms import InviteeForm
from .models import Registration, Workshop
from .registration_services import (
    catering_counts,
    facilitator_set,
    invitations_send,
    registration_cancel,
)
from .selectors import Invitee, invitation_candidates, registrations_of


class RegistrationView(TemplateView):
    """The registration's own page: its address is the link in the confirmation."""

    template_name = "workshops/registration.html"

    def registration(self) -> Registration:
        return get_object_or_404(
            Registration.objects.select_related("workshop__series"),
            token=self.kwargs["token"],
            erased=False,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration()
        return context

    def post(self, request, *args, **kwargs):
        registration = registration_cancel(token=self.registration().token)
        messages.success(request, _("Your registration was cancelled."))
        return redirect("workshops:registration", token=registration.token)


class RegistrationsView(ObjectPermissionMixin, TemplateView):
    """The organiser's list of registrations, the waiting list and the catering counts."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    template_name = "workshops/registrations.html"
    context_object_name = "workshop"
    select_related = ("series", "area")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        workshop = self.url_object
        registrations = list(registrations_of(workshop))
        context.update(
            confirmed=[r for r in registrations if r.state == RegistrationState.CONFIRMED],
            waiting=[r for r in registrations if r.state == RegistrationState.WAITING],
            cancelled=[r for r in registrations if r.state == RegistrationState.CANCELLED],
            catering=catering_counts(workshop),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Make a person the facilitator of a table, or not (an empty table)."""
        workshop = self.url_object
        number = request.POST.get("registration", "")
        registration = get_object_or_404(
            Registration, pk=int(number) if number.isdigit() else 0, workshop=workshop
        )
        table = request.POST.get("table", "").strip()
        done_with_message(
            request,
            lambda: facilitator_set(
                user=request.user,
                registration=registration,
                table=int(table) if table.isdigit() else None,
            ),
            _("The facilitator's table was saved."),
        )
        return redirect("workshops:registrations", pk=workshop.pk)


class InvitationsView(ObjectPermissionMixin, TemplateView):
    """Direct invitations: those the directory names for the area, chosen by the organiser,
    and anyone added by hand."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    template_name = "workshops/invitations.html"
    context_object_name = "workshop"
    select_related = ("series", "area")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        workshop = self.url_object
        context.setdefault("form", InviteeForm())
        context.update(
            candidates=invitation_candidates(workshop),
            invitations=list(workshop.invitations.all()),
        )
        return context

    def _send(self, invitees) -> None:
        workshop = self.url_object
        url = self.request.build_absolute_uri(workshop.get_absolute_url())
        done_with_message(
            self.request,
            lambda: invitations_send(
                user=self.request.user, workshop=workshop, invitees=invitees, url=url
            ),
            lambda count: (
                ngettext(
                    "%(count)d invitation was sent.", "%(count)d invitations were sent.", count
                )
                % {"count": count}
            ),
        )

    def post(self, request, *args, **kwargs):
        workshop = self.url_object
        if "chosen" in request.POST or request.POST.get("from") == "directory":
            chosen = set(request.POST.getlist("chosen"))
            self._send([c for c in invitation_candidates(workshop) if c.email in chosen])
            return redirect("workshops:invitations", pk=workshop.pk)
        form = InviteeForm(request.POST)
        if form.is_valid():
            self._send([Invitee(**form.cleaned_data)])
            return redirect("workshops:invitations", pk=workshop.pk)
        return self.render_to_response(self.get_context_data(form=form))

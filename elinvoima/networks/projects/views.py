"""Pages of a network project: who takes part each year (and, for those who run it, the
fees and their invoicing), its funders, partners and themes; the forms of those who run
it. Thin: selectors read, services write."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.permissions import organisations_visible_to
from elinvoima.core.forms import done_with_message, saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.networks.enums import NetworkKind
from elinvoima.networks.models import Network
from elinvoima.networks.projects.forms import ParticipationForm, PartnerForm, ThemeForm
from elinvoima.networks.projects.models import ProjectMembership, ProjectPartner, ProjectTheme
from elinvoima.networks.projects.selectors import project_partners, project_years
from elinvoima.networks.projects.services import (
    participation_remove,
    participation_save,
    partner_add,
    partner_remove,
    theme_remove,
    theme_save,
)

MANAGE = "networks.manage_network"


def project_url(network: Network) -> str:
    return redirect("networks:project", pk=network.pk).url


def _partner_choices(user):
    return organisations_visible_to(user).order_by("name", "pk")


class ProjectView(ObjectPermissionMixin, TemplateView):
    model = Network
    view_permission = "networks.view_network"
    anonymous_to_login = True
    template_name = "networks/projects/project.html"
    context_object_name = "network"

    def get_context_data(self, **kwargs):
        network, user = self.url_object, self.request.user
        if network.kind != NetworkKind.NETWORK_PROJECT:
            raise Http404
        context = super().get_context_data(**kwargs)
        manages = user.has_perm(MANAGE, network)
        context.update(
            years=project_years(network),
            partners=list(project_partners(network)),
            manages=manages,
            meetings=network.meetings.filter(invited_at__isnull=False).order_by("starts_at")
            if network.is_public or manages
            else [],
        )
        if manages:
            context.setdefault("participation_form", ParticipationForm(prefix="participation"))
            context.setdefault(
                "partner_form",
                PartnerForm(prefix="partner", organisations=_partner_choices(user)),
            )
            context.setdefault("theme_form", ThemeForm(prefix="theme"))
        return context

    def post(self, request, *args, **kwargs):
        network = self.url_object
        if not request.user.has_perm(MANAGE, network):
            raise Http404
        which = request.POST.get("form")
        if which == "participation":
            form = ParticipationForm(request.POST, prefix="participation")
            saved = saved_by(
                form,
                lambda: participation_save(
                    user=request.user, network=network, data=form.data_for_service()
                ),
            )
            done, key = _("The participation was recorded."), "participation_form"
        elif which == "partner":
            form = PartnerForm(
                request.POST, prefix="partner", organisations=_partner_choices(request.user)
            )
            saved = saved_by(
                form, lambda: partner_add(user=request.user, network=network, **form.cleaned_data)
            )
            done, key = _("The funder or partner was recorded."), "partner_form"
        else:
            form = ThemeForm(request.POST, prefix="theme")
            saved = saved_by(
                form, lambda: theme_save(user=request.user, network=network, **form.cleaned_data)
            )
            done, key = _("The theme was saved."), "theme_form"
        if saved:
            messages.success(request, done)
            return redirect(project_url(network))
        return self.render_to_response(self.get_context_data(**{key: form}))


class ParticipationEditView(ObjectPermissionMixin, TemplateView):
    """Change a participation: its size class, fee and invoicing."""

    model = ProjectMembership
    view_permission = "networks.view_network"
    permission_required = MANAGE
    anonymous_to_login = True
    template_name = "networks/projects/participation_form.html"
    context_object_name = "membership"
    select_related = ("network", "municipality", "wellbeing_county")

    def get_permission_object(self):
        return self.url_object.network

    def _form(self, data=None):
        membership = self.url_object
        initial = {
            name: getattr(membership, name)
            for name in ParticipationForm.base_fields
            if hasattr(membership, name)
        }
        return ParticipationForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["network"] = self.url_object.network
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: participation_save(
                user=request.user, membership=self.url_object, data=form.data_for_service()
            ),
        ):
            messages.success(request, _("The participation was saved."))
            return redirect(project_url(self.url_object.network))
        return self.render_to_response(self.get_context_data(form=form))


class _RemoveView(ObjectPermissionMixin, TemplateView):
    """Remove a participation, a partner or a theme, asked first."""

    view_permission = "networks.view_network"
    permission_required = MANAGE
    anonymous_to_login = True
    template_name = "confirm.html"
    select_related = ("network",)

    def get_permission_object(self):
        return self.url_object.network

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            question=_("Remove “%(what)s” from %(network)s?")
            % {"what": self.url_object, "network": self.url_object.network},
            action=_("Remove"),
            back=project_url(self.url_object.network),
        )
        return context

    def post(self, request, *args, **kwargs):
        done_with_message(
            request,
            lambda: self.remove(user=request.user, row=self.url_object),
            _("It was removed."),
        )
        return redirect(project_url(self.url_object.network))


class ParticipationRemoveView(_RemoveView):
    model = ProjectMembership

    def remove(self, *, user, row):
        participation_remove(user=user, membership=row)


class PartnerRemoveView(_RemoveView):
    model = ProjectPartner

    def remove(self, *, user, row):
        partner_remove(user=user, partner=row)


class ThemeRemoveView(_RemoveView):
    model = ProjectTheme

    def remove(self, *, user, row):
        theme_remove(user=user, theme=row)

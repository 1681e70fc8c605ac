"""Pages of support in kind: a municipality's support of a year (public), and its
coordinators' form to record, change and remove it. Thin: selectors read, services write."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality
from elinvoima.actors.permissions import visible_organisation_ids
from elinvoima.cards.associations import associations_of
from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin, chosen_year
from elinvoima.grants.selectors import goals_for_rounds
from elinvoima.grants.support.forms import SupportForm
from elinvoima.grants.support.models import SupportInKind
from elinvoima.grants.support.selectors import support_of, support_total
from elinvoima.grants.support.services import support_delete, support_save, support_version


class SupportListView(ObjectPermissionMixin, TemplateView):
    """The support in kind a municipality gives its associations in a year (`?year=`)."""

    model = Municipality
    lookup_field = "code"
    template_name = "grants/support/list.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality, year = self.url_object, chosen_year(self.request)
        supports = list(support_of(municipality, year))
        context.update(
            year=year,
            supports=supports,
            visible_organisations=visible_organisation_ids(
                self.request.user, (support.organisation_id for support in supports)
            ),
            total=support_total(municipality, year),
            can_add=self.request.user.has_perm("grants.add_support", municipality),
        )
        return context


class _SupportFormView(ObjectPermissionMixin, TemplateView):
    template_name = "grants/support/form.html"

    @cached_property
    def support(self) -> SupportInKind | None:
        return self.url_object if self.model is SupportInKind else None

    @cached_property
    def municipality(self) -> Municipality:
        return self.support.municipality if self.support else self.url_object

    def _form(self, data=None) -> SupportForm:
        support = self.support
        if support is not None:
            initial = {
                name: getattr(support, name)
                for name in ("organisation", "year", "kind", "description", "estimated_value")
            }
            initial.update(goal=support.goal, loaded_version=support_version(support))
        else:
            initial = {"year": chosen_year(self.request)}
        return SupportForm(
            data,
            initial=initial,
            organisations=associations_of(self.municipality),
            goals=goals_for_rounds(self.municipality),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(support=self.support, municipality=self.municipality)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        support = saved_by(
            form,
            lambda: support_save(
                user=request.user,
                municipality=self.municipality,
                support=self.support,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if support:
            messages.success(request, _("The support was saved."))
            url = redirect("grants:support", code=self.municipality.code).url
            return redirect(f"{url}?year={support.year}")
        return self.render_to_response(self.get_context_data(form=form))


class SupportCreateView(_SupportFormView):
    model = Municipality
    lookup_field = "code"
    permission_required = "grants.add_support"


class SupportEditView(_SupportFormView):
    model = SupportInKind
    permission_required = "grants.change_support"
    anonymous_to_login = True
    select_related = ("municipality",)


class SupportDeleteView(ObjectPermissionMixin, TemplateView):
    """Remove a record of support, asked first."""

    model = SupportInKind
    permission_required = "grants.change_support"
    anonymous_to_login = True
    template_name = "grants/support/delete.html"
    context_object_name = "support"
    select_related = ("municipality", "organisation")

    def post(self, request, *args, **kwargs):
        support = self.url_object
        support_delete(user=request.user, support=support)
        messages.success(request, _("The support was removed."))
        url = redirect("grants:support", code=support.municipality.code).url
        return redirect(f"{url}?year={support.year}")

"""Pages of a municipality's own indicators: the list (public, like the catalogue) and the
forms with which its coordinators keep them and their values."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator
from elinvoima.indicators.own_indicators.forms import OwnIndicatorForm, OwnValueFormSet
from elinvoima.indicators.own_indicators.selectors import (
    own_indicator_list,
    own_values,
)
from elinvoima.indicators.own_indicators.services import (
    own_indicator_delete,
    own_indicator_save,
)


class OwnIndicatorListView(TemplateView):
    template_name = "indicators/own/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = get_object_or_404(Municipality, code=self.kwargs["code"])
        context.update(
            municipality=municipality,
            indicators=own_indicator_list(municipality=municipality),
            can_manage=self.request.user.has_perm(
                "indicators.manage_municipality_indicators", municipality
            ),
        )
        return context


class _OwnIndicatorFormView(ObjectPermissionMixin, TemplateView):
    """A new own indicator of the municipality the URL names."""

    template_name = "indicators/own/form.html"
    permission_required = "indicators.manage_municipality_indicators"
    model = Municipality
    lookup_field = "code"

    def get_indicator(self) -> Indicator:
        return Indicator(source=IndicatorSource.OWN)

    def get_municipality(self) -> Municipality:
        return self.url_object

    def get_forms(self):
        indicator = self.get_indicator()
        if self.request.method == "POST":
            return (
                OwnIndicatorForm(self.request.POST, instance=indicator),
                OwnValueFormSet(self.request.POST, prefix="values"),
            )
        initial = [vars(row) for row in own_values(indicator=indicator)] if indicator.pk else []
        return OwnIndicatorForm(instance=indicator), OwnValueFormSet(
            initial=initial, prefix="values"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context:
            context["form"], context["formset"] = self.get_forms()
        context.update(municipality=self.get_municipality(), indicator=self.get_indicator())
        return context

    def post(self, request, *args, **kwargs):
        form, formset = self.get_forms()
        if form.is_valid() and formset.is_valid():
            try:
                indicator = own_indicator_save(
                    indicator=form.save(commit=False),
                    municipality=self.get_municipality(),
                    values=formset.values(),
                    loaded_at=form.cleaned_data.get("loaded_at"),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The indicator and its values were saved."))
                return redirect("indicators:indicator-detail", pk=indicator.pk)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


class OwnIndicatorCreateView(_OwnIndicatorFormView):
    pass


class _ExistingOwnIndicator(ObjectPermissionMixin):
    """The own indicator the URL names; permissions are asked with its municipality."""

    model = Indicator
    lookup_field = "pk"

    def get_object_queryset(self):
        return Indicator.objects.select_related("owner_municipality").filter(
            source=IndicatorSource.OWN, owner_municipality__isnull=False
        )

    def get_indicator(self) -> Indicator:
        return self.url_object

    def get_municipality(self) -> Municipality:
        return self.url_object.owner_municipality

    def get_permission_object(self):
        return self.get_municipality()


class OwnIndicatorEditView(_ExistingOwnIndicator, _OwnIndicatorFormView):
    pass


class OwnIndicatorDeleteView(_ExistingOwnIndicator, TemplateView):
    template_name = "indicators/own/delete.html"
    permission_required = "indicators.manage_municipality_indicators"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(indicator=self.get_indicator(), municipality=self.get_municipality())
        return context

    def post(self, request, *args, **kwargs):
        indicator = self.get_indicator()
        municipality = self.get_municipality()
        try:
            own_indicator_delete(indicator=indicator)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(error=error.messages[0]))
        messages.success(request, _("The indicator was deleted."))
        return redirect("indicators:own-indicator-list", code=municipality.code)

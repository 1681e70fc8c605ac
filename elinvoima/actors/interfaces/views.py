"""Pages of the interfaces (yhdyspinnat): a municipality's contact table, its editor, and
the county's matrix of all its municipalities."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.enums import InterfaceSide
from elinvoima.actors.interfaces.forms import InterfaceTableForm
from elinvoima.actors.interfaces.selectors import interface_matrix_of, interface_table_of
from elinvoima.actors.interfaces.services import interface_contacts_save
from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.permissions import interface_sides_editable
from elinvoima.core.view_mixins import ObjectPermissionMixin


class _MunicipalityMixin(ObjectPermissionMixin):
    model = Municipality
    lookup_field = "code"
    select_related = ("wellbeing_county",)

    @property
    def municipality(self) -> Municipality:
        return self.url_object


class MunicipalityInterfacesView(_MunicipalityMixin, TemplateView):
    template_name = "actors/interfaces/municipality_interfaces.html"
    permission_required = "actors.view_interfaces"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, municipality = self.request.user, self.municipality
        context.update(
            municipality=municipality,
            table=interface_table_of(municipality=municipality),
            can_edit=user.has_perm("actors.change_interface_contacts", municipality),
            can_view_county=user.has_perm(
                "actors.view_county_interfaces", municipality.wellbeing_county
            ),
        )
        return context


class MunicipalityInterfacesEditView(_MunicipalityMixin, TemplateView):
    template_name = "actors/interfaces/municipality_interfaces_form.html"
    permission_required = "actors.change_interface_contacts"

    def _form(self) -> InterfaceTableForm:
        data = self.request.POST if self.request.method == "POST" else None
        return InterfaceTableForm(
            data,
            table=interface_table_of(municipality=self.municipality),
            editable_sides=interface_sides_editable(self.request.user, self.municipality),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(
            municipality=self.municipality,
            county_side_editable=InterfaceSide.COUNTY
            in interface_sides_editable(self.request.user, self.municipality),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self._form()
        if form.is_valid():
            try:
                changed = interface_contacts_save(
                    municipality=self.municipality,
                    user=request.user,
                    rows=form.rows(),
                    loaded_version=form.version,
                )
            except ValidationError as error:
                form.errors.extend(error.messages)
            else:
                messages.success(
                    request,
                    _("The interface contacts were saved.")
                    if changed
                    else _("Nothing had changed; the table stays as it was."),
                )
                return redirect("actors:municipality-interfaces", code=self.municipality.code)
        else:
            form.errors.append(_("Check the fields marked with an error."))
        return self.render_to_response(self.get_context_data(form=form))


class CountyInterfacesView(ObjectPermissionMixin, TemplateView):
    template_name = "actors/interfaces/county_interfaces.html"
    permission_required = "actors.view_county_interfaces"
    model = WellbeingCounty
    lookup_field = "code"
    context_object_name = "county"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(matrix=interface_matrix_of(county=self.url_object))
        return context

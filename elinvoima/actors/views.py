"""Pages of municipalities, counties and organisations: the lists, a municipality's and a
county's page, an organisation's profile and its editor. The directory, the interfaces, the
invitations, the actor map and the embedded listing have packages of their own."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, UpdateView

from elinvoima.actors.forms import (
    ContactFormSet,
    MeetingPlaceFormSet,
    OrganisationProfileForm,
)
from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.actors.selectors import (
    county_list,
    municipality_list,
    organisation_profile,
    published_organisations_of,
)
from elinvoima.actors.services import organisation_update
from elinvoima.core.view_mixins import ObjectPermissionMixin

# "name" sorts by the name in the page's language (modeltranslation rewrites it).
SORTS = {"name": "name", "-name": "-name", "code": "code", "-population": "-population"}


class MunicipalityListView(ListView):
    template_name = "actors/municipality_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.search = self.request.GET.get("q", "").strip()[:100]
        self.county_code = self.request.GET.get("county", "")
        self.sort = self.request.GET.get("sort", "name")
        queryset = municipality_list(search=self.search, county_code=self.county_code)
        return queryset.order_by(SORTS.get(self.sort, "name"), "code")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            search=self.search,
            county_code=self.county_code,
            sort=self.sort,
            counties=WellbeingCounty.objects.order_by("short_name"),
        )
        return context


class MunicipalityDetailView(DetailView):
    template_name = "actors/municipality_detail.html"
    context_object_name = "municipality"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Municipality.objects.select_related("wellbeing_county"), code=self.kwargs["code"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(published_organisations_of(municipality=self.object), 50)
        page_obj = paginator.get_page(self.request.GET.get("page"))
        context.update(organisations=page_obj.object_list, page_obj=page_obj)
        return context


class CountyListView(ListView):
    template_name = "actors/county_list.html"
    context_object_name = "counties"

    def get_queryset(self):
        return county_list()


class CountyDetailView(DetailView):
    template_name = "actors/county_detail.html"
    context_object_name = "county"

    def get_object(self, queryset=None):
        return get_object_or_404(WellbeingCounty, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["municipalities"] = self.object.municipalities.order_by("name")
        return context


class OrganisationDetailView(DetailView):
    template_name = "actors/organisation_detail.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        organisation = get_object_or_404(
            Organisation.objects.select_related("municipality", "wellbeing_county"),
            pk=self.kwargs["pk"],
        )
        # An unpublished profile does not exist for those who may not see it.
        if not self.request.user.has_perm("actors.view_organisation", organisation):
            raise Http404
        return organisation

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(organisation_profile(organisation=self.object, user=self.request.user))
        return context


class OrganisationEditView(ObjectPermissionMixin, UpdateView):
    """The profile, contact people and meeting places of an organisation, saved together.
    An organisation the user may not see answers 404, as in the API."""

    template_name = "actors/organisation_form.html"
    form_class = OrganisationProfileForm
    model = Organisation
    view_permission = "actors.view_organisation"
    permission_required = "actors.change_organisation"
    anonymous_to_login = True
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        return self.url_object

    def _formsets(self):
        data = self.request.POST if self.request.method == "POST" else None
        municipalities = (
            Municipality.objects.filter(pk__in=self.object.municipalities.values("pk"))
            or Municipality.objects.all()
        )
        return {
            "contacts": ContactFormSet(data, instance=self.object, prefix="contacts"),
            "meeting_places": MeetingPlaceFormSet(
                data,
                instance=self.object,
                prefix="places",
                form_kwargs={"municipalities": municipalities},
            ),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formsets", self._formsets())
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = self.get_form()
        formsets = self._formsets()
        if not (form.is_valid() and all(f.is_valid() for f in formsets.values())):
            return self.render_to_response(self.get_context_data(form=form, formsets=formsets))
        try:
            with transaction.atomic():  # the profile and its contacts and places together
                self.object = organisation_update(
                    user=request.user,
                    organisation=self.object,
                    data=form.changes(),
                    expected_version=form.cleaned_data["loaded_at"],
                )
                for formset in formsets.values():
                    formset.instance = self.object
                    formset.save()
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form, formsets=formsets))
        messages.success(self.request, _("The profile was saved."))
        return redirect(self.object.get_absolute_url())

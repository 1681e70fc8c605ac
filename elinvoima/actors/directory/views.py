"""The directory pages: a municipality's or a county's organisations, the same rows as CSV
or XLSX, and the public "find activities" search of the whole country."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.generic import ListView

from elinvoima.actors.directory.exports import directory_table
from elinvoima.actors.directory.forms import ActivitySearchForm, DirectoryFilterForm
from elinvoima.actors.directory.selectors import (
    ActivityPaginator,
    DirectoryPaginator,
    Scope,
    directory_search,
)
from elinvoima.actors.models import Municipality, Organisation, Village, WellbeingCounty
from elinvoima.core.exports import FORMATS, export_response


class DirectoryView(ListView):
    """The public directory of a municipality or a county: search, filters, sorting."""

    template_name = "actors/directory.html"
    context_object_name = "organisations"
    paginate_by = 25
    paginator_class = DirectoryPaginator

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if "municipality_code" in kwargs:
            municipality = get_object_or_404(Municipality, code=kwargs["municipality_code"])
            self.scope = Scope(municipality=municipality)
            self.owner = municipality
            villages = Village.objects.filter(municipality=municipality)
        else:
            county = get_object_or_404(WellbeingCounty, code=kwargs["county_code"])
            self.scope = Scope(county=county)
            self.owner = county
            villages = None
        self.filter_form = DirectoryFilterForm(request.GET or None, villages=villages)

    def get_queryset(self):
        return directory_search(scope=self.scope, filters=self.filter_form.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(owner=self.owner, filter_form=self.filter_form, scope=self.scope)
        return context


class DirectoryExportView(DirectoryView):
    """The same rows as the directory page, as CSV or XLSX."""

    formats = FORMATS

    def get(self, request, *args, **kwargs):
        if kwargs["format"] not in self.formats:
            raise Http404
        table = directory_table(self.get_queryset(), title=str(self.owner.name))
        name = slugify(str(self.owner.name)) or "organisations"
        return export_response(table, export_format=kwargs["format"], name=f"{name}-organisations")


class ActivitySearchView(ListView):
    """Find activities: a resident's search of the whole country's published organisations,
    by what, for whom and where. Nothing is listed until something is asked."""

    template_name = "actors/activity_search.html"
    context_object_name = "organisations"
    paginate_by = 20
    paginator_class = ActivityPaginator

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.form = ActivitySearchForm(request.GET or None)
        self.asked = self.form.asked()

    def get_queryset(self):
        if not self.asked:
            return Organisation.objects.none()
        filters = dict(self.asked)
        scope = Scope(municipality=filters.pop("municipality", None))
        return directory_search(scope=scope, filters=filters)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, asked=bool(self.asked))
        return context

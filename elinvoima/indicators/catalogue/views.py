"""The indicator catalogue: Sotkanet's indicators and the municipalities' own, searchable
by title in the user's language, filtered by source and subject; and one indicator's page
with its metadata in the user's language (falling back to Finnish, Swedish, English), the
THL attribution and, for a chosen municipality, its chart."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from elinvoima.indicators.catalogue.forms import CatalogueFilterForm
from elinvoima.indicators.catalogue.selectors import (
    indicator_catalogue_filtered,
    indicator_metadata,
)
from elinvoima.indicators.charts.views import indicator_chart_context
from elinvoima.indicators.models import Indicator

PAGE_SIZE = 50


class IndicatorListView(ListView):
    template_name = "indicators/catalogue/indicator_list.html"
    context_object_name = "indicators"
    paginate_by = PAGE_SIZE

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.filter_form = CatalogueFilterForm(request.GET or None)

    def get_queryset(self):
        return indicator_catalogue_filtered(filters=self.filter_form.filters()).only(
            "id",
            "source",
            "sotkanet_id",
            "owner_municipality__name_fi",
            "owner_municipality__name_sv",
            "owner_municipality__name_en",
            "owner_municipality__code",
            "decimals",
            "data_updated",
            *(f"{name}_{code}" for name in ("title", "value_type") for code in ("fi", "sv", "en")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        return context


class IndicatorDetailView(DetailView):
    template_name = "indicators/catalogue/indicator_detail.html"
    context_object_name = "indicator"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Indicator.objects.select_related("owner_municipality"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(indicator_metadata(indicator=self.object))
        context.update(indicator_chart_context(self.request, indicator_id=self.object.pk))
        return context

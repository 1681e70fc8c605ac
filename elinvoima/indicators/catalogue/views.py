"""The indicator catalogue: Sotkanet's indicators and the municipalities' own, searchable
by title in the user's language, filtered by source and subject; and one indicator's page
with its metadata in the user's language (falling back to Finnish, Swedish, English), the
THL attribution and, for a chosen municipality, its chart."""

import re

from django import forms
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from elinvoima.actors.directory import QuickSelect
from elinvoima.actors.models import Municipality

from .charts import chart_specs, charts_ensure, charts_html
from .charts_views import MUNICIPALITY_CODE, _municipality_choices, _options, peer_codes_from
from .enums import Gender, IndicatorSource
from .models import Indicator
from .selectors import (
    chart_indicator,
    chart_regions,
    chart_values,
    gender_or_total,
    language,
    translated,
)

SORTS = {
    "title": ("title", _("Title A–Ö")),
    "-updated": ("-data_updated", _("Recently updated first")),
    "sotkanet": ("sotkanet_id", _("Sotkanet number")),
}
SUBJECTS_CACHE_KEY = "indicators:catalogue-subjects:{language}"
SUBJECTS_CACHE_SECONDS = 600
PAGE_SIZE = 50


def subject_choices() -> list[tuple[str, str]]:
    """Every subject of the indicators (Sotkanet's YSO terms), in the user's language,
    by label; the key is the term's URI, or its Finnish label when it has none. Read once
    every ten minutes: it scans every indicator's subjects."""
    lang = language()
    key = SUBJECTS_CACHE_KEY.format(language=lang)
    choices = cache.get(key)
    if choices is None:
        found: dict[str, str] = {}
        for subjects in Indicator.objects.exclude(subjects=[]).values_list("subjects", flat=True):
            for subject in subjects or []:
                if isinstance(subject, dict) and (value := subject_key(subject)):
                    found.setdefault(value, translated(subject, lang))
        choices = sorted(found.items(), key=lambda item: item[1].casefold())
        cache.set(key, choices, SUBJECTS_CACHE_SECONDS)
    return choices


def subject_key(subject: dict) -> str:
    return str(subject.get("uri") or subject.get("fi") or "")


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search in titles"), required=False, max_length=100)
    source = forms.ChoiceField(label=_("Source"), required=False, widget=QuickSelect)
    subject = forms.ChoiceField(label=_("Subject"), required=False, widget=QuickSelect)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, widget=QuickSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", _("All")), *IndicatorSource.choices]
        self.fields["subject"].choices = [("", _("All")), *subject_choices()]
        self.fields["sort"].choices = [(key, label) for key, (_f, label) in SORTS.items()]

    def filters(self) -> dict:
        """The valid filters; an invalid value is ignored rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}


def indicator_catalogue_search(*, filters: dict) -> QuerySet[Indicator]:
    """Indicators matching the filters, with what a row of the list shows."""
    lang = language()
    queryset = Indicator.objects.all()
    if text := filters.get("q", "").strip():
        # The title in the user's language, and the Finnish one that it falls back to.
        queryset = queryset.filter(
            Q(**{f"title_{lang}__icontains": text}) | Q(title_fi__icontains=text)
        )
    if source := filters.get("source"):
        queryset = queryset.filter(source=source)
    if subject := filters.get("subject"):
        # The JSON list's text holds the URI in quotes; the same on SQLite and PostgreSQL.
        queryset = queryset.filter(subjects__icontains=f'"{subject}"')
    order, _label = SORTS.get(filters.get("sort", ""), SORTS["title"])
    if order == "title":
        order = f"title_{lang}"
    return queryset.select_related("owner_municipality").order_by(order, "id")


class IndicatorListView(ListView):
    template_name = "indicators/catalogue/indicator_list.html"
    context_object_name = "indicators"
    paginate_by = PAGE_SIZE

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.filter_form = CatalogueFilterForm(request.GET or None)

    def get_queryset(self):
        return indicator_catalogue_search(filters=self.filter_form.filters()).only(
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


_BREAKS = re.compile(r"<\s*(br|/p|p)\b[^>]*>", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")


def plain_text(value: str) -> str:
    """Sotkanet's descriptions carry a little HTML (<br>, <p>): kept as line breaks, every
    other tag dropped; the template escapes the rest."""
    text = _BREAKS.sub("\n", value or "")
    return _BLANK_LINES.sub("\n\n", strip_tags(text)).strip()


def _sources(indicator: Indicator) -> list[dict[str, str]]:
    lang = language()
    sources = []
    for source in indicator.sources or []:
        if not isinstance(source, dict):
            continue
        organisation = source.get("organization") or {}
        sources.append(
            {
                "title": translated(source.get("title") or {}, lang),
                "organisation": translated(organisation.get("title") or {}, lang),
                "description": plain_text(translated(source.get("description") or {}, lang)),
            }
        )
    return sources


class IndicatorDetailView(DetailView):
    template_name = "indicators/catalogue/indicator_detail.html"
    context_object_name = "indicator"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Indicator.objects.select_related("owner_municipality"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator = self.object
        lang = language()
        context.update(
            description=plain_text(indicator.description),
            interpretation=plain_text(indicator.interpretation),
            limits=plain_text(indicator.limits),
            notices=plain_text(indicator.notices),
            sources=_sources(indicator),
            subjects=[
                translated(subject, lang)
                for subject in indicator.subjects or []
                if isinstance(subject, dict)
            ],
            is_sotkanet=indicator.source == IndicatorSource.SOTKANET,
            sotkanet_url=(
                f"https://sotkanet.fi/sotkanet/{lang}/metadata/indicators/{indicator.sotkanet_id}"
                if indicator.sotkanet_id
                else ""
            ),
        )
        context.update(self._chart(indicator))
        return context

    def _chart(self, indicator: Indicator) -> dict:
        """The indicator's chart for a municipality (`?municipality=`) against its county,
        the country and peers: the same chart as on the municipality's page."""
        request = self.request
        code = request.GET.get("municipality", "")
        gender = gender_or_total(request.GET.get("gender"))
        context = {
            "municipality_options": mark_safe(  # noqa: S308 (escaped in _options)
                _options([("", _("Choose a municipality")), *_municipality_choices()], code)
            ),
            "gender_options": mark_safe(_options(Gender.choices, gender)),  # noqa: S308
            "chart": "",
        }
        if not MUNICIPALITY_CODE.match(code):
            return context
        municipality = (
            Municipality.objects.select_related("wellbeing_county").filter(code=code).first()
        )
        if municipality is None:
            return context
        regions = chart_regions(
            municipality=municipality,
            peer_codes=peer_codes_from(request, exclude=municipality.code),
        )
        found = chart_indicator(pk=indicator.pk)
        series = chart_values(
            indicator_ids=[indicator.pk], region_ids=[r.id for r in regions], gender=gender
        )
        specs = chart_specs(indicators=[found], regions=regions, gender=gender, series=series)
        charts_ensure(specs)
        context.update(
            chart=charts_html(specs, heading_level=3, detail_links=False),
            chart_municipality=municipality,
        )
        return context

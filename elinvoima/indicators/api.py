"""API for indicators and their values. Sotkanet's data is open (CC BY 4.0, "THL,
Sotkanet"), so reading needs no account. A filtered selection of values also comes as CSV
(`?format=csv`), the whole selection at once, streamed."""

from django.db.models import F
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, renderers, serializers, viewsets

from elinvoima.core.exports import Table, csv_response
from elinvoima.core.filters import FilterSet, IntegerFilter, YearFilter, YearsFilter
from elinvoima.indicators.catalogue.selectors import SEARCHED
from elinvoima.indicators.enums import Gender
from elinvoima.indicators.models import Indicator, IndicatorValue

ATTRIBUTION = "THL, Sotkanet (CC BY 4.0)"
CSV_FIELDS = [
    "indicator",
    "sotkanet_indicator",
    "region",
    "region_code",
    "region_category",
    "year",
    "gender",
    "value",
    "abs_value",
]


class IndicatorSerializer(serializers.ModelSerializer):
    owner_municipality = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = Indicator
        fields = [
            "id",
            "source",
            "sotkanet_id",
            "owner_municipality",
            "title",
            "title_fi",
            "title_sv",
            "title_en",
            "description",
            "interpretation",
            "limits",
            "value_type_code",
            "value_type",
            "decimals",
            "organization",
            "subjects",
            "range_start",
            "range_end",
            "data_updated",
        ]


class IndicatorFilter(FilterSet):
    municipality = filters.CharFilter(
        field_name="owner_municipality__code", label=_("owner municipality code")
    )

    class Meta:
        model = Indicator
        fields = ["source", "sotkanet_id"]


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    """The indicator catalogue: Sotkanet's indicators and municipalities' own ones."""

    serializer_class = IndicatorSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = IndicatorFilter
    text_search_fields = SEARCHED  # as the catalogue page searches
    search_fields = ["title_fi", "title_sv", "title_en"]  # also as a part of a title
    ordering_fields = ["title_fi", "sotkanet_id"]

    def get_queryset(self):
        return Indicator.objects.select_related("owner_municipality").order_by("title_fi", "id")


class IndicatorValueSerializer(serializers.Serializer):
    """Values are read as plain rows (`values()`), not model instances: a selection can be
    millions of rows."""

    indicator = serializers.IntegerField()
    sotkanet_indicator = serializers.IntegerField(allow_null=True)
    region = serializers.IntegerField(help_text="Sotkanet's region id.")
    region_code = serializers.CharField(help_text="Official code: municipality or county.")
    region_category = serializers.CharField()
    year = serializers.IntegerField()
    gender = serializers.ChoiceField(choices=Gender.choices)
    value = serializers.FloatField()
    abs_value = serializers.FloatField(allow_null=True)


class IndicatorValueFilter(FilterSet):
    indicator = IntegerFilter(field_name="indicator_id")
    sotkanet_indicator = IntegerFilter(field_name="indicator__sotkanet_id")
    region = IntegerFilter(field_name="region_id", label=_("Sotkanet region id"))
    region_code = filters.CharFilter(field_name="region__code", label=_("official region code"))
    region_category = filters.CharFilter(field_name="region__category")
    year = YearFilter()
    years = YearsFilter(field_name="year", label=_("years, comma-separated"))
    year_from = YearFilter(field_name="year", lookup_expr="gte")
    year_to = YearFilter(field_name="year", lookup_expr="lte")
    gender = filters.ChoiceFilter(choices=Gender.choices)

    class Meta:
        model = IndicatorValue
        fields: list[str] = []


class CSVRenderer(renderers.BaseRenderer):
    """Only announces `?format=csv`; the view streams the CSV itself."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return b""


@extend_schema(
    parameters=[
        OpenApiParameter(
            "format",
            OpenApiTypes.STR,
            enum=["json", "csv"],
            description="csv: the whole filtered selection as one CSV file.",
        )
    ]
)
class IndicatorValueViewSet(viewsets.GenericViewSet):
    """Indicator values, filtered by indicator, region (Sotkanet id or official code),
    years and gender. Source: THL, Sotkanet (CC BY 4.0)."""

    serializer_class = IndicatorValueSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = IndicatorValueFilter
    renderer_classes = [renderers.JSONRenderer, renderers.BrowsableAPIRenderer, CSVRenderer]
    filter_backends = [filters.DjangoFilterBackend]

    def get_queryset(self):
        return IndicatorValue.objects.order_by(
            "indicator_id", "region_id", "year", "gender"
        ).values(
            "indicator",
            "region",
            "year",
            "gender",
            "value",
            "abs_value",
            region_code=F("region__code"),
            region_category=F("region__category"),
            sotkanet_indicator=F("indicator__sotkanet_id"),
        )

    def list(self, request, *args, **kwargs):
        rows = self.filter_queryset(self.get_queryset())
        if request.accepted_renderer.format == "csv":
            return self._csv_response(rows)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def _csv_response(self, rows) -> StreamingHttpResponse:
        table = Table(
            header=CSV_FIELDS,
            rows=([row[name] for name in CSV_FIELDS] for row in rows.iterator(chunk_size=5000)),
            attribution=ATTRIBUTION,
        )
        return csv_response(table, filename="indicator-values.csv", stream=True)

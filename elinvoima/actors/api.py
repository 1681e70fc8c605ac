"""API for the reference actors: municipalities and wellbeing counties, by official code."""

from urllib.parse import urlencode

from django.urls import reverse
from rest_framework import permissions, serializers, viewsets

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.selectors import county_list, municipality_list


def _organisations_url(request, **query: str) -> str:
    url = f"{reverse('api:organisation-list')}?{urlencode(query)}"
    return request.build_absolute_uri(url) if request is not None else url


class MunicipalitySerializer(serializers.ModelSerializer):
    wellbeing_county = serializers.SlugRelatedField(slug_field="code", read_only=True)
    organisations = serializers.SerializerMethodField(
        help_text="The organisations operating in the municipality, in the organisations API."
    )

    def get_organisations(self, municipality) -> str:
        return _organisations_url(self.context.get("request"), municipality=municipality.code)

    class Meta:
        model = Municipality
        fields = [
            "code",
            "name",
            "name_fi",
            "name_sv",
            "name_en",
            "wellbeing_county",
            "population",
            "population_year",
            "organisations",
        ]


class WellbeingCountySerializer(serializers.ModelSerializer):
    municipalities = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    organisations = serializers.SerializerMethodField(
        help_text="The organisations operating in the county, in the organisations API."
    )

    def get_organisations(self, county) -> str:
        return _organisations_url(self.context.get("request"), county=county.code)

    class Meta:
        model = WellbeingCounty
        fields = [
            "code",
            "name",
            "name_fi",
            "name_sv",
            "name_en",
            "short_name",
            "sotkanet_region_id",
            "municipalities",
            "organisations",
        ]


class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    """All municipalities of Finland. Public reference data."""

    serializer_class = MunicipalitySerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "code"
    lookup_value_regex = "[0-9]{3}"
    search_fields = ["code", "name_fi", "name_sv"]
    ordering_fields = ["code", "name_fi", "population"]
    filterset_fields = {"wellbeing_county__code": ["exact"]}

    def get_queryset(self):
        return municipality_list()


class WellbeingCountyViewSet(viewsets.ReadOnlyModelViewSet):
    """The wellbeing services counties, Helsinki (90) and Åland (91). Public reference data."""

    serializer_class = WellbeingCountySerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "code"
    lookup_value_regex = "[0-9]{1,2}"
    search_fields = ["code", "name_fi", "name_sv"]
    ordering_fields = ["code", "name_fi"]

    def get_queryset(self):
        return county_list().prefetch_related("municipalities")

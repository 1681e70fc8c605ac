"""API of the organisation directory: read publicly, written by those the predicates allow.

Concurrent edits: every response of one organisation carries an ETag; a client that sends it
back in If-Match is refused with 412 when someone else saved in between (`If-Match: *`
matches any saved version). Writes go through `actors.services`, which ask the predicates,
validate against the database and compare the version under the row lock."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.response import Response

from elinvoima.actors.directory.selectors import SEARCHED, theme_or_target_group_matching
from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, TargetGroup, Theme
from elinvoima.actors.permissions import organisations_visible_to
from elinvoima.actors.services import (
    organisation_create,
    organisation_delete,
    organisation_update,
    organisation_version,
)
from elinvoima.actors.validators import (
    normalise_business_id,
    normalise_phone,
    normalise_register_number,
)
from elinvoima.core.api import AuditActorMixin, call_service, etag, if_match_versions
from elinvoima.core.filters import FilterSet, IntegerFilter

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag you loaded (or `*`): refused with 412 when someone saved since.",
)


class OrganisationSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    municipality = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), allow_null=True, required=False
    )
    municipalities = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), many=True, required=False
    )
    themes = serializers.SlugRelatedField(
        slug_field="code", queryset=Theme.objects.all(), many=True, required=False
    )
    target_groups = serializers.SlugRelatedField(
        slug_field="code", queryset=TargetGroup.objects.all(), many=True, required=False
    )

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "name_fi",
            "name_sv",
            "name_en",
            "kind",
            "business_id",
            "register_number",
            "municipality",
            "municipalities",
            "themes",
            "target_groups",
            "description_fi",
            "description_sv",
            "regular_activities_fi",
            "regular_activities_sv",
            "website",
            "facebook",
            "instagram",
            "email",
            "phone",
            "is_published",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"name_fi": {"required": True, "allow_blank": False, "allow_null": False}}

    def validate_business_id(self, value: str) -> str:
        return _as_field_error(normalise_business_id, value) if value else ""

    def validate_register_number(self, value: str) -> str:
        return _as_field_error(normalise_register_number, value) if value else ""

    def validate_phone(self, value: str) -> str:
        return _as_field_error(normalise_phone, value) if value.strip() else ""

    def validate_kind(self, value: str) -> str:
        if value in (OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY):
            raise serializers.ValidationError(
                _("Municipalities and counties come from the reference data."), code="kind"
            )
        return value


def _as_field_error(normalise, value: str) -> str:
    try:
        return normalise(value)
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.messages, code=error.code) from None


def _call(function, **kwargs):
    """Run a service; an organisation in use is refused with 409."""
    return call_service(function, conflicts=frozenset({"in_use"}), **kwargs)


class OrganisationFilter(FilterSet):
    municipality = django_filters.CharFilter(field_name="municipalities__code")
    county = django_filters.CharFilter(method="filter_county")
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices)
    theme = django_filters.CharFilter(field_name="themes__code")
    target_group = django_filters.CharFilter(
        method="filter_target_group",
        help_text="Target group code; an age group also finds what is for everyone.",
    )
    village = IntegerFilter(field_name="villages")
    business_id = django_filters.CharFilter()

    class Meta:
        model = Organisation
        fields = ["municipality", "county", "kind", "theme", "target_group", "village"]

    def filter_county(self, queryset, name, value):
        return queryset.filter(municipalities__wellbeing_county__code=value)

    def filter_target_group(self, queryset, name, value):
        tagged = Organisation.target_groups.through.objects.filter(
            organisation=OuterRef("pk"), targetgroup__code__in=TargetGroup.codes_for(value)
        )
        return queryset.filter(Exists(tagged))


class OrganisationPermission(permissions.BasePermission):
    """Reads are public; writes need a signed-in user, and then the services ask the named
    predicate of the object."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)


class OrganisationViewSet(AuditActorMixin, viewsets.ModelViewSet):
    """Organisations of every kind. Filters as on the directory pages; `?search=` searches
    as the directory does (names, activities, descriptions, in Finnish and Swedish) or by
    the exact business ID."""

    serializer_class = OrganisationSerializer
    permission_classes = [OrganisationPermission]
    filterset_class = OrganisationFilter
    text_search_fields = SEARCHED
    text_search_also = staticmethod(theme_or_target_group_matching)
    search_fields = ["business_id"]
    ordering_fields = ["name_fi", "updated_at", "id"]
    ordering = ["name_fi", "id"]

    def get_queryset(self):
        return _with_relations(organisations_visible_to(self.request.user))

    def _respond(self, organisation: Organisation, code: int) -> Response:
        organisation = _with_relations(Organisation.objects).get(pk=organisation.pk)
        response = Response(self.get_serializer(organisation).data, status=code)
        response["ETag"] = _etag(organisation)
        return response

    def retrieve(self, request, *args, **kwargs):
        return self._respond(self.get_object(), status.HTTP_200_OK)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation = _call(organisation_create, user=request.user, data=serializer.validated_data)
        return self._respond(organisation, status.HTTP_201_CREATED)

    @extend_schema(parameters=[IF_MATCH])
    def update(self, request, *args, **kwargs):
        organisation = self.get_object()
        serializer = self.get_serializer(
            organisation, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        organisation = _call(
            organisation_update,
            user=request.user,
            organisation=organisation,
            data=serializer.validated_data,
            expected_version=if_match_versions(request, "organisation", organisation.pk),
        )
        return self._respond(organisation, status.HTTP_200_OK)

    @extend_schema(parameters=[IF_MATCH])
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        _call(organisation_delete, user=request.user, organisation=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


def _with_relations(queryset):
    return queryset.select_related("municipality").prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.only("id", "code")),
        Prefetch("themes", queryset=Theme.objects.only("id", "code")),
        Prefetch("target_groups", queryset=TargetGroup.objects.only("id", "code")),
    )


def _etag(organisation: Organisation) -> str:
    return etag("organisation", organisation.pk, organisation_version(organisation))

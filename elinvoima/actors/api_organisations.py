"""API of the organisation directory: read publicly, written by those the predicates allow.

Concurrent edits: every response of one organisation carries an ETag; a client that sends it
back in If-Match is refused with 412 when someone else saved in between."""

import django_filters
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions, serializers, status, viewsets
from rest_framework.response import Response

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, TargetGroup, Theme
from elinvoima.actors.permissions import user_grants
from elinvoima.actors.selectors import organisation_name_duplicates
from elinvoima.actors.validators import normalise_business_id, normalise_register_number
from elinvoima.core.api import AuditActorMixin


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
        extra_kwargs = {"name_fi": {"required": True, "allow_blank": False}}

    def validate_business_id(self, value: str) -> str:
        if not value:
            return ""
        value = _as_field_error(normalise_business_id, value)
        others = Organisation.objects.filter(business_id=value)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise serializers.ValidationError(
                _("An organisation with this business ID is already in the directory."),
                code="duplicate_business_id",
            )
        return value

    def validate_register_number(self, value: str) -> str:
        return _as_field_error(normalise_register_number, value) if value else ""

    def validate_kind(self, value: str) -> str:
        if value in (OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY):
            raise serializers.ValidationError(
                _("Municipalities and counties come from the reference data."), code="kind"
            )
        return value

    def validate(self, attrs):
        municipality = attrs.get("municipality", getattr(self.instance, "municipality", None))
        name = attrs.get("name_fi")
        if (
            name
            and organisation_name_duplicates(
                name=name,
                municipality=municipality,
                exclude_pk=getattr(self.instance, "pk", None),
            ).exists()
        ):
            raise serializers.ValidationError(
                {"name_fi": _("An organisation of that name is already in the municipality.")},
                code="duplicate_name",
            )
        return attrs

    def create(self, validated_data):
        organisation = super().create(validated_data)
        if organisation.municipality and not organisation.municipalities.exists():
            organisation.municipalities.add(organisation.municipality)
        return organisation


def _as_field_error(normalise, value: str) -> str:
    from django.core.exceptions import ValidationError

    try:
        return normalise(value)
    except ValidationError as error:
        raise serializers.ValidationError(error.messages, code=error.code) from None


class OrganisationFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(field_name="municipalities__code")
    county = django_filters.CharFilter(method="filter_county")
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices)
    theme = django_filters.CharFilter(field_name="themes__code")
    target_group = django_filters.CharFilter(field_name="target_groups__code")
    village = django_filters.NumberFilter(field_name="villages")
    business_id = django_filters.CharFilter()

    class Meta:
        model = Organisation
        fields = ["municipality", "county", "kind", "theme", "target_group", "village"]

    def filter_county(self, queryset, name, value):
        return queryset.filter(municipalities__wellbeing_county__code=value)


class OrganisationPermission(permissions.BasePermission):
    """Reads are public; every write asks the named predicate for its object."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        if request.method == "DELETE":
            return request.user.has_perm("actors.delete_organisation", obj)
        return request.user.has_perm("actors.change_organisation", obj)


class OrganisationViewSet(AuditActorMixin, viewsets.ModelViewSet):
    """Organisations of every kind. Filters as on the directory pages; `?search=` looks in
    the names in both languages."""

    serializer_class = OrganisationSerializer
    permission_classes = [OrganisationPermission]
    filterset_class = OrganisationFilter
    search_fields = ["name_fi", "name_sv", "business_id"]
    ordering_fields = ["name_fi", "updated_at", "id"]
    ordering = ["name_fi", "id"]

    def get_queryset(self):
        user = self.request.user
        visible = Q(is_published=True)
        if user.is_authenticated:
            if user.is_superuser:
                visible = Q()
            else:
                visible |= Q(pk__in=[grant.organisation_id for grant in user_grants(user)])
        return (
            Organisation.objects.filter(visible)
            .select_related("municipality")
            .prefetch_related(
                Prefetch("municipalities", queryset=Municipality.objects.only("id", "code")),
                Prefetch("themes", queryset=Theme.objects.only("id", "code")),
                Prefetch("target_groups", queryset=TargetGroup.objects.only("id", "code")),
            )
            .distinct()
        )

    def perform_create(self, serializer):
        municipality = serializer.validated_data.get("municipality")
        if not self.request.user.has_perm("actors.add_organisation", municipality):
            raise exceptions.PermissionDenied(
                _("Only the coordinators of the home municipality can add organisations.")
            )
        serializer.save()

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = _etag(self.get_object())
        return response

    def update(self, request, *args, **kwargs):
        organisation = self.get_object()
        expected = request.headers.get("If-Match")
        if expected and expected != _etag(organisation):
            return Response(
                {
                    "detail": _(
                        "Someone else saved this organisation after you loaded it. "
                        "Load it again and make your change."
                    ),
                    "code": "precondition_failed",
                },
                status=status.HTTP_412_PRECONDITION_FAILED,
            )
        response = super().update(request, *args, **kwargs)
        organisation.refresh_from_db()
        response["ETag"] = _etag(organisation)
        return response


def _etag(organisation: Organisation) -> str:
    return f'"{organisation.pk}-{organisation.updated_at.timestamp():.6f}"'

"""API of workshops: `workshops` (the twin of `workshops.view_workshop`: published ones, and
the organisers' own) with their programmes, and `workshop-registrations`, personal data, to
the organisers of their workshops only (`workshops.organise_workshop`). Read here; people
register on the event page."""

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers, viewsets

from elinvoima.core.filters import FilterSet, IntegerFilter

from .enums import Background, Diet, ProgrammeKind, RegistrationState
from .models import ProgrammeItem, Registration, Workshop
from .permissions import workshops_organised_by, workshops_visible_to


class ProgrammeItemSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=ProgrammeKind.choices)

    class Meta:
        model = ProgrammeItem
        fields = ["position", "kind", "title", "minutes"]
        read_only_fields = fields


class WorkshopSerializer(serializers.ModelSerializer):
    area = serializers.CharField(source="area.name")
    host = serializers.CharField(source="host.code", allow_null=True, default=None)
    programme = ProgrammeItemSerializer(many=True, read_only=True)

    class Meta:
        model = Workshop
        fields = [
            *("id", "series", "area", "theme", "theme_fi", "theme_sv", "description"),
            *("starts_at", "ends_at", "venue", "host", "capacity", "registration_closes_on"),
            "programme",
        ]
        read_only_fields = fields


class WorkshopFilter(FilterSet):
    series = IntegerFilter(field_name="series_id", label=_("series"))

    class Meta:
        model = Workshop
        fields: list[str] = []


class WorkshopViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = WorkshopSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = WorkshopFilter
    search_fields = ["theme_fi", "theme_sv"]
    ordering_fields = ["starts_at"]

    def get_queryset(self):
        return (
            workshops_visible_to(self.request.user)
            .select_related("area", "host")
            .prefetch_related("programme")
            .order_by("starts_at", "id")
        )


class RegistrationSerializer(serializers.ModelSerializer):
    background = serializers.ChoiceField(choices=Background.choices)
    diet = serializers.ChoiceField(choices=Diet.choices)
    state = serializers.ChoiceField(choices=RegistrationState.choices)
    municipality = serializers.CharField(source="municipality.code", allow_null=True, default=None)

    class Meta:
        model = Registration
        fields = [
            *("id", "workshop", "name", "email", "organisation_name", "background"),
            *("municipality", "diet", "allergies", "accessibility", "state"),
            *("retain_until", "erased", "created_at"),
        ]
        read_only_fields = fields


class RegistrationFilter(FilterSet):
    workshop = IntegerFilter(field_name="workshop_id", label=_("workshop"))
    state = django_filters.ChoiceFilter(choices=RegistrationState.choices)

    class Meta:
        model = Registration
        fields: list[str] = []


class RegistrationViewSet(viewsets.ReadOnlyModelViewSet):
    """Registrations with their personal data: to the workshops' organisers only."""

    serializer_class = RegistrationSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = RegistrationFilter
    ordering_fields = ["created_at"]

    def get_queryset(self):
        return (
            Registration.objects.filter(workshop__in=workshops_organised_by(self.request.user))
            .select_related("municipality")
            .order_by("workshop_id", "created_at", "id")
        )

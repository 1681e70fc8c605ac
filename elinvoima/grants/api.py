"""API of grants: `grant-rounds` (published rounds are public; drafts for the
municipality's coordinators, the queryset twin of `grants.view_round`). Rounds are prepared
on their pages."""

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers, viewsets

from elinvoima.core.filters import FilterSet, YearFilter
from elinvoima.grants.enums import GrantKind
from elinvoima.grants.models import GrantRound
from elinvoima.grants.permissions import rounds_visible_to


class GrantRoundSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")

    class Meta:
        model = GrantRound
        fields = [
            *("id", "municipality", "kind", "name", "name_fi", "name_sv", "description"),
            *("budget", "period_starts_on", "period_ends_on", "opens_on", "closes_on"),
            *("eligibility", "criteria", "goals", "card_templates", "published_at"),
        ]
        read_only_fields = fields


class GrantRoundFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__code", label=_("municipality code")
    )
    kind = django_filters.ChoiceFilter(choices=GrantKind.choices)
    year = YearFilter(field_name="opens_on__year")

    class Meta:
        model = GrantRound
        fields: list[str] = []


class GrantRoundViewSet(viewsets.ReadOnlyModelViewSet):
    """The municipalities' grant rounds, tied to the goals of their welfare plans."""

    serializer_class = GrantRoundSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = GrantRoundFilter
    search_fields = ["name_fi", "name_sv"]
    ordering_fields = ["opens_on", "closes_on"]

    def get_queryset(self):
        return (
            rounds_visible_to(self.request.user)
            .select_related("municipality")
            .prefetch_related("goals", "card_templates")
            .order_by("-opens_on", "-id")
        )

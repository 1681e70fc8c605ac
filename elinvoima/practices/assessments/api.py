"""API of ex-ante impact assessments: `impact-assessments` — the twin of
`practices.view_assessment` (published ones, with their decisions, for everyone; drafts to
those who work with the owner), each with its effects on groups, domains of wellbeing and
the plan's goals, the child's questions and the views collected for it."""

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers, viewsets

from elinvoima.core.filters import FilterSet
from elinvoima.practices.assessments.models import (
    Assessment,
    DomainEffect,
    GoalEffect,
    GroupEffect,
)
from elinvoima.practices.assessments.permissions import assessments_visible_to
from elinvoima.practices.enums import AssessmentKind, AssessmentState
from elinvoima.practices.hearings.models import Consultation, HearingRecord


class GroupEffectSerializer(serializers.ModelSerializer):
    class Meta:
        model = GroupEffect
        fields = ["group", "effect", "description"]
        read_only_fields = fields


class DomainEffectSerializer(serializers.ModelSerializer):
    class Meta:
        model = DomainEffect
        fields = ["domain", "effect", "description"]
        read_only_fields = fields


class GoalEffectSerializer(serializers.ModelSerializer):
    goal_title = serializers.CharField(source="goal.title", read_only=True)

    class Meta:
        model = GoalEffect
        fields = ["goal", "goal_title", "effect", "description"]
        read_only_fields = fields


class ConsultationLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Consultation
        fields = ["id", "title", "starts_on", "ends_on"]
        read_only_fields = fields


class HearingLinkSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="calendar_item.title", read_only=True)

    class Meta:
        model = HearingRecord
        fields = ["id", "title", "held_on", "attendance"]
        read_only_fields = fields


class AssessmentSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(
        source="municipality.code", read_only=True, allow_null=True, default=None
    )
    wellbeing_county = serializers.CharField(
        source="wellbeing_county.code", read_only=True, allow_null=True, default=None
    )
    group_effects = GroupEffectSerializer(many=True, read_only=True)
    domain_effects = DomainEffectSerializer(many=True, read_only=True)
    goal_effects = GoalEffectSerializer(many=True, read_only=True)
    consultations = ConsultationLinkSerializer(many=True, read_only=True)
    hearings = HearingLinkSerializer(many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = [
            *("id", "municipality", "wellbeing_county", "kind", "title", "proposal"),
            *("deciding_body", "decision_due", "plan", "group_effects", "domain_effects"),
            *("goal_effects", "alternatives", "consultations", "hearings", "views_summary"),
            *("child_best_interest", "child_rights", "child_groups", "child_heard"),
            *("child_follow_up", "summary", "decided_on", "decision", "state", "published_at"),
        ]
        read_only_fields = fields


class AssessmentFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__code", label=_("municipality code")
    )
    wellbeing_county = django_filters.CharFilter(
        field_name="wellbeing_county__code", label=_("wellbeing services county code")
    )
    kind = django_filters.ChoiceFilter(choices=AssessmentKind.choices, label=_("kind"))
    state = django_filters.ChoiceFilter(choices=AssessmentState.choices, label=_("state"))

    class Meta:
        model = Assessment
        fields: list[str] = []


class AssessmentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AssessmentSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = AssessmentFilter
    search_fields = ["title", "summary"]
    ordering_fields = ["decided_on", "created_at", "title"]

    def get_queryset(self):
        return (
            assessments_visible_to(self.request.user)
            .select_related("municipality", "wellbeing_county")
            .prefetch_related(
                "group_effects",
                "domain_effects",
                "goal_effects__goal",
                "consultations",
                "hearings__calendar_item",
            )
            .order_by("-created_at", "pk")
        )

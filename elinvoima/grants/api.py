"""API of grants: `grant-rounds` (published rounds are public; drafts for the
municipality's coordinators, the queryset twin of `grants.view_round`) and
`grant-applications` (the twin of `grants.view_application`), each with its decision where
the caller may read it (`grants.view_decision`: the coordinators', everyone's once
published). Both are read here and written on their pages."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers, viewsets

from elinvoima.core.filters import FilterSet, YearFilter
from elinvoima.grants.applications.models import BudgetLine, GoalCommitment, GrantApplication
from elinvoima.grants.enums import ApplicationState, GrantKind
from elinvoima.grants.models import GrantDecision, GrantRound, QuestionAnswer, RoundQuestion
from elinvoima.grants.permissions import (
    applications_visible_to,
    decisions_visible_to,
    rounds_visible_to,
)


class RoundQuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RoundQuestion
        fields = ["id", "position", "text_fi", "text_sv"]
        read_only_fields = fields


class GrantRoundSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")
    questions = RoundQuestionSerializer(many=True, read_only=True)

    class Meta:
        model = GrantRound
        fields = [
            *("id", "municipality", "kind", "name", "name_fi", "name_sv", "description"),
            *("budget", "period_starts_on", "period_ends_on", "opens_on", "closes_on"),
            *("eligibility", "criteria", "attachments_asked", "goals", "card_templates"),
            "published_at",
            "decisions_published_at",
            "questions",
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
            .prefetch_related("goals", "card_templates", "questions")
            .order_by("-opens_on", "-id")
        )


class BudgetLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetLine
        fields = ["description", "amount"]
        read_only_fields = fields


class GoalCommitmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = GoalCommitment
        fields = ["goal", "how"]
        read_only_fields = fields


class QuestionAnswerSerializer(serializers.ModelSerializer):
    class Meta:
        model = QuestionAnswer
        fields = ["question", "text"]
        read_only_fields = fields


class GrantDecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = GrantDecision
        fields = ["granted_amount", "conditions", "reasons", "pay_on", "paid_on", "report_due_on"]
        read_only_fields = fields


class GrantApplicationSerializer(serializers.ModelSerializer):
    # Copied from the organisation's profile when submitted, and empty when it had none:
    # a string, not the "email" format, which an empty value would break.
    email = serializers.CharField(read_only=True)
    commitments = GoalCommitmentSerializer(many=True, read_only=True)
    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    answers = QuestionAnswerSerializer(many=True, read_only=True)
    # null while there is none or the caller may not read it yet.
    decision = GrantDecisionSerializer(read_only=True, allow_null=True)

    class Meta:
        model = GrantApplication
        fields = [
            *("id", "grant_round", "organisation", "state", "action_plan", "requested_amount"),
            *("contact_person", "applicant_name", "business_id", "email", "phone"),
            *("submitted_at", "commitments", "budget_lines", "answers", "decision"),
        ]
        read_only_fields = fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not instance.decision_readable:
            data["decision"] = None
        return data


class GrantApplicationFilter(FilterSet):
    grant_round = django_filters.NumberFilter(field_name="grant_round_id", label=_("grant round"))
    state = django_filters.ChoiceFilter(choices=ApplicationState.choices)

    class Meta:
        model = GrantApplication
        fields: list[str] = []


class GrantApplicationViewSet(viewsets.ReadOnlyModelViewSet):
    """Grant applications: an association's own, and the submitted ones of the rounds the
    user coordinates or reviews, but for those they declared a conflict of interest in (the
    queryset twin of `grants.view_application`); none for an anonymous caller. Applications
    are written on their pages."""

    serializer_class = GrantApplicationSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = GrantApplicationFilter
    ordering_fields = ["submitted_at", "requested_amount"]

    def get_queryset(self):
        decisions = decisions_visible_to(self.request.user)
        return (
            applications_visible_to(self.request.user)
            .select_related("decision")
            .annotate(decision_readable=Exists(decisions.filter(application=OuterRef("pk"))))
            .prefetch_related("commitments", "budget_lines", "answers")
            .order_by("grant_round_id", "organisation_id", "id")
        )

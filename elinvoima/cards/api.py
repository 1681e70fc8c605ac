"""API of wellbeing cards, read-only: `card-templates` (the cards of the yearly decisions, with
their rows), `card-responses` (the associations' answers: accepted ones are public, the rest
as `cards.view_response` allows), `activities` (for those who may read them: the association
and those who work in the municipality) and `community-cards` (public). Each list is the
queryset twin of its view permission (`cards.permissions`), so a hidden row is neither
listed nor found (404). Writes go through the pages for now."""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers, viewsets

from elinvoima.cards.enums import ActivityKind, ResponseState
from elinvoima.cards.models import (
    Activity,
    CardAnswer,
    CardResponse,
    CardTemplate,
    CommunityCard,
)
from elinvoima.cards.permissions import activities_visible_to, responses_visible_to
from elinvoima.core.filters import FilterSet, IntegerFilter, YearFilter
from elinvoima.strategy.models import Goal


class RowSerializer(serializers.ModelSerializer):
    class Meta:
        model = Goal
        fields = ["id", "title"]
        read_only_fields = fields


class CardTemplateSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="decision.municipality.code")
    year = serializers.IntegerField(source="decision.year")
    decided_by = serializers.CharField(source="decision.body")
    decided_on = serializers.DateField(source="decision.decided_on")
    plan = serializers.IntegerField(source="decision.plan_id")
    goal_title = serializers.CharField(source="goal.title")
    rows = serializers.SerializerMethodField()

    class Meta:
        model = CardTemplate
        fields = [
            *("id", "name", "municipality", "year", "decided_by", "decided_on", "plan"),
            *("goal", "goal_title", "rows", "opens_on", "closes_on"),
        ]
        read_only_fields = fields

    def get_rows(self, card) -> list[dict]:
        """The goal's sub-goals, or the goal itself when it has none (as on the card)."""
        sub_goals = list(card.goal.sub_goals.all())
        return RowSerializer(sub_goals or [card.goal], many=True).data


class CardTemplateFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="decision__municipality__code", label=_("municipality code")
    )
    year = YearFilter(field_name="decision__year")

    class Meta:
        model = CardTemplate
        fields: list[str] = []


class CardTemplateViewSet(viewsets.ReadOnlyModelViewSet):
    """The wellbeing cards of the municipalities' yearly decisions: public."""

    serializer_class = CardTemplateSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = CardTemplateFilter
    search_fields = ["name_fi", "name_sv", "name_en"]
    ordering_fields = ["decision__year", "position"]

    def get_queryset(self):
        sub_goals = Goal.objects.order_by("position", "id")
        return (
            CardTemplate.objects.select_related("decision__municipality", "goal")
            .prefetch_related(Prefetch("goal__sub_goals", queryset=sub_goals))
            .order_by("-decision__year", "decision__municipality__code", "position", "id")
        )


class CardAnswerSerializer(serializers.ModelSerializer):
    class Meta:
        model = CardAnswer
        fields = ["sub_goal", "what_we_do", "how_we_succeed"]
        read_only_fields = fields


class CardResponseSerializer(serializers.ModelSerializer):
    card = serializers.IntegerField(source="template_id")
    organisation_name = serializers.CharField(source="organisation.name")
    answers = CardAnswerSerializer(many=True, read_only=True)

    class Meta:
        model = CardResponse
        fields = [
            *("id", "card", "organisation", "organisation_name", "state"),
            *("submitted_at", "accepted_at", "answers"),
        ]
        read_only_fields = fields


class CardResponseFilter(FilterSet):
    card = IntegerFilter(field_name="template_id")
    organisation = IntegerFilter(field_name="organisation_id")
    state = django_filters.ChoiceFilter(choices=ResponseState.choices)

    class Meta:
        model = CardResponse
        fields: list[str] = []


class CardResponseViewSet(viewsets.ReadOnlyModelViewSet):
    """The associations' answers: accepted ones are public; drafts and sent ones are read
    by the association and by those who work in the municipality."""

    serializer_class = CardResponseSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = CardResponseFilter
    search_fields = ["organisation__name_fi", "organisation__name_sv"]
    ordering_fields = ["submitted_at", "accepted_at"]

    def get_queryset(self):
        return (
            responses_visible_to(self.request.user)
            .select_related("organisation")
            .prefetch_related("answers")
            .order_by("template_id", "organisation__name", "id")
        )


class ActivitySerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")
    village = serializers.CharField(source="village.name", allow_null=True, default=None)
    volunteer_hours = serializers.DecimalField(max_digits=7, decimal_places=1)

    class Meta:
        model = Activity
        fields = [
            *("id", "organisation", "municipality", "club", "kind", "name", "starts_on"),
            *("ends_on", "place", "village", "participants", "in_target_group"),
            *("beyond_members", "from_remote_villages", "summer_residents"),
            *("outside_associations", "volunteers", "volunteer_hours", "partners"),
            *("other_partners", "sub_goals", "description"),
        ]
        read_only_fields = fields


class ActivityFilter(FilterSet):
    organisation = IntegerFilter(field_name="organisation_id")
    municipality = django_filters.CharFilter(
        field_name="municipality__code", label=_("municipality code")
    )
    year = YearFilter(field_name="starts_on__year")
    sub_goal = IntegerFilter(field_name="sub_goals")
    kind = django_filters.ChoiceFilter(choices=ActivityKind.choices)

    class Meta:
        model = Activity
        fields: list[str] = []


class ActivityViewSet(viewsets.ReadOnlyModelViewSet):
    """The activities associations have reported: for the association and for those who
    work in the municipality where they happened."""

    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    search_fields = ["name", "place"]
    ordering_fields = ["starts_on", "participants"]

    def get_queryset(self):
        return (
            activities_visible_to(self.request.user)
            .select_related("municipality", "village")
            .prefetch_related("partners", "sub_goals")
            .order_by("-starts_on", "-id")
        )


class CommunityCardSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")
    village = serializers.CharField(source="village.name", allow_null=True, default=None)
    picture = serializers.ImageField(read_only=True, allow_null=True)
    summaries = serializers.SerializerMethodField()

    class Meta:
        model = CommunityCard
        fields = [
            *("id", "municipality", "name", "village", "keeper", "residents", "description"),
            *("basic_facts", "strengths", "weaknesses", "development_targets", "picture"),
            *("picture_alt", "summaries"),
        ]
        read_only_fields = fields

    def get_summaries(self, card) -> dict[str, str]:
        """Experiential knowledge by domain (the indicators' six `ExperientialDomain`)."""
        return {summary.domain: summary.text for summary in card.summaries.all()}


class CommunityCardFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__code", label=_("municipality code")
    )

    class Meta:
        model = CommunityCard
        fields: list[str] = []


class CommunityCardViewSet(viewsets.ReadOnlyModelViewSet):
    """The community cards of villages and communities: public."""

    serializer_class = CommunityCardSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = CommunityCardFilter
    search_fields = ["name"]
    ordering_fields = ["name"]

    def get_queryset(self):
        return (
            CommunityCard.objects.select_related("municipality", "village")
            .prefetch_related("summaries")
            .order_by("municipality__code", "name", "id")
        )

"""API of the practice library: `practices` — the twin of `practices.view_practice`
(published records for everyone; drafts to their keepers and the editors), searchable and
filtered as on the page, each with its topics, target groups, links, attached files (with
the address to download each) and the municipalities that use it."""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers, viewsets

from elinvoima.core.filters import FilterSet
from elinvoima.practices.enums import Audience, Phase, Topic
from elinvoima.practices.models import Adoption, Practice, PracticeFile, PracticeLink
from elinvoima.practices.permissions import practices_visible_to


class LinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = PracticeLink
        fields = ["title", "url"]
        read_only_fields = fields


class PracticeFileSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The address to download the file.")

    class Meta:
        model = PracticeFile
        fields = ["name", "kind", "size", "url"]
        read_only_fields = fields

    def get_url(self, practice_file) -> str:
        url = reverse(
            "practices:file", kwargs={"pk": practice_file.practice_id, "file_pk": practice_file.pk}
        )
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


class AdoptionSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")

    class Meta:
        model = Adoption
        fields = ["municipality", "since", "learned", "contact_name"]
        read_only_fields = fields


class PracticeSerializer(serializers.ModelSerializer):
    # An address or empty: a "uri" format would refuse the empty one.
    source_url = serializers.CharField(read_only=True)
    topics = serializers.SerializerMethodField()
    audiences = serializers.SerializerMethodField()
    links = LinkSerializer(many=True, read_only=True)
    files = PracticeFileSerializer(many=True, read_only=True)
    adoptions = AdoptionSerializer(many=True, read_only=True)

    class Meta:
        model = Practice
        fields = [
            *("id", "kind", "name", "name_fi", "name_sv", "summary", "implemented_by"),
            *("region", "funder", "author", "recorded_on", "revised_on", "core_idea"),
            *("environment", "target_group", "conditions", "evaluation", "tips", "phase"),
            *("follow_up_on", "trial_result", "source", "source_url", "state", "published_at"),
            *("topics", "audiences", "links", "files", "adoptions"),
        ]
        read_only_fields = fields

    def get_topics(self, practice) -> list[str]:
        return [topic.code for topic in practice.topics.all()]

    def get_audiences(self, practice) -> list[str]:
        return [audience.code for audience in practice.audiences.all()]


class PracticeFilter(FilterSet):
    phase = django_filters.ChoiceFilter(choices=Phase.choices, label=_("phase"))
    topic = django_filters.ChoiceFilter(
        field_name="topics__code", choices=Topic.choices, label=_("topic")
    )
    audience = django_filters.ChoiceFilter(
        field_name="audiences__code", choices=Audience.choices, label=_("target group")
    )

    class Meta:
        model = Practice
        fields: list[str] = []


class PracticeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PracticeSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = PracticeFilter
    search_fields = ["name_fi", "name_sv", "summary_fi", "summary_sv"]
    ordering_fields = ["name", "published_at"]

    def get_queryset(self):
        return (
            practices_visible_to(self.request.user)
            .prefetch_related("topics", "audiences", "links", "files", "adoptions__municipality")
            .order_by("name", "pk")
        )

"""API of reports: `welfare-reports` (metadata and the links to their latest files) and
`surveys` — the twin of `reports.view_survey` (published results for
everyone, every survey of their county for its organisers), each with its results: the
distributions of each group of at least five respondents, never a single response."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import permissions, serializers, viewsets

from elinvoima.reports.permissions import reports_visible_to, surveys_visible_to
from elinvoima.reports.surveys.models import Survey
from elinvoima.reports.surveys.selectors import Distribution, QuestionResult, survey_results
from elinvoima.reports.welfare.models import Report
from elinvoima.reports.welfare.selectors import latest_files


def _distribution(distribution: Distribution) -> dict:
    return {
        "answers": distribution.n,
        "percentages": {
            ("cannot_say" if share.value is None else str(share.value)): share.percent
            for share in distribution.shares
        },
    }


def _question(question: QuestionResult) -> dict:
    return {
        "question": question.label,
        "groups": {key: _distribution(d) for key, d in question.by_group.items()},
    }


class SurveySerializer(serializers.ModelSerializer):
    wellbeing_county = serializers.CharField(source="wellbeing_county.code")
    results = serializers.SerializerMethodField()

    class Meta:
        model = Survey
        fields = [
            *("id", "wellbeing_county", "year", "title", "title_fi", "title_sv", "state"),
            *("closes_on", "results_published", "observations", "results"),
        ]
        read_only_fields = fields

    def get_results(self, survey) -> dict | None:
        if not self.context.get("with_results"):
            return None
        results = survey_results(survey)
        return {
            "groups": [
                {"group": g.key, "answers": g.n if g.shown else None, "shown": g.shown}
                for g in results.groups
            ],
            "statements": [_question(q) for q in results.statements],
            "themes": [_question(q) for q in results.themes],
            "maturity": _question(results.maturity),
        }


class SurveyViewSet(viewsets.ReadOnlyModelViewSet):
    """Cooperation surveys; the detail carries the results (groups below five answers are
    shown without numbers)."""

    serializer_class = SurveySerializer
    permission_classes = [permissions.AllowAny]
    search_fields = ["title_fi", "title_sv"]
    ordering_fields = ["year"]

    def get_queryset(self):
        return surveys_visible_to(self.request.user).select_related("wellbeing_county")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "with_results": self.action == "retrieve"}


class ReportFileSerializer(serializers.Serializer):
    format = serializers.CharField()
    language = serializers.CharField()
    finished_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField()

    def get_url(self, job) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("reports:report-file", kwargs={"pk": job.pk})
        )


class ReportSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(
        source="municipality.code", default=None, allow_null=True, read_only=True
    )
    wellbeing_county = serializers.CharField(
        source="wellbeing_county.code", default=None, allow_null=True, read_only=True
    )
    downloads = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            *("id", "kind", "title", "title_fi", "title_sv", "municipality", "wellbeing_county"),
            *("start_year", "end_year", "version", "state", "approved_on", "published_at"),
            *("snapshot_at", "downloads"),
        ]
        read_only_fields = fields

    @extend_schema_field(ReportFileSerializer(many=True))
    def get_downloads(self, report) -> list:
        files = sorted(latest_files(report).values(), key=lambda f: (f.format, f.language))
        return ReportFileSerializer(files, many=True, context=self.context).data


class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Welfare reports: published ones for everyone, drafts for those who work with the
    owner; each with the links to its latest files."""

    serializer_class = ReportSerializer
    permission_classes = [permissions.AllowAny]
    search_fields = ["title_fi", "title_sv"]
    ordering_fields = ["end_year", "published_at"]

    def get_queryset(self):
        return reports_visible_to(self.request.user).select_related(
            "municipality", "wellbeing_county"
        )

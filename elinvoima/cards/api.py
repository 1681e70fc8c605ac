"""API of wellbeing cards: `card-templates` (the cards of the yearly decisions, with their
rows; public), `card-responses` (the associations' answers: accepted ones are public, the
rest as `cards.view_response` allows), `activities` (for those who may read them: the
association and those who work in the municipality) and `community-cards` (public). Each
list is the queryset twin of its view permission (`cards.permissions`), so a hidden row is
neither listed nor found (404).

Writes call the services the pages call: an association answers a card (POST the first
answer, PUT with If-Match to change it) and reports its activities (POST with a
`client_key`: sent again, the same activity comes back with 200 instead of a second one;
PUT/PATCH with If-Match; DELETE). A stale If-Match is refused with 412, a card that is not
open with 409."""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.response import Response

from elinvoima.actors.models import Municipality, Organisation, Village
from elinvoima.actors.permissions import organisations_visible_to
from elinvoima.cards.activities.models import MAX_HOURS
from elinvoima.cards.activities.services import (
    ActivityData,
    activity_delete,
    activity_report,
    activity_update,
    activity_version,
)
from elinvoima.cards.enums import ActivityKind, ResponseState
from elinvoima.cards.forms import TEXT_LIMIT
from elinvoima.cards.models import (
    Activity,
    CardAnswer,
    CardResponse,
    CardTemplate,
    CommunityCard,
)
from elinvoima.cards.permissions import activities_visible_to, responses_visible_to
from elinvoima.cards.services import RowAnswer, card_response_save, response_version
from elinvoima.core.api import (
    AuditActorMixin,
    ReadPublicWriteSignedIn,
    ServiceCallMixin,
    VisibleRelationsMixin,
    etag,
    if_match_versions,
)
from elinvoima.core.filters import FilterSet, IntegerFilter, YearFilter
from elinvoima.core.models import MAX_COUNT
from elinvoima.strategy.models import Goal
from elinvoima.strategy.permissions import goals_visible_to

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag you loaded (or `*`): refused with 412 when someone saved since.",
)


class _CardServices(AuditActorMixin, ServiceCallMixin):
    # A card not open for answers (closed, not yet open), an association not invited.
    conflict_codes = frozenset({"closed", "not_open", "not_invited"})


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


class AnswerInputSerializer(serializers.Serializer):
    sub_goal = serializers.IntegerField(help_text="The row: a sub-goal of the card's goal.")
    what_we_do = serializers.CharField(
        max_length=TEXT_LIMIT, allow_blank=True, default="", help_text="What do we do?"
    )
    how_we_succeed = serializers.CharField(
        max_length=TEXT_LIMIT, allow_blank=True, default="", help_text="How do we succeed?"
    )


class AnswersInputSerializer(serializers.Serializer):
    """A changed answer: its rows' texts, and whether it is sent to the municipality."""

    answers = AnswerInputSerializer(many=True, max_length=200)
    submit = serializers.BooleanField(default=False, help_text="Send it to the municipality.")

    def row_answers(self) -> dict[int, RowAnswer]:
        return {
            row["sub_goal"]: RowAnswer(row["what_we_do"], row["how_we_succeed"])
            for row in self.validated_data["answers"]
        }


class NewAnswerInputSerializer(VisibleRelationsMixin, AnswersInputSerializer):
    """The first answer of an association to a card."""

    visible_relations = {"organisation": organisations_visible_to}

    card = serializers.PrimaryKeyRelatedField(queryset=CardTemplate.objects.all())
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.none())


def _response_etag(response: CardResponse) -> str:
    return etag("card-response", response.pk, response_version(response))


class CardResponseViewSet(
    _CardServices,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """The associations' answers: accepted ones are public; drafts and sent ones are read
    by the association and by those who work in the municipality. The association's
    representatives answer: POST the first answer, PUT (If-Match) to change it; `submit`
    sends it to the municipality."""

    serializer_class = CardResponseSerializer
    permission_classes = [ReadPublicWriteSignedIn]
    filterset_class = CardResponseFilter
    search_fields = ["organisation__name_fi", "organisation__name_sv"]
    ordering_fields = ["submitted_at", "accepted_at"]
    http_method_names = ["get", "post", "put", "head", "options"]

    def get_queryset(self):
        return (
            responses_visible_to(self.request.user)
            .select_related("organisation")
            .prefetch_related("answers")
            .order_by("template_id", "organisation__name", "id")
        )

    def _respond(self, response: CardResponse, code: int) -> Response:
        response = self.get_queryset().get(pk=response.pk)
        answer = Response(CardResponseSerializer(response).data, status=code)
        answer["ETag"] = _response_etag(response)
        return answer

    def retrieve(self, request, *args, **kwargs):
        return self._respond(self.get_object(), status.HTTP_200_OK)

    @extend_schema(request=NewAnswerInputSerializer, responses={201: CardResponseSerializer})
    def create(self, request, *args, **kwargs):
        serializer = NewAnswerInputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        response = self.call(
            card_response_save,
            user=request.user,
            template=serializer.validated_data["card"],
            organisation=serializer.validated_data["organisation"],
            answers=serializer.row_answers(),
            submit=serializer.validated_data["submit"],
            loaded_version="",  # the first answer: one saved already is refused (412)
        )
        return self._respond(response, status.HTTP_201_CREATED)

    @extend_schema(
        request=AnswersInputSerializer,
        responses={200: CardResponseSerializer},
        parameters=[IF_MATCH],
    )
    def update(self, request, *args, **kwargs):
        response = self.get_object()
        serializer = AnswersInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        response = self.call(
            card_response_save,
            user=request.user,
            template=response.template,
            organisation=response.organisation,
            answers=serializer.row_answers(),
            submit=serializer.validated_data["submit"],
            loaded_version=if_match_versions(request, "card-response", response.pk),
        )
        return self._respond(response, status.HTTP_200_OK)


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


class ActivityInputSerializer(VisibleRelationsMixin, serializers.Serializer):
    """What an activity report says (as the report form): the counts within 0 and the
    participants, the goals of the cards, the village and partners of the municipality."""

    visible_relations = {
        "organisation": organisations_visible_to,
        "partners": organisations_visible_to,
        "sub_goals": goals_visible_to,
    }

    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.none(), help_text="The reporting association (on POST)."
    )
    client_key = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="Made by the client for each report: sent again, the activity it made "
        "the first time comes back (200) instead of a second one.",
    )
    kind = serializers.ChoiceField(choices=ActivityKind.choices)
    name = serializers.CharField(max_length=200)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    village = serializers.PrimaryKeyRelatedField(
        queryset=Village.objects.all(), required=False, allow_null=True, default=None
    )
    municipality = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Municipality.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="Where it happened; the association's home municipality by default.",
    )
    participants = serializers.IntegerField(min_value=0, max_value=MAX_COUNT, default=0)
    in_target_group = serializers.IntegerField(min_value=0, max_value=MAX_COUNT, default=0)
    beyond_members = serializers.IntegerField(min_value=0, max_value=MAX_COUNT, default=0)
    from_remote_villages = serializers.BooleanField(default=False)
    summer_residents = serializers.BooleanField(default=False)
    outside_associations = serializers.BooleanField(default=False)
    volunteers = serializers.IntegerField(min_value=0, max_value=MAX_COUNT, default=0)
    volunteer_hours = serializers.DecimalField(
        max_digits=7, decimal_places=1, min_value=0, max_value=MAX_HOURS, default=0
    )
    partners = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.none(), many=True, required=False, default=list
    )
    other_partners = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )
    sub_goals = serializers.PrimaryKeyRelatedField(
        queryset=Goal.objects.none(), many=True, required=False, default=list
    )
    description = serializers.CharField(required=False, allow_blank=True, default="")

    def activity_data(self) -> ActivityData:
        data = dict(self.validated_data)
        data.pop("organisation", None)
        data.pop("client_key", None)
        data["partners"] = tuple(data["partners"])
        data["sub_goals"] = tuple(data["sub_goals"])
        return ActivityData(**data)


class ActivityChangeSerializer(ActivityInputSerializer):
    """A reported activity changed: its association stays."""

    organisation = None  # type: ignore[assignment]
    client_key = None  # type: ignore[assignment]


def _activity_etag(activity: Activity) -> str:
    return etag("activity", activity.pk, activity_version(activity))


class ActivityViewSet(_CardServices, viewsets.ModelViewSet):
    """The activities associations have reported: for the association and for those who
    work in the municipality where they happened. The association's representatives report
    (POST with a `client_key`), change (PUT with If-Match) and remove them."""

    serializer_class = ActivitySerializer
    permission_classes = [permissions.IsAuthenticated]  # never public
    filterset_class = ActivityFilter
    search_fields = ["name", "place"]
    ordering_fields = ["starts_on", "participants"]
    http_method_names = ["get", "post", "put", "delete", "head", "options"]

    def get_queryset(self):
        return (
            activities_visible_to(self.request.user)
            .select_related("municipality", "village")
            .prefetch_related("partners", "sub_goals")
            .order_by("-starts_on", "-id")
        )

    def _respond(self, activity: Activity, code: int) -> Response:
        activity = self.get_queryset().get(pk=activity.pk)
        answer = Response(ActivitySerializer(activity).data, status=code)
        answer["ETag"] = _activity_etag(activity)
        return answer

    def retrieve(self, request, *args, **kwargs):
        return self._respond(self.get_object(), status.HTTP_200_OK)

    @extend_schema(
        request=ActivityInputSerializer,
        responses={201: ActivitySerializer, 200: ActivitySerializer},
    )
    def create(self, request, *args, **kwargs):
        serializer = ActivityInputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        organisation = serializer.validated_data["organisation"]
        key = serializer.validated_data.get("client_key")
        sent_before = (
            key is not None
            and Activity.objects.filter(organisation=organisation, client_key=key).exists()
        )
        activity = self.call(
            activity_report,
            user=request.user,
            organisation=organisation,
            data=serializer.activity_data(),
            client_key=key,
        )
        return self._respond(
            activity, status.HTTP_200_OK if sent_before else status.HTTP_201_CREATED
        )

    @extend_schema(request=ActivityChangeSerializer, parameters=[IF_MATCH])
    def update(self, request, *args, **kwargs):
        activity = self.get_object()
        serializer = ActivityChangeSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        activity = self.call(
            activity_update,
            user=request.user,
            activity=activity,
            data=serializer.activity_data(),
            loaded_version=if_match_versions(request, "activity", activity.pk),
        )
        return self._respond(activity, status.HTTP_200_OK)

    def destroy(self, request, *args, **kwargs):
        self.call(activity_delete, user=request.user, activity=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


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

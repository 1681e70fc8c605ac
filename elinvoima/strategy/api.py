"""API of strategy and welfare plans: `plans`, `goals`, `measures` and `goal-cards` with their
four-month period updates.

Reads: approved plans are public; drafts only for those the named predicates allow (the
querysets are the predicates' twins in `strategy.permissions`). Every write goes through the
service the HTML form calls (`plans.services`, `measures.services`, `goal_cards.services`); the
serializers only parse the shape of the input, and their related fields offer only rows the
user may see, so a hidden row's id is refused exactly like one that does not exist. In a
write, permission comes first (404 for a hidden row, 403 for a visible one the user may not
change), then validation, then the write. A frozen (approved) plan's content is refused with
a JSON error (409, code "frozen"), while period updates and measure reports go on.

Plans, goals, goal cards and period updates carry an ETag; a client that sends it back in
If-Match is refused with 412 when someone else saved in between (`If-Match: *` matches any
saved version). The service compares it after locking the row."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from elinvoima.actors.models import Municipality, Organisation, TargetGroup, WellbeingCounty
from elinvoima.actors.permissions import organisations_visible_to
from elinvoima.core.api import (
    AuditActorMixin,
    Conflict,
    ReadPublicWriteSignedIn,
    ServiceCallMixin,
    VisibleRelationsMixin,
    etag,
    if_match_versions,
    service_error,
)
from elinvoima.core.filters import FilterSet, IntegerFilter, YearFilter
from elinvoima.core.text_search import translated
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import MeasureStatus, PlanKind, PlanState, StatusLevel, Tertial
from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardTask, GoalCardUpdate
from elinvoima.strategy.goal_cards.selectors import change_target, goal_card_of
from elinvoima.strategy.goal_cards.services import (
    GoalCardTaskData,
    goal_card_authorize,
    goal_card_save,
    goal_card_update_save,
)
from elinvoima.strategy.measures.services import (
    measure_authorize_change,
    measure_authorize_report,
    measure_create,
    measure_delete,
    measure_report_save,
    measure_update,
)
from elinvoima.strategy.models import (
    Goal,
    GoalIndicator,
    Measure,
    MeasureReport,
    Plan,
    PriorityArea,
)
from elinvoima.strategy.permissions import (
    goal_cards_visible_to,
    goals_visible_to,
    measures_visible_to,
    plans_visible_to,
)
from elinvoima.strategy.plans.services import (
    goal_authorize_change,
    goal_delete,
    goal_save,
    plan_authorize_change,
    plan_create,
    plan_delete,
    plan_update,
    plan_validate_owner,
    version_of,
)

# Refusals answered 409 with their code: a frozen (approved) version, a goal or plan with
# content.
CONFLICT_CODES = frozenset({"frozen", "has_measures", "has_content"})


class _Services(ServiceCallMixin):
    conflict_codes = CONFLICT_CODES


def _etag(kind: str, obj) -> str:
    return etag(kind, obj.pk, version_of(obj))


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag you loaded (or `*`): refused with 412 when someone saved since.",
)


# --- Plans ----------------------------------------------------------------------------------


class PriorityAreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = PriorityArea
        fields = ["id", "title", "title_fi", "title_sv", "position"]


class PlanSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    municipality = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), allow_null=True, required=False
    )
    wellbeing_county = serializers.SlugRelatedField(
        slug_field="code", queryset=WellbeingCounty.objects.all(), allow_null=True, required=False
    )
    network = serializers.PrimaryKeyRelatedField(
        queryset=Network.objects.all(), allow_null=True, required=False
    )
    is_frozen = serializers.BooleanField(read_only=True)
    priority_areas = PriorityAreaSerializer(many=True, read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "lineage",
            "version",
            "previous_version",
            "kind",
            "title",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "municipality",
            "wellbeing_county",
            "network",
            "start_year",
            "end_year",
            "state",
            "approved_on",
            "is_frozen",
            "priority_areas",
            "updated_at",
        ]
        read_only_fields = [
            "lineage",
            "version",
            "previous_version",
            "state",
            "approved_on",
            "updated_at",
        ]
        extra_kwargs = {"title_fi": {"required": True, "allow_blank": False, "allow_null": False}}

    def validate(self, attrs):
        # The shape of a new plan: exactly one owner. Everything else the service checks.
        if self.instance is None:
            probe = Plan(**{name: attrs.get(name) for name in Plan.OWNER_FIELDS})
            try:
                plan_validate_owner(probe)
            except DjangoValidationError as error:
                raise service_error(error, CONFLICT_CODES) from None
        return attrs


class PlanFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__code", help_text="Official municipality code, e.g. 785."
    )
    county = django_filters.CharFilter(
        method="filter_county",
        help_text="Wellbeing services county code: the county's plans and its municipalities'.",
    )
    kind = django_filters.ChoiceFilter(choices=PlanKind.choices)
    state = django_filters.ChoiceFilter(choices=PlanState.choices)
    year = YearFilter(method="filter_year", help_text="Plans in force that year.")

    class Meta:
        model = Plan
        fields = ["municipality", "county", "kind", "state", "year", "network"]

    def filter_county(self, queryset, name, value):
        return queryset.filter(
            Q(wellbeing_county__code=value) | Q(municipality__wellbeing_county__code=value)
        )

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_year__lte=value, end_year__gte=value)


# `?search=` as every search: Finnish and Swedish words (core.text_search); a plan by its
# title above its description, goals and measures by their titles (and by the names of
# their owners and those responsible, as parts).
PLAN_SEARCHED = [*translated("title", weight=2), *translated("description")]


class PlanViewSet(AuditActorMixin, _Services, viewsets.ModelViewSet):
    """Welfare reports and plans of municipalities, counties and networks. Approved versions
    are public and frozen; drafts are read and written by those who work on them."""

    serializer_class = PlanSerializer
    permission_classes = [ReadPublicWriteSignedIn]
    filterset_class = PlanFilter
    text_search_fields = PLAN_SEARCHED
    search_fields = ["title_fi", "title_sv"]
    ordering_fields = ["start_year", "title_fi", "updated_at", "id"]
    ordering = ["-start_year", "title_fi", "id"]
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return (
            plans_visible_to(self.request.user)
            .select_related("municipality", "wellbeing_county")
            .prefetch_related("priority_areas")
        )

    def _respond(self, plan: Plan, code: int) -> Response:
        plan = self.get_queryset().get(pk=plan.pk)
        response = Response(self.get_serializer(plan).data, status=code)
        response["ETag"] = _etag("plan", plan)
        return response

    def retrieve(self, request, *args, **kwargs):
        return self._respond(self.get_object(), status.HTTP_200_OK)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = self.call(plan_create, plan=Plan(**serializer.validated_data), user=request.user)
        return self._respond(plan, status.HTTP_201_CREATED)

    @extend_schema(parameters=[IF_MATCH])
    def update(self, request, *args, **kwargs):
        plan = self.get_object()
        self.call(plan_authorize_change, request.user, plan)
        loaded = if_match_versions(request, "plan", plan.pk)
        serializer = self.get_serializer(
            plan, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        for name, value in serializer.validated_data.items():
            setattr(plan, name, value)
        plan = self.call(plan_update, plan=plan, user=request.user, loaded_at=loaded)
        return self._respond(plan, status.HTTP_200_OK)

    @extend_schema(parameters=[IF_MATCH])
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        self.call(plan_delete, plan=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Goals ----------------------------------------------------------------------------------


class GoalIndicatorSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(
        required=False,
        help_text="On write: the id of one of the goal's links to change; without it a new "
        "link is added. Links left out of the list are removed.",
    )
    indicator_title = serializers.CharField(source="indicator.title", read_only=True)
    sotkanet_id = serializers.IntegerField(
        source="indicator.sotkanet_id", read_only=True, allow_null=True
    )
    change_target = serializers.SerializerMethodField()

    class Meta:
        model = GoalIndicator
        fields = [
            "id",
            "indicator",
            "indicator_title",
            "sotkanet_id",
            "region",
            "direction",
            "baseline_year",
            "baseline_value",
            "target_year",
            "target_comparison",
            "target_value",
            "change_target",
        ]

    def get_change_target(self, link) -> str:
        return change_target(link=link).text


def hidden_organisation_ids(context: dict) -> set[int]:
    """The unpublished organisations the request's user may not see, read once a request."""
    if "hidden_organisation_ids" not in context:
        request = context.get("request")
        user = getattr(request, "user", None)
        context["hidden_organisation_ids"] = set(
            Organisation.objects.filter(is_published=False)
            .exclude(pk__in=organisations_visible_to(user).values("pk"))
            .values_list("pk", flat=True)
        )
    return context["hidden_organisation_ids"]


class GoalSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    visible_relations = {
        "plan": plans_visible_to,
        "priority_area": lambda user: PriorityArea.objects.filter(plan__in=plans_visible_to(user)),
        "parent": goals_visible_to,
        "owner_organisations": organisations_visible_to,
    }
    title = serializers.CharField(read_only=True)
    target_groups = serializers.SlugRelatedField(
        slug_field="code", queryset=TargetGroup.objects.all(), many=True, required=False
    )
    owner_organisations = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), many=True, required=False
    )
    goal_indicators = GoalIndicatorSerializer(many=True, required=False)
    card = serializers.SerializerMethodField(help_text="The goal tracking card's id, if any.")

    def to_representation(self, instance):
        """An owner organisation the user may not see is left out (tests/core/test_leaks.py)."""
        data = super().to_representation(instance)
        if hidden := hidden_organisation_ids(self.context):
            owners = data["owner_organisations"]
            data["owner_organisations"] = [pk for pk in owners if pk not in hidden]
        return data

    class Meta:
        model = Goal
        fields = [
            "id",
            "plan",
            "priority_area",
            "parent",
            "title",
            "title_fi",
            "title_sv",
            "description_fi",
            "description_sv",
            "position",
            "owner_names",
            "owner_organisations",
            "target_groups",
            "goal_indicators",
            "card",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"title_fi": {"required": True, "allow_blank": False, "allow_null": False}}

    def get_card(self, goal) -> int | None:
        card = getattr(goal, "card", None) if _has_card(goal) else None
        return card.pk if card is not None else None


def _has_card(goal) -> bool:
    try:
        goal.card  # noqa: B018
    except GoalCard.DoesNotExist:
        return False
    return True


class GoalFilter(FilterSet):
    priority_area = IntegerFilter()
    parent = IntegerFilter()

    class Meta:
        model = Goal
        fields = ["plan", "priority_area", "parent"]


class GoalViewSet(AuditActorMixin, _Services, viewsets.ModelViewSet):
    """Goals and sub-goals of plans with the indicators that follow them (baseline, target,
    direction). Deleting a goal that measures depend on is refused (409, code
    "has_measures") unless `?delete_measures=true` confirms it."""

    serializer_class = GoalSerializer
    permission_classes = [ReadPublicWriteSignedIn]
    filterset_class = GoalFilter
    text_search_fields = translated("title")
    search_fields = ["owner_names"]
    ordering_fields = ["position", "id"]
    ordering = ["plan_id", "position", "id"]

    def get_queryset(self):
        return (
            goals_visible_to(self.request.user)
            .select_related("card")
            .prefetch_related(
                "owner_organisations",
                "target_groups",
                Prefetch(
                    "goal_indicators", queryset=GoalIndicator.objects.select_related("indicator")
                ),
            )
        )

    def _respond(self, goal: Goal, code: int) -> Response:
        goal = self.get_queryset().get(pk=goal.pk)
        response = Response(self.get_serializer(goal).data, status=code)
        response["ETag"] = _etag("goal", goal)
        return response

    def _save(self, goal: Goal, data: dict, loaded=None) -> Goal:
        """The parsed input into `goal_save`: the goal's own fields on the instance, its
        many-to-many lists and its indicator links as the service takes them."""
        data = dict(data)
        organisations = data.pop("owner_organisations", None)
        target_groups = data.pop("target_groups", None)
        links = data.pop("goal_indicators", None)
        for name, value in data.items():
            setattr(goal, name, value)
        to_save, to_remove = [], []
        if links is not None:
            existing = {link.pk: link for link in goal.goal_indicators.all()} if goal.pk else {}
            for item in links:
                item = dict(item)
                link = existing.pop(item.pop("id", None), None) or GoalIndicator()
                for name, value in item.items():
                    setattr(link, name, value)
                to_save.append(link)
            to_remove = list(existing.values())
        return self.call(
            goal_save,
            goal=goal,
            user=self.request.user,
            owner_organisations=organisations,
            target_groups=target_groups,
            indicators=to_save,
            removed_indicators=to_remove,
            loaded_at=loaded,
        )

    def retrieve(self, request, *args, **kwargs):
        return self._respond(self.get_object(), status.HTTP_200_OK)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        goal = self._save(Goal(), serializer.validated_data)
        return self._respond(goal, status.HTTP_201_CREATED)

    @extend_schema(parameters=[IF_MATCH])
    def update(self, request, *args, **kwargs):
        goal = self.get_object()
        self.call(goal_authorize_change, request.user, goal)
        loaded = if_match_versions(request, "goal", goal.pk)
        serializer = self.get_serializer(
            goal, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        goal = self._save(goal, serializer.validated_data, loaded)
        return self._respond(goal, status.HTTP_200_OK)

    @extend_schema(parameters=[IF_MATCH])
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "delete_measures",
                OpenApiTypes.BOOL,
                description="Confirm that the goal's measures are deleted with it.",
            )
        ]
    )
    def destroy(self, request, *args, **kwargs):
        goal = self.get_object()
        confirm = request.query_params.get("delete_measures", "").lower() in ("1", "true", "yes")
        self.call(goal_delete, goal=goal, user=request.user, delete_measures=confirm)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Measures -------------------------------------------------------------------------------


class MeasureReportSerializer(serializers.ModelSerializer):
    reported_by = serializers.StringRelatedField(read_only=True, allow_null=True)
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())

    class Meta:
        model = MeasureReport
        fields = [
            "id",
            "year",
            "tertial",
            "organisation",
            "status",
            "realisation",
            "notes",
            "reported_by",
            "reported_at",
        ]
        read_only_fields = ["reported_at"]
        # The service checks the period; the unique period per organisation is an upsert.
        validators = []


class MeasureSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    visible_relations = {"goal": goals_visible_to, "implementers": organisations_visible_to}
    title = serializers.CharField(read_only=True)
    implementers = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), many=True, required=False
    )
    reports = MeasureReportSerializer(many=True, read_only=True)

    def to_representation(self, instance):
        """An organisation the user may not see is left out of the implementers and the
        reports, as if it did not exist (tests/core/test_leaks.py)."""
        data = super().to_representation(instance)
        hidden = hidden_organisation_ids(self.context)
        if hidden:
            data["implementers"] = [pk for pk in data["implementers"] if pk not in hidden]
            data["reports"] = [r for r in data["reports"] if r["organisation"] not in hidden]
        return data

    class Meta:
        model = Measure
        fields = [
            "id",
            "plan",
            "goal",
            "title",
            "title_fi",
            "title_sv",
            "description_fi",
            "description_sv",
            "implementers",
            "responsible_names",
            "resources",
            "budget",
            "starts_on",
            "ends_on",
            "expected_output",
            "status",
            "position",
            "reports",
            "updated_at",
        ]
        read_only_fields = ["plan", "updated_at"]
        extra_kwargs = {"title_fi": {"required": True, "allow_blank": False, "allow_null": False}}


class MeasureFilter(FilterSet):
    implementer = IntegerFilter(
        method="filter_implementer", help_text="Organisation id of an implementer."
    )
    status = django_filters.ChoiceFilter(choices=MeasureStatus.choices)
    municipality = django_filters.CharFilter(field_name="plan__municipality__code")

    class Meta:
        model = Measure
        fields = ["plan", "goal", "implementer", "status", "municipality"]

    def filter_implementer(self, queryset, name, value):
        # Only an organisation the user may see: a hidden one answers as a missing one.
        visible = organisations_visible_to(self.request.user).filter(pk=value)
        return queryset.filter(implementers__in=visible)


class MeasureViewSet(AuditActorMixin, _Services, viewsets.ModelViewSet):
    """Measures (toimenpiteet): what, who implements, resources, schedule, expected output,
    status and the realisation reports per four-month period. An implementer posts its own
    report to `/measures/{id}/reports/`."""

    serializer_class = MeasureSerializer
    permission_classes = [ReadPublicWriteSignedIn]
    filterset_class = MeasureFilter
    text_search_fields = translated("title")
    search_fields = ["responsible_names"]
    ordering_fields = ["position", "ends_on", "id"]
    ordering = ["plan_id", "goal_id", "position", "id"]

    def get_queryset(self):
        return measures_visible_to(self.request.user).prefetch_related(
            "implementers",
            Prefetch(
                "reports",
                queryset=MeasureReport.objects.select_related("reported_by").order_by(
                    "-year", "-tertial", "id"
                ),
            ),
        )

    def _respond(self, measure: Measure, code: int) -> Response:
        measure = self.get_queryset().get(pk=measure.pk)
        response = Response(self.get_serializer(measure).data, status=code)
        response["ETag"] = _etag("measure", measure)
        return response

    def retrieve(self, request, *args, **kwargs):
        return self._respond(self.get_object(), status.HTTP_200_OK)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        goal = data.pop("goal")
        implementers = data.pop("implementers", [])
        measure = self.call(
            measure_create, goal=goal, user=request.user, implementers=implementers, **data
        )
        return self._respond(measure, status.HTTP_201_CREATED)

    @extend_schema(parameters=[IF_MATCH])
    def update(self, request, *args, **kwargs):
        measure = self.get_object()
        self.call(measure_authorize_change, request.user, measure)
        serializer = self.get_serializer(
            measure, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        goal = data.pop("goal", None)
        implementers = data.pop("implementers", None)
        measure = self.call(
            measure_update,
            measure=measure,
            user=request.user,
            goal=goal,
            implementers=implementers,
            loaded_version=if_match_versions(request, "measure", measure.pk),
            **data,
        )
        return self._respond(measure, status.HTTP_200_OK)

    def destroy(self, request, *args, **kwargs):
        self.call(measure_delete, measure=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=MeasureReportSerializer, responses={201: MeasureReportSerializer})
    @action(detail=True, methods=["post"], url_path="reports")
    def reports(self, request, pk=None):
        """Report a period's realisation for one implementer (its own organisation; planners
        for any). Posting the same period again corrects the report."""
        measure = self.get_object()
        self.call(measure_authorize_report, request.user, measure)
        serializer = MeasureReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        report = self.call(
            measure_report_save,
            measure=measure,
            user=request.user,
            organisation=data["organisation"],
            year=data["year"],
            tertial=data["tertial"],
            status=data["status"],
            realisation=data["realisation"],
            notes=data.get("notes", ""),
        )
        return Response(MeasureReportSerializer(report).data, status=status.HTTP_201_CREATED)


# --- Goal tracking cards --------------------------------------------------------------------


class GoalCardTaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = GoalCardTask
        fields = ["text", "schedule"]


class GoalCardUpdateSerializer(serializers.ModelSerializer):
    tertial = serializers.ChoiceField(choices=Tertial.choices)
    # An integer, not an enum: the four levels of seed 001 are ordered.
    status = serializers.IntegerField(
        min_value=1,
        max_value=4,
        help_text="Overall status on four levels: 1 on track, 2 partly on track, "
        "3 seriously behind, 4 not progressing.",
    )
    status_label = serializers.SerializerMethodField()
    author = serializers.StringRelatedField(read_only=True, allow_null=True)
    etag = serializers.SerializerMethodField(
        help_text="Send back in If-Match to change this period's update."
    )

    class Meta:
        model = GoalCardUpdate
        fields = [
            "id",
            "year",
            "tertial",
            "status",
            "status_label",
            "status_reasons",
            "achieved",
            "planned",
            "risks",
            "author",
            "created_at",
            "updated_at",
            "etag",
        ]
        read_only_fields = ["created_at", "updated_at"]
        validators = []  # one per period: the view decides between adding and changing

    def get_status_label(self, update) -> str:
        return str(StatusLevel(update.status).label)

    def get_etag(self, update) -> str:
        return _etag("update", update)


class GoalCardSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    visible_relations = {
        "goal": goals_visible_to,
        "goal_indicator": lambda user: GoalIndicator.objects.filter(
            goal__in=goals_visible_to(user)
        ),
        "dependent_plans": plans_visible_to,
    }
    goal = serializers.PrimaryKeyRelatedField(queryset=Goal.objects.all())
    owner_names = serializers.CharField(source="goal.owner_names", read_only=True)
    change_target = serializers.SerializerMethodField()
    tasks = GoalCardTaskSerializer(many=True, required=False)
    updates = GoalCardUpdateSerializer(many=True, read_only=True)
    updated_by = serializers.StringRelatedField(read_only=True, allow_null=True)
    dependent_plans = serializers.PrimaryKeyRelatedField(
        queryset=Plan.objects.all(), many=True, required=False
    )

    class Meta:
        model = GoalCard
        fields = [
            "id",
            "goal",
            "owner_names",
            "goal_indicator",
            "data_content",
            "intermediate_year",
            "intermediate_value",
            "change_target",
            "partners",
            "dependencies",
            "dependent_plans",
            "follow_up_sources",
            "tasks",
            "updates",
            "updated_by",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        validators = []

    def get_change_target(self, card) -> str:
        return change_target(link=card.goal_indicator, card=card).text

    def validate_goal(self, goal):
        if self.instance is not None and goal.pk != self.instance.goal_id:
            raise serializers.ValidationError(_("A card cannot move to another goal."), code="goal")
        return goal


STATIC_FIELDS = (
    "goal_indicator",
    "data_content",
    "intermediate_year",
    "intermediate_value",
    "partners",
    "dependencies",
    "follow_up_sources",
)


class GoalCardViewSet(AuditActorMixin, _Services, viewsets.ModelViewSet):
    """Goal tracking cards (seed 001) with every four-month period update, newest first.
    Each card and each update has an ETag; If-Match with a stale one → 412. A period's
    update is added (or, with If-Match, changed) by POSTing to `/goal-cards/{id}/updates/`;
    the card's static part cannot change once the plan is approved (409 "frozen")."""

    serializer_class = GoalCardSerializer
    permission_classes = [ReadPublicWriteSignedIn]
    filterset_fields = ["goal", "goal__plan"]
    ordering = ["goal__plan_id", "goal__position", "goal_id"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return (
            goal_cards_visible_to(self.request.user)
            .select_related("goal", "goal_indicator__indicator", "updated_by")
            .prefetch_related(
                Prefetch("tasks", queryset=GoalCardTask.objects.order_by("position", "id")),
                Prefetch(
                    "updates",
                    queryset=GoalCardUpdate.objects.select_related("author").order_by(
                        "-year", "-tertial"
                    ),
                ),
                "dependent_plans",
            )
        )

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = _etag("card", self.get_object())
        return response

    def _save(self, *, goal: Goal, card: GoalCard | None, data: dict, loaded) -> GoalCard:
        def current(name, default):
            return data[name] if name in data else getattr(card, name, default)

        tasks = data.get("tasks")
        return self.call(
            goal_card_save,
            goal=goal,
            user=self.request.user,
            loaded_version=loaded,
            goal_indicator=current("goal_indicator", None),
            data_content=current("data_content", ""),
            intermediate_year=current("intermediate_year", None),
            intermediate_value=current("intermediate_value", None),
            partners=current("partners", ""),
            dependencies=current("dependencies", ""),
            follow_up_sources=current("follow_up_sources", ""),
            dependent_plans=data["dependent_plans"]
            if "dependent_plans" in data
            else (list(card.dependent_plans.all()) if card else []),
            tasks=None
            if tasks is None
            else [GoalCardTaskData(t["text"], t.get("schedule", "")) for t in tasks],
        )

    def _respond(self, card: GoalCard, code: int) -> Response:
        card = goal_card_of(card.goal)
        response = Response(
            GoalCardSerializer(card, context=self.get_serializer_context()).data, status=code
        )
        response["ETag"] = _etag("card", card)
        return response

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        goal = serializer.validated_data["goal"]
        self.call(goal_card_authorize, request.user, goal)
        if GoalCard.objects.filter(goal=goal).exists():
            raise Conflict(_("The goal already has a card; change it instead."), code="exists")
        card = self._save(goal=goal, card=None, data=serializer.validated_data, loaded="")
        return self._respond(card, status.HTTP_201_CREATED)

    @extend_schema(parameters=[IF_MATCH])
    def update(self, request, *args, **kwargs):
        card = self.get_object()
        self.call(goal_card_authorize, request.user, card.goal)
        loaded = if_match_versions(request, "card", card.pk)
        serializer = self.get_serializer(
            card, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        card = self._save(goal=card.goal, card=card, data=serializer.validated_data, loaded=loaded)
        return self._respond(card, status.HTTP_200_OK)

    @extend_schema(parameters=[IF_MATCH])
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @extend_schema(methods=["GET"], responses=GoalCardUpdateSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=GoalCardUpdateSerializer,
        responses={201: GoalCardUpdateSerializer, 200: GoalCardUpdateSerializer},
        parameters=[
            OpenApiParameter(
                "If-Match",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description="The `etag` of the period's update, to change an existing one.",
            )
        ],
    )
    @action(detail=True, methods=["get", "post"], url_path="updates", pagination_class=None)
    def updates(self, request, pk=None):
        """The card's period updates, newest first; POST adds the update of a period. The
        update of a period that already has one is changed only with its ETag in If-Match
        (without it: 409 with the saved update; with a stale one: 412)."""
        card = self.get_object()
        if request.method == "GET":
            return Response(
                GoalCardUpdateSerializer(card.updates.all(), many=True).data,
            )
        self.call(goal_card_authorize, request.user, card.goal)
        serializer = GoalCardUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        existing = GoalCardUpdate.objects.filter(
            card=card, year=data["year"], tertial=data["tertial"]
        ).first()
        expected = if_match_versions(request, "update", existing.pk if existing else None)
        if existing is not None and expected is None:
            return Response(
                {
                    "detail": _(
                        "This period already has an update. Send its etag in If-Match to change it."
                    ),
                    "code": "period_exists",
                    "current": GoalCardUpdateSerializer(existing).data,
                },
                status=status.HTTP_409_CONFLICT,
            )
        # The service compares the If-Match under its lock: stale, or no update to match, 412.
        update = self.call(
            goal_card_update_save,
            card=card,
            user=request.user,
            year=data["year"],
            tertial=data["tertial"],
            status=data["status"],
            status_reasons=data.get("status_reasons", ""),
            achieved=data.get("achieved", ""),
            planned=data.get("planned", ""),
            risks=data.get("risks", ""),
            loaded_version="" if expected is None else expected,
        )
        response = Response(
            GoalCardUpdateSerializer(update).data,
            status=status.HTTP_200_OK if existing else status.HTTP_201_CREATED,
        )
        response["ETag"] = _etag("update", update)
        return response

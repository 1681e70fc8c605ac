"""API of networks: `networks` (the queryset twin of `networks.view_network`: public
networks, and private ones to their members and owners) with their current people;
`meetings` (the twin of `networks.view_meeting`) with the agenda, and the decisions,
attendance and action items where the caller may read the minutes (`networks.view_minutes`);
`calendar-items`, the items of the annual clocks the caller sees (`networks.view_clock`),
`?year=` giving those that fall in a year (every-year items included); `agreements` (the
twin of `networks.view_agreement`: published ones, drafts to their owners) with their
parties. All are read here and written on their pages."""

import django_filters
from django.db.models import BooleanField, Case, Prefetch, Q, Value, When
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import permissions, serializers, viewsets

from elinvoima.core.filters import FilterSet, IntegerFilter, YearFilter

from .agreements.models import Agreement, AgreementParty
from .clock.models import CalendarItem
from .clock.selectors import items_in
from .enums import (
    ActionItemStatus,
    AgreementKind,
    CalendarItemKind,
    MeetingLevel,
    NetworkKind,
    NetworkRole,
    Recurrence,
)
from .meetings.models import ActionItem, AgendaItem, Meeting
from .models import Network, NetworkMembership
from .permissions import (
    agreements_visible_to,
    meetings_visible_to,
    minutes_visible_q,
    networks_visible_to,
)


class NetworkPersonSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    role = serializers.ChoiceField(choices=NetworkRole.choices)
    organisation = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = NetworkMembership
        fields = ["name", "role", "organisation", "starts_on"]
        read_only_fields = fields

    def get_name(self, membership) -> str:
        return membership.user.get_full_name() or membership.user.username


class NetworkSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=NetworkKind.choices)
    municipality = serializers.CharField(source="municipality.code", allow_null=True, default=None)
    wellbeing_county = serializers.CharField(
        source="wellbeing_county.code", allow_null=True, default=None
    )
    organisation = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    tasks = serializers.ListField(child=serializers.CharField(), read_only=True)
    people = NetworkPersonSerializer(source="current_people", many=True, read_only=True)

    class Meta:
        model = Network
        fields = [
            *("id", "name", "name_fi", "name_sv", "kind", "description", "tasks"),
            *("municipality", "wellbeing_county", "organisation", "is_public", "quorum"),
            "members",
            "people",
        ]
        read_only_fields = fields


class NetworkFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__code", label=_("municipality code")
    )
    wellbeing_county = django_filters.CharFilter(
        field_name="wellbeing_county__code", label=_("county code")
    )
    kind = django_filters.ChoiceFilter(choices=NetworkKind.choices)

    class Meta:
        model = Network
        fields: list[str] = []


class NetworkViewSet(viewsets.ReadOnlyModelViewSet):
    """Networks with their tasks, member organisations and current people."""

    serializer_class = NetworkSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = NetworkFilter
    search_fields = ["name_fi", "name_sv"]
    ordering_fields = ["name_fi"]

    def get_queryset(self):
        return (
            networks_visible_to(self.request.user)
            .select_related("municipality", "wellbeing_county")
            .prefetch_related(
                "members",
                Prefetch(
                    "people",
                    queryset=NetworkMembership.objects.filter(ends_on__isnull=True).select_related(
                        "user"
                    ),
                    to_attr="current_people",
                ),
            )
            .order_by("name_fi", "id")
        )


class AgendaItemSerializer(serializers.ModelSerializer):
    presenter = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = ["position", "title", "proposal", "presenter", "decision"]
        read_only_fields = fields

    def get_presenter(self, item) -> str | None:
        return item.presenter.get_full_name() if item.presenter else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_decision(self, item):
        return item.decision if self.context.get("minutes") else None


class ActionItemSerializer(serializers.ModelSerializer):
    owner = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=ActionItemStatus.choices)

    class Meta:
        model = ActionItem
        fields = ["title", "owner", "due_on", "status", "done_on"]
        read_only_fields = fields

    def get_owner(self, action) -> str:
        return action.owner.get_full_name() or action.owner.username


class MeetingSerializer(serializers.ModelSerializer):
    level = serializers.ChoiceField(choices=MeetingLevel.choices)
    items = serializers.SerializerMethodField()
    action_items = serializers.SerializerMethodField()
    present = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            *("id", "network", "title", "starts_at", "ends_at", "place", "level"),
            *("invited_at", "cancelled_at", "minutes_ready_at", "minutes_approved_at"),
            *("items", "present", "action_items"),
        ]
        read_only_fields = fields

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_items(self, meeting):
        context = {**self.context, "minutes": meeting.minutes_readable}
        return AgendaItemSerializer(meeting.items.all(), many=True, context=context).data

    @extend_schema_field(ActionItemSerializer(many=True))
    def get_action_items(self, meeting):
        if not meeting.minutes_readable:
            return []
        return ActionItemSerializer(meeting.action_items.all(), many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_present(self, meeting) -> list[str]:
        if not meeting.minutes_readable:
            return []
        return [
            row.membership.user.get_full_name() for row in meeting.attendance.all() if row.present
        ]


class MeetingFilter(FilterSet):
    network = IntegerFilter(field_name="network_id", label=_("network"))
    starts_after = django_filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")
    starts_before = django_filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="lt")

    class Meta:
        model = Meeting
        fields: list[str] = []


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """Meetings with their agendas; minutes where the caller may read them."""

    serializer_class = MeetingSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = MeetingFilter
    search_fields = ["title"]
    ordering_fields = ["starts_at"]

    def get_queryset(self):
        user = self.request.user
        return (
            meetings_visible_to(user)
            .annotate(
                minutes_readable=Case(
                    When(minutes_visible_q(user), then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
            .prefetch_related(
                Prefetch("items", queryset=AgendaItem.objects.select_related("presenter")),
                Prefetch("action_items", queryset=ActionItem.objects.select_related("owner")),
                "attendance__membership__user",
            )
            .order_by("-starts_at", "-id")
        )


class CalendarItemSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=CalendarItemKind.choices)
    recurrence = serializers.ChoiceField(choices=Recurrence.choices)
    municipality = serializers.CharField(source="municipality.code", allow_null=True, default=None)
    wellbeing_county = serializers.CharField(
        source="wellbeing_county.code", allow_null=True, default=None
    )
    network = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    heard_groups = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = CalendarItem
        fields = [
            *("id", "municipality", "wellbeing_county", "network", "kind"),
            *("title", "title_fi", "title_sv", "description", "year", "month"),
            *("starts_on", "ends_on", "recurrence", "responsible", "heard_groups", "how_heard"),
        ]
        read_only_fields = fields


class CalendarItemFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__code", label=_("municipality code")
    )
    wellbeing_county = django_filters.CharFilter(
        field_name="wellbeing_county__code", label=_("county code")
    )
    network = IntegerFilter(field_name="network_id", label=_("network"))
    year = YearFilter(method="in_year", label=_("year"))
    kind = django_filters.ChoiceFilter(choices=CalendarItemKind.choices)

    class Meta:
        model = CalendarItem
        fields: list[str] = []

    def in_year(self, queryset, name, value):
        return queryset.filter(items_in(int(value)))


class CalendarItemViewSet(viewsets.ReadOnlyModelViewSet):
    """Items of the annual clocks: municipalities' and counties' are public, a network's
    are seen as the network."""

    serializer_class = CalendarItemSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = CalendarItemFilter
    search_fields = ["title_fi", "title_sv"]
    ordering_fields = ["year", "month", "starts_on"]

    def get_queryset(self):
        networks = networks_visible_to(self.request.user)
        return (
            CalendarItem.objects.filter(Q(network__isnull=True) | Q(network__in=networks))
            .select_related("municipality", "wellbeing_county")
            .prefetch_related("heard_groups")
            .order_by("year", "month", "starts_on", "id")
        )


class AgreementPartySerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)
    organisation_name = serializers.CharField(source="organisation.name")
    commitments = serializers.ListField(
        source="commitment_list", child=serializers.CharField(), read_only=True
    )

    class Meta:
        model = AgreementParty
        fields = [
            *("organisation", "organisation_name", "signatory", "signatory_title"),
            *("signed_on", "commitments"),
        ]
        read_only_fields = fields


class AgreementSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=AgreementKind.choices)
    municipality = serializers.CharField(source="municipality.code", allow_null=True, default=None)
    wellbeing_county = serializers.CharField(
        source="wellbeing_county.code", allow_null=True, default=None
    )
    principles = serializers.ListField(
        source="principle_list", child=serializers.CharField(), read_only=True
    )
    parties = AgreementPartySerializer(many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            *("id", "kind", "municipality", "wellbeing_county", "title", "title_fi", "title_sv"),
            *("purpose", "principles", "grant_practices", "facility_principles"),
            *("other_support", "cooperation", "version", "previous_version"),
            *("valid_from", "valid_until", "published_at", "parties"),
        ]
        read_only_fields = fields


class AgreementFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__code", label=_("municipality code")
    )
    wellbeing_county = django_filters.CharFilter(
        field_name="wellbeing_county__code", label=_("county code")
    )
    kind = django_filters.ChoiceFilter(choices=AgreementKind.choices)

    class Meta:
        model = Agreement
        fields: list[str] = []


class AgreementViewSet(viewsets.ReadOnlyModelViewSet):
    """Vitality agreements, partnership documents and shared wellbeing agreements."""

    serializer_class = AgreementSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = AgreementFilter
    search_fields = ["title_fi", "title_sv"]
    ordering_fields = ["published_at", "version"]

    def get_queryset(self):
        return (
            agreements_visible_to(self.request.user)
            .select_related("municipality", "wellbeing_county")
            .prefetch_related(
                Prefetch(
                    "parties",
                    queryset=AgreementParty.objects.select_related("organisation").order_by(
                        "organisation__name"
                    ),
                )
            )
            .order_by("-published_at", "-id")
        )

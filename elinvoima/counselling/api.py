"""API of exercise counselling: `referrals` (issue 19, item 9: "only for the roles above,
with the same checks and audit"). Health data, so:

- Who may at all is asked first, before authentication's other answers, the method or the
  input are looked at: a user the county never granted counselling access gets 404 for
  everything here (the platform admin too: the counselling predicates are asked
  themselves, never `has_perm`, which says yes to a superuser). Then the second factor: only
  a session that passed it reaches the data; a token (which has none) or an unverified
  session gets 403 `second_factor_required`.
- The list is `periods_visible_to(user)` and shows what the counselling page's list shows:
  a period's number, municipality, how the client came, when it opened and ended, and its
  count of visits — no name, no identity code, no health data. So a list is not a read of a
  record, as on the pages (selectors.py), and the client's access log ("who looked at my
  data") holds the reads of records, not every glance at a list. Reading a record
  (`referrals/{id}/`) is one: `services.record_read` logs it before anything is returned,
  and a granted user who may not read that period gets 403 and an entry of the refusal, as
  the pages do. `referrals/{id}/fhir/` is the period as a FHIR Bundle, logged as an export
  (`services.period_export`).
- Filters, ordering and search: only on what the list shows, and only within the rows the
  user may read: a municipality's code, open or ended, ordering by when a period opened or
  ended. No search, and nothing on the encrypted fields (identity code, name, health
  data): a value matching a hidden client answers as one that matches nobody.
- A referral is made (POST) through `services.referral_create`, the page's service, with
  its booking and, given the client's e-mail address, the confirmation (confirmation.py);
  `referrals/fhir/` takes the referral as a FHIR ServiceRequest
  (`services.referral_from_fhir`)."""

import json

import django_filters
from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response

from elinvoima.actors.models import Municipality
from elinvoima.core.api import AuditActorMixin, ServiceCallMixin
from elinvoima.core.filters import FilterBackend, FilterSet
from elinvoima.core.second_factor import user_verified
from elinvoima.counselling.confirmation import LANGUAGES
from elinvoima.counselling.enums import AccessRole, Outcome, Urgency
from elinvoima.counselling.models import Booking, Period, Slot, Visit
from elinvoima.counselling.permissions import (
    periods_visible_to,
    valid_accesses,
    was_granted_access,
)
from elinvoima.counselling.services import (
    ReferralData,
    period_export,
    record_read,
    referral_create,
    referral_from_fhir,
)


class SecondFactorRequired(exceptions.PermissionDenied):
    default_code = "second_factor_required"


class CounsellingAccess(permissions.BasePermission):
    """Granted access first (else 404: nothing here exists), then the second factor (403)."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not was_granted_access(user):
            raise exceptions.NotFound
        if not user_verified(user):
            language = getattr(user, "preferred_language", "") or translation.get_language()
            with translation.override(language):
                raise SecondFactorRequired(
                    _(
                        "Counselling data needs the second factor: sign in to the service"
                        " with it and use that session. An API token is not enough."
                    )
                )
        return True


# --- What is read ---------------------------------------------------------------------------
class PeriodSummarySerializer(serializers.ModelSerializer):
    """A period as the list shows it: nothing that identifies the client or says anything
    of their health."""

    municipality = serializers.CharField(source="municipality.code", read_only=True)
    visit_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Period
        fields = ["id", "municipality", "source", "opened_at", "closed_at", "visit_count"]
        read_only_fields = fields


class ClientSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    identity_code = serializers.CharField(read_only=True)


class BookingSerializer(serializers.ModelSerializer):
    starts_at = serializers.DateTimeField(source="slot.starts_at", read_only=True)
    ends_at = serializers.DateTimeField(source="slot.ends_at", read_only=True)
    place = serializers.CharField(source="slot.place", read_only=True)

    class Meta:
        model = Booking
        fields = ["id", "starts_at", "ends_at", "place", "state"]
        read_only_fields = fields


class VisitSerializer(serializers.ModelSerializer):
    measurements = serializers.SerializerMethodField()

    class Meta:
        model = Visit
        fields = ["id", "visited_on", "notes", "measurements"]
        read_only_fields = fields

    def get_measurements(self, visit) -> dict[str, float]:
        """The measurements the counsellor chose: {measurement: value}."""
        return json.loads(visit.measurements) if visit.measurements else {}


class PeriodRecordSerializer(serializers.ModelSerializer):
    """The client's record (the counselling tab): returned only after its read is logged."""

    municipality = serializers.CharField(source="municipality.code", read_only=True)
    client = ClientSerializer(read_only=True)
    bookings = BookingSerializer(many=True, read_only=True)
    visits = VisitSerializer(many=True, read_only=True)
    outcome = serializers.ChoiceField(  # empty while the period is open
        choices=Outcome.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Period
        fields = [
            *("id", "municipality", "source", "referrer", "client", "reason", "goals"),
            *("risk_factors", "urgency", "exercise_plan", "self_care", "opened_at"),
            *("closed_at", "outcome", "outcome_summary", "bookings", "visits"),
        ]
        read_only_fields = fields


# --- What is written ------------------------------------------------------------------------
class _ReferralTarget(serializers.Serializer):
    """Where the client is referred, the time booked, and the client's confirmation."""

    municipality = serializers.CharField(
        max_length=10, help_text=gettext_lazy("The code of the municipality of the counselling.")
    )
    slot = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text=gettext_lazy("A free time of the municipality's counsellors, booked now."),
    )
    client_email = serializers.EmailField(
        required=False,
        allow_blank=True,
        write_only=True,
        help_text=gettext_lazy(
            "Optional. Used only to send the client the confirmation of the booked time,"
            " and not saved anywhere."
        ),
    )
    client_language = serializers.ChoiceField(
        choices=LANGUAGES,
        required=False,
        allow_blank=True,
        write_only=True,
        help_text=gettext_lazy("The confirmation's language; by default the request's."),
    )


class ReferralSerializer(_ReferralTarget):
    identity_code = serializers.CharField(max_length=11, write_only=True)
    name = serializers.CharField(max_length=200, write_only=True)
    reason = serializers.CharField(max_length=5000, write_only=True)
    goals = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    risk_factors = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    urgency = serializers.ChoiceField(choices=Urgency.choices, required=False)


class FhirReferralSerializer(_ReferralTarget):
    service_request = serializers.DictField(
        help_text=gettext_lazy(
            "An HL7 FHIR R4 ServiceRequest naming the client by the personal identity code"
            " (system urn:oid:1.2.246.21)."
        )
    )


# --- The collection -------------------------------------------------------------------------
class PeriodFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__code", label=gettext_lazy("municipality code")
    )
    state = django_filters.ChoiceFilter(
        choices=[("open", gettext_lazy("Open")), ("ended", gettext_lazy("Ended"))],
        method="in_state",
        label=gettext_lazy("open or ended"),
    )

    class Meta:
        model = Period
        fields: list[str] = []

    def in_state(self, queryset, name, value):
        return queryset.filter(closed_at__isnull=value == "open")


@extend_schema_view(
    list=extend_schema(summary="Counselling periods the user may read (no client data)"),
    retrieve=extend_schema(
        summary="A client's record, its read logged", responses=PeriodRecordSerializer
    ),
    create=extend_schema(
        summary="Refer a client and book a time",
        request=ReferralSerializer,
        responses={201: PeriodSummarySerializer},
    ),
)
class ReferralViewSet(
    AuditActorMixin,
    ServiceCallMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Exercise counselling: health data of the county's patient register. Only for those
    the county has granted access (anyone else: 404), in a session that passed the second
    factor (a token: 403). The list shows the periods the user may read, without client
    data; reading one (`{id}/`, `{id}/fhir/`) is logged first, and refused (403, logged)
    to a user who may not read it. POST refers a client and may book a time."""

    serializer_class = PeriodSummarySerializer
    permission_classes = [CounsellingAccess]
    filter_backends = [FilterBackend, OrderingFilter]  # no search: the texts are encrypted
    filterset_class = PeriodFilter
    ordering_fields = ["opened_at", "closed_at", "id"]
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema's: no user
            return Period.objects.none()
        return (
            periods_visible_to(self.request.user)
            .select_related("municipality")
            .annotate(visit_count=Count("visits", distinct=True))
            .order_by("-opened_at", "-id")
        )

    def _period(self) -> Period:
        """The period of the address, whether the user may read it or not: the service
        asks, and logs a refused attempt (403) as the pages do; a missing one is 404."""
        period = (
            Period.objects.select_related("client", "municipality", "referrer")
            .filter(pk=self.kwargs["pk"])
            .first()
        )
        if period is None:
            raise exceptions.NotFound
        return period

    def retrieve(self, request, *args, **kwargs):
        period = self.call(record_read, user=request.user, period=self._period())
        period = Period.objects.prefetch_related("bookings__slot", "visits").get(pk=period.pk)
        return Response(PeriodRecordSerializer(period, context={"request": request}).data)

    @extend_schema(
        summary="A period as an HL7 FHIR Bundle, logged as an export",
        responses=OpenApiTypes.OBJECT,
    )
    @action(detail=True, methods=["get"], url_path="fhir", url_name="fhir-bundle")
    def fhir_bundle(self, request, *args, **kwargs):
        return Response(self.call(period_export, user=request.user, period=self._period()))

    def _referrer_only(self) -> None:
        if not valid_accesses(self.request.user, AccessRole.REFERRER).exists():
            raise exceptions.PermissionDenied

    def _target(self, data: dict) -> dict:
        """The municipality and the slot of the request, found: a slot that is not one of
        the municipality's answers as the service answers a time of another municipality."""
        municipality = Municipality.objects.filter(code=data["municipality"]).first()
        if municipality is None:
            raise exceptions.ValidationError(
                {"municipality": [_("There is no municipality with this code.")]}
            )
        slot = None
        if data.get("slot") is not None:
            slot = Slot.objects.filter(pk=data["slot"], municipality=municipality).first()
            if slot is None:
                raise exceptions.ValidationError(
                    {"slot": [_("Choose a time of this municipality's counsellors.")]}
                )
        return {
            "municipality": municipality,
            "slot": slot,
            "client_email": data.get("client_email", ""),
            "client_language": data.get("client_language", ""),
        }

    def _created(self, period: Period) -> Response:
        period = self.get_queryset().get(pk=period.pk)
        return Response(PeriodSummarySerializer(period).data, status=status.HTTP_201_CREATED)

    def create(self, request, *args, **kwargs):
        self._referrer_only()
        serializer = ReferralSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        target = self._target(data)
        referral = ReferralData(
            identity_code=data["identity_code"],
            name=data["name"],
            reason=data["reason"],
            goals=data.get("goals", ""),
            risk_factors=data.get("risk_factors", ""),
            urgency=data.get("urgency", Urgency.ROUTINE),
            **target,
        )
        return self._created(self.call(referral_create, user=request.user, data=referral))

    @extend_schema(
        summary="Refer a client with an HL7 FHIR ServiceRequest",
        request=FhirReferralSerializer,
        responses={201: PeriodSummarySerializer},
    )
    @action(detail=False, methods=["post"], url_path="fhir", url_name="fhir-referral")
    def fhir_referral(self, request, *args, **kwargs):
        self._referrer_only()
        serializer = FhirReferralSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        period = self.call(
            referral_from_fhir,
            user=request.user,
            payload=data["service_request"],
            **self._target(data),
        )
        return self._created(period)

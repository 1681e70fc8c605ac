"""API of participatory budgeting: `budgets` (out of preparation, public; with their
proposals, whose votes show once the results are published — or while voting where the
budget shows them) and `ballots` (a voter's own only: the ballots of the associations the
caller represents). A ballot is cast or changed with POST (the same service as the vote
page: one per association, the rule checked, until the voting closes, 409 after) and
withdrawn with DELETE."""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from elinvoima.actors.models import Organisation
from elinvoima.actors.permissions import represented_organisation_ids
from elinvoima.budgeting.enums import Phase
from elinvoima.budgeting.models import MAX_PROPOSALS, Ballot, Budget, Proposal
from elinvoima.budgeting.permissions import ballots_visible_to, budgets_visible_to
from elinvoima.budgeting.services import ballot_cast, ballot_withdraw
from elinvoima.core.api import AuditActorMixin, ReadPublicWriteSignedIn, ServiceCallMixin
from elinvoima.core.filters import FilterSet


class ProposalSerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)
    # null until the caller may see the votes (`budgeting.view_counts`), and `funded` until
    # they are counted.
    votes = serializers.IntegerField(read_only=True, allow_null=True)
    funded = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Proposal
        fields = [
            *("id", "title", "title_fi", "title_sv", "description", "cost", "measure"),
            *("organisation", "state", "votes", "funded", "granted", "grant_application"),
        ]
        read_only_fields = fields


class BudgetSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")
    # "approved", "amended", "rejected", or empty while undecided.
    decision_outcome = serializers.CharField(read_only=True)
    proposals = ProposalSerializer(many=True, read_only=True)

    class Meta:
        model = Budget
        fields = [
            *("id", "municipality", "network", "name", "name_fi", "name_sv", "description"),
            *("amount", "period_starts_on", "period_ends_on", "phase", "how_agreed"),
            *("rule", "min_share", "min_proposals", "max_proposals", "show_counts"),
            *("voting_closes_at", "meeting_on", "results_published_at", "decision_outcome"),
            *("decision_body", "decided_on", "proposals"),
        ]
        read_only_fields = fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not request.user.has_perm("budgeting.view_counts", instance):
            for proposal in data["proposals"]:
                proposal["votes"] = None
        if instance.phase not in (Phase.COUNTING, Phase.FINISHED):
            for proposal in data["proposals"]:
                proposal["funded"] = None
        return data


class BudgetFilter(FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__code", label=_("municipality code")
    )
    network = django_filters.NumberFilter(field_name="network_id", label=_("network"))
    phase = django_filters.ChoiceFilter(choices=Phase.choices)

    class Meta:
        model = Budget
        fields: list[str] = []


class BudgetViewSet(viewsets.ReadOnlyModelViewSet):
    """Participatory budgets of the municipalities' networks (the queryset twin of
    `budgeting.view_budget`)."""

    serializer_class = BudgetSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = BudgetFilter
    search_fields = ["name_fi", "name_sv"]
    ordering_fields = ["period_starts_on", "voting_closes_at"]

    def get_queryset(self):
        return (
            budgets_visible_to(self.request.user)
            .select_related("municipality")
            .prefetch_related(Prefetch("proposals", Proposal.objects.order_by("title", "pk")))
            .order_by("-period_starts_on", "-id")
        )


class BallotSerializer(serializers.ModelSerializer):
    """A ballot: the budget, the association that votes and the ids of the proposals it
    chose. Plain ids, checked by the view and the service: a budget the caller may not see
    is answered as one that does not exist."""

    budget = serializers.IntegerField(source="budget_id", min_value=1)
    voter = serializers.IntegerField(
        source="voter_id", min_value=1, help_text=_("The association that votes.")
    )
    proposals = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        source="proposal_ids",
        allow_empty=True,
        max_length=MAX_PROPOSALS,
    )

    class Meta:
        model = Ballot
        fields = ["id", "budget", "voter", "proposals", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]
        # A second POST of the same association changes its ballot (the service holds the
        # one-per-voter rule): no unique-together refusal here.
        validators: list = []


class BallotViewSet(
    AuditActorMixin,
    ServiceCallMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The ballots of the associations the caller represents. POST casts the
    association's ballot in a budget or changes it (201 the first time, then 200); DELETE
    withdraws it. Only while the voting is open (else 409, code `closed`)."""

    serializer_class = BallotSerializer
    permission_classes = [ReadPublicWriteSignedIn]
    conflict_codes = frozenset({"closed"})

    def get_queryset(self):
        return (
            ballots_visible_to(self.request.user)
            .prefetch_related("choices")
            .order_by("budget_id", "voter_id")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        budget = budgets_visible_to(request.user).filter(pk=data["budget_id"]).first()
        if budget is None:
            raise ValidationError({"budget": [_("There is no such budget.")]})
        voter = Organisation.objects.filter(
            pk=data["voter_id"], pk__in=represented_organisation_ids(request.user)
        ).first()
        if voter is None:
            raise ValidationError({"voter": [_("Vote for an association that you represent.")]})
        ballot = self.call(
            ballot_cast,
            user=request.user,
            budget=budget,
            voter=voter,
            proposal_ids=data["proposal_ids"],
        )
        body = self.get_serializer(ballot).data
        return Response(
            body, status=status.HTTP_201_CREATED if ballot.cast_now else status.HTTP_200_OK
        )

    def perform_destroy(self, instance):
        self.call(
            ballot_withdraw, user=self.request.user, budget=instance.budget, voter=instance.voter
        )

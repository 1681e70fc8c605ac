"""Pages of participatory budgeting. Thin: selectors read, services write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.actors.permissions import visible_organisation_ids
from elinvoima.budgeting.enums import PHASE_ORDER, HowAgreed, Phase, Voters, VotingRule
from elinvoima.budgeting.forms import (
    BallotForm,
    BudgetForm,
    CodeForm,
    CodesForm,
    DecisionForm,
    MeetingForm,
    ProposalForm,
)
from elinvoima.budgeting.models import Budget, Proposal, VotingCode
from elinvoima.budgeting.permissions import voter_ids
from elinvoima.budgeting.selectors import (
    accepted_proposals,
    budgets_of,
    measures_for_proposals,
    networks_for_budgets,
    own_ballot,
    own_code_ballot,
    proposals_of,
    voters_for,
)
from elinvoima.budgeting.services import (
    ballot_cast,
    ballot_cast_with_code,
    ballot_withdraw,
    budget_advance,
    budget_decide,
    budget_meeting_record,
    budget_save,
    proposal_review,
    proposal_save,
    version_of,
    voting_code_check,
    voting_codes_make,
)
from elinvoima.core.forms import form_add_service_errors, saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin


class MunicipalityBudgetsView(ObjectPermissionMixin, TemplateView):
    """A municipality's participatory budgets; its coordinators' drafts too."""

    model = Municipality
    lookup_field = "code"
    template_name = "budgeting/municipality_budgets.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            budgets=list(budgets_of(self.request.user, self.url_object)),
            can_add=self.request.user.has_perm("budgeting.add_budget", self.url_object),
        )
        return context


class _BudgetPage(ObjectPermissionMixin, TemplateView):
    model = Budget
    view_permission = "budgeting.view_budget"
    anonymous_to_login = True
    context_object_name = "budget"
    select_related = ("municipality", "network")


def _changeable(user, budget: Budget, proposals: list[Proposal]) -> set[int]:
    """The proposals the user may change now (the ids): the twin of
    `budgeting.change_proposal` for one budget's proposals, without asking each."""
    if budget.phase not in (Phase.PROPOSING, Phase.REVIEWING):
        return set()
    if user.has_perm("budgeting.change_budget", budget):
        return {proposal.pk for proposal in proposals}
    if budget.phase != Phase.PROPOSING:
        return set()
    own = voter_ids(user, budget)
    return {proposal.pk for proposal in proposals if proposal.organisation_id in own}


class _ServiceFormPage(_BudgetPage):
    """A page whose form calls a service: the service's refusals at their fields, and on
    success a message and the next page (the budget's, unless `save` names another)."""

    success_message = ""

    def make_form(self, data=None):
        raise NotImplementedError

    def save(self, form) -> str | None:
        """Call the service with the valid form; return where to go, or None: the budget."""
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.make_form())
        return context

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST)
        budget_page = reverse("budgeting:budget", kwargs={"pk": self.url_object.pk})
        target = saved_by(form, lambda: self.save(form) or budget_page)
        if target:
            if self.success_message:
                messages.success(request, self.success_message)
            return redirect(target)
        return self.render_to_response(self.get_context_data(form=form))


class BudgetView(_BudgetPage):
    """One budget: its phase, rule and proposals, and what the user can do in it now; the
    coordinator moves it to its next phase here."""

    template_name = "budgeting/budget.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        budget, user = self.url_object, self.request.user
        position = PHASE_ORDER.index(budget.phase)
        can_change = user.has_perm("budgeting.change_budget", budget)
        proposals = list(proposals_of(budget))
        context.update(
            proposals=proposals,
            shows_counts=user.has_perm("budgeting.view_counts", budget),
            can_change=can_change,
            next_phase=(
                Phase(PHASE_ORDER[position + 1]).label
                if can_change and budget.phase != Phase.FINISHED
                else None
            ),
            reviews=can_change and budget.phase in (Phase.PROPOSING, Phase.REVIEWING),
            records_meeting=can_change
            and budget.how_agreed == HowAgreed.MEETING
            and budget.phase == Phase.REVIEWING,
            decides=can_change and budget.phase == Phase.FINISHED and not budget.decision_outcome,
            changeable=_changeable(user, budget, proposals),
            visible_organisations=visible_organisation_ids(
                user, (proposal.organisation_id for proposal in proposals)
            ),
            proposes_for=voters_for(user, budget)
            if user.has_perm("budgeting.propose", budget)
            else [],
            votes_for=voters_for(user, budget) if user.has_perm("budgeting.vote", budget) else [],
            votes_with_code=user.has_perm("budgeting.vote_with_code", budget),
            makes_codes=can_change
            and budget.voters == Voters.RESIDENTS
            and budget.phase != Phase.FINISHED,
            funded_total=sum(p.cost for p in proposals if p.funded),
            granted_total=sum(p.cost for p in proposals if p.granted),
            version=version_of(budget),
            phases=[(phase, phase.label, PHASE_ORDER.index(phase) <= position) for phase in Phase],
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            budget = budget_advance(
                user=request.user,
                budget=self.url_object,
                loaded_version=request.POST.get("loaded_version") or None,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("The budget moved to its next phase: %(phase)s.")
                % {"phase": budget.get_phase_display()},
            )
        return redirect("budgeting:budget", pk=self.url_object.pk)


class _BudgetFormView(ObjectPermissionMixin, TemplateView):
    template_name = "budgeting/budget_form.html"

    @cached_property
    def budget(self) -> Budget | None:
        return self.url_object if self.model is Budget else None

    @cached_property
    def municipality(self) -> Municipality:
        return self.budget.municipality if self.budget else self.url_object

    def _form(self, data=None) -> BudgetForm:
        budget, initial = self.budget, {}
        if budget is not None:
            initial = {name: getattr(budget, name) for name in BudgetForm.TEXTS}
            for name in (
                *("network", "amount", "period_starts_on", "period_ends_on", "how_agreed"),
                *("voters", "min_age", "max_age"),
                *("rule", "min_share", "min_proposals", "max_proposals", "show_counts"),
                "voting_closes_at",
            ):
                initial[name] = getattr(budget, name)
            initial["loaded_version"] = version_of(budget)
        else:
            initial = {
                "how_agreed": HowAgreed.BALLOTS,
                "voters": Voters.NETWORK_ASSOCIATIONS,
                "rule": VotingRule.KNAPSACK,
            }
        return BudgetForm(data, initial=initial, networks=networks_for_budgets(self.municipality))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(budget=self.budget, municipality=self.municipality)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        budget = saved_by(
            form,
            lambda: budget_save(
                user=request.user,
                municipality=self.municipality,
                budget=self.budget,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if budget:
            messages.success(request, _("The budget was saved."))
            return redirect("budgeting:budget", pk=budget.pk)
        return self.render_to_response(self.get_context_data(form=form))


class BudgetCreateView(_BudgetFormView):
    model = Municipality
    lookup_field = "code"
    permission_required = "budgeting.add_budget"


class BudgetEditView(_BudgetFormView):
    model = Budget
    view_permission = "budgeting.view_budget"
    anonymous_to_login = True
    permission_required = "budgeting.change_budget"
    select_related = ("municipality",)


class _ChosenVoterMixin:
    """The association the user acts for (`?organisation=`, or the first they represent)."""

    def chosen_voter(self, budget: Budget) -> Organisation:
        voters = voters_for(self.request.user, budget)
        chosen = self.request.GET.get("organisation") or self.request.POST.get("organisation")
        if chosen:
            voter = next((o for o in voters if str(o.pk) == chosen), None)
            if voter is None:
                raise Http404
            return voter
        if not voters:
            raise PermissionDenied
        return voters[0]


class ProposeView(_ChosenVoterMixin, _ServiceFormPage):
    """Make a proposal for an association of the network, while the budget takes them."""

    permission_required = "budgeting.propose"
    template_name = "budgeting/proposal_form.html"
    success_message = gettext_lazy("Thank you! The proposal was made.")

    def make_form(self, data=None) -> ProposalForm:
        return ProposalForm(data, measures=measures_for_proposals(self.url_object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.chosen_voter(self.url_object)
        return context

    def save(self, form) -> None:
        proposal_save(
            user=self.request.user,
            budget=self.url_object,
            organisation=self.chosen_voter(self.url_object),
            data=form.data_for_service(),
        )


class _ProposalPage(ObjectPermissionMixin, TemplateView):
    model = Proposal
    view_permission = "budgeting.view_budget"
    anonymous_to_login = True
    context_object_name = "proposal"
    select_related = ("budget__municipality", "organisation", "measure")

    def get_permission_object(self):
        return self.url_object.budget

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["budget"] = self.url_object.budget
        return context


class ProposalEditView(_ProposalPage):
    """Change a proposal: its association while proposals are taken, the coordinators until
    the voting begins."""

    template_name = "budgeting/proposal_form.html"

    def get_permission_object(self):
        return self.url_object.budget

    def has_permission(self) -> bool:
        # Seen with the budget (404 otherwise); changed as the proposal allows (403).
        if not super().has_permission():
            return False
        return self.request.user.has_perm("budgeting.change_proposal", self.url_object)

    def _form(self, data=None) -> ProposalForm:
        proposal = self.url_object
        initial = {name: getattr(proposal, name) for name in ProposalForm.TEXTS}
        initial.update(
            cost=proposal.cost, measure=proposal.measure, loaded_version=version_of(proposal)
        )
        return ProposalForm(data, initial=initial, measures=measures_for_proposals(proposal.budget))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["organisation"] = self.url_object.organisation
        return context

    def post(self, request, *args, **kwargs):
        proposal = self.url_object
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: proposal_save(
                user=request.user,
                budget=proposal.budget,
                proposal=proposal,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        ):
            messages.success(request, _("The proposal was saved."))
            return redirect("budgeting:budget", pk=proposal.budget_id)
        return self.render_to_response(self.get_context_data(form=form))


class ProposalReviewView(_ProposalPage):
    """Accept a proposal for the vote, or not, saying why."""

    permission_required = "budgeting.change_budget"
    template_name = "budgeting/proposal_review.html"

    def post(self, request, *args, **kwargs):
        proposal = self.url_object
        try:
            proposal_review(
                user=request.user,
                proposal=proposal,
                accepted=request.POST.get("accepted") == "1",
                note=request.POST.get("review_note", ""),
            )
        except ValidationError as error:
            context = self.get_context_data(errors=error.messages)
            return self.render_to_response(context)
        messages.success(request, _("The proposal was reviewed."))
        return redirect("budgeting:budget", pk=proposal.budget_id)


class VoteView(_ChosenVoterMixin, _ServiceFormPage):
    """An association's ballot: choose the proposals it supports within the rule; changed
    or withdrawn until the voting closes."""

    permission_required = "budgeting.vote"
    template_name = "budgeting/vote.html"
    success_message = gettext_lazy("Thank you! The ballot was cast.")

    @cached_property
    def voter(self) -> Organisation:
        return self.chosen_voter(self.url_object)

    def make_form(self, data=None) -> BallotForm:
        ballot = own_ballot(self.url_object, self.voter)
        initial = {"proposals": list(ballot.proposals.all())} if ballot else {}
        return BallotForm(data, initial=initial, proposals=accepted_proposals(self.url_object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(voter=self.voter, ballot=own_ballot(self.url_object, self.voter))
        return context

    def save(self, form) -> None:
        ballot_cast(
            user=self.request.user,
            budget=self.url_object,
            voter=self.voter,
            proposal_ids=[proposal.pk for proposal in form.cleaned_data["proposals"]],
        )


class WithdrawView(_ChosenVoterMixin, _BudgetPage):
    """Withdraw the association's ballot, asked first."""

    permission_required = "budgeting.vote"
    template_name = "budgeting/withdraw.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["voter"] = self.chosen_voter(self.url_object)
        return context

    def post(self, request, *args, **kwargs):
        budget, voter = self.url_object, self.chosen_voter(self.url_object)
        try:
            ballot_withdraw(user=request.user, budget=budget, voter=voter)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The ballot was withdrawn."))
        return redirect("budgeting:budget", pk=budget.pk)


class MeetingView(_ServiceFormPage):
    """Record the proposal the network agreed together at its meeting."""

    permission_required = "budgeting.change_budget"
    template_name = "budgeting/meeting_form.html"
    success_message = gettext_lazy("The meeting's proposal was recorded.")

    def make_form(self, data=None) -> MeetingForm:
        return MeetingForm(data, proposals=accepted_proposals(self.url_object))

    def save(self, form) -> None:
        budget_meeting_record(
            user=self.request.user,
            budget=self.url_object,
            meeting_on=form.cleaned_data["meeting_on"],
            minutes=form.cleaned_data["minutes"],
            funded=tuple(form.cleaned_data["funded"]),
        )


class DecisionView(_ServiceFormPage):
    """Record the municipality's decision on the published proposal."""

    permission_required = "budgeting.change_budget"
    template_name = "budgeting/decision_form.html"
    success_message = gettext_lazy("The decision was recorded.")

    def make_form(self, data=None) -> DecisionForm:
        proposals = accepted_proposals(self.url_object)
        initial = {"granted": [p for p in proposals if p.funded]}
        return DecisionForm(data, initial=initial, proposals=proposals)

    def save(self, form) -> None:
        budget_decide(user=self.request.user, budget=self.url_object, data=form.data_for_service())


SESSION_CODE = "budget-{}-voting-code"


class CodeView(_ServiceFormPage):
    """A resident starts voting: the code handed out and the year of birth, checked against
    the vote's age range and not stored. The code is kept in the session for the ballot."""

    permission_required = "budgeting.vote_with_code"
    template_name = "budgeting/code.html"

    def make_form(self, data=None) -> CodeForm:
        return CodeForm(data)

    def save(self, form) -> str:
        voting_code = voting_code_check(
            budget=self.url_object,
            code=form.cleaned_data["code"],
            birth_year=form.cleaned_data["birth_year"],
        )
        self.request.session[SESSION_CODE.format(self.url_object.pk)] = voting_code.pk
        return reverse("budgeting:code-ballot", kwargs={"pk": self.url_object.pk})


class CodeBallotView(_ServiceFormPage):
    """The ballot of a resident's voting code, changeable until the voting closes; without a
    checked code in the session, the code page first."""

    permission_required = "budgeting.vote_with_code"
    template_name = "budgeting/vote.html"
    success_message = gettext_lazy("Thank you! The ballot was cast.")

    @cached_property
    def voting_code(self) -> VotingCode | None:
        pk = self.request.session.get(SESSION_CODE.format(self.url_object.pk))
        return VotingCode.objects.filter(pk=pk, budget=self.url_object).first() if pk else None

    def dispatch(self, request, *args, **kwargs):
        if self.has_permission() and self.voting_code is None:
            return redirect("budgeting:code", pk=self.url_object.pk)
        return super().dispatch(request, *args, **kwargs)

    def make_form(self, data=None) -> BallotForm:
        ballot = own_code_ballot(self.url_object, self.voting_code)
        initial = {"proposals": list(ballot.proposals.all())} if ballot else {}
        return BallotForm(data, initial=initial, proposals=accepted_proposals(self.url_object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(ballot=own_code_ballot(self.url_object, self.voting_code), with_code=True)
        return context

    def save(self, form) -> None:
        assert self.voting_code is not None  # dispatch sent the codeless to the code page
        ballot_cast_with_code(
            budget=self.url_object,
            voting_code=self.voting_code,
            proposal_ids=[proposal.pk for proposal in form.cleaned_data["proposals"]],
        )


class CodesView(_BudgetPage):
    """The coordinator makes voting codes for a residents' vote: shown once, to print."""

    permission_required = "budgeting.change_budget"
    template_name = "budgeting/codes.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CodesForm())
        context["made"] = self.url_object.voting_codes.count()
        return context

    def post(self, request, *args, **kwargs):
        form = CodesForm(request.POST)
        codes: list[str] = []
        if form.is_valid():
            try:
                codes = voting_codes_make(
                    user=request.user, budget=self.url_object, count=form.cleaned_data["count"]
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
        return self.render_to_response(self.get_context_data(form=form, codes=codes))

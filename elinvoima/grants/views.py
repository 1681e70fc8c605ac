"""Pages of grant rounds: a municipality's rounds, one round, and the coordinator's form and
publishing. Thin: selectors read, services write."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality
from elinvoima.actors.permissions import visible_organisation_ids
from elinvoima.core.forms import form_add_service_errors
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.grants.applications.selectors import (
    organisations_to_apply_for,
    own_applications,
)
from elinvoima.grants.applications.services import round_is_open
from elinvoima.grants.forms import GrantRoundForm
from elinvoima.grants.models import GrantRound
from elinvoima.grants.review.selectors import published_decisions
from elinvoima.grants.selectors import (
    cards_for_rounds,
    goals_for_rounds,
    reviewer_candidates,
    rounds_of,
)
from elinvoima.grants.services import grant_round_publish, grant_round_save, round_version
from elinvoima.networks.agreements.selectors import current_partnership_document


class MunicipalityRoundsView(ObjectPermissionMixin, TemplateView):
    """A municipality's grant rounds: the published ones, and its coordinators' drafts."""

    model = Municipality
    lookup_field = "code"
    template_name = "grants/municipality_rounds.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rounds=list(rounds_of(self.request.user, self.url_object)),
            can_add=self.request.user.has_perm("grants.add_round", self.url_object),
        )
        return context


class RoundView(ObjectPermissionMixin, TemplateView):
    """One round: published, everyone's; a draft, its coordinators'. They publish it here."""

    model = GrantRound
    view_permission = permission_required = "grants.view_round"
    anonymous_to_login = True
    template_name = "grants/round.html"
    context_object_name = "grant_round"
    select_related = ("municipality",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grant_round = self.url_object
        decisions = published_decisions(grant_round)
        context.update(
            goals=list(grant_round.goals.order_by("position", "pk")),
            questions=list(grant_round.questions.all()),
            cards=list(grant_round.card_templates.select_related("decision")),
            can_change=self.request.user.has_perm("grants.change_round", grant_round),
            apply_for=(
                list(organisations_to_apply_for(self.request.user, grant_round))
                if round_is_open(grant_round)
                and self.request.user.has_perm("grants.apply", grant_round)
                else []
            ),
            own_applications=list(own_applications(self.request.user, grant_round)),
            sees_applications=self.request.user.has_perm("grants.view_applications", grant_round),
            sees_reviews=self.request.user.has_perm("grants.publish_decisions", grant_round),
            decisions=decisions,
            visible_organisations=visible_organisation_ids(
                self.request.user, (d.application.organisation_id for d in decisions)
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        grant_round_publish(user=request.user, grant_round=self.url_object)
        messages.success(request, _("The grant round was published."))
        return redirect("grants:round", pk=self.url_object.pk)


class _RoundFormView(ObjectPermissionMixin, TemplateView):
    template_name = "grants/round_form.html"

    @cached_property
    def grant_round(self) -> GrantRound | None:
        return self.url_object if self.model is GrantRound else None

    @cached_property
    def municipality(self) -> Municipality:
        return self.grant_round.municipality if self.grant_round else self.url_object

    def _form(self, data=None) -> GrantRoundForm:
        grant_round, initial = self.grant_round, {}
        if grant_round is not None:
            initial = {name: getattr(grant_round, name) for name in GrantRoundForm.TEXTS}
            for name in ("kind", "budget", "period_starts_on", "period_ends_on"):
                initial[name] = getattr(grant_round, name)
            initial.update(
                opens_on=grant_round.opens_on,
                closes_on=grant_round.closes_on,
                goals=list(grant_round.goals.all()),
                card_templates=list(grant_round.card_templates.all()),
                reviewers=list(grant_round.reviewers.all()),
                questions_fi="\n".join(q.text_fi for q in grant_round.questions.all()),
                questions_sv="\n".join(q.text_sv for q in grant_round.questions.all()),
                loaded_version=round_version(grant_round),
            )
        elif document := current_partnership_document(self.municipality):
            # A new round starts from the grant practices agreed with the associations.
            initial = {
                "criteria_fi": document.grant_practices_fi,
                "criteria_sv": document.grant_practices_sv,
            }
        return GrantRoundForm(
            data,
            initial=initial,
            goals=goals_for_rounds(self.municipality),
            cards=cards_for_rounds(self.municipality),
            reviewers=reviewer_candidates(self.municipality),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(grant_round=self.grant_round, municipality=self.municipality)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                grant_round = grant_round_save(
                    user=request.user,
                    municipality=self.municipality,
                    grant_round=self.grant_round,
                    data=form.data_for_service(),
                    loaded_version=form.cleaned_data["loaded_version"] or None,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The grant round was saved."))
                return redirect("grants:round", pk=grant_round.pk)
        return self.render_to_response(self.get_context_data(form=form))


class RoundCreateView(_RoundFormView):
    model = Municipality
    lookup_field = "code"
    permission_required = "grants.add_round"


class RoundEditView(_RoundFormView):
    model = GrantRound
    view_permission = "grants.view_round"
    anonymous_to_login = True
    permission_required = "grants.change_round"
    select_related = ("municipality", "updated_by")

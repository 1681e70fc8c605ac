"""Pages of following a plan through: the logic model, the joy and worry lists checked
against indicators, the yearly evaluation report with recommendations to networks (and a
network's page of those addressed to it), and a county's hyte negotiations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from elinvoima.actors.models import WellbeingCounty
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.networks.models import Network
from elinvoima.strategy.models import EvaluationReport, HyteNegotiation, Recommendation
from elinvoima.strategy.monitoring.forms import (
    EvaluationReportForm,
    HyteNegotiationForm,
    LogicModelFormSet,
    PlanConcernFormSet,
    RecommendationFormSet,
    RecommendationResponseForm,
    monitoring_formset,
)
from elinvoima.strategy.monitoring.selectors import (
    county_negotiations,
    logic_model,
    negotiation_detail,
    network_recommendations,
    plan_concerns,
    report_recommendations,
)
from elinvoima.strategy.monitoring.services import (
    evaluation_report_save,
    hyte_negotiation_save,
    logic_model_save,
    plan_concerns_save,
    recommendation_respond,
)
from elinvoima.strategy.plans.selectors import evaluation_reports_of
from elinvoima.strategy.plans.views import PlanMixin


def _disable_formset(formset) -> None:
    for form in formset.forms:
        for field in form.fields.values():
            field.disabled = True


# --- Logic model ------------------------------------------------------------------------------
class LogicModelView(PlanMixin, View):
    permission_required = None  # whoever may see the plan (view_permission)

    def get(self, request, **kwargs):
        return TemplateResponse(
            request,
            "strategy/monitoring/logic_model.html",
            self.context(
                columns=logic_model(plan=self.plan),
                can_change=request.user.has_perm("strategy.change_plan", self.plan),
            ),
        )


class PlanFormsetEditView(PlanMixin, View):
    """Edit a list of the plan's content (logic model, joy and worry) as one formset."""

    formset_class = None
    prefix = ""
    template_name = ""
    success_message = ""
    save = None
    anchor_view = ""

    def render(self, formset, status=200):
        return TemplateResponse(
            self.request, self.template_name, self.context(formset=formset), status=status
        )

    def get(self, request, **kwargs):
        formset = monitoring_formset(self.formset_class, plan=self.plan, prefix=self.prefix)
        if self.plan.is_frozen:
            _disable_formset(formset)
        return self.render(formset)

    def post_editable(self, request, **kwargs):
        formset = monitoring_formset(
            self.formset_class, plan=self.plan, data=request.POST, prefix=self.prefix
        )
        if formset.is_valid():
            try:
                type(self).save(plan=self.plan, formset=formset, user=request.user)
            except ValidationError as error:
                return self.render_refusal(formset, error)
            messages.success(request, self.success_message)
            return redirect(reverse(self.anchor_view, kwargs={"pk": self.plan.pk}))
        return self.render(formset)

    def render_refusal(self, formset, error):
        from elinvoima.strategy.plans.views import refused

        return refused(self.request, self.plan, error.messages[0])


class LogicModelEditView(PlanFormsetEditView):
    formset_class = LogicModelFormSet
    prefix = "entries"
    template_name = "strategy/monitoring/logic_model_form.html"
    anchor_view = "strategy:logic-model"
    save = staticmethod(logic_model_save)

    @property
    def success_message(self):
        return _("The logic model was saved.")


# --- Joy and worry lists ----------------------------------------------------------------------
class PlanConcernsView(PlanMixin, View):
    permission_required = None  # whoever may see the plan (view_permission)

    def get(self, request, **kwargs):
        return TemplateResponse(
            request,
            "strategy/monitoring/concerns.html",
            self.context(
                concerns=plan_concerns(plan=self.plan),
                can_change=request.user.has_perm("strategy.change_plan", self.plan),
            ),
        )


class PlanConcernsEditView(PlanFormsetEditView):
    formset_class = PlanConcernFormSet
    prefix = "concerns"
    template_name = "strategy/monitoring/concerns_form.html"
    anchor_view = "strategy:plan-concerns"
    save = staticmethod(plan_concerns_save)

    @property
    def success_message(self):
        return _("The causes for joy and worry were saved.")


# --- Evaluation reports -----------------------------------------------------------------------
class EvaluationReportMixin(PlanMixin):
    """A report follows a plan that may well be approved: not refused on a frozen plan."""

    refuse_frozen = False
    template_name = "strategy/monitoring/evaluation_report_form.html"

    def forms(self, data=None):
        form = EvaluationReportForm(data, instance=self.report)
        formset = RecommendationFormSet(
            data, instance=self.report, prefix="recommendations", form_kwargs={"plan": self.plan}
        )
        return form, formset

    def render(self, form, formset, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {**self.context(form=form, formset=formset, report=self.report), "frozen_reason": None},
            status=status,
        )

    def get(self, request, **kwargs):
        return self.render(*self.forms())

    def post_editable(self, request, **kwargs):
        form, formset = self.forms(request.POST)
        if form.is_valid() and formset.is_valid():
            try:
                report = evaluation_report_save(
                    report=form.instance,
                    formset=formset,
                    user=request.user,
                    loaded_at=form.cleaned_data.get("loaded_at") or None,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The evaluation report was saved."))
                return redirect("strategy:evaluation-report-detail", pk=report.pk)
        return self.render(form, formset)


class EvaluationReportCreateView(EvaluationReportMixin, View):
    @cached_property
    def report(self):
        return EvaluationReport(plan=self.plan)


class EvaluationReportEditView(EvaluationReportMixin, View):
    model = EvaluationReport
    select_related = ("plan",)

    @cached_property
    def report(self):
        return self.url_object

    def get_plan(self):
        return self.report.plan


class EvaluationReportDetailView(PlanMixin, View):
    permission_required = None  # whoever may see the plan (view_permission)
    model = EvaluationReport
    select_related = ("plan", "plan__municipality", "plan__wellbeing_county", "plan__network")

    @cached_property
    def report(self):
        return self.url_object

    def get_plan(self):
        return self.report.plan

    def get(self, request, **kwargs):
        return TemplateResponse(
            request,
            "strategy/monitoring/evaluation_report_detail.html",
            self.context(
                report=self.report,
                recommendations=report_recommendations(report=self.report),
                can_change=request.user.has_perm("strategy.change_plan", self.plan),
                other_years=evaluation_reports_of(plan=self.plan),
            ),
        )


class NetworkRecommendationsView(View):
    """The recommendations addressed to a network, from the reports the reader may see."""

    def get(self, request, pk):
        network = get_object_or_404(Network, pk=pk)
        return TemplateResponse(
            request,
            "strategy/monitoring/network_recommendations.html",
            {
                "network": network,
                "recommendations": network_recommendations(network=network, user=request.user),
            },
        )


class RecommendationRespondView(ObjectPermissionMixin, View):
    """The chair or secretary of the network writes its response to a recommendation."""

    permission_required = "networks.run_network"
    template_name = "strategy/monitoring/recommendation_respond.html"
    model = Recommendation
    select_related = ("network", "report", "report__plan")

    @cached_property
    def recommendation(self):
        return self.url_object

    def get_permission_object(self):
        return self.recommendation.network

    def render(self, form):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"recommendation": self.recommendation, "form": form},
        )

    def get(self, request, **kwargs):
        return self.render(
            RecommendationResponseForm(initial={"response": self.recommendation.response})
        )

    def post(self, request, **kwargs):
        form = RecommendationResponseForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        recommendation_respond(
            recommendation=self.recommendation,
            response=form.cleaned_data["response"],
            user=request.user,
        )
        messages.success(request, _("The network's response was saved."))
        return redirect("strategy:network-recommendations", pk=self.recommendation.network_id)


# --- Hyte negotiations ------------------------------------------------------------------------
class CountyMixin(ObjectPermissionMixin):
    """A page of the county the URL names by its code."""

    model = WellbeingCounty
    lookup_field = "code"

    @cached_property
    def county(self):
        return self.url_object


class CountyHyteNegotiationsView(CountyMixin, View):
    permission_required = "strategy.view_hyte_negotiations"

    def get(self, request, **kwargs):
        return TemplateResponse(
            request,
            "strategy/monitoring/negotiation_list.html",
            {
                "county": self.county,
                "negotiations": county_negotiations(county=self.county),
                "can_record": request.user.has_perm(
                    "strategy.record_hyte_negotiation", self.county
                ),
            },
        )


class NegotiationFormMixin(ObjectPermissionMixin):
    permission_required = "strategy.record_hyte_negotiation"
    template_name = "strategy/monitoring/negotiation_form.html"

    def get_permission_object(self):
        return self.county

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"county": self.county, "form": form, "negotiation": self.negotiation},
            status=status,
        )

    def get(self, request, **kwargs):
        return self.render(HyteNegotiationForm(instance=self.negotiation, county=self.county))

    def post(self, request, **kwargs):
        form = HyteNegotiationForm(request.POST, instance=self.negotiation, county=self.county)
        if form.is_valid():
            try:
                negotiation = hyte_negotiation_save(
                    negotiation=form.save(commit=False),
                    municipalities=form.cleaned_data["municipalities"],
                    organisations=form.cleaned_data["participant_organisations"],
                    user=request.user,
                    loaded_at=form.cleaned_data.get("loaded_at") or None,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The hyte negotiation was saved."))
                return redirect("strategy:hyte-negotiation-detail", pk=negotiation.pk)
        return self.render(form)


class HyteNegotiationCreateView(NegotiationFormMixin, CountyMixin, View):
    @cached_property
    def negotiation(self):
        return HyteNegotiation(wellbeing_county=self.county)


class NegotiationMixin(ObjectPermissionMixin):
    """A page of one negotiation, asking its permission of the negotiation's county."""

    model = HyteNegotiation
    select_related = ("wellbeing_county",)

    @cached_property
    def negotiation(self):
        return self.url_object

    @cached_property
    def county(self):
        return self.negotiation.wellbeing_county

    def get_permission_object(self):
        return self.county


class HyteNegotiationEditView(NegotiationFormMixin, NegotiationMixin, View):
    pass


class HyteNegotiationDetailView(NegotiationMixin, View):
    permission_required = "strategy.view_hyte_negotiations"

    def get(self, request, **kwargs):
        county = self.negotiation.wellbeing_county
        return TemplateResponse(
            request,
            "strategy/monitoring/negotiation_detail.html",
            {
                "county": county,
                "negotiation": self.negotiation,
                "can_record": request.user.has_perm("strategy.record_hyte_negotiation", county),
                **negotiation_detail(negotiation=self.negotiation),
            },
        )

"""Pages of the HYTE coefficient: a county's scores and funding, the forms that record
scores and funding rules, and the monitoring group's follow-up of the indicators.

Published scores, funding rules and Sotkanet values are public, so the reading pages are
too; recording needs `indicators.record_hyte_scores` (the county) or
`indicators.record_hyte_funding_rules`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from elinvoima.actors.models import WellbeingCounty
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.indicators.hyte.forms import HyteFundingRuleForm, HyteScoreForm
from elinvoima.indicators.hyte.selectors import (
    hyte_county_overview,
    hyte_follow_up,
    hyte_follow_up_years,
    hyte_funding_rules,
    hyte_scores_of_county,
)
from elinvoima.indicators.hyte.services import (
    hyte_funding_rule_save,
    hyte_score_save,
)
from elinvoima.indicators.models import HyteCoefficientScore, HyteFundingRule


class _CountyMixin(ObjectPermissionMixin):
    model = WellbeingCounty
    lookup_field = "code"

    def get_county(self) -> WellbeingCounty:
        return self.url_object


class HyteCountyView(_CountyMixin, TemplateView):
    template_name = "indicators/hyte/county.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        county = self.get_county()
        user = self.request.user
        context.update(
            county=county,
            overview=hyte_county_overview(county=county),
            can_record=user.has_perm("indicators.record_hyte_scores", county),
            can_record_rules=user.has_perm("indicators.record_hyte_funding_rules"),
        )
        return context


class _ScoreFormView(_CountyMixin, TemplateView):
    template_name = "indicators/hyte/score_form.html"
    permission_required = "indicators.record_hyte_scores"

    def get_instance(self) -> HyteCoefficientScore:
        return HyteCoefficientScore()

    def get_form(self) -> HyteScoreForm:
        data = self.request.POST if self.request.method == "POST" else None
        return HyteScoreForm(data, instance=self.get_instance(), county=self.get_county())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context.update(county=self.get_county(), instance=self.get_instance())
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                hyte_score_save(score=form.save(commit=False))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The score was saved."))
                return redirect("indicators:hyte-county", code=self.get_county().code)
        return self.render_to_response(self.get_context_data(form=form))


class HyteScoreCreateView(_ScoreFormView):
    pass


class HyteScoreEditView(_ScoreFormView):
    def get_instance(self) -> HyteCoefficientScore:
        if not hasattr(self, "instance"):
            county = self.get_county()
            self.instance = get_object_or_404(
                hyte_scores_of_county(county=county), pk=self.kwargs["pk"]
            )
        return self.instance


class HyteRuleListView(TemplateView):
    template_name = "indicators/hyte/rule_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rules=hyte_funding_rules(),
            can_record_rules=self.request.user.has_perm("indicators.record_hyte_funding_rules"),
        )
        return context


class _RuleFormView(PermissionRequiredMixin, TemplateView):
    template_name = "indicators/hyte/rule_form.html"
    permission_required = "indicators.record_hyte_funding_rules"

    def get_instance(self) -> HyteFundingRule:
        return HyteFundingRule()

    def get_form(self) -> HyteFundingRuleForm:
        data = self.request.POST if self.request.method == "POST" else None
        return HyteFundingRuleForm(data, instance=self.get_instance())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context["instance"] = self.get_instance()
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                hyte_funding_rule_save(rule=form.save(commit=False))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The funding rule was saved."))
                return redirect("indicators:hyte-rule-list")
        return self.render_to_response(self.get_context_data(form=form))


class HyteRuleCreateView(_RuleFormView):
    pass


class HyteRuleEditView(_RuleFormView):
    def get_instance(self) -> HyteFundingRule:
        if not hasattr(self, "instance"):
            self.instance = get_object_or_404(HyteFundingRule, pk=self.kwargs["pk"])
        return self.instance


class HyteFollowUpView(_CountyMixin, TemplateView):
    """The monitoring group's table: the year's HYTE coefficient indicators, latest values
    of the county and its municipalities against the whole country."""

    template_name = "indicators/hyte/follow_up.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        county = self.get_county()
        year = self._year()
        context.update(county=county, follow_up=hyte_follow_up(county=county, year=year))
        return context

    def _year(self) -> int:
        """The year asked for; otherwise the latest year that has a set (a year that is not
        a number is ignored)."""
        raw = self.request.GET.get("year", "")
        if raw.isdigit() and 2000 <= int(raw) <= 2100:
            return int(raw)
        years = hyte_follow_up_years(county=self.get_county())
        return years[0] if years else timezone.localdate().year

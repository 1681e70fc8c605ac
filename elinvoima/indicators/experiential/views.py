"""Pages of experiential data: a municipality's surveys and results by the six domains of
the community card, a survey, and the forms that add a survey, a result or a CSV file of
results. Reading needs `indicators.view_experiential_data`, writing
`indicators.manage_municipality_indicators` (the object is the municipality)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.indicators.experiential.forms import (
    ExperientialImportForm,
    ExperientialResultForm,
    ExperientialSurveyForm,
)
from elinvoima.indicators.experiential.parsing import (
    COLUMNS,
    DOMAIN_ALIASES,
)
from elinvoima.indicators.experiential.selectors import (
    experiential_results_of,
    experiential_results_of_survey,
    experiential_surveys_of,
    results_by_domain,
)
from elinvoima.indicators.experiential.services import (
    experiential_result_add,
    experiential_results_import,
    experiential_survey_create,
)
from elinvoima.indicators.models import ExperientialSurvey

VIEW = "indicators.view_experiential_data"
MANAGE = "indicators.manage_municipality_indicators"


class _MunicipalityMixin(ObjectPermissionMixin):
    model = Municipality
    lookup_field = "code"

    def get_municipality(self) -> Municipality:
        return self.url_object


class _SurveyMixin(ObjectPermissionMixin):
    model = ExperientialSurvey
    select_related = ("municipality",)

    def get_survey(self) -> ExperientialSurvey:
        return self.url_object

    def get_permission_object(self):
        return self.url_object.municipality


class ExperientialMunicipalityView(_MunicipalityMixin, TemplateView):
    template_name = "indicators/experiential/municipality.html"
    permission_required = VIEW

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = self.get_municipality()
        context.update(
            municipality=municipality,
            surveys=experiential_surveys_of(municipality=municipality),
            domains=results_by_domain(experiential_results_of(municipality=municipality)),
            can_manage=self.request.user.has_perm(MANAGE, municipality),
        )
        return context


class ExperientialSurveyCreateView(_MunicipalityMixin, TemplateView):
    template_name = "indicators/experiential/survey_form.html"
    permission_required = MANAGE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ExperientialSurveyForm())
        context["municipality"] = self.get_municipality()
        return context

    def post(self, request, *args, **kwargs):
        form = ExperientialSurveyForm(request.POST)
        if form.is_valid():
            survey = experiential_survey_create(
                municipality=self.get_municipality(), user=request.user, **form.cleaned_data
            )
            messages.success(request, _("The survey was saved. Add its results next."))
            return redirect("indicators:experiential-survey-detail", pk=survey.pk)
        return self.render_to_response(self.get_context_data(form=form))


class ExperientialSurveyDetailView(_SurveyMixin, TemplateView):
    template_name = "indicators/experiential/survey_detail.html"
    permission_required = VIEW

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey = self.get_survey()
        context.update(
            survey=survey,
            municipality=survey.municipality,
            domains=results_by_domain(experiential_results_of_survey(survey=survey)),
            can_manage=self.request.user.has_perm(MANAGE, survey.municipality),
        )
        return context


class ExperientialResultAddView(_SurveyMixin, TemplateView):
    template_name = "indicators/experiential/result_form.html"
    permission_required = MANAGE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey = self.get_survey()
        initial = {"domain": self.request.GET.get("domain", "")}
        context.setdefault("form", ExperientialResultForm(initial=initial, survey=survey))
        context.update(survey=survey, municipality=survey.municipality)
        return context

    def post(self, request, *args, **kwargs):
        survey = self.get_survey()
        form = ExperientialResultForm(request.POST, survey=survey)
        if form.is_valid():
            try:
                result = experiential_result_add(survey=survey, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The result was saved."))
                if "add_another" in request.POST:
                    return redirect(f"{request.path}?domain={result.domain}")
                return redirect("indicators:experiential-survey-detail", pk=survey.pk)
        return self.render_to_response(self.get_context_data(form=form))


class ExperientialImportView(_SurveyMixin, TemplateView):
    template_name = "indicators/experiential/import.html"
    permission_required = MANAGE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey = self.get_survey()
        context.setdefault("form", ExperientialImportForm())
        context.update(
            survey=survey,
            municipality=survey.municipality,
            columns=COLUMNS,
            domain_aliases=DOMAIN_ALIASES,
            villages=survey.municipality.villages.order_by("name"),
        )
        return context

    def post(self, request, *args, **kwargs):
        survey = self.get_survey()
        form = ExperientialImportForm(request.POST, request.FILES)
        import_errors: list[str] = []
        if form.is_valid():
            try:
                result = experiential_results_import(
                    survey=survey, data=form.cleaned_data["file"].read()
                )
            except ValidationError as error:
                import_errors = error.messages
            else:
                messages.success(
                    request,
                    _("%(count)s results were imported (columns separated by a %(separator)s).")
                    % {"count": result.created, "separator": result.separator_name},
                )
                return redirect("indicators:experiential-survey-detail", pk=survey.pk)
        return self.render_to_response(
            self.get_context_data(form=form, import_errors=import_errors)
        )

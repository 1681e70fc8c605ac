"""Forms of the logic model, the joy and worry lists, evaluation reports and hyte
negotiations."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty
from elinvoima.strategy.models import (
    EvaluationReport,
    Goal,
    HyteNegotiation,
    LogicModelEntry,
    Measure,
    Plan,
    PlanConcern,
    Recommendation,
)
from elinvoima.strategy.monitoring.selectors import owner_networks, plan_indicator_choices
from elinvoima.strategy.plans.forms import YEAR_MAX, YEAR_MIN, LoadedAtMixin


class LogicModelEntryForm(forms.ModelForm):
    class Meta:
        model = LogicModelEntry
        fields = ["level", "text", "goals", "measures", "indicators", "position"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "goals": forms.SelectMultiple(attrs={"size": 4}),
            "measures": forms.SelectMultiple(attrs={"size": 4}),
            "indicators": forms.SelectMultiple(attrs={"size": 4}),
        }

    def __init__(self, *args, plan: Plan, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = Goal.objects.filter(plan=plan)
        self.fields["measures"].queryset = Measure.objects.filter(plan=plan)
        self.fields["indicators"].queryset = indicators
        self.fields["position"].required = False

    def clean_position(self):
        return self.cleaned_data.get("position") or 0


LogicModelFormSet = forms.inlineformset_factory(
    Plan, LogicModelEntry, form=LogicModelEntryForm, extra=2, can_delete=True, max_num=100
)


class PlanConcernForm(forms.ModelForm):
    class Meta:
        model = PlanConcern
        fields = ["kind", "text", "explanation", "indicators", "position"]
        widgets = {
            "explanation": forms.Textarea(attrs={"rows": 2}),
            "indicators": forms.SelectMultiple(attrs={"size": 4}),
        }

    def __init__(self, *args, plan: Plan, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = indicators
        self.fields["position"].required = False

    def clean_position(self):
        return self.cleaned_data.get("position") or 0


PlanConcernFormSet = forms.inlineformset_factory(
    Plan, PlanConcern, form=PlanConcernForm, extra=2, can_delete=True, max_num=100
)


def monitoring_formset(formset_class, *, plan: Plan, data=None, prefix: str):
    return formset_class(
        data,
        instance=plan,
        prefix=prefix,
        form_kwargs={"plan": plan, "indicators": plan_indicator_choices(plan)},
    )


class EvaluationReportForm(LoadedAtMixin, forms.ModelForm):
    class Meta:
        model = EvaluationReport
        fields = ["year", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].validators += [
            MinValueValidator(YEAR_MIN),
            MaxValueValidator(YEAR_MAX),
        ]
        self.init_loaded_at()

    def validate_unique(self):
        pass  # one report per plan and year: the service says so, on the year field


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["network", "text", "response"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "response": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = owner_networks(plan).order_by("name")


RecommendationFormSet = forms.inlineformset_factory(
    EvaluationReport,
    Recommendation,
    form=RecommendationForm,
    extra=2,
    can_delete=True,
    max_num=50,
)


class HyteNegotiationForm(LoadedAtMixin, forms.ModelForm):
    class Meta:
        model = HyteNegotiation
        fields = [
            "held_on",
            "municipalities",
            "participant_organisations",
            "participant_count",
            "pre_assignment",
            "summary",
            "agreed_priorities",
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "municipalities": forms.CheckboxSelectMultiple,
            "participant_organisations": forms.SelectMultiple(attrs={"size": 8}),
            "pre_assignment": forms.Textarea(attrs={"rows": 4}),
            "summary": forms.Textarea(attrs={"rows": 6}),
            "agreed_priorities": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, county: WellbeingCounty, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = Municipality.objects.filter(
            wellbeing_county=county
        ).order_by("name_fi")
        self.fields["participant_organisations"].queryset = Organisation.objects.filter(
            Q(wellbeing_county=county)
            | Q(
                municipality__wellbeing_county=county,
                kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.MUNICIPAL_DEPARTMENT],
            )
        ).order_by("name_fi")
        self.fields["held_on"].help_text = _("For example: 2023-08-17.")
        self.init_loaded_at()


class RecommendationResponseForm(forms.Form):
    response = forms.CharField(
        label=_("The network's response"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the network does with the recommendation, and when."),
    )

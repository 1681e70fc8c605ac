"""Forms of measures: the definition (what, who, with what, when) and a period's report."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Organisation
from elinvoima.core.forms import LenientNumbersMixin, TranslatedFieldsMixin
from elinvoima.strategy.enums import MeasureStatus, Tertial
from elinvoima.strategy.goal_cards.forms import recent_year_choices
from elinvoima.strategy.models import Measure, Plan
from elinvoima.strategy.plans.forms import LoadedAtMixin


def implementer_choices(plan: Plan):
    """Organisations that can carry out a plan's measures: those operating in the plan's
    municipality (or the county's municipalities), the county and its units, and a
    network's members."""
    match plan.owner_kind:
        case "municipality":
            scope = Q(municipalities=plan.municipality_id) | Q(
                wellbeing_county_id=plan.municipality.wellbeing_county_id,
                kind__in=(
                    OrganisationKind.WELLBEING_COUNTY,
                    OrganisationKind.WELLBEING_COUNTY_UNIT,
                ),
            )
        case "wellbeing_county":
            scope = Q(wellbeing_county_id=plan.wellbeing_county_id) | Q(
                municipalities__wellbeing_county_id=plan.wellbeing_county_id
            )
        case _:
            scope = Q(networks=plan.network_id) | Q(coordinated_networks=plan.network_id)
    return Organisation.objects.filter(scope).distinct().order_by("name")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MeasureForm(LenientNumbersMixin, TranslatedFieldsMixin, LoadedAtMixin, forms.ModelForm):
    required_translations = ("title",)

    class Meta:
        model = Measure
        fields = [
            "title_fi",
            "title_sv",
            "description_fi",
            "implementers",
            "responsible_names",
            "resources",
            "budget",
            "starts_on",
            "ends_on",
            "expected_output",
            "status",
        ]
        labels = {
            "title_fi": _("What is done (in Finnish)"),
            "title_sv": _("What is done (in Swedish)"),
            "description_fi": _("Description"),
        }
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 3}),
            "resources": forms.Textarea(attrs={"rows": 3}),
            "expected_output": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "implementers": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.init_loaded_at()
        self.fields["implementers"].queryset = implementer_choices(plan)
        self.fields["implementers"].help_text = _(
            "Organisations, associations and county units that carry it out. "
            "An association named here reports its own part."
        )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The measure cannot end before it starts."))
        return cleaned

    def _post_clean(self):
        pass  # the service validates against the plan and saves


class MeasureReportForm(forms.Form):
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Reported for"), queryset=Organisation.objects.none(), empty_label=None
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=recent_year_choices)
    tertial = forms.TypedChoiceField(label=_("Period"), coerce=int, choices=Tertial.choices)
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    realisation = forms.CharField(
        label=_("What was done"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For example: how many times, how many took part, what changed."),
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, organisations: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[organisation.pk for organisation in organisations]
        ).order_by("name")
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk

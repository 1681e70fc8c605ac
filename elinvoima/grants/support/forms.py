"""The form of support in kind."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import LenientNumbersMixin
from elinvoima.grants.enums import SupportKind
from elinvoima.grants.support.models import MAX_VALUE
from elinvoima.grants.support.services import FIRST_YEAR, LAST_YEAR, SupportData


class SupportForm(LenientNumbersMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("Supported association"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    kind = forms.ChoiceField(label=_("Kind"), choices=SupportKind.choices)
    description = forms.CharField(
        label=_("What"),
        max_length=300,
        help_text=_("For example: the sports hall on Tuesdays 13–14, 40 times."),
    )
    estimated_value = forms.DecimalField(
        label=_("Estimated value (euros)"),
        min_value=0,
        max_value=MAX_VALUE,
        decimal_places=2,
        help_text=_("What the use would cost at the municipality's prices."),
    )
    goal = forms.ModelChoiceField(label=_("Goal it serves"), queryset=None, required=False)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["goal"].queryset = goals

    def data_for_service(self) -> SupportData:
        data = self.cleaned_data
        return SupportData(
            organisation=data["organisation"],
            year=data["year"],
            kind=data["kind"],
            description=data["description"],
            estimated_value=data["estimated_value"],
            goal=data["goal"],
        )

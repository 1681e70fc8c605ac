"""The form that links a goal to the domains of experienced wellbeing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.indicators.enums import ExperientialDomain


class GoalDomainsForm(forms.Form):
    domains = forms.MultipleChoiceField(
        label=_("Experiential data that tells about the goal"),
        choices=ExperientialDomain.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

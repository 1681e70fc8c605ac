"""The registration form: no account, on a phone."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import date_field, text_field

from .enums import Background, Diet
from .services import RegistrationData


class RegistrationForm(forms.Form):
    name = text_field(_("Name"), required=True, rows=0)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The confirmation and the link to cancel come here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation_name = text_field(_("Organisation"), rows=0)
    background = forms.ChoiceField(label=_("Background"), choices=Background.choices)
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None, required=False)
    diet = forms.ChoiceField(label=_("Diet"), choices=Diet.choices, initial=Diet.ANY)
    allergies = text_field(_("Allergies"), rows=0)
    accessibility = text_field(_("Accessibility needs"), rows=0)
    retain_until = date_field(
        _("Keep my data until"),
        help_text=_("After this day your name and contact details are erased."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my data is used to organise this workshop series."),
        required=False,
    )

    def __init__(self, *args, workshop, **kwargs):
        kwargs.setdefault(
            "initial",
            {"retain_until": workshop.starts_at.date() + datetime.timedelta(days=180)},
        )
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = workshop.area.municipalities.order_by("name")
        self.fields["organisation_name"].help_text = _("Leave empty if you come on your own.")
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def data_for_service(self) -> RegistrationData:
        return RegistrationData(**self.cleaned_data)

"""Forms of a network project: a participation, a funder or partner, a theme of a year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.forms import LenientNumbersMixin, date_field, text_field
from elinvoima.networks.enums import InvoiceState, PartnerRole, SizeClass
from elinvoima.networks.projects.services import ParticipationData


class ParticipationForm(LenientNumbersMixin, forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.order_by("name"), required=False
    )
    wellbeing_county = forms.ModelChoiceField(
        label=_("Or a region"), queryset=WellbeingCounty.objects.order_by("name"), required=False
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    size_class = forms.ChoiceField(label=_("Size class"), choices=SizeClass.choices)
    fee = forms.DecimalField(
        label=_("Annual fee (euros)"),
        min_value=0,
        max_value=1_000_000,
        decimal_places=2,
        required=False,
        help_text=_("Empty: 4,000 € for a large municipality, 3,000 € for the others."),
    )
    invoice_state = forms.ChoiceField(label=_("Invoicing"), choices=InvoiceState.choices)
    invoiced_on = date_field(_("Invoiced on"), required=False)
    paid_on = date_field(_("Paid on"), required=False)

    def data_for_service(self) -> ParticipationData:
        return ParticipationData(**self.cleaned_data)


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=PartnerRole.choices)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class ThemeForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    theme_fi = text_field(_("Theme in Finnish"), required=True, rows=0)
    theme_sv = text_field(_("Theme in Swedish"), rows=0)

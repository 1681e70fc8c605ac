"""Forms of an agreement, a party to it, and a facility."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import date_field, text_field
from elinvoima.networks.agreements.services import PartyData
from elinvoima.networks.enums import AgreementKind

TEXT_LABELS = [
    ("title", _("Title in Finnish"), _("Title in Swedish"), 0),
    ("purpose", _("Purpose in Finnish"), _("Purpose in Swedish"), 4),
    ("principles", _("Principles in Finnish"), _("Principles in Swedish"), 8),
    ("grant_practices", _("Grant practices in Finnish"), _("Grant practices in Swedish"), 4),
    (
        "facility_principles",
        _("Principles of using facilities in Finnish"),
        _("Principles of using facilities in Swedish"),
        4,
    ),
    (
        "other_support",
        _("Other forms of support in Finnish"),
        _("Other forms of support in Swedish"),
        3,
    ),
    (
        "cooperation",
        _("Developing the cooperation in Finnish"),
        _("Developing the cooperation in Swedish"),
        3,
    ),
]


class AgreementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AgreementKind.choices)
    valid_from = date_field(_("Valid from"), required=False)
    valid_until = date_field(_("Valid until"), required=False)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label_fi, label_sv, rows in TEXT_LABELS:
            self.fields[f"{name}_fi"] = text_field(label_fi, required=name == "title", rows=rows)
            self.fields[f"{name}_sv"] = text_field(label_sv, rows=rows)
            self.fields[f"{name}_sv"].widget.attrs["lang"] = "sv"
        self.fields["principles_fi"].help_text = _("One principle a line.")
        self.fields["grant_practices_fi"].help_text = _(
            "New grant rounds of the municipality start from these."
        )

    def data_for_service(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "loaded_version"}


class PartyForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Party"), queryset=None)
    signatory = text_field(_("Signatory"), rows=0)
    signatory_title = text_field(_("Signatory's title"), rows=0)
    signed_on = date_field(_("Signed on"), required=False)
    commitments_fi = text_field(_("Commitments in Finnish"), rows=4)
    commitments_sv = text_field(_("Commitments in Swedish"), rows=4)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["commitments_fi"].help_text = _("One commitment a line.")
        self.fields["commitments_sv"].widget.attrs["lang"] = "sv"

    def data_for_service(self) -> PartyData:
        return PartyData(**self.cleaned_data)


class FacilityForm(forms.Form):
    name_fi = text_field(_("Name in Finnish"), required=True, rows=0)
    name_sv = text_field(_("Name in Swedish"), rows=0)
    address = text_field(_("Address"), rows=0)
    terms_fi = text_field(_("Terms of use in Finnish"), required=True, rows=3)
    terms_sv = text_field(_("Terms of use in Swedish"), rows=3)
    booking = text_field(_("How to book"), rows=0)
    accessible = forms.BooleanField(label=_("Accessible"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["terms_fi"].help_text = _("Who may use it, when, at what price.")
        for name in ("name_sv", "terms_sv"):
            self.fields[name].widget.attrs["lang"] = "sv"

"""Forms of exercise counselling: the referral with its time, a slot, the plan, a visit
with the measurements the counsellor chooses, and closing the period."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import LenientNumbersMixin, date_field, datetime_field, text_field
from elinvoima.counselling.confirmation import LANGUAGES, confirmation_language
from elinvoima.counselling.enums import Measurement, Outcome, Urgency
from elinvoima.counselling.services import identity_code_checked


class _SlotChoice(forms.ModelChoiceField):
    def label_from_instance(self, slot):
        start = timezone.localtime(slot.starts_at)
        return f"{formats.date_format(start, 'SHORT_DATETIME_FORMAT')} – {slot.place}"


class ReferralForm(forms.Form):
    identity_code = forms.CharField(label=_("Personal identity code"), max_length=11)
    name = forms.CharField(label=_("Client's name"), max_length=200)
    reason = text_field(_("Reason for the referral"), required=True, rows=3)
    goals = text_field(_("Goals"), rows=3)
    risk_factors = text_field(_("Risk factors relevant to exercise"), rows=3)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices)

    def __init__(self, *args, slots, care_teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"] = _SlotChoice(
            label=_("Time with the counsellor"),
            queryset=slots,
            required=False,
            empty_label=_("No time now: the counsellor contacts the client"),
        )
        self.fields.update(confirmation_fields())
        if care_teams is not None and len(care_teams) > 1:  # in one: the referral is in it
            self.fields["care_team"] = forms.ModelChoiceField(
                label=_("Care team"),
                queryset=care_teams,
                required=False,
                empty_label=_("None"),
                help_text=_("The members of the care team may read the record."),
            )
        self.fields["identity_code"].widget.attrs["autocomplete"] = "off"
        self.fields["risk_factors"].help_text = _("For example: a risk of type 2 diabetes.")

    def clean_identity_code(self) -> str:
        """Checked here too, so its error shows with the form's others."""
        try:
            return identity_code_checked(self.cleaned_data["identity_code"])
        except ValidationError as error:
            raise ValidationError(error.message_dict["identity_code"]) from None


def confirmation_fields() -> dict[str, forms.Field]:
    """The client's e-mail address for the confirmation of the booked time (never saved),
    and its language: the page's when it is Finnish or Swedish."""
    address = forms.EmailField(
        label=_("Client's e-mail address"),
        required=False,
        help_text=_(
            "Optional. Used only to send the client the confirmation of the booked time,"
            " and not saved anywhere."
        ),
    )
    address.widget.attrs["autocomplete"] = "off"
    language = forms.ChoiceField(
        label=_("Language of the confirmation"),
        choices=[(code, name) for code, name in settings.LANGUAGES if code in LANGUAGES],
        initial=confirmation_language(""),
        required=False,
    )
    return {"client_email": address, "client_language": language}


class SlotForm(forms.Form):
    starts_at = datetime_field(_("Starts"))
    minutes = forms.IntegerField(label=_("Length in minutes"), min_value=15, max_value=180)
    place = forms.CharField(label=_("Place"), max_length=200)

    def clean(self):
        data = super().clean()
        starts = data.get("starts_at")
        if starts is not None and starts <= timezone.now():
            self.add_error("starts_at", _("Give a time that has not begun."))
        return data

    def ends_at(self) -> datetime.datetime:
        return self.cleaned_data["starts_at"] + datetime.timedelta(
            minutes=self.cleaned_data["minutes"]
        )


class PlanForm(forms.Form):
    exercise_plan = text_field(_("Exercise plan"), required=True, rows=6)
    self_care = text_field(_("Self-care programme"), rows=4)


class VisitForm(LenientNumbersMixin, forms.Form):
    visited_on = date_field(_("Visited on"))
    notes = text_field(_("Notes"), rows=5)

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["booking"] = forms.ModelChoiceField(
            label=_("Booked time"), queryset=bookings, required=False
        )
        for code, label in Measurement.choices:
            self.fields[f"m_{code}"] = forms.FloatField(
                label=label, required=False, min_value=0, max_value=100000
            )

    def measurements(self) -> dict[str, float]:
        return {
            code: self.cleaned_data[f"m_{code}"]
            for code in Measurement.values
            if self.cleaned_data.get(f"m_{code}") is not None
        }


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    summary = text_field(_("Summary for the referrer"), required=True, rows=6)

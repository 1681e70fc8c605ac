"""The form of a grant report: what was done, the euros used and the activity reports the
grant paid for."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.core.forms import LenientNumbersMixin
from elinvoima.grants.applications.models import MAX_AMOUNT
from elinvoima.grants.reporting.services import GrantReportData


class ActivityChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, activity) -> str:
        participants = ngettext(
            "%(count)d participant", "%(count)d participants", activity.participants
        ) % {"count": activity.participants}
        day = formats.date_format(activity.starts_on, "SHORT_DATE_FORMAT")
        return f"{day} {activity.name} ({participants})"


class GrantReportForm(LenientNumbersMixin, forms.Form):
    summary = forms.CharField(
        label=_("What was done"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the association did with the grant, and what came of it."),
    )
    used_amount = forms.DecimalField(
        label=_("Euros of the grant used"),
        min_value=0,
        max_value=MAX_AMOUNT,
        decimal_places=2,
    )
    activities = ActivityChoiceField(
        label=_("Activities the grant paid for"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Your reported activities of the grant's period; those for the round's goals are "
            "chosen to start with. Report more on the activities page."
        ),
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].queryset = activities

    def data_for_service(self) -> GrantReportData:
        data = self.cleaned_data
        return GrantReportData(
            summary=data["summary"],
            used_amount=data["used_amount"],
            activities=tuple(data["activities"]),
        )

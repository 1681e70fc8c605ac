"""The form of one step of the partnership roadmap: who takes care of it, by when, when it
was done, notes; the version it was loaded at, for the service's check."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import date_field, text_field
from elinvoima.practices.roadmap.services import RoadmapStepData


class RoadmapStepForm(forms.Form):
    responsible = text_field(_("Responsible"), rows=0)
    due_on = date_field(_("To be done by"), required=False)
    done_on = date_field(
        _("Done on"), required=False, help_text=_("Leave empty while the step is not done.")
    )
    notes = text_field(_("Notes"), rows=4)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].help_text = _("A person, a role or a network.")
        self.fields["responsible"].widget.attrs["autocomplete"] = "off"

    def data_for_service(self) -> RoadmapStepData:
        data = self.cleaned_data
        return RoadmapStepData(
            responsible=data["responsible"],
            due_on=data["due_on"],
            done_on=data["done_on"],
            notes=data["notes"],
        )

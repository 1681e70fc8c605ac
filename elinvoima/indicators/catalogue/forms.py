"""The catalogue's filter form: title search, source, subject and order."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.directory.forms import QuickSelect
from elinvoima.indicators.catalogue.selectors import SORTS, subject_choices
from elinvoima.indicators.enums import IndicatorSource


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search in titles"), required=False, max_length=100)
    source = forms.ChoiceField(label=_("Source"), required=False, widget=QuickSelect)
    subject = forms.ChoiceField(label=_("Subject"), required=False, widget=QuickSelect)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, widget=QuickSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", _("All")), *IndicatorSource.choices]
        self.fields["subject"].choices = [("", _("All")), *subject_choices()]
        self.fields["sort"].choices = [(key, label) for key, (_f, label) in SORTS.items()]

    def filters(self) -> dict:
        """The valid filters; an invalid value is ignored rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}

"""The catalogue's filter form: search, source, subject and order."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.directory.forms import QuickSelect
from elinvoima.core.forms import TextSearchField, sort_choices
from elinvoima.indicators.catalogue.selectors import RELEVANCE, SORTS, subject_choices
from elinvoima.indicators.enums import IndicatorSource


class CatalogueFilterForm(forms.Form):
    q = TextSearchField(label=_("Search"))
    source = forms.ChoiceField(label=_("Source"), required=False, widget=QuickSelect)
    subject = forms.ChoiceField(label=_("Subject"), required=False, widget=QuickSelect)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, widget=QuickSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", _("All")), *IndicatorSource.choices]
        self.fields["subject"].choices = [("", _("All")), *subject_choices()]
        self.fields["sort"].choices = sort_choices(self, SORTS, relevance=RELEVANCE)

    def filters(self) -> dict:
        """The valid filters; an invalid value is ignored rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}

"""The catalogue's filter form: search, source, subject and order."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.directory.forms import QuickSelect
from elinvoima.core.search import MAX_LENGTH
from elinvoima.core.text_search import TextSearch
from elinvoima.indicators.catalogue.selectors import RELEVANCE, SORTS, subject_choices
from elinvoima.indicators.enums import IndicatorSource


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_LENGTH)
    source = forms.ChoiceField(label=_("Source"), required=False, widget=QuickSelect)
    subject = forms.ChoiceField(label=_("Subject"), required=False, widget=QuickSelect)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, widget=QuickSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", _("All")), *IndicatorSource.choices]
        self.fields["subject"].choices = [("", _("All")), *subject_choices()]
        searching = bool(self.data.get("q", "").strip()) if self.is_bound else False
        self.fields["sort"].choices = [
            (key, label)
            for key, (_f, label) in SORTS.items()
            if searching or key != RELEVANCE  # best match only when something is searched
        ]

    def clean_q(self) -> TextSearch | None:
        """The search words, stemmed (core.text_search); bounded as every search is."""
        return TextSearch(self.cleaned_data["q"]) if self.cleaned_data["q"] else None

    def filters(self) -> dict:
        """The valid filters; an invalid value is ignored rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}

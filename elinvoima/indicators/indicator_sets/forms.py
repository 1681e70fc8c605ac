"""Forms of the indicator sets: a new set (empty or copied from a preset) and the set's
name, description and year."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.core.search import MAX_LENGTH, search_terms
from elinvoima.indicators.models import IndicatorSet

EMPTY_SET = ""


class IndicatorSetForm(forms.ModelForm):
    class Meta:
        model = IndicatorSet
        fields = ["name", "kind", "year", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and not 2000 <= year <= timezone.localdate().year + 5:
            raise forms.ValidationError(
                _("Give a year between 2000 and %(last)s, or leave it empty.")
                % {"last": timezone.localdate().year + 5},
                code="year_range",
            )
        return year


class IndicatorSetCreateForm(IndicatorSetForm):
    """A municipality's new set, empty or a copy of a preset whose kind it takes."""

    copy_from = forms.ChoiceField(
        label=_("Start from"),
        required=False,
        help_text=_("A copy of a preset can then be edited freely; the preset stays as it is."),
    )

    def __init__(self, *args, presets, **kwargs):
        super().__init__(*args, **kwargs)
        self.presets = {str(preset.pk): preset for preset in presets}
        self.fields["copy_from"].choices = [
            (EMPTY_SET, _("An empty set")),
            *((pk, preset.name) for pk, preset in self.presets.items()),
        ]
        self.fields["kind"].required = False
        self.fields["kind"].help_text = _("A copy of a preset takes the preset's kind.")
        self.order_fields(["copy_from", "name", "kind", "year", "description"])

    def clean(self):
        cleaned = super().clean()
        preset = self.presets.get(cleaned.get("copy_from") or EMPTY_SET)
        cleaned["preset"] = preset
        if preset is not None:
            cleaned["kind"] = preset.kind
            if cleaned.get("year") is None:
                cleaned["year"] = preset.year
            if not cleaned.get("description"):
                cleaned["description"] = preset.description
        elif not cleaned.get("kind"):
            self.add_error(
                "kind",
                forms.ValidationError(
                    _("Choose the kind of the set, or start from a preset."), code="kind_required"
                ),
            )
        return cleaned


class IndicatorSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the indicator catalogue"),
        required=False,
        max_length=MAX_LENGTH,
        help_text=_("A word of the indicator's name or its Sotkanet number."),
    )

    def clean_q(self) -> str:
        search_terms(self.cleaned_data["q"])  # refused past the bounds of every search
        return self.cleaned_data["q"]

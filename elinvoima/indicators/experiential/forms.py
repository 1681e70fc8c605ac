"""Forms of experiential data: a survey, one result, a CSV file of results."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.indicators.experiential.parsing import MAX_IMPORT_BYTES
from elinvoima.indicators.models import ExperientialResult, ExperientialSurvey


class ExperientialSurveyForm(forms.ModelForm):
    class Meta:
        model = ExperientialSurvey
        fields = ["title", "year", "method", "respondents", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean_year(self):
        year = self.cleaned_data.get("year")
        this_year = timezone.localdate().year
        if year is not None and not 1990 <= year <= this_year + 1:
            raise forms.ValidationError(
                _("Give the year the data was collected, between 1990 and %(last)s.")
                % {"last": this_year + 1},
                code="year_range",
            )
        return year


class ExperientialResultForm(forms.ModelForm):
    """One result; the village is one of the survey's municipality's villages."""

    class Meta:
        model = ExperientialResult
        fields = [
            "domain",
            "village",
            "group",
            "question",
            "value",
            "unit",
            "respondents",
            "summary",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "village": _("Leave empty for the whole municipality or a group."),
            "value": _("For example 72.5 (per cent agreeing). Leave empty if the result is text."),
        }

    def __init__(self, *args, survey: ExperientialSurvey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = survey.municipality.villages.order_by("name")
        value = self.fields["value"]
        value.localize = True  # a decimal comma in Finnish and Swedish
        value.widget = forms.TextInput(attrs={"inputmode": "decimal"})
        value.widget.is_localized = True
        self.fields["value"].error_messages["invalid"] = _(
            "Give the value as a number, for example 72.5."
        )
        if not self.fields["village"].queryset.exists():
            del self.fields["village"]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("value") is None
            and not (cleaned.get("summary") or "").strip()
            and "value" not in self.errors
        ):
            self.add_error(
                "summary",
                forms.ValidationError(
                    _("Give a value or a summary of what was found."), code="value_or_summary"
                ),
            )
        return cleaned


class ExperientialImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, columns separated by a semicolon (;) or a comma (,). At most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 2 MB; split it into smaller files."), code="too_large"
            )
        return upload

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import TranslatedFieldsMixin
from elinvoima.indicators.enums import Gender
from elinvoima.indicators.models import Indicator
from elinvoima.indicators.own_indicators.selectors import OwnValue


class OwnIndicatorForm(TranslatedFieldsMixin, forms.ModelForm):
    required_translations = ("title",)
    loaded_at = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Indicator
        fields = [
            "title_fi",
            "title_sv",
            "description_fi",
            "description_sv",
            "value_type_fi",
            "value_type_sv",
            "decimals",
            "organization_fi",
        ]
        labels = {
            "title_fi": _("Title in Finnish"),
            "title_sv": _("Title in Swedish"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
            "value_type_fi": _("Unit in Finnish"),
            "value_type_sv": _("Unit in Swedish"),
            "organization_fi": _("Where the figures come from"),
        }
        help_texts = {
            "organization_fi": _("For example: the municipality's resident survey."),
            "decimals": _("How many decimals the values are shown with."),
        }
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_sv": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decimals"].max_value = 4
        self.fields["decimals"].widget.attrs["max"] = 4
        if not self.is_bound:
            self.initial["loaded_at"] = timezone.now()


class OwnValueForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1900)
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, initial=Gender.TOTAL)
    # Localised: a Finnish user types 71,5.
    value = forms.FloatField(label=_("Value"), localize=True)

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if year > datetime.date.today().year:
            raise ValidationError(_("The year cannot be in the future."), code="future")
        return year


class BaseOwnValueFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        seen: dict[tuple[int, str], int] = {}
        for number, form in enumerate(self.forms, start=1):
            if not form.has_changed() or not form.is_valid() or self._should_delete_form(form):
                continue
            key = (form.cleaned_data["year"], form.cleaned_data["gender"])
            if key in seen:
                raise ValidationError(
                    _("Rows %(first)d and %(second)d give the same year and gender.")
                    % {"first": seen[key], "second": number},
                    code="duplicate",
                )
            seen[key] = number

    def values(self) -> list[OwnValue]:
        return [
            OwnValue(
                form.cleaned_data["year"], form.cleaned_data["gender"], form.cleaned_data["value"]
            )
            for form in self.forms
            if form.has_changed() and not self._should_delete_form(form)
        ]


OwnValueFormSet = forms.formset_factory(
    OwnValueForm, formset=BaseOwnValueFormSet, extra=3, can_delete=True, max_num=200
)

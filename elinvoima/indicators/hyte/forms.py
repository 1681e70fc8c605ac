"""Forms that record HYTE coefficient scores and funding rules, with messages a county
official understands: the range of a score, a sensible year, no second score of a year."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import WellbeingCounty
from elinvoima.indicators.enums import FundingLevel
from elinvoima.indicators.models import HyteCoefficientScore, HyteFundingRule

# The municipalities' HYTE coefficient entered the state funding in 2015, the counties' in
# 2023; a funding year is published at most a couple of years ahead.
FIRST_YEAR = 2015
YEARS_AHEAD = 2
COUNTY_CHOICE = "county"


def last_year() -> int:
    return timezone.localdate().year + YEARS_AHEAD


def _year_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Funding year"),
        help_text=_("The year the funding is paid for, for example 2024."),
    )


def _clean_year(year: int | None) -> int | None:
    if year is not None and not FIRST_YEAR <= year <= last_year():
        raise forms.ValidationError(
            _("Give a year between %(first)s and %(last)s.")
            % {"first": FIRST_YEAR, "last": last_year()},
            code="year_range",
        )
    return year


class HyteScoreForm(forms.ModelForm):
    """A score of the county itself or of one of its municipalities."""

    recipient = forms.ChoiceField(label=_("Recipient"))
    year = _year_field()
    score = forms.DecimalField(
        label=_("Score (0–100)"),
        max_digits=5,
        decimal_places=2,
        localize=True,  # a decimal comma in Finnish and Swedish
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("The published HYTE coefficient score, for example 56."),
        error_messages={
            "invalid": _("Give the score as a number, for example 56 or 56.5."),
            "max_decimal_places": _("Give the score with at most two decimals."),
            "max_digits": _("The score is a number between 0 and 100."),
        },
    )

    class Meta:
        model = HyteCoefficientScore
        fields = ["year", "score", "population", "population_year", "source"]
        help_texts = {
            "population": _(
                "The population the funding is computed from. Leave empty to use the "
                "recorded population of the municipality (for the county: the sum of its "
                "municipalities')."
            ),
        }

    def __init__(self, *args, county: WellbeingCounty, **kwargs):
        super().__init__(*args, **kwargs)
        self.county = county
        self.municipalities = {m.code: m for m in county.municipalities.order_by("name")}
        self.fields["recipient"].choices = [
            (COUNTY_CHOICE, county.name),
            *((code, m.name) for code, m in self.municipalities.items()),
        ]
        if self.instance.pk:
            self.fields["recipient"].initial = (
                COUNTY_CHOICE
                if self.instance.wellbeing_county_id
                else self.instance.municipality.code
            )
        population = self.fields["population"]
        population.localize = True  # "205 771" as well as 205771
        population.widget = forms.TextInput(attrs={"inputmode": "numeric"})
        population.widget.is_localized = True
        self.order_fields(["recipient", "year", "score"])

    def clean_year(self):
        return _clean_year(self.cleaned_data.get("year"))

    def clean_score(self):
        score = self.cleaned_data.get("score")
        if score is not None and not Decimal(0) <= score <= Decimal(100):
            raise forms.ValidationError(
                _("The score is a number between 0 and 100."), code="score_range"
            )
        return score

    def clean_population_year(self):
        return _clean_population_year(self.cleaned_data.get("population_year"))

    def clean(self):
        cleaned = super().clean()
        recipient, year = cleaned.get("recipient"), cleaned.get("year")
        if recipient is None or year is None:
            return cleaned
        instance = self.instance
        if recipient == COUNTY_CHOICE:
            instance.level = FundingLevel.WELLBEING_COUNTY
            instance.wellbeing_county, instance.municipality = self.county, None
            duplicates = HyteCoefficientScore.objects.filter(wellbeing_county=self.county)
            name = self.county.name
        else:
            municipality = self.municipalities[recipient]
            instance.level = FundingLevel.MUNICIPALITY
            instance.wellbeing_county, instance.municipality = None, municipality
            duplicates = HyteCoefficientScore.objects.filter(municipality=municipality)
            name = municipality.name
        if duplicates.filter(year=year).exclude(pk=instance.pk).exists():
            self.add_error(
                "year",
                forms.ValidationError(
                    _(
                        "%(name)s already has a score for %(year)s. Change that score "
                        "instead of adding another."
                    )
                    % {"name": name, "year": year},
                    code="duplicate_score",
                ),
            )
        return cleaned


def _clean_population_year(year: int | None) -> int | None:
    if year is not None and not 1900 <= year <= timezone.localdate().year:
        raise forms.ValidationError(
            _("Give the year of the population figure, between 1900 and this year."),
            code="population_year_range",
        )
    return year


class HyteFundingRuleForm(forms.ModelForm):
    year = _year_field()
    euros_per_resident = forms.DecimalField(
        label=_("Euros per resident"),
        max_digits=8,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("For example 42.00."),
        error_messages={
            "invalid": _("Give the amount as a number of euros, for example 42.00."),
            "max_decimal_places": _("Give the amount with at most two decimals (cents)."),
            "max_digits": _("The amount is too large."),
        },
    )

    class Meta:
        model = HyteFundingRule
        fields = ["year", "level", "euros_per_resident", "source"]

    def clean_year(self):
        return _clean_year(self.cleaned_data.get("year"))

    def clean_euros_per_resident(self):
        amount = self.cleaned_data.get("euros_per_resident")
        if amount is not None and amount <= 0:
            raise forms.ValidationError(
                _("The amount per resident is more than zero."), code="amount_positive"
            )
        return amount

    def clean(self):
        cleaned = super().clean()
        year, level = cleaned.get("year"), cleaned.get("level")
        if (
            year is not None
            and level
            and HyteFundingRule.objects.filter(year=year, level=level)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error(
                "year",
                forms.ValidationError(
                    _(
                        "The rule of %(year)s for this level has already been recorded. "
                        "Change that rule instead of adding another."
                    )
                    % {"year": year},
                    code="duplicate_rule",
                ),
            )
        return cleaned

"""Input taken as people type it (issue 12): phone numbers with spaces, decimal commas,
web addresses without a scheme; years never written as numbers with separators."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from elinvoima.actors.validators import normalise_phone
from elinvoima.core.forms import LenientNumbersMixin, number_normalised


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("040 123 4567", "040 123 4567"),
        (" 040  123\u00a04567 ", "040 123 4567"),
        ("040-1234567", "040-1234567"),
        ("+358 (0)40 123 4567", "+358 (0)40 123 4567"),
        ("09 310 1691", "09 310 1691"),
    ],
)
def test_phone__as_written__spaces_made_single(typed, kept):
    assert normalise_phone(typed) == kept


@pytest.mark.parametrize("typed", ["soita minulle", "040 123 456 789 012 345", "12", "+", "040#1"])
def test_phone__not_a_number__refused_with_an_example(typed):
    with pytest.raises(ValidationError) as refused:
        normalise_phone(typed)
    assert refused.value.code == "invalid_phone"


@pytest.mark.parametrize(
    "typed, number",
    [("12,5", "12.5"), ("1 234,5", "1234.5"), ("1\u202f234,5", "1234.5"), ("\u22123,2", "-3.2")],
)
def test_number__as_typed_in_finnish(typed, number):
    assert number_normalised(typed) == number


class _Form(LenientNumbersMixin, forms.Form):
    share = forms.FloatField()
    budget = forms.DecimalField(max_digits=10, decimal_places=2)
    year = forms.IntegerField()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_lenient_numbers__comma_and_spaces_accepted__year_untouched(language):
    with translation.override(language):
        form = _Form({"share": "24,5", "budget": "12 000,50", "year": "2026"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["share"] == 24.5
        assert str(form.cleaned_data["budget"]) == "12000.50"
        html = str(form["share"])
        assert 'inputmode="decimal"' in html and 'type="text"' in html
        assert 'type="number"' in str(form["year"])  # a year stays a plain number


def test_lenient_numbers__shown_back_with_a_decimal_comma_in_finnish():
    with translation.override("fi"):
        form = _Form(initial={"share": 24.5})
        assert 'value="24,5"' in str(form["share"])

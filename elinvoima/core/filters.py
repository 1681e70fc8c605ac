"""API filters of whole numbers. django-filter's NumberFilter reads a decimal, so "1e3" was
read as 1000 and "2025.5" as a year; these refuse what is not a whole number (400)."""

import django_filters
from django import forms

from .models import FIRST_YEAR, LAST_YEAR


class IntegerFilter(django_filters.NumberFilter):
    """An id or a count: digits only."""

    field_class = forms.IntegerField


class YearFilter(IntegerFilter):
    """A calendar year within the years the models accept."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


class YearsFilter(django_filters.BaseInFilter, YearFilter):
    """Years, comma-separated."""

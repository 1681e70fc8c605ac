"""API filters. Whole numbers: django-filter's NumberFilter reads a decimal, so "1e3" was read
as 1000 and "2025.5" as a year; these refuse what is not a whole number (400). Related rows:
by plain id, so that a hidden row answers as a missing one (`FilterSet`)."""

import django_filters
from django import forms
from django_filters import rest_framework as rest_framework_filters
from django_filters.rest_framework import DjangoFilterBackend

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


class FilterSet(rest_framework_filters.FilterSet):
    """The FilterSet of every API list. A filter on a related row takes its plain id (the
    default would be a choice among every row): a row the user may not see and one that
    does not exist then both give an empty list, where a choice filter would refuse the
    second and so tell that the first exists."""

    @classmethod
    def filter_for_field(cls, field, field_name, lookup_expr=None):
        if field.is_relation:
            return IntegerFilter(field_name=field_name, lookup_expr=lookup_expr or "exact")
        return super().filter_for_field(field, field_name, lookup_expr)


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend with the FilterSet above for views that name only
    `filterset_fields`."""

    filterset_base = FilterSet

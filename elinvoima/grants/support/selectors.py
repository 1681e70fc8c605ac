"""Reads of support in kind for its pages."""

from decimal import Decimal

from django.db.models import QuerySet, Sum

from elinvoima.actors.models import Municipality
from elinvoima.grants.support.models import SupportInKind


def support_of(municipality: Municipality, year: int) -> QuerySet[SupportInKind]:
    return (
        SupportInKind.objects.filter(municipality=municipality, year=year)
        .select_related("organisation", "goal")
        .order_by("organisation__name", "kind", "pk")
    )


def support_total(municipality: Municipality, year: int) -> Decimal:
    total = SupportInKind.objects.filter(municipality=municipality, year=year).aggregate(
        total=Sum("estimated_value")
    )["total"]
    return total or Decimal(0)

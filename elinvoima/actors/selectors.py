"""Reads for actors: each prefetches what its page or endpoint shows."""

from django.db.models import Count, Q, QuerySet

from .models import Municipality, Organisation, User, WellbeingCounty


def municipality_list(*, search: str = "", county_code: str = "") -> QuerySet[Municipality]:
    queryset = Municipality.objects.select_related("wellbeing_county").order_by("name")
    if search:
        queryset = queryset.filter(
            Q(name_fi__icontains=search) | Q(name_sv__icontains=search) | Q(code=search)
        )
    if county_code:
        queryset = queryset.filter(wellbeing_county__code=county_code)
    return queryset


def county_list() -> QuerySet[WellbeingCounty]:
    return WellbeingCounty.objects.annotate(municipality_count=Count("municipalities")).order_by(
        "name"
    )


def published_organisations_of(*, municipality: Municipality) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(municipalities=municipality, is_published=True)
        .exclude(kind="municipality")
        .order_by("name_fi")
    )


def organisations_of_user(*, user: User) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(memberships__user=user)
        .select_related("municipality", "wellbeing_county")
        .distinct()
        .order_by("name_fi")
    )

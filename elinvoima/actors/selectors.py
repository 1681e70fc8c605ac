"""Reads for actors: each prefetches what its page or endpoint shows."""

from django.db.models import Count, Q, QuerySet

from elinvoima.actors.models import Municipality, Organisation, User, WellbeingCounty


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


def organisation_name_duplicates(
    *, name: str, municipality: Municipality | None, exclude_pk: int | None = None
) -> QuerySet[Organisation]:
    """Organisations of the same home municipality with the same name in either language,
    ignoring case: most likely the same organisation entered twice. Compared in Python
    because SQLite folds the case of ASCII letters only (ä, ö, å would slip through)."""
    wanted = name.strip().casefold()
    if not wanted or municipality is None:
        return Organisation.objects.none()
    candidates = Organisation.objects.filter(municipality=municipality).values_list(
        "pk", "name_fi", "name_sv"
    )
    matches = [
        pk
        for pk, name_fi, name_sv in candidates
        if pk != exclude_pk and wanted in (name_fi.casefold(), (name_sv or "").casefold())
    ]
    return Organisation.objects.filter(pk__in=matches)


def organisation_profile(*, organisation: Organisation, user: User) -> dict[str, list]:
    """What a profile page shows beside the organisation itself. Contact people who have
    not agreed to be shown publicly are listed only to those who may edit the profile."""
    contacts = organisation.contacts.all()
    if not user.has_perm("actors.change_organisation", organisation):
        contacts = contacts.filter(is_public=True)
    return {
        "themes": list(organisation.themes.all()),
        "target_groups": list(organisation.target_groups.all()),
        "villages": list(organisation.villages.all()),
        "operating_municipalities": list(organisation.municipalities.order_by("name")),
        "meeting_places": list(organisation.meeting_places.select_related("municipality")),
        "contacts": list(contacts),
    }

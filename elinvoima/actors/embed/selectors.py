"""Reads of the embedded listing and feed: a municipality's published organisations."""

from django.db.models import QuerySet

from elinvoima.actors.directory.selectors import Scope
from elinvoima.actors.models import Municipality, Organisation


def embedded_organisations(*, municipality: Municipality, filters: dict) -> QuerySet[Organisation]:
    """The municipality's published organisations, of a theme and for a target group when
    `filters` names them (the directory's filters; the others are not offered here)."""
    queryset = Scope(municipality=municipality).organisations()
    if theme := filters.get("theme"):
        queryset = queryset.filter(themes=theme)
    if target_group := filters.get("target_group"):
        queryset = queryset.filter(target_groups=target_group)
    return queryset

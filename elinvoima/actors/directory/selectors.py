"""Reads of the public directory of organisations: whose directory (Scope), the search, and
the paginator that runs it once. The filter form is in forms.py, the exports in exports.py;
a page and its CSV and XLSX exports always show the same rows.

Built for national scale (100,000 organisations, docs/performance.md): every filter on a
relation is an EXISTS subquery, never a join, so no DISTINCT is needed; a page runs the
search once for its rows and its count (DirectoryPaginator); on PostgreSQL `q`
(core.text_search: words by full-text search, compound parts by icontains) is answered by
the GIN indexes of migrations 0005 and 0009, and the relations by the (related id,
organisation id) indexes of 0005. The page makes the same queries however many
organisations match."""

import csv
from dataclasses import dataclass
from functools import cache
from typing import cast

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Window
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import (
    Municipality,
    Organisation,
    TargetGroup,
    Theme,
    Village,
    WellbeingCounty,
)
from elinvoima.actors.services import REFERENCE_DATA_DIR
from elinvoima.core.text_search import Term, translated

# What a search looks in, heaviest first: the name, the theme and target group (their names
# and search words, THEME_WEIGHT), what the organisation does regularly, its description.
SEARCHED = [
    *translated("name", weight=4),
    *translated("regular_activities", weight=2),
    *translated("description", weight=1),
]
THEME_WEIGHT = 3
RELEVANCE = "relevance"

SORTS = {
    RELEVANCE: ("-search_rank", _("Best match")),
    "name": ("name", _("Name A–Ö")),
    "-name": ("-name", _("Name Ö–A")),
    "-updated": ("-updated_at", _("Recently updated first")),
}


@dataclass(frozen=True)
class Scope:
    """Whose directory: a municipality's, a county's or (neither) the whole country's."""

    municipality: Municipality | None = None
    county: WellbeingCounty | None = None

    def organisations(self) -> QuerySet[Organisation]:
        """Each organisation once, without DISTINCT: an organisation operating in several
        municipalities of the county is matched by EXISTS, not joined once per municipality.
        Neither a municipality nor a county: the whole country."""
        queryset = Organisation.objects.filter(is_published=True).exclude(
            kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY]
        )
        if self.municipality is None and self.county is None:
            return queryset
        if self.municipality is not None:
            return queryset.filter(_related("municipalities", municipality=self.municipality))
        # The county's municipalities as constants, not a join: the planner then knows from
        # the statistics how many organisations each has (Helsinki 12,000, the average 440).
        assert self.county is not None, "a scope is a municipality's or a county's"
        municipalities = list(
            self.county.municipalities.order_by("pk").values_list("pk", flat=True)
        )
        return queryset.filter(_related("municipalities", municipality__in=municipalities))


def _related(field: str, **lookups) -> Exists:
    """EXISTS a row of the many-to-many `field`'s through table for the organisation."""
    relation = Organisation._meta.get_field(field)
    assert isinstance(relation, models.ManyToManyField)
    through = relation.remote_field.through
    assert through is not None
    return Exists(through._default_manager.filter(organisation=OuterRef("pk"), **lookups))


@cache
def theme_search_words() -> list[tuple[str, str, dict[str, str]]]:
    """(field, code, {language: the name and search words}) of every theme and target group,
    from the reference lists (reference_data/*.csv)."""
    entries = []
    for field, file_name in (("themes", "themes.csv"), ("target_groups", "target_groups.csv")):
        with open(REFERENCE_DATA_DIR / file_name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                texts = {
                    language: f"{row[f'name_{language}']} {row[f'search_words_{language}']}"
                    for language in ("fi", "sv")
                }
                entries.append((field, row["code"], texts))
    return entries


def theme_or_target_group_matching(term: Term) -> Q:
    """Organisations with a theme or target group whose name or search words hold the term
    ("jumppa" → physical activity, "vanhukset" → older people)."""
    condition = Q()
    for field, code, texts in theme_search_words():
        if any(term.found_in(text, language) for language, text in texts.items()):
            lookup = "theme__code" if field == "themes" else "targetgroup__code"
            condition |= Q(_related(field, **{lookup: code}))
    return condition


def directory_search(*, scope: Scope, filters: dict) -> QuerySet[Organisation]:
    """Published organisations of the scope matching the filters, with what a row shows.
    With search words the rows are ranked (`search_rank`) and sorted best first unless
    another sort is chosen."""
    queryset = scope.organisations()
    search = filters.get("q")
    if search:
        # Each word's themes once, for the filter and the rank alike.
        themes = {term: theme_or_target_group_matching(term) for term in search.terms}
        queryset = queryset.filter(search.filter(SEARCHED, also=themes.__getitem__))
        queryset = queryset.annotate(
            search_rank=search.rank(SEARCHED, also=themes.__getitem__, also_weight=THEME_WEIGHT)
        )
    if kind := filters.get("kind"):
        queryset = queryset.filter(kind=kind)
    if theme := filters.get("theme"):
        queryset = queryset.filter(_related("themes", theme=theme))
    if target_group := filters.get("target_group"):
        # "Kaikenikäiset" is for every age: it is found under each age group too.
        groups = TargetGroup.objects.filter(code__in=TargetGroup.codes_for(target_group.code))
        queryset = queryset.filter(_related("target_groups", targetgroup__in=groups))
    if village := filters.get("village"):
        queryset = queryset.filter(_related("villages", village=village))
    default = RELEVANCE if search else "name"
    sort = filters.get("sort", default)
    if sort == RELEVANCE and not search:
        sort = "name"
    order, _label = SORTS.get(sort, SORTS[default])
    tie_break = ("name",) if sort == RELEVANCE else ()
    return (
        queryset.select_related("municipality")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position")),
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("position")),
        )
        .order_by(order, *tie_break, "pk")
    )


class DirectoryPaginator(Paginator):
    """Pages of `directory_search` that run the search once, not twice. Django's Paginator
    runs it for its COUNT(*) and again for the page's rows; here one query returns the ids
    of the page's rows in order together with the total (COUNT(*) OVER ()), and a second
    fetches just those rows by id, with what a row shows: `theme_list`,
    `target_group_list` and `kind_label`, cheaper for the template than `themes.all`,
    `target_groups.all` and `get_kind_display` (3.5 ms less for a page of 25 rows)."""

    def page(self, number):
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 0
        if wanted < 1:
            return super().page(number)  # refused as Paginator refuses it
        number = wanted
        bottom = (number - 1) * self.per_page
        searched = cast(QuerySet[Organisation], self.object_list)  # directory_search's
        ordering = searched.query.order_by or (*(Organisation._meta.ordering or ()), "pk")
        found = list(
            searched.annotate(directory_total=Window(Count("*")))
            # The total, the same on every row, sorts first: PostgreSQL then counts all rows
            # and sorts the page out of them. Otherwise PostgreSQL 15 may walk an index in
            # the page's order as if the LIMIT let it stop early, which COUNT(*) OVER ()
            # does not (420 ms instead of 80 for Helsinki's 12,000 organisations).
            .order_by("directory_total", *ordering)
            .values_list("pk", "directory_total")[bottom : bottom + self.per_page + self.orphans]
        )
        if not found and number > 1:
            return super().page(number)  # past the end: counted and refused as usual
        self.__dict__["count"] = found[0][1] if found else 0  # Paginator.count is cached
        number = self.validate_number(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = [pk for pk, _total in found[: top - bottom]]
        by_id = {row.pk: row for row in self.rows(ids)}
        kind_labels = {value: str(label) for value, label in OrganisationKind.choices}
        for row in by_id.values():
            setattr(row, "kind_label", kind_labels.get(row.kind, row.kind))  # noqa: B010 (for the template)
        return Page([by_id[pk] for pk in ids if pk in by_id], number, self)

    def rows(self, ids: list[int]) -> QuerySet[Organisation]:
        """The page's organisations by id, with what a row of the page shows."""
        return (
            Organisation.objects.filter(pk__in=ids)
            .select_related("municipality")
            .prefetch_related(
                Prefetch("themes", Theme.objects.order_by("position"), to_attr="theme_list"),
                Prefetch(
                    "target_groups",
                    TargetGroup.objects.order_by("position"),
                    to_attr="target_group_list",
                ),
            )
        )


class ActivityPaginator(DirectoryPaginator):
    """The pages of the "find activities" search: a row also shows its villages."""

    def rows(self, ids: list[int]) -> QuerySet[Organisation]:
        return (
            super()
            .rows(ids)
            .prefetch_related(
                Prefetch("villages", Village.objects.order_by("name"), to_attr="village_list")
            )
        )

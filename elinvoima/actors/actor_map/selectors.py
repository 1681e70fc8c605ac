"""Actor mapping (seed 004, step 1: "tunnistetaan alueella olevat toimijat"): which actors
work on which theme for which target group in a municipality, and which themes have none.
Three queries whatever the number of organisations."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from elinvoima.actors.directory.selectors import Scope
from elinvoima.actors.models import Municipality, Organisation, TargetGroup, Theme


@dataclass
class ThemeRow:
    theme: Theme
    cells: list[tuple[TargetGroup, int]]  # per target group, in the order of the columns
    total: int
    actors: list[Organisation] = field(default_factory=list)


def actor_map(*, municipality: Municipality) -> dict:
    organisations = Scope(municipality=municipality).organisations()
    themes = list(Theme.objects.order_by("position"))
    groups = list(TargetGroup.objects.order_by("position"))
    pairs = (
        organisations.filter(themes__isnull=False)
        .order_by()  # the default ordering would split the groups
        .values_list("themes", "target_groups")
        .annotate(n=Count("pk", distinct=True))
    )
    counts: dict[tuple[int, int | None], int] = {(t, g): n for t, g, n in pairs}
    actors_by_theme: dict[int, list[Organisation]] = defaultdict(list)
    # django-stubs types a many-to-many's through model as Never.
    through = Organisation.themes.through.objects.filter(  # type: ignore[attr-defined]
        organisation__in=organisations
    )
    for theme_id, organisation in (
        (row.theme_id, row.organisation)
        for row in through.select_related("organisation").order_by("organisation__name_fi")
    ):
        actors_by_theme[theme_id].append(organisation)
    rows = [
        ThemeRow(
            theme=theme,
            cells=[(group, counts.get((theme.pk, group.pk), 0)) for group in groups],
            total=len(actors_by_theme[theme.pk]),
            actors=actors_by_theme[theme.pk],
        )
        for theme in themes
    ]
    return {
        "groups": groups,
        "rows": rows,
        "themes_without_actors": [row.theme for row in rows if row.total == 0],
        "organisations_without_theme": organisations.filter(themes__isnull=True).count(),
    }

"""Reads of the practice library: the search (words in Finnish and Swedish, filters by
phase, topic, target group and the municipality that uses it), a practice's page, and a
municipality's learning from its neighbours: practices that
municipalities of its county or of its size use and it does not yet, with who to ask."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from elinvoima.actors.models import Municipality
from elinvoima.core.text_search import TextSearch, translated
from elinvoima.practices.enums import PracticeState
from elinvoima.practices.models import Adoption, Practice, PracticeAudience, PracticeTopic
from elinvoima.practices.permissions import practices_visible_to

SEARCHED = [
    *translated("name", weight=4),
    *translated("summary", weight=2),
    *translated("core_idea", weight=1),
]


@dataclass(frozen=True)
class PracticeFilters:
    words: TextSearch | None = None
    phase: str = ""
    topic: str = ""
    audience: str = ""
    municipality: Municipality | None = None  # uses it


def practice_search(user, filters: PracticeFilters) -> QuerySet[Practice]:
    """The practices the user may see that match, best match first when words are given,
    else by name."""
    found = practices_visible_to(user)
    if filters.phase:
        found = found.filter(phase=filters.phase)
    if filters.topic:
        found = found.filter(
            Exists(PracticeTopic.objects.filter(practice=OuterRef("pk"), code=filters.topic))
        )
    if filters.audience:
        found = found.filter(
            Exists(PracticeAudience.objects.filter(practice=OuterRef("pk"), code=filters.audience))
        )
    if filters.municipality is not None:
        found = found.filter(
            Exists(
                Adoption.objects.filter(practice=OuterRef("pk"), municipality=filters.municipality)
            )
        )
    if filters.words:
        found = found.filter(filters.words.filter(SEARCHED)).annotate(
            search_rank=filters.words.rank(SEARCHED)
        )
        return found.order_by("-search_rank", "name")
    return found.order_by("name")


def practice_page(practice: Practice):
    """A practice with what its page shows."""
    return (
        Practice.objects.filter(pk=practice.pk)
        .select_related("organisation", "reviewed_by")
        .prefetch_related("topics", "audiences", "links", "files", "adoptions__municipality")
        .get()
    )


@dataclass(frozen=True)
class NeighbourPractice:
    practice: Practice
    adoptions: list[Adoption]  # by the neighbours and peers: who to ask


SIMILAR_SIZE = 0.5  # a peer's population is within ±50 % of the municipality's


def neighbour_adoptions(municipality: Municipality) -> QuerySet[Adoption]:
    """The uses, by municipalities of the same county or of a similar size, of published
    practices that this municipality does not use yet."""
    population = municipality.population or 0
    peers = Q(wellbeing_county_id=municipality.wellbeing_county_id)
    if population:
        peers |= Q(
            population__gte=population * (1 - SIMILAR_SIZE),
            population__lte=population * (1 + SIMILAR_SIZE),
        )
    return Adoption.objects.filter(
        municipality__in=Municipality.objects.filter(peers).exclude(pk=municipality.pk),
        practice__state=PracticeState.PUBLISHED,
    ).exclude(practice__adoptions__municipality=municipality)


def practices_from_neighbours(municipality: Municipality) -> list[NeighbourPractice]:
    """Published practices used by municipalities of the same county or of a similar size
    that this municipality does not use yet, most used first."""
    adoptions = (
        neighbour_adoptions(municipality)
        .select_related("practice", "municipality")
        .order_by("practice__name", "municipality__name")
    )
    grouped: dict[int, NeighbourPractice] = {}
    for adoption in adoptions:
        entry = grouped.setdefault(adoption.practice_id, NeighbourPractice(adoption.practice, []))
        entry.adoptions.append(adoption)
    return sorted(grouped.values(), key=lambda e: (-len(e.adoptions), e.practice.name))

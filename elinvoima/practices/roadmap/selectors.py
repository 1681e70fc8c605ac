"""Reads of the partnership roadmap: a municipality's five steps in their order, each with
where it stands and what the platform already holds for it — the directory's organisations,
the practices used here and those of the neighbours, the networks, the annual clock's
participation plan, the agreements and facilities — counted as the user may see them, with
links. The same few queries however much there is (one count per kind, never per row)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality
from elinvoima.actors.permissions import organisations_visible_to
from elinvoima.networks.agreements.models import Facility
from elinvoima.networks.clock.selectors import participation_count
from elinvoima.networks.permissions import agreements_visible_to, networks_visible_to
from elinvoima.practices.enums import RoadmapStepCode
from elinvoima.practices.models import Adoption
from elinvoima.practices.permissions import practices_visible_to
from elinvoima.practices.roadmap.enums import RoadmapStatus
from elinvoima.practices.roadmap.models import RoadmapStep
from elinvoima.practices.selectors import neighbour_adoptions


@dataclass(frozen=True)
class Holding:
    """Something the platform holds for a step: a counted, translated label and its link."""

    label: str
    url: str


@dataclass(frozen=True)
class RoadmapEntry:
    code: str
    title: str
    row: RoadmapStep | None  # None: never saved, not started
    status: str  # RoadmapStatus
    holdings: list[Holding] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(RoadmapStatus(self.status).label)

    @property
    def responsible(self) -> str:
        return self.row.responsible if self.row else ""

    @property
    def due_on(self) -> datetime.date | None:
        return self.row.due_on if self.row else None

    @property
    def done_on(self) -> datetime.date | None:
        return self.row.done_on if self.row else None

    @property
    def notes(self) -> str:
        return self.row.notes if self.row else ""


def step_status(row: RoadmapStep | None, today: datetime.date) -> str:
    if row is None:
        return RoadmapStatus.NOT_STARTED
    if row.done_on is not None:
        return RoadmapStatus.DONE
    if row.due_on is not None:
        return RoadmapStatus.OVERDUE if row.due_on < today else RoadmapStatus.DUE
    return RoadmapStatus.NOT_STARTED


def roadmap_step(municipality: Municipality, step: str) -> RoadmapStep | None:
    """The saved step, or None while it is not started."""
    return RoadmapStep.objects.filter(municipality=municipality, step=step).first()


def _counted(singular: str, plural: str, count: int) -> str:
    return ngettext(singular, plural, count) % {"count": count}


def _holdings(municipality: Municipality, user, year: int) -> dict[str, list[Holding]]:
    """What the platform holds for each step, as `user` may see it: one query a count."""
    code = municipality.code
    organisations = (
        organisations_visible_to(user)
        .filter(municipality=municipality)
        .exclude(kind__in=(OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY))
        .count()
    )
    used = Adoption.objects.filter(
        municipality=municipality, practice__in=practices_visible_to(user)
    ).count()
    from_neighbours = neighbour_adoptions(municipality).values("practice_id").distinct().count()
    networks = networks_visible_to(user).filter(municipality=municipality).count()
    participation = participation_count(municipality, year, user)
    agreements = (
        agreements_visible_to(user)
        .filter(municipality=municipality, published_at__isnull=False)
        .exclude(next_version__published_at__isnull=False)  # replaced by a newer one
        .count()
    )
    facilities = Facility.objects.filter(municipality=municipality).count()
    directory = reverse("actors:municipality-directory", kwargs={"municipality_code": code})
    library = reverse("practices:list")
    neighbours = reverse("practices:neighbours", kwargs={"code": code})
    agreements_url = reverse("networks:municipality-agreements", kwargs={"code": code})
    return {
        RoadmapStepCode.IDENTIFY: [
            Holding(
                _counted(
                    "%(count)d organisation based here in the directory",
                    "%(count)d organisations based here in the directory",
                    organisations,
                ),
                directory,
            ),
            Holding(
                _counted(
                    "%(count)d good practice in use here",
                    "%(count)d good practices in use here",
                    used,
                ),
                library,
            ),
        ],
        RoadmapStepCode.GATHER: [
            Holding(
                _counted("%(count)d network", "%(count)d networks", networks),
                reverse("networks:municipality-networks", kwargs={"code": code}),
            ),
        ],
        RoadmapStepCode.NEW_WAYS: [
            Holding(
                _counted(
                    "%(count)d practice of the neighbours not yet used here",
                    "%(count)d practices of the neighbours not yet used here",
                    from_neighbours,
                ),
                neighbours,
            ),
            Holding(_("The practice library"), library),
        ],
        RoadmapStepCode.EMBED: [
            Holding(
                _counted(
                    "%(count)d hearing or forum in this year's participation plan",
                    "%(count)d hearings and forums in this year's participation plan",
                    participation,
                ),
                reverse("networks:municipality-clock", kwargs={"code": code})
                + f"?year={year}&participation=1",
            ),
        ],
        RoadmapStepCode.RESOURCE: [
            Holding(
                _counted(
                    "%(count)d published agreement",
                    "%(count)d published agreements",
                    agreements,
                ),
                agreements_url,
            ),
            Holding(
                _counted(
                    "%(count)d facility for associations",
                    "%(count)d facilities for associations",
                    facilities,
                ),
                agreements_url,
            ),
        ],
    }


def municipality_roadmap(municipality: Municipality, user) -> list[RoadmapEntry]:
    """The five steps in their order (a step never saved is not started), each with what
    the platform holds for it as `user` may see it."""
    today = timezone.localdate()
    rows = {row.step: row for row in RoadmapStep.objects.filter(municipality=municipality)}
    holdings = _holdings(municipality, user, today.year)
    return [
        RoadmapEntry(
            code=code,
            title=str(label),
            row=rows.get(code),
            status=step_status(rows.get(code), today),
            holdings=holdings[code],
        )
        for code, label in RoadmapStepCode.choices
    ]


def overdue_steps(municipality_ids) -> QuerySet[RoadmapStep]:
    """The steps of the municipalities not done though their day has passed, earliest
    first."""
    return RoadmapStep.objects.filter(
        municipality_id__in=municipality_ids,
        done_on__isnull=True,
        due_on__lt=timezone.localdate(),
    ).order_by("due_on", "pk")

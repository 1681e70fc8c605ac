"""Reads of a network project: its participants by year with the fees, its funders and
partners, its themes."""

from dataclasses import dataclass, field
from decimal import Decimal

from elinvoima.networks.enums import InvoiceState
from elinvoima.networks.models import Network
from elinvoima.networks.projects.models import ProjectMembership


@dataclass
class ProjectYear:
    year: int
    theme: str = ""
    participants: list[ProjectMembership] = field(default_factory=list)

    @property
    def fees(self) -> Decimal:
        return sum((p.fee for p in self.participants), Decimal(0))

    @property
    def paid(self) -> Decimal:
        return sum(
            (p.fee for p in self.participants if p.invoice_state == InvoiceState.PAID), Decimal(0)
        )


def project_years(network: Network) -> list[ProjectYear]:
    """Each year the project has participants or a theme, in order."""
    years: dict[int, ProjectYear] = {}
    for theme in network.project_themes.all():
        years.setdefault(theme.year, ProjectYear(theme.year)).theme = theme.theme
    memberships = ProjectMembership.objects.filter(network=network).select_related(
        "municipality", "wellbeing_county"
    )
    for membership in memberships:
        years.setdefault(membership.year, ProjectYear(membership.year)).participants.append(
            membership
        )
    return [years[year] for year in sorted(years)]


def project_partners(network: Network):
    return network.project_partners.select_related("organisation").order_by(
        "role", "organisation__name"
    )

"""Reads for the interface (yhdyspinta) pages. Each makes a fixed number of queries however
many municipalities, themes and contacts there are."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import InterfaceSide
from elinvoima.actors.interfaces.models import InterfaceContact, InterfaceTheme
from elinvoima.actors.models import Municipality, WellbeingCounty


@dataclass
class InterfaceRow:
    """One theme of a municipality's table with the contact of each side, if named."""

    theme: InterfaceTheme
    county: InterfaceContact | None = None
    municipality: InterfaceContact | None = None

    def contact(self, side: str) -> InterfaceContact | None:
        return self.county if side == InterfaceSide.COUNTY else self.municipality


@dataclass
class InterfaceTable:
    municipality: Municipality
    rows: list[InterfaceRow]
    version: str


def interface_themes() -> QuerySet[InterfaceTheme]:
    return InterfaceTheme.objects.order_by("position", "code")


def interface_table_version(contacts: Iterable[InterfaceContact]) -> str:
    """A fingerprint of a municipality's table as it was read. Any save, addition or removal
    changes it, which is how a save notices that someone else saved in between (a maximum of
    updated_at alone would miss a removal)."""
    parts = sorted(f"{c.pk}:{c.updated_at.isoformat()}" for c in contacts)
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def interface_table_of(*, municipality: Municipality) -> InterfaceTable:
    """Every theme in order, with the contacts the municipality and its county have named."""
    contacts = list(
        InterfaceContact.objects.filter(municipality=municipality).select_related(
            "person", "organisation"
        )
    )
    rows = {theme.pk: InterfaceRow(theme=theme) for theme in interface_themes()}
    for contact in contacts:
        row = rows.get(contact.theme_id)
        if row is None:
            continue
        if contact.side == InterfaceSide.COUNTY:
            row.county = contact
        else:
            row.municipality = contact
    return InterfaceTable(
        municipality=municipality,
        rows=list(rows.values()),
        version=interface_table_version(contacts),
    )


# What a cell of the county matrix says; the text is what users read, never colour alone.
CELL_BOTH = "both"
CELL_COUNTY_ONLY = "county_only"
CELL_MUNICIPALITY_ONLY = "municipality_only"
CELL_MISSING = "missing"
CELL_LABELS: dict[str, Promise] = {
    CELL_BOTH: _("both"),
    CELL_COUNTY_ONLY: _("county only"),
    CELL_MUNICIPALITY_ONLY: _("municipality only"),
    CELL_MISSING: _("missing"),
}


@dataclass
class MatrixCell:
    theme: InterfaceTheme
    status: str

    @property
    def label(self) -> Promise:
        return CELL_LABELS[self.status]

    @property
    def is_gap(self) -> bool:
        return self.status != CELL_BOTH


@dataclass
class MatrixRow:
    municipality: Municipality
    cells: list[MatrixCell]

    @property
    def gaps(self) -> int:
        return sum(cell.is_gap for cell in self.cells)


@dataclass
class InterfaceMatrix:
    county: WellbeingCounty
    themes: list[InterfaceTheme]
    rows: list[MatrixRow]
    theme_gaps: list[int] = field(default_factory=list)

    @property
    def total_gaps(self) -> int:
        return sum(self.theme_gaps)


def interface_matrix_of(*, county: WellbeingCounty) -> InterfaceMatrix:
    """Municipalities of the county × themes: which sides have named a contact. Three
    queries: themes, municipalities, and the (municipality, theme, side) triples."""
    themes = list(interface_themes())
    municipalities = list(county.municipalities.order_by("name", "code"))
    named = set(
        InterfaceContact.objects.filter(municipality__wellbeing_county=county).values_list(
            "municipality_id", "theme_id", "side"
        )
    )
    rows = []
    for municipality in municipalities:
        cells = []
        for theme in themes:
            has_county = (municipality.pk, theme.pk, InterfaceSide.COUNTY.value) in named
            has_own = (municipality.pk, theme.pk, InterfaceSide.MUNICIPALITY.value) in named
            if has_county and has_own:
                status = CELL_BOTH
            elif has_county:
                status = CELL_COUNTY_ONLY
            elif has_own:
                status = CELL_MUNICIPALITY_ONLY
            else:
                status = CELL_MISSING
            cells.append(MatrixCell(theme=theme, status=status))
        rows.append(MatrixRow(municipality=municipality, cells=cells))
    theme_gaps = [sum(row.cells[i].is_gap for row in rows) for i in range(len(themes))]
    return InterfaceMatrix(county=county, themes=themes, rows=rows, theme_gaps=theme_gaps)

"""The directory's exports: the rows of a directory page as a table, for CSV and XLSX
(core.exports). A page and its exports always show the same rows."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Organisation
from elinvoima.core.exports import Table

EXPORT_LIMIT = 20_000
EXPORT_COLUMNS = [
    (_("Name"), lambda o: o.name),
    (_("Name in Swedish"), lambda o: o.name_sv),
    (_("Kind"), lambda o: o.get_kind_display()),
    (_("Home municipality"), lambda o: o.municipality.name if o.municipality else ""),
    (_("Business ID"), lambda o: o.business_id),
    (_("Association register number"), lambda o: o.register_number),
    (_("Themes"), lambda o: ", ".join(str(t) for t in o.themes.all())),
    (_("For whom"), lambda o: ", ".join(str(t) for t in o.target_groups.all())),
    (_("Website"), lambda o: o.website),
    (_("E-mail"), lambda o: o.email),
    (_("Phone"), lambda o: o.phone),
]


def directory_table(organisations: QuerySet[Organisation], *, title: str = "") -> Table:
    """The rows of the page (at most EXPORT_LIMIT) as a table to export (core.exports)."""
    return Table(
        header=[str(title) for title, _value in EXPORT_COLUMNS],
        rows=(
            [value(organisation) for _title, value in EXPORT_COLUMNS]
            for organisation in organisations[:EXPORT_LIMIT]
        ),
        title=title,
    )

"""The public directory of organisations: one filter form, one selector, and the exports.
A page and its CSV and XLSX exports always show the same rows."""

import csv
import io
from dataclasses import dataclass

from django import forms
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .enums import OrganisationKind
from .models import Municipality, Organisation, TargetGroup, Theme, Village, WellbeingCounty

PUBLIC_KINDS = [
    (value, label)
    for value, label in OrganisationKind.choices
    if value not in (OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY)
]
SORTS = {
    "name": ("name", _("Name A–Ö")),
    "-name": ("-name", _("Name Ö–A")),
    "-updated": ("-updated_at", _("Recently updated first")),
}
EXPORT_LIMIT = 20_000


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.all(), required=False, to_field_name="code"
    )
    target_group = forms.ModelChoiceField(
        label=_("For whom"),
        queryset=TargetGroup.objects.all(),
        required=False,
        to_field_name="code",
    )
    village = forms.ModelChoiceField(
        label=_("Village"), queryset=Village.objects.none(), required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(self, *args, villages: QuerySet[Village] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All"))] + PUBLIC_KINDS
        self.fields["theme"].empty_label = _("All")
        self.fields["target_group"].empty_label = _("All")
        self.fields["sort"].choices = [(key, label) for key, (_field, label) in SORTS.items()]
        if villages is None or not villages.exists():
            del self.fields["village"]
        else:
            self.fields["village"].queryset = villages
            self.fields["village"].empty_label = _("All")

    def filters(self) -> dict:
        """The valid filters; an invalid value is ignored rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}


@dataclass(frozen=True)
class Scope:
    """Whose directory: a municipality's or a county's."""

    municipality: Municipality | None = None
    county: WellbeingCounty | None = None

    def organisations(self) -> QuerySet[Organisation]:
        queryset = Organisation.objects.filter(is_published=True).exclude(
            kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY]
        )
        if self.municipality is not None:
            return queryset.filter(municipalities=self.municipality)
        return queryset.filter(municipalities__wellbeing_county=self.county).distinct()


def directory_search(*, scope: Scope, filters: dict) -> QuerySet[Organisation]:
    """Published organisations of the scope matching the filters, with what a row shows."""
    queryset = scope.organisations()
    if text := filters.get("q"):
        queryset = queryset.filter(
            Q(name_fi__icontains=text)
            | Q(name_sv__icontains=text)
            | Q(description_fi__icontains=text)
            | Q(description_sv__icontains=text)
        )
    if kind := filters.get("kind"):
        queryset = queryset.filter(kind=kind)
    if theme := filters.get("theme"):
        queryset = queryset.filter(themes=theme)
    if target_group := filters.get("target_group"):
        queryset = queryset.filter(target_groups=target_group)
    if village := filters.get("village"):
        queryset = queryset.filter(villages=village)
    order, _label = SORTS.get(filters.get("sort", ""), SORTS["name"])
    return (
        queryset.select_related("municipality")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position")),
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("position")),
        )
        .order_by(order, "pk")
    )


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


def _export_rows(organisations: QuerySet[Organisation]):
    yield [str(title) for title, _value in EXPORT_COLUMNS]
    for organisation in organisations[:EXPORT_LIMIT]:
        yield [_safe_cell(value(organisation)) for _title, value in EXPORT_COLUMNS]


def _safe_cell(value) -> str:
    """Text that a spreadsheet would run as a formula is prefixed (CSV injection)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def directory_csv(organisations: QuerySet[Organisation]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(_export_rows(organisations))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8


def directory_xlsx(organisations: QuerySet[Organisation], *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    for row in _export_rows(organisations):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

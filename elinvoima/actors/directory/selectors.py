"""The public directory of organisations: one filter form, one selector, and the exports.
A page and its CSV and XLSX exports always show the same rows.

Built for national scale (100,000 organisations, PERFORMANCE.md): every filter on a
relation is an EXISTS subquery, never a join, so no DISTINCT is needed; a page runs the
search once for its rows and its count (DirectoryPaginator); on PostgreSQL `q` (icontains,
that is UPPER(column) LIKE UPPER('%…%')) is answered by the trigram indexes of migration
0005, and the relations by its (related id, organisation id) indexes. The page makes the
same queries however many organisations match."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Window
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from elinvoima.core.exports import Table

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


class QuickSelect(forms.Select):
    """A <select> written out in Python. Django renders every option through the template
    engine: 2.3 ms of the directory page for its ~40 options, against 0.6 ms here. The same
    markup otherwise (attributes from the field, at most one option selected)."""

    def render(self, name, value, attrs=None, renderer=None):
        choices = list(iter(self.choices))  # iter(): no len(), which would COUNT(*) them
        if any(isinstance(label, list | tuple) for _value, label in choices):
            return super().render(name, value, attrs, renderer)  # option groups
        chosen = set(self.format_value(value))
        options, has_selected = [], False
        for option_value, label in choices:
            option_value = "" if option_value is None else str(option_value)
            selected = not has_selected and option_value in chosen
            has_selected |= selected
            options.append(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    option_value,
                    mark_safe(" selected") if selected else "",  # noqa: S308 (a constant)
                    label,
                )
            )
        return format_html(
            '<select name="{}"{}>\n  {}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe("\n  ".join(options)),  # noqa: S308 (each escaped by format_html)
        )


class _ChoiceIterator(ModelChoiceIterator):
    """The choices in one plain query. ModelChoiceIterator uses .iterator(), which on
    PostgreSQL opens a server-side cursor: three round trips for a dozen rows."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class _ModelChoiceField(forms.ModelChoiceField):
    """Reads its few choices once per form, for the options and the validation alike."""

    iterator = _ChoiceIterator

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = self.to_field_name or "pk"
        if isinstance(value, self.queryset.model):
            value = getattr(value, key)
        for choice in self.queryset:  # kept, and listed again by _ChoiceIterator
            if str(getattr(choice, key)) == str(value):
                return choice
        raise ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=QuickSelect)
    theme = _ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        required=False,
        to_field_name="code",
        widget=QuickSelect,
    )
    target_group = _ModelChoiceField(
        label=_("For whom"),
        queryset=TargetGroup.objects.all(),
        required=False,
        to_field_name="code",
        widget=QuickSelect,
    )
    village = _ModelChoiceField(
        label=_("Village"), queryset=Village.objects.none(), required=False, widget=QuickSelect
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, widget=QuickSelect)

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
        """Each organisation once, without DISTINCT: an organisation operating in several
        municipalities of the county is matched by EXISTS, not joined once per municipality."""
        queryset = Organisation.objects.filter(is_published=True).exclude(
            kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY]
        )
        if self.municipality is not None:
            return queryset.filter(_related("municipalities", municipality=self.municipality))
        # The county's municipalities as constants, not a join: the planner then knows from
        # the statistics how many organisations each has (Helsinki 12,000, the average 440).
        municipalities = list(
            self.county.municipalities.order_by("pk").values_list("pk", flat=True)
        )
        return queryset.filter(_related("municipalities", municipality__in=municipalities))


def _related(field: str, **lookups) -> Exists:
    """EXISTS a row of the many-to-many `field`'s through table for the organisation."""
    through = Organisation._meta.get_field(field).remote_field.through
    return Exists(through.objects.filter(organisation=OuterRef("pk"), **lookups))


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
        queryset = queryset.filter(_related("themes", theme=theme))
    if target_group := filters.get("target_group"):
        queryset = queryset.filter(_related("target_groups", targetgroup=target_group))
    if village := filters.get("village"):
        queryset = queryset.filter(_related("villages", village=village))
    order, _label = SORTS.get(filters.get("sort", ""), SORTS["name"])
    return (
        queryset.select_related("municipality")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position")),
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("position")),
        )
        .order_by(order, "pk")
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
        ordering = self.object_list.query.order_by or (*Organisation._meta.ordering, "pk")
        found = list(
            self.object_list.annotate(directory_total=Window(Count("*")))
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
        rows = (
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
        by_id = {row.pk: row for row in rows}
        kind_labels = {value: str(label) for value, label in OrganisationKind.choices}
        for row in by_id.values():
            row.kind_label = kind_labels.get(row.kind, row.kind)
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)


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

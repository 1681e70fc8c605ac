"""The directory's filter form, and the quick widgets it is built of: a <select> written out
in Python and a model choice field that reads its few choices once (also used by the
indicator catalogue's and the plans' filter forms)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.directory.selectors import RELEVANCE, SORTS
from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, TargetGroup, Theme, Village
from elinvoima.core.forms import TextSearchField, sort_choices

PUBLIC_KINDS = [
    (value, label)
    for value, label in OrganisationKind.choices
    if value not in (OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY)
]


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
    q = TextSearchField(label=_("Search"))
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
        self.fields["sort"].choices = sort_choices(self, SORTS, relevance=RELEVANCE)
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


class ActivitySearchForm(forms.Form):
    """The public "find activities" search: what, for whom, where. Plain questions, one per
    row, for a resident on a phone; the village is asked once a municipality is chosen."""

    q = TextSearchField(
        label=_("What are you looking for?"),
        help_text=_("For example: chair exercise, choir, family café, village hall."),
    )
    target_group = _ModelChoiceField(
        label=_("For whom?"),
        queryset=TargetGroup.objects.all(),
        required=False,
        to_field_name="code",
        widget=QuickSelect,
    )
    municipality = _ModelChoiceField(
        label=_("Where?"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        to_field_name="code",
        widget=QuickSelect,
    )
    village = _ModelChoiceField(
        label=_("Village"), queryset=Village.objects.none(), required=False, widget=QuickSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_group"].empty_label = _("Anyone")
        self.fields["municipality"].empty_label = _("Anywhere in Finland")
        code = self.data.get("municipality") if self.is_bound else None
        villages = Village.objects.filter(municipality__code=code) if code else None
        if villages is None or not villages.exists():
            del self.fields["village"]
        else:
            self.fields["village"].queryset = villages
            self.fields["village"].empty_label = _("Anywhere in the municipality")

    def asked(self) -> dict:
        """What was asked, once valid; empty until something is asked."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}

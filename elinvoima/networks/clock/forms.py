"""The form of an annual clock item."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import TargetGroup
from elinvoima.core.forms import date_field, text_field
from elinvoima.networks.clock.services import ItemData
from elinvoima.networks.enums import CalendarItemKind, Recurrence

MONTHS = [
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]


class CalendarItemForm(forms.Form):
    title_fi = text_field(_("Title in Finnish"), required=True, rows=0)
    title_sv = text_field(_("Title in Swedish"), rows=0)
    kind = forms.ChoiceField(label=_("Kind"), choices=CalendarItemKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    month = forms.TypedChoiceField(
        label=_("Month"),
        choices=[("", _("— from the first day —")), *MONTHS],
        coerce=int,
        empty_value=None,
        required=False,
    )
    starts_on = date_field(_("First day"), required=False)
    ends_on = date_field(_("Last day"), required=False)
    recurrence = forms.ChoiceField(label=_("Recurrence"), choices=Recurrence.choices)
    responsible = text_field(_("Responsible"), rows=0)
    description_fi = text_field(_("Description in Finnish"))
    description_sv = text_field(_("Description in Swedish"))
    heard_groups = forms.ModelMultipleChoiceField(
        label=_("Groups heard"),
        queryset=TargetGroup.objects.order_by("position", "code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Whose views the item gathers: it is then part of the participation plan."),
    )
    how_heard_fi = text_field(_("How they are heard, in Finnish"), rows=0)
    how_heard_sv = text_field(_("How they are heard, in Swedish"), rows=0)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].help_text = _("For an item without a day: the month it is in.")
        for name in ("title_sv", "description_sv", "how_heard_sv"):
            self.fields[name].widget.attrs["lang"] = "sv"

    def data_for_service(self) -> ItemData:
        data = {k: v for k, v in self.cleaned_data.items() if k != "loaded_version"}
        data["heard_groups"] = list(data["heard_groups"])
        return ItemData(**data)

"""Forms of a network's page: its details and member organisations, and its people."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import date_field, text_field

from .enums import NetworkKind, NetworkRole
from .services import NETWORK_FIELDS


class NetworkForm(forms.Form):
    name_fi = text_field(_("Name in Finnish"), required=True, rows=0)
    name_sv = text_field(_("Name in Swedish"), rows=0)
    kind = forms.ChoiceField(label=_("Kind"), choices=NetworkKind.choices)
    description_fi = text_field(_("Description in Finnish"))
    description_sv = text_field(_("Description in Swedish"))
    mandate_fi = text_field(_("Tasks in Finnish"), rows=5)
    mandate_sv = text_field(_("Tasks in Swedish"), rows=5)
    is_public = forms.BooleanField(
        label=_("Public"),
        required=False,
        help_text=_("Anyone sees the network, its members, agendas and approved minutes."),
    )
    quorum = forms.IntegerField(
        label=_("Quorum"),
        min_value=1,
        max_value=500,
        required=False,
        help_text=_("How many members must be present. Empty: more than half of the members."),
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Member organisations"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = organisations
        self.fields["mandate_fi"].help_text = _("One task a line.")
        for name in ("name_sv", "description_sv", "mandate_sv"):
            self.fields[name].widget.attrs["lang"] = "sv"

    def data_for_service(self) -> dict:
        return {field: self.cleaned_data[field] for field in NETWORK_FIELDS}


class MemberAddForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=None,
        required=False,
        help_text=_("Someone of the network's organisations. For someone else, give a name below."),
    )
    first_name = text_field(_("First name of a new person"), rows=0)
    last_name = text_field(_("Last name of a new person"), rows=0)
    email = forms.EmailField(label=_("E-mail address of a new person"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=NetworkRole.choices, initial="member")
    organisation = forms.ModelChoiceField(
        label=_("Represents"),
        queryset=None,
        required=False,
        empty_label=_("No organisation (a resident)"),
    )
    starts_on = date_field(_("Member from"))

    def __init__(self, *args, people, organisations, **kwargs):
        kwargs.setdefault("initial", {"starts_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.username}"
        )
        self.fields["organisation"].queryset = organisations

    def clean(self):
        data = super().clean()
        if data.get("person") is None and not (data.get("first_name") and data.get("last_name")):
            self.add_error("person", _("Choose a person, or give the name of a new person."))
        return data


class MemberChangeForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=NetworkRole.choices)
    organisation = forms.ModelChoiceField(
        label=_("Represents"),
        queryset=None,
        required=False,
        empty_label=_("No organisation (a resident)"),
    )
    starts_on = date_field(_("In the new role from"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MemberEndForm(forms.Form):
    ends_on = date_field(_("Last day in the network"))

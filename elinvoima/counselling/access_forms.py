"""Forms of the county's keeper of the register: an agreement with a municipality and its
end, a grant of access, its change (the last day, the induction), the filters of the list
of grants, and a care team with its members. They parse the input's shape; the services in
access_services.py and care_teams.py validate and save. A change carries the version of
the row it was opened on."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import date_field
from elinvoima.counselling.access_selectors import Validity
from elinvoima.counselling.enums import AccessRole


class _PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.get_full_name() or user.username} ({user.username})"


class AgreementForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None)
    reference = forms.CharField(
        label=_("Agreement"),
        max_length=200,
        help_text=_("Its title or reference, e.g. the agreement on the right to record."),
    )
    valid_from = date_field(_("Valid from"))
    valid_until = date_field(
        _("Valid until"), required=False, help_text=_("Leave empty if it is in force until ended.")
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.initial.setdefault("valid_from", timezone.localdate())


class EndForm(forms.Form):
    """The last day of an agreement, asked before it is ended."""

    last_day = date_field(
        _("Last day in force"),
        help_text=_("Access ends after this day. Yesterday ends it now."),
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("last_day", timezone.localdate() - datetime.timedelta(days=1))


class VersionForm(forms.Form):
    """A confirmation that carries only the version of the row it was opened on."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)


class GrantForm(forms.Form):
    person = _PersonChoice(label=_("Person"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=AccessRole.choices)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=None,
        required=False,
        help_text=_("A counsellor's municipality: one with an agreement with the county."),
    )
    valid_from = date_field(_("Valid from"))
    valid_until = date_field(_("Valid until"))
    inducted_on = date_field(
        _("Induction given"),
        required=False,
        help_text=_("A counsellor gets access only after induction."),
    )

    def __init__(self, *args, people, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["municipality"].queryset = municipalities
        today = timezone.localdate()
        self.initial.setdefault("valid_from", today)
        self.initial.setdefault("valid_until", today + datetime.timedelta(days=365))


class AccessChangeForm(forms.Form):
    valid_until = date_field(_("Valid until"), help_text=_("A later day renews the access."))
    inducted_on = date_field(_("Induction given"), required=False)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)


STATES = [
    ("", _("All")),
    (Validity.IN_FORCE, _("In force")),
    (Validity.COMING, _("Coming")),
    (Validity.ENDED, _("Ended")),
]


class AccessFilterForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All")), *AccessRole.choices], required=False
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=None, required=False, empty_label=_("All")
    )
    state = forms.ChoiceField(label=_("State"), choices=STATES, required=False)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].to_field_name = "code"

    def filters(self) -> dict:
        """The valid filters (an invalid value is left out, not an error)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "role": data.get("role") or "",
            "municipality": data.get("municipality"),
            "state": data.get("state") or "",
        }


class ClientFindForm(forms.Form):
    identity_code = forms.CharField(
        label=_("Personal identity code"),
        max_length=11,
        help_text=_("The client's code, as when the client asks who has looked at their data."),
    )


class CareTeamForm(forms.Form):
    """A care team's name and whether the county grants its members reading."""

    name = forms.CharField(label=_("Name of the care team"), max_length=200)
    may_read = forms.BooleanField(
        label=_("The county grants the members reading of the team's counselling records"),
        required=False,
        help_text=_(
            "Members then read the records of the periods referred within the team, each "
            "only while they hold a valid referrer's access in the county. They never write "
            "on the counselling tab."
        ),
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)


class MemberForm(forms.Form):
    member = _PersonChoice(
        label=_("Professional"),
        queryset=None,
        help_text=_(
            "Only professionals to whom the county has granted a valid referrer's access can "
            "be members: only they are listed. Grant the access first if someone is missing."
        ),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = candidates

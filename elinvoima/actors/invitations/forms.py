"""Forms of invitations: whom to invite, and the account an invited person creates."""

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import Role
from elinvoima.actors.models import Organisation, User


class InvitationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Role.ASSOCIATION_REPRESENTATIVE, Role.ASSOCIATION_REPRESENTATIVE.label),
            (Role.MEMBER, Role.MEMBER.label),
        ],
        initial=Role.ASSOCIATION_REPRESENTATIVE,
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if self.organisation.invitations.filter(
            email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).exists():
            raise forms.ValidationError(
                _("An invitation to this address is already waiting to be accepted."),
                code="already_invited",
            )
        return email


class InvitationSignupForm(UserCreationForm):
    """A new account from an invitation: the e-mail address comes from the invitation."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "first_name", "last_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        for name in ("first_name", "last_name"):
            self.fields[name].required = True

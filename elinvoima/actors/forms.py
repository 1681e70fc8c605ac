from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Organisation

CONCURRENT_EDIT_MESSAGE = _(
    "Someone else saved this profile while you were editing it. Open the profile again to "
    "see their changes, then make yours."
)


def _formfield(field: models.Field, **kwargs) -> forms.Field | None:
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"  # "yhdistys.fi" means https://yhdistys.fi
    return field.formfield(**kwargs)


class OrganisationProfileForm(forms.ModelForm):
    """What an organisation keeps up to date itself. `loaded_at` catches concurrent edits."""

    loaded_at = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Organisation
        formfield_callback = _formfield
        fields = [
            "name_fi",
            "name_sv",
            "description_fi",
            "description_sv",
            "website",
            "email",
        ]
        labels = {
            "name_fi": _("Name in Finnish"),
            "name_sv": _("Name in Swedish"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
        }
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 5}),
            "description_sv": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_fi"].required = True
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs["autocomplete"] = "url"
        if not self.is_bound:
            self.initial["loaded_at"] = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("loaded_at") != self.instance.updated_at.isoformat():
            raise forms.ValidationError(CONCURRENT_EDIT_MESSAGE, code="concurrent_edit")
        return cleaned

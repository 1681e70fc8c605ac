from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Contact, MeetingPlace, Municipality, Organisation, Village
from elinvoima.actors.services import organisation_version
from elinvoima.actors.validators import (
    normalise_business_id,
    normalise_phone,
    normalise_register_number,
    validate_logo,
)
from elinvoima.core.forms import TranslatedFieldsMixin


def _formfield(field: models.Field, **kwargs) -> forms.Field | None:
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"  # "yhdistys.fi" means https://yhdistys.fi
    return field.formfield(**kwargs)


class OrganisationProfileForm(TranslatedFieldsMixin, forms.ModelForm):
    """What an organisation keeps up to date itself: parsed here, saved by
    `actors.services.organisation_update`, which also checks the names against the
    directory and compares `loaded_at` (the version the form was opened on) under its lock."""

    required_translations = ("name",)
    loaded_at = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Organisation
        formfield_callback = _formfield
        fields = [
            "name_fi",
            "name_sv",
            "business_id",
            "register_number",
            "description_fi",
            "description_sv",
            "regular_activities_fi",
            "regular_activities_sv",
            "themes",
            "target_groups",
            "villages",
            "website",
            "facebook",
            "instagram",
            "email",
            "phone",
            "logo",
        ]
        labels = {
            "name_fi": _("Name in Finnish"),
            "name_sv": _("Name in Swedish"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
            "regular_activities_fi": _("Regular activities in Finnish"),
            "regular_activities_sv": _("Regular activities in Swedish"),
        }
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 5}),
            "description_sv": forms.Textarea(attrs={"rows": 5}),
            "regular_activities_fi": forms.Textarea(attrs={"rows": 4}),
            "regular_activities_sv": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "villages": forms.CheckboxSelectMultiple,
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].validators.append(validate_logo)
        self.fields["villages"].queryset = Village.objects.filter(
            municipality__in=self._operating_municipalities()
        ).select_related("municipality")
        if not self.fields["villages"].queryset.exists():
            del self.fields["villages"]
        for name, hint in (("email", "email"), ("website", "url"), ("phone", "tel")):
            self.fields[name].widget.attrs["autocomplete"] = hint
        if not self.is_bound:
            self.initial["loaded_at"] = organisation_version(self.instance)

    def _operating_municipalities(self) -> list[Municipality]:
        if not self.instance.pk:
            return []
        return list(self.instance.municipalities.all())

    def clean_business_id(self) -> str:
        value = self.cleaned_data["business_id"].strip()
        return normalise_business_id(value) if value else ""

    def clean_register_number(self) -> str:
        value = self.cleaned_data["register_number"].strip()
        return normalise_register_number(value) if value else ""

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"]
        return normalise_phone(value) if value.strip() else ""

    def changes(self) -> dict:
        """The parsed fields, for `organisation_update`."""
        return {name: value for name, value in self.cleaned_data.items() if name != "loaded_at"}


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "title", "email", "phone", "is_public"]

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"]
        return normalise_phone(value) if value.strip() else ""


class MeetingPlaceForm(forms.ModelForm):
    class Meta:
        model = MeetingPlace
        fields = ["name", "street_address", "postal_code", "municipality", "accessibility"]

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].empty_label = _("Choose a municipality")
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities


# One empty row, which the page replaces by an "Add" button (templates/_formset.html); a
# row not yet saved has nothing to delete.
ContactFormSet = forms.inlineformset_factory(
    Organisation,
    Contact,
    form=ContactForm,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=20,
)
MeetingPlaceFormSet = forms.inlineformset_factory(
    Organisation,
    MeetingPlace,
    form=MeetingPlaceForm,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=20,
)

"""core.forms: translation columns in ModelForms (lang attribute, required Finnish)."""

from django import forms

from elinvoima.actors.models import Organisation
from elinvoima.core.forms import TranslatedFieldsMixin, translated_form_fields


class _Form(TranslatedFieldsMixin, forms.ModelForm):
    required_translations = ("name",)

    class Meta:
        model = Organisation
        fields = ["name_fi", "name_sv", "description_fi", "description_sv", "email"]


def test_translated_form_fields__only_translation_columns():
    assert translated_form_fields(_Form()) == {
        "name_fi": ("name", "fi"),
        "name_sv": ("name", "sv"),
        "description_fi": ("description", "fi"),
        "description_sv": ("description", "sv"),
    }
    assert translated_form_fields(forms.Form()) == {}


def test_mixin__lang_attributes_and_required_finnish_of_the_named_fields():
    form = _Form()
    assert form.fields["name_sv"].widget.attrs["lang"] == "sv"
    assert "lang" not in form.fields["email"].widget.attrs
    assert form.fields["name_fi"].required
    assert not form.fields["name_sv"].required
    assert not form.fields["description_fi"].required
    assert 'lang="fi"' in str(form["description_fi"])

"""The upload form of the Sotkanet import page."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from elinvoima.indicators.models import ImportJob


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=ImportJob.Kind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Values need their indicators and regions: import the regions and the "
            "indicators' metadata first."
        ),
    )
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, max_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes
        self.fields["file"].help_text = _(
            "A file as Sotkanet gives it (JSON, or CSV separated by “;”), at most %(size)s."
        ) % {"size": filesizeformat(max_bytes)}
        self.fields["file"].widget.attrs["accept"] = ".json,.csv,application/json,text/csv"

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > self.max_bytes:
            raise forms.ValidationError(too_large_message(self.max_bytes), code="too_large")
        return uploaded


def too_large_message(max_bytes: int) -> str:
    return _(
        "The file is larger than %(size)s, the most this page takes. Split it, for example "
        "one file per indicator, or ask the administrator to import it with "
        "“manage.py import_sotkanet”."
    ) % {"size": filesizeformat(max_bytes)}

"""The form of an annual plan or report: its introduction, a text for each row of the
cards, what else the association does, and whether to share it with the municipality."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.cards.annual.models import AnnualDocument, AnnualSection
from elinvoima.cards.enums import AnnualDocumentKind

PREFIX = "section_"


class AnnualDocumentForm(forms.Form):
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few words of the association and of the year."),
    )
    other_activities = forms.CharField(
        label=_("Other activities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What else the association does or did, beyond the municipality's goals."),
    )
    share = forms.BooleanField(
        label=_("Share with the municipality"),
        required=False,
        help_text=_("Those who work in the municipality can then read it."),
    )
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, document: AnnualDocument, sections: list[AnnualSection], **kwargs):
        super().__init__(*args, **kwargs)
        is_plan = document.kind == AnnualDocumentKind.PLAN
        for section in sections:
            self.fields[f"{PREFIX}{section.pk}"] = forms.CharField(
                label=section.goal.title,
                required=False,
                initial=section.text,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("What will we do for this goal?")
                if is_plan
                else _("What did we do for this goal, and how did we succeed?"),
            )
        if document.shared_at is not None:
            del self.fields["share"]

    def section_fields(self):
        return [field for field in self if field.name.startswith(PREFIX)]

    def sections(self) -> dict[int, str]:
        return {
            int(name.removeprefix(PREFIX)): value
            for name, value in self.cleaned_data.items()
            if name.startswith(PREFIX)
        }

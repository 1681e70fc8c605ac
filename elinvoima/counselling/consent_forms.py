"""Forms of the client's consents and of the research extract: input shape only; the
services (`consent.py`, `research.py`) check and save."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import date_field
from elinvoima.counselling.enums import ConsentPurpose


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Use beyond counselling"), choices=ConsentPurpose.choices)
    description = forms.CharField(
        label=_("Study or programme"),
        max_length=200,
        help_text=_("Which study or programme the client consents to, as it is named."),
    )
    given_on = date_field(_("Consent given on"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"given_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class ExtractForm(forms.Form):
    """The use an extract is made for: one of the (purpose, study) pairs some client of
    the county has a consent in force for."""

    def __init__(self, *args, uses: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ConsentPurpose.choices)
        # keyed by the use itself, not its place in the list: a consent recorded meanwhile
        # must not turn a choice into another study's
        self.uses = {
            f"{purpose}:{description}": (purpose, description) for purpose, description in uses
        }
        self.fields["use"] = forms.ChoiceField(
            label=_("Use"),
            choices=[
                (key, f"{labels[purpose]}: {description}")
                for key, (purpose, description) in self.uses.items()
            ],
        )

    def chosen(self) -> tuple[str, str]:
        return self.uses[self.cleaned_data["use"]]

"""The community card's form: the village's own words, a picture with its description and
the six summaries of experiential knowledge."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.cards.community.services import CommunityCardData
from elinvoima.indicators.enums import ExperientialDomain

TEXT_LIMIT = 4000


def _text(label, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEXT_LIMIT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CommunityCardForm(forms.Form):
    name = forms.CharField(label=_("Name of the village or community"), max_length=200)
    village = forms.ModelChoiceField(label=_("Village"), queryset=None, required=False)
    keeper = forms.ModelChoiceField(
        label=_("Kept by"),
        queryset=None,
        required=False,
        help_text=_("The village association or other organisation that keeps the card."),
    )
    residents = forms.IntegerField(
        label=_("Residents or members, about"),
        required=False,
        min_value=0,
        max_value=10_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )
    description = _text(_("How we describe our community"))
    basic_facts = _text(_("Other basic facts"), _("For example: the school, the shop, services."))
    strengths = _text(_("Strengths"))
    weaknesses = _text(_("Weaknesses"))
    development_targets = _text(_("Development targets"))
    picture = forms.FileField(
        label=_("Picture chosen by the community"),
        required=False,
        help_text=_("A JPEG, PNG or WebP photo of at most 10 MB; it is made smaller."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    picture_alt = forms.CharField(
        label=_("What the picture shows"),
        max_length=300,
        required=False,
        help_text=_("Read aloud to those who do not see the picture."),
    )
    remove_picture = forms.BooleanField(label=_("Remove the picture"), required=False)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, villages, keepers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages
        self.fields["keeper"].queryset = keepers
        for domain in ExperientialDomain:
            self.fields[f"summary_{domain.value}"] = _text(domain.label)

    def summary_fields(self):
        return [self[f"summary_{domain.value}"] for domain in ExperientialDomain]

    def card_fields(self):
        return [
            self[name]
            for name in self.fields
            if not name.startswith("summary_") and not self[name].is_hidden
        ]

    def data_for_service(self) -> CommunityCardData:
        data = self.cleaned_data
        return CommunityCardData(
            name=data["name"],
            village=data["village"],
            keeper=data["keeper"],
            residents=data["residents"],
            description=data["description"],
            basic_facts=data["basic_facts"],
            strengths=data["strengths"],
            weaknesses=data["weaknesses"],
            development_targets=data["development_targets"],
            picture_alt=data["picture_alt"],
        )

    def summaries(self) -> dict[str, str]:
        return {
            domain.value: self.cleaned_data[f"summary_{domain.value}"]
            for domain in ExperientialDomain
        }

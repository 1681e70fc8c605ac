"""The form of a grant round: its texts in Finnish and Swedish, money, dates and the goals
and cards it is tied to."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import LenientNumbersMixin, date_field, text_field
from elinvoima.grants.enums import GrantKind
from elinvoima.grants.models import MAX_BUDGET
from elinvoima.grants.services import GrantRoundData


class GrantRoundForm(LenientNumbersMixin, forms.Form):
    name_fi = text_field(_("Name in Finnish"), required=True, rows=0)
    name_sv = text_field(_("Name in Swedish"), rows=0)
    kind = forms.ChoiceField(label=_("Kind"), choices=GrantKind.choices)
    budget = forms.DecimalField(
        label=_("Budget (euros)"), min_value=0, max_value=MAX_BUDGET, decimal_places=2
    )
    period_starts_on = date_field(_("Grants for the period from"))
    period_ends_on = date_field(_("Grants for the period until"))
    opens_on = date_field(_("Applications from"))
    closes_on = date_field(_("Applications until"))
    description_fi = text_field(_("Description in Finnish"))
    description_sv = text_field(_("Description in Swedish"))
    eligibility_fi = text_field(_("Who may apply, in Finnish"))
    eligibility_sv = text_field(_("Who may apply, in Swedish"))
    criteria_fi = text_field(_("Criteria, in Finnish"))
    criteria_sv = text_field(_("Criteria, in Swedish"))
    attachments_asked_fi = text_field(_("Attachments asked for, in Finnish"), rows=2)
    attachments_asked_sv = text_field(_("Attachments asked for, in Swedish"), rows=2)
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals of the welfare plan"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("An application shows how the association works for them."),
    )
    card_templates = forms.ModelMultipleChoiceField(
        label=_("Wellbeing cards"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The association's answers to these cards are shown with its application."),
    )
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "They score the submitted applications against the criteria and goals. "
            "The municipality's coordinators, officials and councillors can be chosen."
        ),
    )
    questions_fi = forms.CharField(
        label=_("Questions for the applicants, in Finnish"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One question a line. Every application answers them."),
    )
    questions_sv = text_field(_("The same questions in Swedish"), rows=4)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    TEXTS = tuple(
        f"{name}_{language}"
        for name in ("name", "description", "eligibility", "criteria", "attachments_asked")
        for language in ("fi", "sv")
    )

    def __init__(self, *args, goals, cards, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = goals
        self.fields["card_templates"].queryset = cards
        self.fields["reviewers"].queryset = reviewers

    def clean(self):
        data = super().clean()
        fi = _lines(data.get("questions_fi", ""))
        sv = _lines(data.get("questions_sv", ""), keep_empty=True)
        if len([line for line in sv if line]) and len(sv) > len(fi):
            self.add_error(
                "questions_sv", _("Give the Swedish questions in the order of the Finnish ones.")
            )
        data["questions"] = tuple(
            (question, sv[index] if index < len(sv) else "") for index, question in enumerate(fi)
        )
        return data

    def data_for_service(self) -> GrantRoundData:
        data = self.cleaned_data
        return GrantRoundData(
            kind=data["kind"],
            texts={name: data[name] for name in self.TEXTS},
            budget=data["budget"],
            period_starts_on=data["period_starts_on"],
            period_ends_on=data["period_ends_on"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            goals=tuple(data["goals"]),
            card_templates=tuple(data["card_templates"]),
            reviewers=tuple(data["reviewers"]),
            questions=data["questions"],
        )


def _lines(text: str, *, keep_empty: bool = False) -> list[str]:
    """One question a line: the lines' texts (without the empty ones, or but for the
    trailing empty ones with `keep_empty`, so that Swedish lines keep their places)."""
    lines = [line.strip() for line in (text or "").splitlines()]
    if keep_empty:
        while lines and not lines[-1]:
            lines.pop()
        return lines
    return [line for line in lines if line]

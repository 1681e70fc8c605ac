"""Forms of wellbeing cards: an association's answer (two short texts per row of the card)
and the municipality's comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.cards.services import RowAnswer
from elinvoima.strategy.models import Goal

TEXT_LIMIT = 4000  # characters per answer: a few paragraphs, typed on a phone


class CardAnswerForm(forms.Form):
    """Per row of the card "What do we do?" and "How do we succeed?", both optional: a draft
    may be partial. The service decides what sending needs."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, rows: list[Goal], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for goal in rows:
            self.fields[f"what_{goal.pk}"] = forms.CharField(
                label=_("What do we do?"),
                required=False,
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"how_{goal.pk}"] = forms.CharField(
                label=_("How do we succeed?"),
                required=False,
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def row_fields(self):
        """(goal, its "what" field, its "how" field) for the template."""
        return [(goal, self[f"what_{goal.pk}"], self[f"how_{goal.pk}"]) for goal in self.rows]

    def answers(self) -> dict[int, RowAnswer]:
        data = self.cleaned_data
        return {
            goal.pk: RowAnswer(data[f"what_{goal.pk}"], data[f"how_{goal.pk}"])
            for goal in self.rows
        }


class CardCommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment to the association"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _date_field(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For example: 2026-03-31."),
    )


class CardDecisionForm(forms.Form):
    """The management group's yearly decision: the goals of one approved plan that the
    associations are asked to answer, and when the cards are open."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    body = forms.CharField(
        label=_("Decided by"),
        max_length=200,
        initial=_("Municipal management group"),
    )
    decided_on = _date_field(_("Date of decision"))
    reference = forms.CharField(
        label=_("Minutes reference"),
        required=False,
        max_length=100,
        help_text=_("For example: § 4."),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals the associations are asked to answer"),
        queryset=Goal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    opens_on = _date_field(_("Open for answers from"))
    closes_on = _date_field(_("Open for answers until"))
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = goals


class CardTemplateForm(forms.Form):
    """A card changed after the decision: its name, when it is open, who is invited."""

    name_fi = forms.CharField(label=_("Name of the card in Finnish"), max_length=200)
    name_sv = forms.CharField(
        label=_("Name of the card in Swedish"), max_length=200, required=False
    )
    opens_on = _date_field(_("Open for answers from"))
    closes_on = _date_field(_("Open for answers until"))
    invited = forms.ModelMultipleChoiceField(
        label=_("Invited associations"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, associations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invited"].queryset = associations

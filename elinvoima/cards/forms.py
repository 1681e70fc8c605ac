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

"""The form of a grant application: the action plan, how the association works for each of
the round's goals (its wellbeing card answers offered as the start), the contact person, the
budget's lines and the amount applied for."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import LenientNumbersMixin
from elinvoima.grants.applications.models import MAX_AMOUNT
from elinvoima.grants.applications.services import MAX_BUDGET_LINES, ApplicationData

GOAL_FIELD = "goal_{}"
QUESTION_FIELD = "question_{}"


class ApplicationForm(LenientNumbersMixin, forms.Form):
    action_plan = forms.CharField(
        label=_("Action plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the association will do with the grant, when and for whom."),
    )
    requested_amount = forms.DecimalField(
        label=_("Amount applied for (euros)"),
        min_value=0,
        max_value=MAX_AMOUNT,
        decimal_places=2,
        initial=0,
    )
    contact_person = forms.CharField(label=_("Contact person"), required=False, max_length=200)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, goals=(), questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[QUESTION_FIELD.format(question.pk)] = forms.CharField(
                label=question.text,
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Answered before the application is submitted."),
            )
        for goal in self.goals:
            self.fields[GOAL_FIELD.format(goal.pk)] = forms.CharField(
                label=goal.title,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("What the association does for this goal. Leave empty if nothing."),
            )

    def goal_fields(self):
        return [self[GOAL_FIELD.format(goal.pk)] for goal in self.goals]

    def question_fields(self):
        return [self[QUESTION_FIELD.format(question.pk)] for question in self.questions]

    def other_fields(self):
        return [
            field
            for field in self.visible_fields()
            if not field.name.startswith((GOAL_FIELD.format(""), QUESTION_FIELD.format("")))
        ]

    def data_for_service(self, budget_lines) -> ApplicationData:
        data = self.cleaned_data
        return ApplicationData(
            action_plan=data["action_plan"],
            requested_amount=data["requested_amount"],
            contact_person=data["contact_person"],
            commitments=tuple(
                (goal, data[GOAL_FIELD.format(goal.pk)])
                for goal in self.goals
                if data[GOAL_FIELD.format(goal.pk)].strip()
            ),
            budget_lines=tuple(budget_lines),
            answers=tuple(
                (question, data[QUESTION_FIELD.format(question.pk)]) for question in self.questions
            ),
        )


class BudgetLineForm(LenientNumbersMixin, forms.Form):
    description = forms.CharField(label=_("Cost"), required=False, max_length=200)
    amount = forms.DecimalField(
        label=_("Euros"), required=False, min_value=0, max_value=MAX_AMOUNT, decimal_places=2
    )

    def clean(self):
        data = super().clean()
        description, amount = data.get("description"), data.get("amount")
        if description and amount is None and "amount" not in self.errors:
            self.add_error("amount", ValidationError(_("Give the euros of this cost.")))
        if amount is not None and not description:
            self.add_error("description", ValidationError(_("Say what the cost is.")))
        return data


BudgetLineFormSet = forms.formset_factory(
    BudgetLineForm, extra=3, max_num=MAX_BUDGET_LINES, validate_max=True
)


def budget_lines_of(formset) -> list:
    """(cost, euros) of the filled lines, in order."""
    return [
        (form.cleaned_data["description"], form.cleaned_data["amount"])
        for form in formset
        if form.cleaned_data.get("description")
    ]

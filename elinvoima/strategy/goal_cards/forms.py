"""Forms of the goal tracking card: its static part with the tasks, and a period's update.
Each carries the version it was loaded from (`loaded_version`) for the concurrency check."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import LenientNumbersMixin
from elinvoima.strategy.enums import StatusLevel, Tertial
from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardTask, GoalCardUpdate
from elinvoima.strategy.goal_cards.services import goal_card_version, period_current
from elinvoima.strategy.models import Goal, GoalIndicator, Plan


class GoalCardForm(LenientNumbersMixin, forms.ModelForm):
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = GoalCard
        fields = [
            "goal_indicator",
            "data_content",
            "intermediate_year",
            "intermediate_value",
            "partners",
            "dependencies",
            "dependent_plans",
            "follow_up_sources",
        ]
        widgets = {
            "data_content": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.Textarea(attrs={"rows": 3}),
            "dependencies": forms.Textarea(attrs={"rows": 3}),
            "follow_up_sources": forms.Textarea(attrs={"rows": 5}),
            "dependent_plans": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, goal: Goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal
        self.fields["goal_indicator"].queryset = GoalIndicator.objects.filter(
            goal=goal
        ).select_related("indicator")
        self.fields["goal_indicator"].label_from_instance = lambda link: str(link.indicator)
        # The choices are the goal's own indicators: say where they come from (issue 12: an
        # empty list with no word of why was a dead end).
        goal_edit = reverse("strategy:goal-edit", kwargs={"pk": goal.pk})
        if not self.fields["goal_indicator"].queryset.exists():
            self.fields["goal_indicator"].help_text = format_html(
                '{} <a href="{}">{}</a>',
                _("The goal follows no indicators yet: add them to the goal first."),
                goal_edit,
                _("Edit the goal"),
            )
        else:
            self.fields["goal_indicator"].help_text = format_html(
                '{} <a href="{}">{}</a>',
                _("The indicators that follow this goal."),
                goal_edit,
                _("Add or change them on the goal"),
            )
        plan = goal.plan
        self.fields["dependent_plans"].queryset = (
            Plan.objects.filter(plan.same_owner_q()).exclude(pk=plan.pk).order_by("title")
        )
        if not self.fields["dependent_plans"].queryset.exists():
            del self.fields["dependent_plans"]
        if not self.is_bound:
            self.initial["loaded_version"] = goal_card_version(self.instance)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("intermediate_value") is not None and not cleaned.get("intermediate_year"):
            self.add_error("intermediate_year", _("A follow-up value needs its year."))
        return cleaned

    def _post_clean(self):
        # The service validates and saves; the model's unique and check constraints on the
        # card would otherwise run against an instance without its goal.
        pass


class GoalCardTaskForm(forms.ModelForm):
    class Meta:
        model = GoalCardTask
        fields = ["text", "schedule"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False  # an empty extra row is simply left out


GoalCardTaskFormSet = forms.inlineformset_factory(
    GoalCard, GoalCardTask, form=GoalCardTaskForm, extra=2, can_delete=True, max_num=50
)


def recent_year_choices() -> list[tuple[int, str]]:
    """This year and the seven before it, newest first. The labels are text, so that a select
    never shows a year with a thousands separator ("2 026")."""
    current = period_current()[0]
    return [(year, str(year)) for year in range(current, current - 8, -1)]


class PeriodForm(forms.Form):
    """Which four-month period to look at (GET)."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=recent_year_choices)
    tertial = forms.TypedChoiceField(label=_("Period"), coerce=int, choices=Tertial.choices)

    def period(self) -> tuple[int, int]:
        if self.is_valid():
            return self.cleaned_data["year"], self.cleaned_data["tertial"]
        return period_current()


class GoalCardUpdateForm(LenientNumbersMixin, forms.ModelForm):
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    year = forms.IntegerField(widget=forms.HiddenInput)
    tertial = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.TypedChoiceField(
        label=_("Overall status"),
        coerce=int,
        choices=StatusLevel.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = GoalCardUpdate
        fields = ["status", "status_reasons", "achieved", "planned", "risks"]
        widgets = {
            "status_reasons": forms.Textarea(attrs={"rows": 4}),
            "achieved": forms.Textarea(attrs={"rows": 4}),
            "planned": forms.Textarea(attrs={"rows": 4}),
            "risks": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, period: tuple[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.update(
                year=period[0],
                tertial=period[1],
                loaded_version=goal_card_version(self.instance),
            )

    def _post_clean(self):
        pass  # the service validates the period and saves

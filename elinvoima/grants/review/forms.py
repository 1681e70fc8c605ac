"""The forms of review and decision: a reviewer's scores, a declaration of a conflict of
interest, the decision and the payment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import LenientNumbersMixin, date_field
from elinvoima.grants.applications.models import MAX_AMOUNT
from elinvoima.grants.review.models import MAX_POINTS
from elinvoima.grants.review.services import DecisionData, ReviewData

GOAL_POINTS_FIELD = "goal_{}"
POINTS = [
    (0, _("0 – not at all")),
    (1, _("1 – weakly")),
    (2, _("2 – somewhat")),
    (3, _("3 – well")),
    (4, _("4 – very well")),
    (5, _("5 – excellently")),
]
assert POINTS[-1][0] == MAX_POINTS


def _points(label, help_text="") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=POINTS,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class ReviewForm(forms.Form):
    criteria_points = _points(
        _("How well does the application meet the round's criteria?"),
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The coordinators read it when they prepare the decision."),
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        for goal in self.goals:
            self.fields[GOAL_POINTS_FIELD.format(goal.pk)] = _points(
                _("How well does it serve the goal “%(goal)s”?") % {"goal": goal.title}
            )
        # The comment last, after the goals.
        self.order_fields(["criteria_points", *self.goal_field_names(), "comment"])

    def goal_field_names(self) -> list[str]:
        return [GOAL_POINTS_FIELD.format(goal.pk) for goal in self.goals]

    def data_for_service(self) -> ReviewData:
        data = self.cleaned_data
        return ReviewData(
            criteria_points=data["criteria_points"],
            comment=data["comment"],
            goal_points=tuple(
                (goal, data[GOAL_POINTS_FIELD.format(goal.pk)]) for goal in self.goals
            ),
        )


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you conflicted?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: I am on the association's board, or a relative of its chair."),
    )


class DecisionForm(LenientNumbersMixin, forms.Form):
    granted_amount = forms.DecimalField(
        label=_("Granted (euros)"),
        min_value=0,
        max_value=MAX_AMOUNT,
        decimal_places=2,
        help_text=_("0 euros refuses the application."),
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why this amount: the applicant and the public read them."),
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the grant is used for the activities of the action plan."),
    )
    pay_on = date_field(_("To be paid on"), required=False)
    report_due_on = date_field(
        _("Grant report due on"),
        required=False,
        help_text=_("The association reports what it did with the grant by then."),
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def data_for_service(self) -> DecisionData:
        data = self.cleaned_data
        return DecisionData(
            granted_amount=data["granted_amount"],
            reasons=data["reasons"],
            conditions=data["conditions"],
            pay_on=data["pay_on"],
            report_due_on=data["report_due_on"],
        )


class PaymentForm(forms.Form):
    paid_on = date_field(
        _("Paid on"),
        required=False,
        help_text=_("Empty it if the grant was not paid after all."),
    )

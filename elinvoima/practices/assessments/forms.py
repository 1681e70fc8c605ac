"""Forms of ex-ante impact assessments: starting one, the assessment itself in the
checklist's sections (an expected effect and its description for each group, each domain
of wellbeing and each goal of the chosen plan), and the decision that publishes it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import date_field, text_field
from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.practices.assessments.checklist import CHILD_QUESTIONS
from elinvoima.practices.assessments.models import CHILD_FIELDS, Assessment
from elinvoima.practices.assessments.services import AssessmentData
from elinvoima.practices.enums import AffectedGroup, AssessmentKind, Effect

NOT_ASSESSED = [("", _("Not affected / not assessed"))]


class AssessmentStartForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=AssessmentKind.choices,
        initial=AssessmentKind.EVA,
        widget=forms.RadioSelect,
        help_text=_("A child impact assessment adds the questions of the child's point of view."),
    )
    title = forms.CharField(label=_("Decision being prepared"), max_length=300)
    deciding_body = forms.CharField(label=_("Who decides"), max_length=200, required=False)
    decision_due = date_field(_("To be decided by"), required=False)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"] = forms.ModelChoiceField(
            label=_("Welfare plan"), queryset=plans, required=False
        )

    def assessment_data(self) -> AssessmentData:
        data = self.cleaned_data
        return AssessmentData(
            kind=data["kind"],
            title=data["title"],
            deciding_body=data["deciding_body"],
            decision_due=data["decision_due"],
            plan=data["plan"],
        )


def _effect_fields(form: forms.Form, prefix: str, label: str) -> None:
    form.fields[f"{prefix}_effect"] = forms.ChoiceField(
        label=label, choices=NOT_ASSESSED + list(Effect.choices), required=False
    )
    form.fields[f"{prefix}_how"] = forms.CharField(
        label=_("How: %(what)s") % {"what": label},
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AssessmentForm(forms.Form):
    """The whole assessment; its fields are grouped into the checklist's sections by
    `sections()`."""

    title = forms.CharField(label=_("Decision being prepared"), max_length=300)
    proposal = text_field(_("Proposal"), rows=6)
    deciding_body = forms.CharField(label=_("Who decides"), max_length=200, required=False)
    decision_due = date_field(_("To be decided by"), required=False)
    alternatives = text_field(_("Alternatives"), rows=5)
    views_summary = text_field(_("What residents and associations said"), rows=5)
    summary = text_field(_("Summary for the decision"), rows=6)

    def __init__(self, *args, assessment: Assessment, plans, goals, consultations, hearings, **kw):
        super().__init__(*args, **kw)
        self.assessment, self.goals = assessment, list(goals)
        self.fields["plan"] = forms.ModelChoiceField(
            label=_("Welfare plan"),
            queryset=plans,
            required=False,
            help_text=_("Save after choosing another plan to assess its goals."),
        )
        for code, label in AffectedGroup.choices:
            _effect_fields(self, f"group_{code}", str(label))
        for code, label in ExperientialDomain.choices:
            _effect_fields(self, f"domain_{code}", str(label))
        for goal in self.goals:
            _effect_fields(self, f"goal_{goal.pk}", goal.title)
        self.fields["consultations"] = forms.ModelMultipleChoiceField(
            label=_("Resident consultations"),
            queryset=consultations,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["hearings"] = forms.ModelMultipleChoiceField(
            label=_("Hearings in person"),
            queryset=hearings,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        if assessment.kind == AssessmentKind.CHILD:
            for name in CHILD_FIELDS:
                self.fields[name] = text_field(CHILD_QUESTIONS[name], rows=4)
        self.fields["alternatives"].help_text = _(
            "The other ways considered, doing nothing included, and their effects."
        )
        self.fields["summary"].help_text = _(
            "Attached to the decision: the main effects and how they were weighed."
        )

    @staticmethod
    def initial_of(assessment: Assessment) -> dict:
        initial = {
            name: getattr(assessment, name)
            for name in (
                "title",
                "proposal",
                "deciding_body",
                "decision_due",
                "plan",
                "alternatives",
                "views_summary",
                "summary",
                *CHILD_FIELDS,
            )
        }
        for prefix, rows, key in (
            ("group", assessment.group_effects.all(), "group"),
            ("domain", assessment.domain_effects.all(), "domain"),
            ("goal", assessment.goal_effects.all(), "goal_id"),
        ):
            for row in rows:
                initial[f"{prefix}_{getattr(row, key)}_effect"] = row.effect
                initial[f"{prefix}_{getattr(row, key)}_how"] = row.description
        initial["consultations"] = list(assessment.consultations.all())
        initial["hearings"] = list(assessment.hearings.all())
        return initial

    def _bound(self, names) -> list:
        return [self[name] for name in names if name in self.fields]

    def _prefixed(self, prefix: str) -> list:
        return [self[name] for name in self.fields if name.startswith(prefix)]

    def sections(self) -> list[tuple[str, list]]:
        """(anchor, fields) in the checklist's order."""
        sections = [
            ("proposal", self._bound(["title", "proposal", "deciding_body", "decision_due"])),
            ("groups", self._prefixed("group_")),
            ("domains", self._prefixed("domain_")),
            ("goals", self._bound(["plan"]) + self._prefixed("goal_")),
            ("alternatives", self._bound(["alternatives"])),
            ("views", self._bound(["consultations", "hearings", "views_summary"])),
        ]
        if self.assessment.kind == AssessmentKind.CHILD:
            sections.append(("child", self._bound(CHILD_FIELDS)))
        sections.append(("summary", self._bound(["summary"])))
        return sections

    def _effects(self, prefix: str, keys) -> dict:
        data = self.cleaned_data
        return {
            key: (data[f"{prefix}_{key}_effect"], data[f"{prefix}_{key}_how"])
            for key in keys
            if data.get(f"{prefix}_{key}_effect")
        }

    def assessment_data(self) -> AssessmentData:
        data = self.cleaned_data
        plan = data["plan"]
        same_plan = plan is not None and plan.pk == self.assessment.plan_id
        return AssessmentData(
            kind=self.assessment.kind,
            title=data["title"],
            proposal=data["proposal"],
            deciding_body=data["deciding_body"],
            decision_due=data["decision_due"],
            plan=plan,
            alternatives=data["alternatives"],
            views_summary=data["views_summary"],
            summary=data["summary"],
            child={name: data.get(name, "") for name in CHILD_FIELDS},
            groups=self._effects("group", AffectedGroup.values),
            domains=self._effects("domain", ExperientialDomain.values),
            goals=self._effects("goal", [g.pk for g in self.goals]) if same_plan else {},
            consultations=list(data["consultations"]),
            hearings=list(data["hearings"]),
        )


class PublishForm(forms.Form):
    decided_on = date_field(_("Decided on"))
    decision = forms.CharField(
        label=_("Decision"),
        max_length=300,
        help_text=_("Who decided what, and the minutes' section: Council 12.3.2027 § 45."),
    )

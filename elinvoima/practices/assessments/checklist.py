"""The checklist that guides a preparer through an ex-ante impact assessment: each step
with its question and whether the assessment answers it yet. Publishing needs every step
done. The child impact assessment adds the questions of the child-friendly municipality
model, the best interest of the child first (lapsen edun ensisijaisuus)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from elinvoima.practices.assessments.models import CHILD_FIELDS, Assessment
from elinvoima.practices.enums import AssessmentKind

CHILD_QUESTIONS = {
    "child_best_interest": _(
        "How does the proposal serve the best interest of the child, and how was it weighed "
        "against other interests?"
    ),
    "child_rights": _(
        "How does it affect children's rights and the services they use: early education, "
        "school, hobbies, health?"
    ),
    "child_groups": _(
        "Does it affect different children differently: ages, disabilities, languages, "
        "villages, families' means?"
    ),
    "child_heard": _(
        "How were children and young people heard: the youth council, the children's "
        "parliament, schools?"
    ),
    "child_follow_up": _("How and when will the effects on children be followed up?"),
}
assert set(CHILD_QUESTIONS) == set(CHILD_FIELDS)


@dataclass(frozen=True)
class Step:
    anchor: str  # the form's section
    title: str
    question: str
    done: bool


def checklist(assessment: Assessment, *, views_count: int) -> list[Step]:
    """The steps in order. `views_count`: the consultations and hearings linked to it (the
    caller has read them)."""
    a = assessment
    steps = [
        Step(
            "proposal",
            _("The proposal"),
            _("What is being decided, by whom and when?"),
            bool(a.proposal and a.deciding_body),
        ),
        Step(
            "groups",
            _("The groups it affects"),
            _(
                "Whose lives would it change: children, young people, working-age people, "
                "older people, people with disabilities, villages, associations?"
            ),
            bool(a.group_effects.all()),
        ),
        Step(
            "domains",
            _("Effects on wellbeing"),
            _("How would it change the domains of wellbeing residents experience?"),
            bool(a.domain_effects.all()),
        ),
        Step(
            "goals",
            _("Effects on the welfare plan's goals"),
            _("Does it help or hinder the goals of the welfare plan?"),
            a.plan_id is not None and bool(a.goal_effects.all()),
        ),
        Step(
            "alternatives",
            _("Alternatives"),
            _("What other ways were considered, doing nothing included?"),
            bool(a.alternatives),
        ),
        Step(
            "views",
            _("Residents' and associations' views"),
            _("Who was heard, and what did they say?"),
            views_count > 0 and bool(a.views_summary),
        ),
    ]
    if a.kind == AssessmentKind.CHILD:
        steps.append(
            Step(
                "child",
                _("The child's point of view"),
                _("The questions of the child impact assessment."),
                all(getattr(a, name) for name in CHILD_FIELDS),
            )
        )
    steps.append(
        Step(
            "summary",
            _("Summary for the decision"),
            _("What are the main effects, and how were they weighed?"),
            bool(a.summary),
        )
    )
    return steps


def missing_titles(steps: list[Step]) -> list[str]:
    return [str(step.title) for step in steps if not step.done]

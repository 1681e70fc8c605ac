"""Named predicates of ex-ante impact assessments, with the queryset twin: those who act
for the owner prepare them; those who work with it read the drafts; a published one (the
decision made) is public."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.practices.enums import AssessmentState
from elinvoima.practices.hearings.permissions import acts_for_owner, may_act_for, works_with_owner


# --- Ex-ante impact assessments: those who act for the owner prepare them; those who work
# with it read the drafts; a published one (the decision made) is public. ----------------
@rules.predicate
def assessment_published(user, assessment) -> bool:
    return assessment is not None and assessment.state == AssessmentState.PUBLISHED


def assessments_visible_to(user) -> QuerySet:
    """The twin of `practices.view_assessment`."""
    from .models import Assessment

    visible = Q(state=AssessmentState.PUBLISHED)
    if user.is_authenticated:
        visible |= Assessment.worked_with_q(user)
    return Assessment.objects.filter(visible)


rules.add_perm("practices.add_assessment", may_act_for)
rules.add_perm("practices.view_assessment", assessment_published | works_with_owner)
rules.add_perm("practices.change_assessment", acts_for_owner & ~assessment_published)

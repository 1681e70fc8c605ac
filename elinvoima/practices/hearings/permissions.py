"""Named predicates of hearing residents, each with its queryset twin, and the owner
predicates that the ex-ante assessments share: those who act for a municipality or a
county start its consultations; those who work with it read the drafts and the answers
one by one; a consultation is public once it takes answers. A hearing in person is kept
and read with the annual clock whose event it records."""

import rules
from django.db.models import Q, QuerySet

from elinvoima.actors.owners import owner_managed_by, owner_worked_with


# --- Asked with an owned row (`owned.owner`) or with the owner itself -------------------------
@rules.predicate
def acts_for_owner(user, owned) -> bool:
    return owned is not None and owner_managed_by(user, owned.owner)


@rules.predicate
def works_with_owner(user, owned) -> bool:
    return owned is not None and owner_worked_with(user, owned.owner)


@rules.predicate
def may_act_for(user, owner) -> bool:
    """Asked with a municipality or a county: may the user start its assessments and
    consultations?"""
    return owner is not None and owner_managed_by(user, owner)


@rules.predicate
def may_work_with(user, owner) -> bool:
    return owner is not None and owner_worked_with(user, owner)


# --- Resident consultations: public once opened for answers; the answers one by one only
# for those who work with the owner. --------------------------------------------------------
@rules.predicate
def consultation_opened(user, consultation) -> bool:
    return consultation is not None and consultation.published_at is not None


def consultations_visible_to(user) -> QuerySet:
    """The twin of `practices.view_consultation`."""
    from .models import Consultation

    visible = Q(published_at__isnull=False)
    if user.is_authenticated:
        visible |= Consultation.worked_with_q(user)
    return Consultation.objects.filter(visible)


rules.add_perm("practices.add_consultation", may_act_for)
rules.add_perm("practices.view_consultation", consultation_opened | works_with_owner)
rules.add_perm("practices.change_consultation", acts_for_owner)
rules.add_perm("practices.view_consultation_answers", works_with_owner)


# --- Hearings in person: records of the annual clock's events, kept and read with the
# clock (a municipality's and a county's clock is public). -----------------------------------
@rules.predicate
def keeps_hearing_item(user, hearing) -> bool:
    return hearing is not None and user.has_perm(
        "networks.change_calendar_item", hearing.calendar_item
    )


@rules.predicate
def sees_hearing_clock(user, hearing) -> bool:
    return hearing is not None and user.has_perm("networks.view_clock", hearing.calendar_item.owner)


rules.add_perm("practices.view_hearing", sees_hearing_clock)
rules.add_perm("practices.change_hearing", keeps_hearing_item)

"""Writes to goal tracking cards (seed 001).

The card's static part (indicator, data content, partners, dependencies, tasks, follow-up
sources) is plan content: an approved (frozen) plan refuses changes to it. The period
updates are the follow-up and go on while the approved plan is in force.

Two people saving the same card or the same period's update at once: each save carries the
version it was loaded from (`loaded_version`, the saved object's `updated_at`); when the
saved object has moved on, the save is refused with a `GoalCardConflict` that tells who
saved and when, and carries their saved version so the page can show it. The form's hidden
version and the API's If-Match are both compared here, after the row is locked.

Permission first: a goal the user may not see is refused with 404, a card the user may see
but not keep up to date with 403, before anything is validated.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from elinvoima.core.concurrency import ANY, version_matches
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.strategy.enums import StatusLevel, Tertial
from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardTask, GoalCardUpdate
from elinvoima.strategy.models import Goal, GoalIndicator, Plan
from elinvoima.strategy.plans.services import plan_ensure_editable


def field_error(field: str, message: str, *, code: str) -> ValidationError:
    """A field's error whose code survives (Django drops the outer code of a dict)."""
    return ValidationError({field: ValidationError(message, code=code)})


# --- Four-month periods (tertiles) --------------------------------------------------------


def period_of(day: datetime.date) -> tuple[int, int]:
    """The four-month period a day falls in: (year, 1 | 2 | 3)."""
    return day.year, (day.month - 1) // 4 + 1


def period_current() -> tuple[int, int]:
    return period_of(timezone.localdate())


def period_previous(year: int, tertial: int) -> tuple[int, int]:
    return (year, tertial - 1) if tertial > 1 else (year - 1, 3)


def period_next(year: int, tertial: int) -> tuple[int, int]:
    return (year, tertial + 1) if tertial < 3 else (year + 1, 1)


def period_bounds(year: int, tertial: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a period."""
    first = datetime.date(year, (tertial - 1) * 4 + 1, 1)
    next_year, next_tertial = period_next(year, tertial)
    last = datetime.date(next_year, (next_tertial - 1) * 4 + 1, 1) - datetime.timedelta(days=1)
    return first, last


def period_label(year: int, tertial: int) -> str:
    return f"{Tertial(tertial).label} {year}"


def period_validate(*, plan: Plan, year: int, tertial: int, field: str = "year") -> None:
    """A report or update is for a period that has begun and is not before the plan."""
    if tertial not in Tertial.values:
        raise field_error("tertial", _("Choose a four-month period."), code="tertial")
    if (year, tertial) > period_current():
        raise field_error(
            field,
            _("The period %(period)s has not begun yet.") % {"period": _period(year, tertial)},
            code="future_period",
        )
    if year < plan.start_year:
        raise field_error(
            field,
            _("The plan begins in %(year)d; choose a period from then on.")
            % {"year": plan.start_year},
            code="before_plan",
        )


def _period(year: int, tertial: int) -> str:
    return period_label(year, tertial)


# --- Concurrency ----------------------------------------------------------------------------


class GoalCardConflict(ValidationError):
    """Someone else saved the card (or the period's update) after it was loaded."""

    def __init__(self, message: str, *, current):
        super().__init__(message, code="concurrent_edit")
        self.current = current


def goal_card_version(saved) -> str:
    """The version a form or client loaded: the saved object's `updated_at`, or "" when
    nothing was saved yet."""
    if saved is None or saved.pk is None:
        return ""
    return saved.updated_at.isoformat()


def _loaded_matches(saved, loaded_version) -> bool:
    """`loaded_version`: "" for nothing saved yet, a version, several (If-Match), `ANY`
    (If-Match: *, there must be a saved one) or None (not known: no check)."""
    if loaded_version is None:
        return True
    if loaded_version == ANY:
        return saved is not None
    return version_matches(goal_card_version(saved), loaded_version or "")


def goal_card_authorize(user, goal: Goal) -> None:
    """May the user keep the goal's card up to date (404 when the goal is hidden)."""
    authorize(user, "strategy.update_goal_card", goal, visible=("strategy.view_goal", goal))


def _conflict(saved, who, what: str) -> GoalCardConflict:
    when = formats.date_format(timezone.localtime(saved.updated_at), "SHORT_DATETIME_FORMAT")
    name = str(who) if who is not None else _("someone")
    return GoalCardConflict(
        _(
            "%(name)s saved %(what)s on %(when)s while you were editing it. Their version is "
            "shown on this page; your text is still in the form. Check theirs, then save again "
            "to replace it with yours."
        )
        % {"name": name, "what": what, "when": when},
        current=saved,
    )


# --- The card's static part -----------------------------------------------------------------


@dataclass(frozen=True)
class GoalCardTaskData:
    """A sub-goal task with its schedule ("Alatavoitteisiin liittyvät tehtävät ja aikataulu")."""

    text: str
    schedule: str = ""


@transaction.atomic
def goal_card_save(
    *,
    goal: Goal,
    user,
    loaded_version,
    goal_indicator: GoalIndicator | None = None,
    data_content: str = "",
    intermediate_year: int | None = None,
    intermediate_value: float | None = None,
    partners: str = "",
    dependencies: str = "",
    follow_up_sources: str = "",
    dependent_plans: Iterable[Plan] = (),
    tasks: Sequence[GoalCardTaskData] | None = None,
) -> GoalCard:
    """Create or change the static part of a goal's card. `tasks` replaces the card's tasks
    in the given order (None leaves them as they are). Refused on a frozen plan."""
    # Locking the goal serialises saves of its card, also the very first one.
    try:
        goal = Goal.objects.select_for_update().select_related("plan").get(pk=goal.pk)
    except Goal.DoesNotExist:
        raise Http404 from None
    goal_card_authorize(user, goal)
    plan_ensure_editable(goal.plan)
    card = GoalCard.objects.filter(goal=goal).select_related("updated_by").first()
    if not _loaded_matches(card, loaded_version):
        if card is None:  # it was deleted meanwhile: nothing to compare with
            raise ValidationError(_("The card was removed meanwhile."), code="concurrent_edit")
        raise _conflict(card, card.updated_by, _("this card"))
    if goal_indicator is not None and goal_indicator.goal_id != goal.pk:
        raise field_error(
            "goal_indicator",
            _("Choose one of the indicators of this goal."),
            code="foreign_indicator",
        )
    if intermediate_value is not None and intermediate_year is None:
        raise field_error(
            "intermediate_year", _("A follow-up value needs its year."), code="value_without_year"
        )
    if card is None:
        card = GoalCard(goal=goal)
    card.goal_indicator = goal_indicator
    card.data_content = data_content
    card.intermediate_year = intermediate_year
    card.intermediate_value = intermediate_value
    card.partners = partners
    card.dependencies = dependencies
    card.follow_up_sources = follow_up_sources
    card.updated_by = signed_in_or_none(user)
    validate_for_save(card)
    card.save()
    card.dependent_plans.set([plan for plan in dependent_plans if plan.pk != goal.plan_id])
    if tasks is not None:
        card.tasks.all().delete()
        GoalCardTask.objects.bulk_create(
            GoalCardTask(card=card, text=task.text, schedule=task.schedule, position=position)
            for position, task in enumerate(tasks)
            if task.text.strip()
        )
    return card


# --- Period updates -------------------------------------------------------------------------


@transaction.atomic
def goal_card_update_save(
    *,
    card: GoalCard,
    user,
    year: int,
    tertial: int,
    status: int,
    status_reasons: str,
    achieved: str = "",
    planned: str = "",
    risks: str = "",
    loaded_version="",
) -> GoalCardUpdate:
    """Add the update of a four-month period, or change it. Goes on after the plan is
    approved: this is the follow-up. `loaded_version` is "" for a new period's update."""
    try:
        # With the plan's owner when it is a municipality, as most are (the permission's).
        card = (
            GoalCard.objects.select_for_update(of=("self",))
            .select_related("goal__plan__municipality")
            .get(pk=card.pk)
        )
    except GoalCard.DoesNotExist:
        raise Http404 from None
    goal_card_authorize(user, card.goal)
    period_validate(plan=card.goal.plan, year=year, tertial=tertial)
    if status not in StatusLevel.values:
        raise field_error("status", _("Choose one of the four levels."), code="status")
    if not status_reasons.strip():
        raise field_error(
            "status_reasons", _("Tell why the status is what it is."), code="required"
        )
    # The author is read only for a conflict, to say who saved.
    update = GoalCardUpdate.objects.filter(card=card, year=year, tertial=tertial).first()
    if not _loaded_matches(update, loaded_version):
        if update is None:
            raise ValidationError(
                _("The update of this period was removed meanwhile."), code="concurrent_edit"
            )
        raise _conflict(
            update,
            update.author,
            _("the update of %(period)s") % {"period": _period(year, tertial)},
        )
    if update is None:
        update = GoalCardUpdate(card=card, year=year, tertial=tertial)
    update.card = card  # the locked one, with its goal: the audit log names the update by it
    update.status = status
    update.status_reasons = status_reasons
    update.achieved = achieved
    update.planned = planned
    update.risks = risks
    update.author = signed_in_or_none(user)
    # The card and the author are rows just read, the period was checked above, the
    # period's other update looked for under the card's lock: not asked of the database again.
    validate_for_save(update, exclude=("card", "author", "year"))
    try:
        with transaction.atomic():
            update.save()
    except IntegrityError:  # added by someone else in the same instant (no row lock on SQLite)
        current = GoalCardUpdate.objects.select_related("author").get(
            card=card, year=year, tertial=tertial
        )
        raise _conflict(
            current,
            current.author,
            _("the update of %(period)s") % {"period": _period(year, tertial)},
        ) from None
    return update

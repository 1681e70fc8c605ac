"""Pages of the goal tracking card: the card as seed 001 lays it out (with every period's
update, newest first), a print version, the static part's editor and a period's update."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.core.forms import form_add_service_errors
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.strategy.enums import StatusLevel, Tertial
from elinvoima.strategy.goal_cards.forms import (
    GoalCardForm,
    GoalCardTaskFormSet,
    GoalCardUpdateForm,
    PeriodForm,
)
from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardUpdate
from elinvoima.strategy.goal_cards.selectors import (
    change_target,
    goal_card_of,
    goals_for_card,
    status_dots,
    status_text,
)
from elinvoima.strategy.goal_cards.services import (
    GoalCardConflict,
    GoalCardTaskData,
    goal_card_save,
    goal_card_update_save,
    goal_card_version,
    period_current,
    period_label,
)
from elinvoima.strategy.models import Goal
from elinvoima.strategy.plans.services import plan_frozen_reason


def plan_url(plan) -> str | None:
    """The plan's page when the plan pages are there."""
    try:
        return reverse("strategy:plan-detail", kwargs={"pk": plan.pk})
    except NoReverseMatch:
        return None


class GoalPageMixin(ObjectPermissionMixin):
    """Loads the goal with what its card shows and asks the named predicate with it: a
    signed-in user who may not even see the goal gets 404 (as from the API), one who sees it
    but may not do this 403, an anonymous one is sent to log in (core.view_mixins)."""

    permission_required: str | None = None  # the card: whoever may see the goal
    view_permission = "strategy.view_goal"
    anonymous_to_login = True

    def get_object_queryset(self):
        return goals_for_card()

    @cached_property
    def goal(self) -> Goal:
        return self.url_object


def card_context(goal: Goal, card: GoalCard | None, user) -> dict:
    link = None
    if card is not None and card.goal_indicator_id:
        link = card.goal_indicator
    elif goal.goal_indicators.all():
        link = goal.goal_indicators.all()[0]
    updates = list(card.updates.all()) if card is not None else []
    latest = updates[0] if updates else None
    return {
        "goal": goal,
        "plan": goal.plan,
        "card": card,
        "link": link,
        "change_target": change_target(link=link, card=card),
        "updates": [
            {
                "update": update,
                "period": period_label(update.year, update.tertial),
                "dots": status_dots(update.status),
                "status_text": status_text(update.status),
            }
            for update in updates
        ],
        "latest": latest,
        "latest_dots": status_dots(latest.status if latest else None),
        "latest_status_text": status_text(latest.status) if latest else "",
        "follow_up_sources": [
            line.strip()
            for line in (card.follow_up_sources if card else "").splitlines()
            if line.strip()
        ],
        "owners": goal.owner_names or ", ".join(str(user) for user in goal.owner_users.all()),
        "can_update": user.has_perm("strategy.update_goal_card", goal),
        "can_add_measure": user.has_perm("strategy.change_plan", goal.plan)
        and not goal.plan.is_frozen,
        "measures": list(goal.measures.all()),
        "plan_url": plan_url(goal.plan),
        "frozen_reason": plan_frozen_reason(goal.plan),
        "current_period": period_label(*period_current()),
        "status_levels": [
            {"level": level, "label": label, "dots": status_dots(level)}
            for level, label in StatusLevel.choices
        ],
    }


class GoalCardView(GoalPageMixin, TemplateView):
    template_name = "strategy/cards/goal_card.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(card_context(self.goal, goal_card_of(self.goal), self.request.user))
        return context


class GoalCardPrintView(GoalCardView):
    template_name = "strategy/cards/goal_card_print.html"


class GoalCardEditView(GoalPageMixin, TemplateView):
    """The static part of the card and its tasks, saved together. Refused on a frozen plan,
    with the reason."""

    permission_required = "strategy.update_goal_card"
    template_name = "strategy/cards/goal_card_form.html"

    def _forms(self, card: GoalCard | None, data=None):
        instance = card or GoalCard(goal=self.goal)
        form = GoalCardForm(data, instance=instance, goal=self.goal, prefix="card")
        tasks = GoalCardTaskFormSet(data, instance=instance, prefix="tasks")
        return form, tasks

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        card = goal_card_of(self.goal)
        context.setdefault("card", card)
        reason = plan_frozen_reason(self.goal.plan)
        context["frozen_reason"] = reason
        if not reason and "form" not in context:
            context["form"], context["tasks"] = self._forms(card)
        context.update(goal=self.goal, plan=self.goal.plan)
        return context

    def post(self, request, *args, **kwargs):
        card = goal_card_of(self.goal)
        form, tasks = self._forms(card, request.POST)
        if not (form.is_valid() and tasks.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, tasks=tasks))
        data = form.cleaned_data
        task_rows = [
            GoalCardTaskData(text=row["text"].strip(), schedule=row.get("schedule", "").strip())
            for row in tasks.cleaned_data
            if row and not row.get("DELETE") and (row.get("text") or "").strip()
        ]
        try:
            goal_card_save(
                goal=self.goal,
                user=request.user,
                loaded_version=data.get("loaded_version") or "",
                goal_indicator=data.get("goal_indicator"),
                data_content=data.get("data_content", ""),
                intermediate_year=data.get("intermediate_year"),
                intermediate_value=data.get("intermediate_value"),
                partners=data.get("partners", ""),
                dependencies=data.get("dependencies", ""),
                follow_up_sources=data.get("follow_up_sources", ""),
                dependent_plans=data.get("dependent_plans") or [],
                tasks=task_rows,
            )
        except GoalCardConflict as conflict:
            form.add_error(None, conflict)
            # The next save is made knowing their version: it may replace it.
            form.data = form.data.copy()
            form.data[form.add_prefix("loaded_version")] = goal_card_version(conflict.current)
            current = goal_card_of(self.goal)
            return self.render_to_response(
                self.get_context_data(
                    form=form,
                    tasks=tasks,
                    conflict=card_context(self.goal, current, request.user),
                )
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form, tasks=tasks))
        messages.success(request, _("The goal tracking card was saved."))
        return redirect(reverse("strategy:goal-card", kwargs={"pk": self.goal.pk}))


class GoalCardUpdatePeriodView(GoalPageMixin, TemplateView):
    """The update of one four-month period: the current one unless another is chosen."""

    permission_required = "strategy.update_goal_card"
    template_name = "strategy/cards/goal_card_update_form.html"

    def _period(self) -> tuple[int, int]:
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        if "year" in source or "tertial" in source:
            period_form = PeriodForm(source)
            if period_form.is_valid():
                return period_form.period()
            try:
                year, tertial = int(source.get("year")), int(source.get("tertial"))
            except (TypeError, ValueError):
                return period_current()
            if tertial in Tertial.values and 2000 <= year <= period_current()[0]:
                return year, tertial
        return period_current()

    def get_object_queryset(self):
        if self.request.method == "POST":
            # Saving needs the goal, its plan and the plan's owner (for the permission) and
            # the card, not what the card page shows: a form sent back with errors loads
            # that when it is drawn. Most plans are a municipality's: joining it saves a
            # query (joining all three kinds of owner took longer than reading the one).
            return Goal.objects.select_related("plan__municipality", "card")
        return super().get_object_queryset()

    def _card(self) -> GoalCard | None:
        return goal_card_of(self.goal)

    def get(self, request, *args, **kwargs):
        if self._card() is None:
            messages.info(
                request, _("Set up the goal tracking card first; then add its period updates.")
            )
            return redirect(reverse("strategy:goal-card-edit", kwargs={"pk": self.goal.pk}))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        card = self._card()
        period = self._period()
        existing = (
            GoalCardUpdate.objects.filter(card=card, year=period[0], tertial=period[1]).first()
            if card is not None
            else None
        )
        if "form" not in context:
            context["form"] = GoalCardUpdateForm(
                instance=existing or GoalCardUpdate(), period=period
            )
        context.update(card_context(self.goal, card, self.request.user))
        context.update(
            period=period,
            period_text=period_label(*period),
            existing=existing,
            period_form=PeriodForm(initial={"year": period[0], "tertial": period[1]}),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            card = self.goal.card  # the service locks it
        except GoalCard.DoesNotExist:
            raise Http404 from None
        period = self._period()
        form = GoalCardUpdateForm(request.POST, period=period)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        try:
            update = goal_card_update_save(
                card=card,
                user=request.user,
                year=data["year"],
                tertial=data["tertial"],
                status=data["status"],
                status_reasons=data["status_reasons"],
                achieved=data.get("achieved", ""),
                planned=data.get("planned", ""),
                risks=data.get("risks", ""),
                loaded_version=data.get("loaded_version") or "",
            )
        except GoalCardConflict as conflict:
            form.add_error(None, conflict)
            form.data = form.data.copy()
            form.data["loaded_version"] = goal_card_version(conflict.current)
            return self.render_to_response(
                self.get_context_data(
                    form=form,
                    conflict_update={
                        "update": conflict.current,
                        "period": period_label(conflict.current.year, conflict.current.tertial),
                        "dots": status_dots(conflict.current.status),
                        "status_text": status_text(conflict.current.status),
                    },
                )
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("The update of %(period)s was saved.")
            % {"period": period_label(update.year, update.tertial)},
        )
        return redirect(reverse("strategy:goal-card", kwargs={"pk": self.goal.pk}))

"""Pages of plans: the lists of a municipality's, county's and network's plans, the one-page
plan, the plan form, the approval chain, new versions, priority areas and goals.

Views are thin: selectors (plans.selectors) read, services (plans.services) write, and each view
asks a named predicate of `strategy.permissions` with its object. A signed-in user who may
not even see the object gets 404 (as from the API), one who sees it but may not do this 403.
A frozen (approved) version shows its edit controls disabled with the reason, and a POST to
it is refused with the reason (HTTP 409), never a 500."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.owners import owner_kind_of
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import DecisionBody, PlanState
from elinvoima.strategy.models import Goal, Plan, PriorityArea
from elinvoima.strategy.plans.body_selectors import plan_body_context
from elinvoima.strategy.plans.forms import (
    DecisionForm,
    GoalDeleteForm,
    GoalForm,
    GoalIndicatorFormSet,
    PlanForm,
    PriorityAreaForm,
    formset_changes,
)
from elinvoima.strategy.plans.selectors import (
    evaluation_reports_of,
    goal_dependent_measures,
    plan_chain,
    plan_decisions,
    plan_page,
    plan_versions,
    plans_of_owner,
)
from elinvoima.strategy.plans.services import (
    goal_delete,
    goal_save,
    plan_create,
    plan_decision_record,
    plan_frozen_reason,
    plan_new_version,
    plan_next_decision_body,
    plan_send_to_decision,
    plan_stage_set,
    plan_update,
    priority_area_delete,
    priority_area_save,
)

FROZEN_STATUS = 409


def owner_url(plan: Plan) -> str:
    """The page of the plan owner's plans."""
    match plan.owner_kind:
        case "municipality":
            return reverse("strategy:municipality-plans", kwargs={"code": plan.owner.code})
        case "wellbeing_county":
            return reverse("strategy:county-plans", kwargs={"code": plan.owner.code})
        case _:
            return reverse("strategy:network-plans", kwargs={"pk": plan.network_id})


# --- Lists ------------------------------------------------------------------------------------
class OwnerPlansView(View):
    """The plans of a municipality, county or network; drafts only for those who may read
    them. Everyone may open the page: approved plans are public documents."""

    template_name = "strategy/plans/plan_list.html"
    add_permission = ""

    def get_owner(self):
        raise NotImplementedError

    def get(self, request, **kwargs):
        owner = self.get_owner()
        return TemplateResponse(
            request,
            self.template_name,
            {
                "owner": owner,
                "plans": plans_of_owner(user=request.user, owner=owner),
                "can_add": request.user.has_perm(self.add_permission, owner),
                "create_url": self.create_url(owner),
            },
        )


class MunicipalityPlansView(OwnerPlansView):
    add_permission = "strategy.add_municipality_plan"

    def get_owner(self):
        return get_object_or_404(Municipality, code=self.kwargs["code"])

    def create_url(self, owner):
        return reverse("strategy:plan-create-municipality", kwargs={"code": owner.code})


class CountyPlansView(OwnerPlansView):
    add_permission = "strategy.add_county_plan"

    def get_owner(self):
        return get_object_or_404(WellbeingCounty, code=self.kwargs["code"])

    def create_url(self, owner):
        return reverse("strategy:plan-create-county", kwargs={"code": owner.code})


class NetworkPlansView(OwnerPlansView):
    add_permission = "strategy.add_network_plan"

    def get_owner(self):
        return get_object_or_404(Network, pk=self.kwargs["pk"])

    def create_url(self, owner):
        return reverse("strategy:plan-create-network", kwargs={"pk": owner.pk})


# --- Creating a plan --------------------------------------------------------------------------
class PlanCreateView(ObjectPermissionMixin, View):
    """A new plan of the owner the URL names (`model`), asking the add permission of it."""

    template_name = "strategy/plans/plan_form.html"

    @cached_property
    def owner(self):
        return self.url_object

    @property
    def owner_kind(self) -> str:
        return owner_kind_of(self.owner).field

    def new_plan(self) -> Plan:
        plan = Plan()
        plan.owner_assign(self.owner)
        return plan

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"form": form, "owner": self.owner, "plan": None},
            status=status,
        )

    def get(self, request, **kwargs):
        return self.render(PlanForm(instance=self.new_plan(), owner_kind=self.owner_kind))

    def post(self, request, **kwargs):
        form = PlanForm(request.POST, instance=self.new_plan(), owner_kind=self.owner_kind)
        if form.is_valid():
            try:
                plan = plan_create(
                    plan=form.instance,
                    user=request.user,
                    indicator_sets=form.cleaned_data["indicator_sets"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The plan was created. Add its priority areas next."))
                return redirect(plan.get_absolute_url())
        return self.render(form)


class MunicipalityPlanCreateView(PlanCreateView):
    permission_required = "strategy.add_municipality_plan"
    model = Municipality
    lookup_field = "code"


class CountyPlanCreateView(PlanCreateView):
    permission_required = "strategy.add_county_plan"
    model = WellbeingCounty
    lookup_field = "code"


class NetworkPlanCreateView(PlanCreateView):
    permission_required = "strategy.add_network_plan"
    model = Network


# --- One plan ---------------------------------------------------------------------------------
class PlanMixin(ObjectPermissionMixin):
    """A view of one plan (or of something in it: override `model`, `select_related` and
    `get_plan`), asking `permission_required` of the plan and `view_permission` of the plan
    or of the goal the page is about (`get_view_permission_object`): core.view_mixins.
    `refuse_frozen`: a POST to a frozen version is answered with the reason."""

    model: type[Model] = Plan
    select_related: tuple[str, ...] = ("municipality", "wellbeing_county", "network")
    permission_required: str | None = "strategy.change_plan"
    view_permission = "strategy.view_plan"
    anonymous_to_login = True
    refuse_frozen = True

    def get_plan(self) -> Plan:
        return self.url_object

    @cached_property
    def plan(self) -> Plan:
        return self.get_plan()

    def get_permission_object(self):
        return self.plan

    def handle_frozen_post(self):
        if self.refuse_frozen and self.request.method == "POST" and self.plan.is_frozen:
            return refused(self.request, self.plan, plan_frozen_reason(self.plan))
        return None

    def post(self, request, *args, **kwargs):
        if not hasattr(self, "post_editable"):
            return self.http_method_not_allowed(request, *args, **kwargs)
        return self.handle_frozen_post() or self.post_editable(request, *args, **kwargs)

    def context(self, **extra):
        return {"plan": self.plan, "frozen_reason": plan_frozen_reason(self.plan), **extra}


def refused(request, plan: Plan, reason: str, status: int = FROZEN_STATUS):
    return TemplateResponse(
        request,
        "strategy/plans/refused.html",
        {"plan": plan, "reason": reason},
        status=status,
    )


class PlanDetailView(PlanMixin, View):
    """The one-page plan: priority areas, goals, sub-goals, indicators, measures with their
    implementers and status, who does what; versions, decisions and the next step."""

    permission_required = None  # whoever may see it (view_permission)
    template_name = "strategy/plans/plan_detail.html"

    def get(self, request, **kwargs):
        plan = self.plan
        can_change = request.user.has_perm("strategy.change_plan", plan)
        editable = can_change and not plan.is_frozen
        page = plan_page(plan=plan)
        decisions = plan_decisions(plan=plan)
        versions = plan_versions(plan=plan)
        body = plan_body_context(page=page, editable=editable)
        return TemplateResponse(
            request,
            self.template_name,
            self.context(
                page=page,
                # the plan's rows through Jinja2 (docs/performance.md, "Pages")
                body={
                    part: mark_safe(  # noqa: S308 (a Jinja2 template's output, autoescaped)
                        render_to_string(f"strategy/plans/_plan_{part}.html", body, using="jinja2")
                    )
                    for part in ("areas", "who_does_what")
                },
                versions=versions,
                decisions=decisions,
                chain=plan_chain(plan=plan, decisions=decisions),
                can_change=can_change,
                editable=editable,
                owner_url=owner_url(plan),
                has_newer_version=plan.is_frozen
                and any(version.version > plan.version for version in versions),
                monitoring_links=monitoring_links(plan, can_change=can_change),
            ),
        )


def monitoring_links(plan: Plan, *, can_change: bool) -> list[dict]:
    """Links from the plan to its logic model, joy and worry lists and evaluation reports
    (one query, for the reports' years)."""
    links = [
        {
            "label": _("Logic model"),
            "url": reverse("strategy:logic-model", kwargs={"pk": plan.pk}),
        },
        {
            "label": _("Causes for joy and worry"),
            "url": reverse("strategy:plan-concerns", kwargs={"pk": plan.pk}),
        },
    ]
    for pk, year in evaluation_reports_of(plan=plan):
        links.append(
            {
                "label": _("Evaluation report %(year)s") % {"year": year},
                "url": reverse("strategy:evaluation-report-detail", kwargs={"pk": pk}),
            }
        )
    if can_change:
        links.append(
            {
                "label": _("New evaluation report"),
                "url": reverse("strategy:evaluation-report-create", kwargs={"pk": plan.pk}),
            }
        )
    return links


class PlanEditView(PlanMixin, View):
    template_name = "strategy/plans/plan_form.html"

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            self.context(form=form, owner=self.plan.owner),
            status=status,
        )

    def get(self, request, **kwargs):
        form = PlanForm(instance=self.plan, owner_kind=self.plan.owner_kind)
        if self.plan.is_frozen:
            for field in form.fields.values():
                field.disabled = True
        return self.render(form)

    def post_editable(self, request, **kwargs):
        form = PlanForm(request.POST, instance=self.plan, owner_kind=self.plan.owner_kind)
        if form.is_valid():
            try:
                plan_update(
                    plan=form.instance,
                    user=request.user,
                    loaded_at=form.cleaned_data["loaded_at"] or None,
                    indicator_sets=form.cleaned_data["indicator_sets"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The plan was saved."))
                return redirect(self.plan.get_absolute_url())
        return self.render(form, status=409 if _is_conflict(form) else 200)


def _is_conflict(form) -> bool:
    return any(
        error.code in ("conflict", "concurrent_edit", "frozen")
        for error in form.errors.as_data().get("__all__", [])
    )


class PlanSendToDecisionView(PlanMixin, View):
    template_name = "strategy/plans/plan_confirm.html"

    def get(self, request, **kwargs):
        return TemplateResponse(
            request,
            self.template_name,
            self.context(
                action="send",
                next_body=_body_label(self.plan.approval_chain[0]),
                disabled=self.plan.state == PlanState.PROCESSING,
            ),
        )

    def post_editable(self, request, **kwargs):
        if self.plan.state == PlanState.PROCESSING:
            messages.info(request, _("The plan is already in decision-making."))
            return redirect(self.plan.get_absolute_url())
        plan_send_to_decision(plan=self.plan, user=request.user)
        messages.success(
            request,
            _("The plan was sent to decision-making: %(body)s decides next.")
            % {"body": _body_label(self.plan.approval_chain[0])},
        )
        return redirect(self.plan.get_absolute_url())


class PlanStageView(PlanMixin, View):
    """The cycle's first steps: evaluate the ending period, then plan the next one."""

    def post_editable(self, request, **kwargs):
        state = request.POST.get("state")
        if state not in (PlanState.EVALUATION, PlanState.PLANNING):
            return HttpResponseBadRequest(_("Choose evaluation or planning."))
        try:
            plan_stage_set(plan=self.plan, state=state, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The plan is now at the stage: %(stage)s.") % {"stage": PlanState(state).label},
            )
        return redirect(self.plan.get_absolute_url())


def _body_label(body: str | None) -> str:
    return str(dict(DecisionBody.choices).get(body, "")) if body else ""


class PlanDecisionView(PlanMixin, View):
    """Record the decision of the next body in the chain (the chain is shown)."""

    template_name = "strategy/plans/plan_decision.html"

    def render(self, form, status=200):
        plan = self.plan
        decisions = plan_decisions(plan=plan)
        next_body = plan_next_decision_body(plan) if plan.state == PlanState.PROCESSING else None
        return TemplateResponse(
            self.request,
            self.template_name,
            self.context(
                form=form,
                decisions=decisions,
                chain=plan_chain(plan=plan, decisions=decisions),
                next_body=next_body,
                next_body_label=_body_label(next_body),
                not_in_decision=plan.state in (PlanState.PLANNING, PlanState.EVALUATION),
            ),
            status=status,
        )

    def get(self, request, **kwargs):
        return self.render(DecisionForm())

    def post_editable(self, request, **kwargs):
        form = DecisionForm(request.POST)
        if self.plan.state != PlanState.PROCESSING:
            form.is_valid()
            form.add_error(
                None,
                ValidationError(
                    _("Send the plan to decision-making first."), code="not_in_decision"
                ),
            )
            return self.render(form, status=409)
        if form.is_valid():
            body = plan_next_decision_body(self.plan)
            try:
                decision = plan_decision_record(
                    plan=self.plan,
                    body=body,
                    outcome=form.cleaned_data["outcome"],
                    decided_on=form.cleaned_data["decided_on"],
                    reference=form.cleaned_data["reference"],
                    note=form.cleaned_data["note"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                plan = Plan.objects.get(pk=self.plan.pk)
                if plan.state == PlanState.APPROVED:
                    text = _("The plan was approved and this version is now frozen.")
                elif plan.state == PlanState.PLANNING:
                    text = _("The plan was returned for preparation.")
                else:
                    text = _("The decision of %(body)s was recorded.") % {
                        "body": _body_label(decision.body)
                    }
                messages.success(request, text)
                return redirect(plan.get_absolute_url())
        return self.render(form)


class PlanNewVersionView(PlanMixin, View):
    """Start a new version of an approved (frozen) plan as a copy of it."""

    template_name = "strategy/plans/plan_confirm.html"
    refuse_frozen = False  # it is the frozen versions that are copied

    def get(self, request, **kwargs):
        reason = None
        if not self.plan.is_frozen:
            reason = _("Only an approved version can be copied into a new one; edit this one.")
        elif Plan.objects.filter(previous_version=self.plan).exists():
            reason = _("A newer version of this plan already exists.")
        return TemplateResponse(
            request,
            self.template_name,
            self.context(action="new-version", disabled=bool(reason), refusal=reason),
        )

    def post_editable(self, request, **kwargs):
        try:
            copy = plan_new_version(plan=self.plan, user=request.user)
        except ValidationError as error:
            return refused(request, self.plan, error.messages[0])
        messages.success(
            request,
            _("Version %(version)d was started as a copy of the approved version.")
            % {"version": copy.version},
        )
        return redirect(copy.get_absolute_url())


# --- Priority areas ---------------------------------------------------------------------------
class PriorityAreaMixin(PlanMixin):
    model = PriorityArea
    select_related = ("plan",)

    @cached_property
    def area(self):
        return self.url_object

    def get_plan(self):
        return self.area.plan


class PriorityAreaCreateView(PlanMixin, View):
    template_name = "strategy/plans/priority_area_form.html"

    def render(self, form, status=200):
        return TemplateResponse(
            self.request, self.template_name, self.context(form=form, area=None), status=status
        )

    def get(self, request, **kwargs):
        form = PriorityAreaForm(instance=PriorityArea(plan=self.plan))
        _disable_if_frozen(form, self.plan)
        return self.render(form)

    def post_editable(self, request, **kwargs):
        form = PriorityAreaForm(request.POST, instance=PriorityArea(plan=self.plan))
        if form.is_valid():
            try:
                area = priority_area_save(
                    area=form.instance, user=request.user, networks=form.cleaned_data["networks"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The priority area was added."))
                return HttpResponseRedirect(f"{self.plan.get_absolute_url()}#area-{area.pk}")
        return self.render(form)


def _disable_if_frozen(form, plan: Plan) -> None:
    if plan.is_frozen:
        for field in form.fields.values():
            field.disabled = True


class PriorityAreaEditView(PriorityAreaMixin, View):
    template_name = "strategy/plans/priority_area_form.html"

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            self.context(form=form, area=self.area),
            status=status,
        )

    def get(self, request, **kwargs):
        form = PriorityAreaForm(instance=self.area)
        _disable_if_frozen(form, self.plan)
        return self.render(form)

    def post_editable(self, request, **kwargs):
        form = PriorityAreaForm(request.POST, instance=self.area)
        if form.is_valid():
            try:
                priority_area_save(
                    area=form.instance, user=request.user, networks=form.cleaned_data["networks"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The priority area was saved."))
                return HttpResponseRedirect(f"{self.plan.get_absolute_url()}#area-{self.area.pk}")
        return self.render(form)


class PriorityAreaDeleteView(PriorityAreaMixin, View):
    template_name = "strategy/plans/priority_area_delete.html"

    def get(self, request, **kwargs):
        goals = list(self.area.goals.filter(parent=None).values_list("title", flat=True))
        return TemplateResponse(
            request, self.template_name, self.context(area=self.area, goals=goals)
        )

    def post_editable(self, request, **kwargs):
        try:
            priority_area_delete(area=self.area, user=request.user)
        except ValidationError as error:
            goals = list(self.area.goals.filter(parent=None).values_list("title", flat=True))
            return TemplateResponse(
                request,
                self.template_name,
                self.context(area=self.area, goals=goals, error=error.messages[0]),
                status=409,
            )
        messages.success(request, _("The priority area was deleted."))
        return redirect(self.plan.get_absolute_url())


# --- Goals ------------------------------------------------------------------------------------
class GoalFormMixin(PlanMixin):
    template_name = "strategy/plans/goal_form.html"
    parent: Goal | None = None

    def new_goal(self) -> Goal:
        raise NotImplementedError

    @cached_property
    def goal(self) -> Goal:
        return self.new_goal()

    def forms(self, data=None):
        form = GoalForm(
            data,
            instance=self.goal,
            plan=self.plan,
            is_sub_goal=self.goal.parent_id is not None,
        )
        formset = GoalIndicatorFormSet(data, instance=self.goal, prefix="indicators")
        if self.plan.is_frozen:
            _disable_if_frozen(form, self.plan)
            for item in formset.forms:
                _disable_if_frozen(item, self.plan)
        return form, formset

    def render(self, form, formset, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            self.context(form=form, formset=formset, goal=self.goal),
            status=status,
        )

    def get(self, request, **kwargs):
        return self.render(*self.forms())

    def post_editable(self, request, **kwargs):
        form, formset = self.forms(request.POST)
        if form.is_valid() and formset.is_valid():
            to_save, to_delete = formset_changes(formset)
            goal = form.save(commit=False)
            try:
                goal_save(
                    goal=goal,
                    user=request.user,
                    owner_users=form.cleaned_data["owner_users"],
                    owner_organisations=form.cleaned_data["owner_organisations"],
                    target_groups=form.cleaned_data["target_groups"],
                    indicator_sets=form.cleaned_data["indicator_sets"],
                    indicators=to_save,
                    removed_indicators=to_delete,
                    loaded_at=form.cleaned_data["loaded_at"] or None,
                )
            except ValidationError as error:
                _add_service_error(form, formset, error)
            else:
                messages.success(request, _("The goal was saved."))
                return HttpResponseRedirect(f"{self.plan.get_absolute_url()}#goal-{goal.pk}")
        return self.render(form, formset, status=409 if _is_conflict(form) else 200)


def _add_service_error(form, formset, error: ValidationError) -> None:
    """A service's refusal on the goal form: on its fields when the form has them, else
    above the form (frozen, concurrent edit, an indicator's years)."""
    if not hasattr(error, "error_dict") or set(error.error_dict) <= set(form.fields):
        form.add_error(None, error)
    else:
        form.add_error(None, ValidationError(error.messages))


class GoalCreateView(GoalFormMixin, View):
    """A new goal in a priority area (`pk` is the area's)."""

    model = PriorityArea
    select_related = ("plan",)

    @cached_property
    def area(self):
        return self.url_object

    def get_plan(self):
        return self.area.plan

    def new_goal(self):
        return Goal(plan=self.plan, priority_area=self.area)


class SubGoalCreateView(GoalFormMixin, View):
    """A new sub-goal under a goal (`pk` is the parent goal's)."""

    model = Goal
    select_related = ("plan",)
    view_permission = "strategy.view_goal"

    @cached_property
    def parent(self):
        parent = self.url_object
        if parent.parent_id is not None:
            raise Http404  # sub-goals have no sub-goals of their own
        return parent

    def get_plan(self):
        return self.parent.plan

    def get_view_permission_object(self):
        return self.parent

    def new_goal(self):
        return Goal(
            plan=self.plan, priority_area_id=self.parent.priority_area_id, parent=self.parent
        )


class GoalEditView(GoalFormMixin, View):
    model = Goal
    select_related = ("plan", "priority_area")
    view_permission = "strategy.view_goal"

    def new_goal(self):
        return self.url_object

    def get_plan(self):
        return self.url_object.plan

    def get_view_permission_object(self):
        return self.url_object


class GoalDeleteView(PlanMixin, View):
    """Deleting a goal asks first; when measures depend on it they are listed and deleted
    only with an explicit confirmation (`goal_delete(delete_measures=True)`)."""

    template_name = "strategy/plans/goal_delete.html"
    model = Goal
    select_related = ("plan",)
    view_permission = "strategy.view_goal"

    @cached_property
    def goal(self):
        return self.url_object

    def get_plan(self):
        return self.goal.plan

    def get_view_permission_object(self):
        return self.goal

    def render(self, form, status=200, error=None):
        return TemplateResponse(
            self.request,
            self.template_name,
            self.context(
                form=form,
                goal=self.goal,
                measures=goal_dependent_measures(goal=self.goal),
                sub_goals=list(self.goal.sub_goals.values_list("title", flat=True)),
                error=error,
            ),
            status=status,
        )

    def get(self, request, **kwargs):
        return self.render(GoalDeleteForm())

    def post_editable(self, request, **kwargs):
        form = GoalDeleteForm(request.POST)
        form.is_valid()
        try:
            with transaction.atomic():
                count = goal_delete(
                    goal=self.goal,
                    user=request.user,
                    delete_measures=form.cleaned_data.get("delete_measures", False),
                )
        except ValidationError as error:
            return self.render(form, status=409, error=error.messages[0])
        if count:
            text = _("The goal and %(count)d measures were deleted.") % {"count": count}
        else:
            text = _("The goal was deleted.")
        messages.success(request, text)
        return redirect(self.plan.get_absolute_url())

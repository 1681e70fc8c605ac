"""The goal-to-impact view of a municipality or a county (public: each part shows what the
viewer may see — plans by their visibility, organisations by theirs, experiential data to
those who work with it), and the form that links a goal to experiential domains."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.reports.impact.forms import GoalDomainsForm
from elinvoima.reports.impact.models import GoalDomain
from elinvoima.reports.impact.selectors import (
    county_municipalities,
    current_plan,
    plan_impact,
    plans_of,
)
from elinvoima.reports.impact.services import goal_domains_set
from elinvoima.strategy.models import Goal


def _asked_year(request) -> int | None:
    year = request.GET.get("year", "")
    return int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else None


class _ImpactView(ObjectPermissionMixin, TemplateView):
    lookup_field = "code"

    def chosen_plan(self):
        owner, user = self.url_object, self.request.user
        number = self.request.GET.get("plan", "")
        if number.isdigit():
            chosen = plans_of(owner, user).filter(pk=int(number)).first()
            if chosen is not None:
                return chosen
        return current_plan(owner, user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owner, user = self.url_object, self.request.user
        plan = self.chosen_plan()
        impact = plan_impact(plan, user, year=_asked_year(self.request)) if plan else None
        context.update(
            owner=owner,
            plan=plan,
            plans=list(plans_of(owner, user)),
            impact=impact,
            years=list(range(plan.start_year, plan.end_year + 1)) if plan else [],
            can_link=[
                row.goal.pk
                for row in (impact.goals if impact else [])
                if user.has_perm("reports.link_goal_domains", row.goal)
            ],
        )
        return context


class MunicipalityImpactView(_ImpactView):
    model = Municipality
    template_name = "reports/impact/municipality.html"


class CountyImpactView(_ImpactView):
    model = WellbeingCounty
    template_name = "reports/impact/county.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        impact = context["impact"]
        context["municipalities"] = county_municipalities(
            self.url_object, self.request.user, year=impact.year if impact else None
        )
        return context


class GoalDomainsView(ObjectPermissionMixin, TemplateView):
    model = Goal
    view_permission = "strategy.view_goal"
    permission_required = "reports.link_goal_domains"
    anonymous_to_login = True
    template_name = "reports/impact/goal_domains.html"
    context_object_name = "goal"
    select_related = ("plan__municipality", "plan__wellbeing_county", "plan__network")

    def back(self) -> str:
        plan = self.url_object.plan
        kind = plan.owner_kind
        name = (
            "reports:county-impact" if kind == "wellbeing_county" else "reports:municipality-impact"
        )
        if kind == "network":
            return plan.get_absolute_url()
        return (
            reverse(name, kwargs={"code": plan.owner.code})
            + f"?plan={plan.pk}#goal-{self.url_object.pk}"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = list(
            GoalDomain.objects.filter(goal=self.url_object).values_list("domain", flat=True)
        )
        context.setdefault("form", GoalDomainsForm(initial={"domains": chosen}))
        context["back"] = self.back()
        return context

    def post(self, request, *args, **kwargs):
        form = GoalDomainsForm(request.POST)
        if (
            saved_by(
                form,
                lambda: goal_domains_set(
                    user=request.user, goal=self.url_object, domains=form.cleaned_data["domains"]
                ),
            )
            is not None
        ):
            messages.success(request, _("The experiential data of the goal was saved."))
            return redirect(self.back())
        return self.render_to_response(self.get_context_data(form=form))

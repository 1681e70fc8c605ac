"""Pages of measures: one measure with its reports, add / edit / delete under a goal of an
editable plan, an implementer's period report, "my measures" and what needs attention."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.permissions import user_grants
from elinvoima.core.forms import form_add_service_errors
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.strategy.enums import MeasureStatus, Tertial
from elinvoima.strategy.goal_cards.services import period_current, period_label
from elinvoima.strategy.goal_cards.views import plan_url
from elinvoima.strategy.measures.forms import MeasureForm, MeasureReportForm
from elinvoima.strategy.measures.selectors import (
    AttentionReason,
    attention_period,
    measures_attention,
    my_measures,
)
from elinvoima.strategy.measures.services import (
    measure_create,
    measure_delete,
    measure_is_late,
    measure_report_save,
    measure_report_version,
    measure_reportable_organisations,
    measure_update,
)
from elinvoima.strategy.models import Goal, Measure, MeasureReport, Plan
from elinvoima.strategy.permissions import plans_visible_to
from elinvoima.strategy.plans.services import plan_frozen_reason


class MeasureMixin(ObjectPermissionMixin):
    """A page of one measure: `view_permission` is asked with the measure (hidden → 404,
    anonymous → login), `permission_required` with `get_permission_object()`."""

    model = Measure
    view_permission = "strategy.view_measure"
    anonymous_to_login = True

    def get_object_queryset(self):
        return Measure.objects.select_related("plan", "goal__priority_area").prefetch_related(
            "implementers",
            Prefetch(
                "reports",
                queryset=MeasureReport.objects.select_related("organisation", "reported_by"),
            ),
        )

    @cached_property
    def measure(self) -> Measure:
        return self.url_object

    def get_view_permission_object(self):
        return self.measure


class MeasureDetailView(MeasureMixin, TemplateView):
    permission_required = None  # whoever may see it (view_permission)
    template_name = "strategy/measures/measure_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        measure = self.measure
        user = self.request.user
        reports = sorted(
            measure.reports.all(), key=lambda r: (-r.year, -r.tertial, r.organisation.name)
        )
        context.update(
            measure=measure,
            plan=measure.plan,
            goal=measure.goal,
            plan_url=plan_url(measure.plan),
            reports=[{"report": r, "period": period_label(r.year, r.tertial)} for r in reports],
            can_change=user.has_perm("strategy.change_plan", measure.plan)
            and not measure.plan.is_frozen,
            can_report=user.has_perm("strategy.report_measure", measure)
            and bool(measure_reportable_organisations(measure=measure, user=user)),
            is_late=measure_is_late(measure, today=timezone.localdate()),
            current_period=period_label(*period_current()),
        )
        return context


class MeasureFormMixin(ObjectPermissionMixin):
    permission_required: str | None = "strategy.change_plan"
    anonymous_to_login = True
    template_name = "strategy/measures/measure_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reason = plan_frozen_reason(self.plan)
        if not reason and "form" not in context:
            context["form"] = self.make_form()
        context.update(
            plan=self.plan,
            goal=self.goal,
            plan_url=plan_url(self.plan),
            frozen_reason=reason,
            measure=getattr(self, "measure", None),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = dict(form.cleaned_data)
        implementers = list(data.pop("implementers"))
        loaded = data.pop("loaded_at", None)
        try:
            measure = self.save(data, implementers, loaded)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("The measure was saved."))
        return redirect(measure.get_absolute_url())


class MeasureCreateView(MeasureFormMixin, TemplateView):
    model = Goal
    select_related = ("plan",)
    lookup_url_kwarg = "goal_pk"
    view_permission = "strategy.view_goal"

    @cached_property
    def goal(self) -> Goal:
        return self.url_object

    @cached_property
    def plan(self) -> Plan:
        return self.goal.plan

    def get_permission_object(self):
        return self.plan

    def get_view_permission_object(self):
        return self.goal

    def make_form(self, data=None):
        return MeasureForm(
            data,
            instance=Measure(plan=self.plan, goal=self.goal),
            plan=self.plan,
            initial={"status": MeasureStatus.PLANNED},
        )

    def save(self, data, implementers, loaded):
        return measure_create(
            goal=self.goal, user=self.request.user, implementers=implementers, **data
        )


class MeasureEditView(MeasureFormMixin, MeasureMixin, TemplateView):
    @cached_property
    def plan(self) -> Plan:
        return self.measure.plan

    @cached_property
    def goal(self) -> Goal:
        return self.measure.goal

    def get_permission_object(self):
        return self.plan

    def make_form(self, data=None):
        return MeasureForm(data, instance=self.measure, plan=self.plan)

    def save(self, data, implementers, loaded):
        return measure_update(
            measure=self.measure,
            user=self.request.user,
            implementers=implementers,
            loaded_version=loaded or None,
            **data,
        )


class MeasureDeleteView(MeasureMixin, TemplateView):
    """Asks first, telling how many reports go with the measure."""

    permission_required = "strategy.change_plan"
    template_name = "strategy/measures/measure_confirm_delete.html"

    def get_permission_object(self):
        return self.measure.plan

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            measure=self.measure,
            plan=self.measure.plan,
            goal=self.measure.goal,
            plan_url=plan_url(self.measure.plan),
            report_count=len(self.measure.reports.all()),
            frozen_reason=plan_frozen_reason(self.measure.plan),
        )
        return context

    def post(self, request, *args, **kwargs):
        goal = self.measure.goal
        try:
            measure_delete(measure=self.measure, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.measure.get_absolute_url())
        messages.success(request, _("The measure was deleted."))
        return redirect(reverse("strategy:goal-card", kwargs={"pk": goal.pk}))


class MeasureReportView(MeasureMixin, TemplateView):
    """An implementer reports a period's realisation for its own organisation; planners can
    report for any implementer. The current four-month period unless another is chosen."""

    permission_required = "strategy.report_measure"
    template_name = "strategy/measures/measure_report_form.html"

    @cached_property
    def organisations(self):
        return measure_reportable_organisations(measure=self.measure, user=self.request.user)

    def _choice(self) -> tuple[int | None, int, int]:
        source = self.request.GET
        year, tertial = period_current()
        try:
            chosen = int(source.get("year", year)), int(source.get("tertial", tertial))
        except ValueError:
            chosen = (year, tertial)
        if chosen[1] in Tertial.values and 2000 <= chosen[0] <= year:
            year, tertial = chosen
        organisation = source.get("organisation")
        if organisation and organisation.isdigit():
            organisation_id = int(organisation)
        else:
            organisation_id = self.organisations[0].pk if self.organisations else None
        return organisation_id, year, tertial

    def _existing(self, organisation_id, year, tertial) -> MeasureReport | None:
        return next(
            (
                report
                for report in self.measure.reports.all()
                if (report.organisation_id, report.year, report.tertial)
                == (organisation_id, year, tertial)
            ),
            None,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context:
            organisation_id, year, tertial = self._choice()
            existing = self._existing(organisation_id, year, tertial)
            initial = {
                "organisation": organisation_id,
                "year": year,
                "tertial": tertial,
                "status": existing.status if existing else self.measure.status,
                "realisation": existing.realisation if existing else "",
                "notes": existing.notes if existing else "",
                "loaded_version": measure_report_version(existing),
            }
            context["form"] = MeasureReportForm(initial=initial, organisations=self.organisations)
            context["existing"] = existing
        context.update(
            measure=self.measure,
            plan=self.measure.plan,
            goal=self.measure.goal,
            plan_url=plan_url(self.measure.plan),
            organisations=self.organisations,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = MeasureReportForm(request.POST, organisations=self.organisations)
        if not self.organisations:
            raise PermissionDenied
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        try:
            report = measure_report_save(
                measure=self.measure,
                user=request.user,
                organisation=data["organisation"],
                year=data["year"],
                tertial=data["tertial"],
                status=data["status"],
                realisation=data["realisation"],
                notes=data.get("notes", ""),
                loaded_version=data.get("loaded_version") or "",
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            context = {"form": form}
            if getattr(error, "code", None) == "concurrent_edit":
                current = (
                    MeasureReport.objects.filter(
                        measure=self.measure,
                        organisation=data["organisation"],
                        year=data["year"],
                        tertial=data["tertial"],
                    )
                    .select_related("reported_by", "organisation")
                    .first()
                )
                form.data = form.data.copy()
                form.data["loaded_version"] = measure_report_version(current)
                context["conflict_report"] = current
            return self.render_to_response(self.get_context_data(**context))
        messages.success(
            request,
            _("The report of %(period)s was saved.")
            % {"period": period_label(report.year, report.tertial)},
        )
        return redirect(self.measure.get_absolute_url())


class MyMeasuresView(LoginRequiredMixin, TemplateView):
    """Every measure the user's organisations implement and every goal they own, with what
    is due in the current four-month period."""

    template_name = "strategy/measures/my_measures.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mine = my_measures(user=self.request.user)
        context.update(mine=mine, period_text=period_label(*mine.period))
        return context


class MeasuresAttentionView(LoginRequiredMixin, TemplateView):
    """Measures that are late, unreported for the last period or without an implementer,
    per municipality or county, of the plans the user may read."""

    template_name = "strategy/measures/measures_attention.html"
    paginate_by = 25

    def _scope(self):
        query = self.request.GET
        municipality = county = None
        code = query.get("municipality", "").strip()
        county_code = query.get("county", "").strip()
        if code:
            municipality = Municipality.objects.filter(code=code).first()
        elif county_code:
            county = WellbeingCounty.objects.filter(code=county_code).first()
        elif "municipality" not in query and "county" not in query:
            # By default the user's own municipality or county.
            grants = user_grants(self.request.user)
            own = next((g.municipality_id for g in grants if g.municipality_id), None)
            own_county = next(
                (g.wellbeing_county_id for g in grants if g.wellbeing_county_id), None
            )
            if own:
                municipality = Municipality.objects.filter(pk=own).first()
            elif own_county:
                county = WellbeingCounty.objects.filter(pk=own_county).first()
        return municipality, county

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET
        municipality, county = self._scope()
        reason = query.get("reason", "")
        if reason not in (
            AttentionReason.LATE,
            AttentionReason.NOT_REPORTED,
            AttentionReason.NO_IMPLEMENTER,
        ):
            reason = ""
        plan = None
        plan_id = query.get("plan", "")
        visible = plans_visible_to(self.request.user)
        if plan_id.isdigit():
            plan = visible.filter(pk=int(plan_id)).first()
        rows = measures_attention(
            user=self.request.user,
            municipality=municipality,
            county=county,
            plan=plan,
            reason=reason,
        )
        page_obj = Paginator(rows, self.paginate_by).get_page(query.get("page"))
        scope_plans = visible.filter(next_version__isnull=True)
        if municipality is not None:
            scope_plans = scope_plans.filter(municipality=municipality)
        elif county is not None:
            scope_plans = scope_plans.filter(wellbeing_county=county) | scope_plans.filter(
                municipality__wellbeing_county=county
            )
        context.update(
            page_obj=page_obj,
            measures=page_obj.object_list,
            municipality=municipality,
            county=county,
            reason=reason,
            plan=plan,
            plans=scope_plans.order_by("title")[:200],
            municipalities=Municipality.objects.order_by("name").only("code", "name"),
            counties=WellbeingCounty.objects.order_by("name").only("code", "name"),
            reasons=[
                (AttentionReason.LATE, _("Late")),
                (AttentionReason.NOT_REPORTED, _("No report for the last period")),
                (AttentionReason.NO_IMPLEMENTER, _("No implementer")),
            ],
            last_period=period_label(*attention_period()),
        )
        return context

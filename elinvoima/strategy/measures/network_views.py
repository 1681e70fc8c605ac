"""A network's agreed measures (issue 16, seed 000): the goals of the welfare plan's
priority areas the network answers for, their measures — those the network agreed marked —
and, for those who run the network, the form to record a measure it agreed. Thin: the
service writes."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from elinvoima.core.forms import date_field, saved_by, text_field
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.measures.services import network_goals, network_measure_create
from elinvoima.strategy.models import Measure
from elinvoima.strategy.permissions import goals_visible_to, measures_visible_to


class NetworkMeasureForm(forms.Form):
    goal = forms.ModelChoiceField(label=gettext_lazy("Goal"), queryset=None)
    title_fi = text_field(gettext_lazy("What is done, in Finnish"), required=True, rows=0)
    title_sv = text_field(gettext_lazy("What is done, in Swedish"), rows=0)
    description_fi = text_field(gettext_lazy("Who does it and how"), rows=3)
    starts_on = date_field(gettext_lazy("Starts"), required=False)
    ends_on = date_field(gettext_lazy("Ends"), required=False)

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals
        self.fields["goal"].label_from_instance = lambda goal: f"{goal.plan.title}: {goal.title}"
        self.fields["title_sv"].widget.attrs["lang"] = "sv"


class NetworkMeasuresView(ObjectPermissionMixin, TemplateView):
    model = Network
    view_permission = "networks.view_network"
    anonymous_to_login = True
    template_name = "strategy/measures/network_measures.html"
    context_object_name = "network"

    def _goals(self):
        """The network's goals that the user may read (a draft plan's, its workers)."""
        return network_goals(self.url_object).filter(
            pk__in=goals_visible_to(self.request.user).values("pk")
        )

    def _form(self, data=None):
        editable = self._goals().exclude(plan__state=PlanState.APPROVED)
        return NetworkMeasureForm(data, goals=editable.order_by("plan__title", "position", "pk"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        network, user = self.url_object, self.request.user
        goals = list(
            self._goals()
            .select_related("priority_area", "parent__priority_area")
            .order_by("plan__title", "position", "pk")
        )
        measures = measures_visible_to(user).filter(goal__in=goals).order_by("position", "pk")
        by_goal: dict[int, list[Measure]] = {}
        for measure in measures:
            by_goal.setdefault(measure.goal_id, []).append(measure)
        runs = user.has_perm("networks.run_network", network)
        context.update(
            goals=[(goal, by_goal.get(goal.pk, [])) for goal in goals],
            areas=list(network.priority_areas.select_related("plan").order_by("plan__title")),
            runs=runs,
        )
        if runs:
            context.setdefault("form", self._form())
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: network_measure_create(
                user=request.user, network=self.url_object, **form.cleaned_data
            ),
        ):
            messages.success(request, _("The measure was recorded in the plan."))
            return redirect("strategy:network-measures", pk=self.url_object.pk)
        return self.render_to_response(self.get_context_data(form=form))

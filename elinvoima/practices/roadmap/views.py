"""Pages of the partnership roadmap: a municipality's five steps as a checklist, read by
those who work with the municipality, and the form of one step, for those who manage it.
Thin: selectors read, services write."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality
from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.practices.enums import RoadmapStepCode
from elinvoima.practices.roadmap.enums import RoadmapStatus
from elinvoima.practices.roadmap.forms import RoadmapStepForm
from elinvoima.practices.roadmap.selectors import municipality_roadmap, roadmap_step
from elinvoima.practices.roadmap.services import (
    CHANGE,
    VIEW,
    roadmap_step_save,
    roadmap_step_version,
)


class RoadmapView(ObjectPermissionMixin, TemplateView):
    model = Municipality
    lookup_field = "code"
    permission_required = VIEW
    template_name = "practices/roadmap/roadmap.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        steps = municipality_roadmap(self.url_object, self.request.user)
        context.update(
            steps=steps,
            done=sum(1 for step in steps if step.status == RoadmapStatus.DONE),
            can_change=self.request.user.has_perm(CHANGE, self.url_object),
        )
        return context


class RoadmapStepView(ObjectPermissionMixin, TemplateView):
    model = Municipality
    lookup_field = "code"
    permission_required = CHANGE
    template_name = "practices/roadmap/step_form.html"
    context_object_name = "municipality"

    @cached_property
    def step(self) -> str:
        if self.kwargs["step"] not in RoadmapStepCode.values:
            raise Http404
        return self.kwargs["step"]

    def _form(self, data=None):
        row = roadmap_step(self.url_object, self.step)
        initial: dict[str, object] = {"loaded_version": roadmap_step_version(row)}
        if row is not None:
            initial.update(
                responsible=row.responsible,
                due_on=row.due_on,
                done_on=row.done_on,
                notes=row.notes,
            )
        return RoadmapStepForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(
            step=self.step,
            step_title=RoadmapStepCode(self.step).label,
            number=RoadmapStepCode.values.index(self.step) + 1,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: roadmap_step_save(
                user=request.user,
                municipality=self.url_object,
                step=self.step,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        ):
            messages.success(request, _("The step was saved."))
            roadmap = reverse("practices:roadmap", kwargs={"code": self.url_object.code})
            return redirect(f"{roadmap}#step-{self.step}")
        return self.render_to_response(self.get_context_data(form=form))

"""Pages of ex-ante impact assessments: an owner's list, starting one, the assessment's
page with its checklist, filling it in, and publishing it with the decision. Thin:
selectors read, services write."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.practices.assessments.checklist import CHILD_QUESTIONS, checklist
from elinvoima.practices.assessments.forms import AssessmentForm, AssessmentStartForm, PublishForm
from elinvoima.practices.assessments.models import CHILD_FIELDS, Assessment
from elinvoima.practices.assessments.selectors import (
    assessment_page,
    assessments_of,
    linkable_consultations,
    linkable_hearings,
)
from elinvoima.practices.assessments.services import (
    assessment_publish,
    assessment_save,
    assessment_version,
)
from elinvoima.practices.enums import AssessmentKind
from elinvoima.practices.hearings.views import plans_of
from elinvoima.practices.owner_pages import owner_urls
from elinvoima.strategy.models import Goal

VIEW, CHANGE = "practices.view_assessment", "practices.change_assessment"


class _OwnerAssessmentsView(ObjectPermissionMixin, TemplateView):
    """A municipality's or a county's assessments: the published ones are public, the
    drafts for those who work with the owner."""

    lookup_field = "code"
    template_name = "practices/assessments/assessments.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owner, user = self.url_object, self.request.user
        context.update(
            owner=owner,
            urls=owner_urls(owner),
            assessments=assessments_of(user, owner),
            can_add=user.has_perm("practices.add_assessment", owner),
            add_url_name=self.add_url_name,
        )
        return context


class MunicipalityAssessmentsView(_OwnerAssessmentsView):
    model = Municipality
    add_url_name = "practices:municipality-assessment-add"


class CountyAssessmentsView(_OwnerAssessmentsView):
    model = WellbeingCounty
    add_url_name = "practices:county-assessment-add"


class _AssessmentStartView(ObjectPermissionMixin, TemplateView):
    lookup_field = "code"
    permission_required = "practices.add_assessment"
    anonymous_to_login = True
    template_name = "practices/assessments/start_form.html"

    def _form(self, data=None):
        return AssessmentStartForm(data, plans=plans_of(self.url_object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(owner=self.url_object, urls=owner_urls(self.url_object))
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        assessment = saved_by(
            form,
            lambda: assessment_save(
                user=request.user, owner=self.url_object, data=form.assessment_data()
            ),
        )
        if assessment:
            messages.success(request, _("The assessment was started. Go through its checklist."))
            return redirect("practices:assessment-edit", pk=assessment.pk)
        return self.render_to_response(self.get_context_data(form=form))


class MunicipalityAssessmentStartView(_AssessmentStartView):
    model = Municipality


class CountyAssessmentStartView(_AssessmentStartView):
    model = WellbeingCounty


def _effects(rows, key: str) -> list:
    return [(getattr(row, key), row) for row in rows]


class AssessmentView(ObjectPermissionMixin, TemplateView):
    model = Assessment
    view_permission = VIEW
    anonymous_to_login = True
    template_name = "practices/assessments/assessment.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment, user = assessment_page(self.url_object), self.request.user
        consultations = list(assessment.consultations.all())
        hearings = list(assessment.hearings.all())
        steps = checklist(assessment, views_count=len(consultations) + len(hearings))
        context.update(
            assessment=assessment,
            owner=assessment.owner,
            urls=owner_urls(assessment.owner),
            steps=steps,
            ready=all(step.done for step in steps),
            can_change=user.has_perm(CHANGE, assessment),
            consultations=consultations,
            hearings=hearings,
            child_answers=[
                (CHILD_QUESTIONS[name], getattr(assessment, name)) for name in CHILD_FIELDS
            ]
            if assessment.kind == AssessmentKind.CHILD
            else [],
        )
        return context


class AssessmentEditView(ObjectPermissionMixin, TemplateView):
    model = Assessment
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True
    template_name = "practices/assessments/assessment_form.html"

    @cached_property
    def assessment(self) -> Assessment:
        return assessment_page(self.url_object)

    def _form(self, data=None):
        assessment = self.assessment
        owner = assessment.owner
        goals = (
            Goal.objects.filter(plan_id=assessment.plan_id).order_by("position", "id")
            if assessment.plan_id
            else Goal.objects.none()
        )
        return AssessmentForm(
            data,
            initial=AssessmentForm.initial_of(assessment),
            assessment=assessment,
            plans=plans_of(owner),
            goals=goals,
            consultations=linkable_consultations(owner),
            hearings=linkable_hearings(owner),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context.setdefault("form", self._form())
        assessment = self.assessment
        titles = {
            step.anchor: step
            for step in checklist(assessment, views_count=len(assessment.consultations.all()))
        }
        context.update(
            assessment=assessment,
            owner=assessment.owner,
            urls=owner_urls(assessment.owner),
            sections=[(anchor, titles[anchor], fields) for anchor, fields in form.sections()],
            loaded_version=assessment_version(assessment),
            domains_help=ExperientialDomain.choices,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        assessment = saved_by(
            form,
            lambda: assessment_save(
                user=request.user,
                assessment=self.assessment,
                data=form.assessment_data(),
                loaded_version=request.POST.get("loaded_version") or None,
            ),
        )
        if assessment:
            messages.success(request, _("The assessment was saved."))
            return redirect(assessment)
        return self.render_to_response(self.get_context_data(form=form))


class AssessmentPublishView(ObjectPermissionMixin, TemplateView):
    """Record the decision and publish the assessment."""

    model = Assessment
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True
    template_name = "practices/assessments/publish_form.html"
    context_object_name = "assessment"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", PublishForm())
        context["urls"] = owner_urls(self.url_object.owner)
        return context

    def post(self, request, *args, **kwargs):
        form = PublishForm(request.POST)
        assessment = saved_by(
            form,
            lambda: assessment_publish(
                user=request.user,
                assessment=self.url_object,
                decided_on=form.cleaned_data["decided_on"],
                decision=form.cleaned_data["decision"],
            ),
        )
        if assessment:
            messages.success(request, _("The assessment was published with the decision."))
            return redirect(assessment)
        return self.render_to_response(self.get_context_data(form=form))

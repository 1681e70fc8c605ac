"""The grant report's page: the association prepares and submits it; the round's
coordinator reads and receives it. Thin: selectors read, services write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.reporting.forms import GrantReportForm
from elinvoima.grants.reporting.selectors import activities_for_report
from elinvoima.grants.reporting.services import (
    grant_report_receive,
    grant_report_save,
    grant_report_submit,
    report_version,
)


class GrantReportView(ObjectPermissionMixin, TemplateView):
    model = GrantApplication
    view_permission = "grants.view_application"
    permission_required = "grants.view_report"
    anonymous_to_login = True
    template_name = "grants/reporting/report.html"
    context_object_name = "application"
    select_related = ("grant_round__municipality", "organisation", "decision__report")

    @cached_property
    def decision(self):
        decision = getattr(self.url_object, "decision", None)
        if decision is None:  # only the admin gets this far without one
            raise Http404
        return decision

    def _report(self):
        return getattr(self.decision, "report", None)

    def _form(self, data=None) -> GrantReportForm:
        application, report = self.url_object, self._report()
        activities = activities_for_report(application)
        if report is not None:
            initial = {
                "summary": report.summary,
                "used_amount": report.used_amount,
                "activities": list(report.activities.all()),
                "loaded_version": report_version(report),
            }
        else:
            initial = {
                "used_amount": self.decision.granted_amount,
                "activities": [activity for activity in activities if activity.serves_round],
            }
        return GrantReportForm(data, initial=initial, activities=activities)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application, user = self.url_object, self.request.user
        report = self._report()
        can_write = user.has_perm("grants.write_report", application)
        if can_write:
            context.setdefault("form", self._form())
        context.update(
            grant_round=application.grant_round,
            decision=self.decision,
            report=report,
            activities=(
                list(report.activities.order_by("starts_on", "pk")) if report is not None else []
            ),
            can_write=can_write,
            can_receive=user.has_perm("grants.receive_report", application),
        )
        return context

    def post(self, request, *args, **kwargs):
        application, action = self.url_object, request.POST.get("action")
        if action == "receive":
            grant_report_receive(user=request.user, application=application)
            messages.success(request, _("The grant report was received."))
            return redirect("grants:report", pk=application.pk)
        if not request.user.has_perm("grants.write_report", application):
            raise PermissionDenied
        if action == "submit":
            try:
                grant_report_submit(
                    user=request.user,
                    application=application,
                    loaded_version=request.POST.get("loaded_version") or None,
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Thank you! The grant report was sent."))
            return redirect("grants:report", pk=application.pk)
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: grant_report_save(
                user=request.user,
                application=application,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        ):
            messages.success(request, _("The grant report was saved. Submit it when ready."))
            return redirect("grants:report", pk=application.pk)
        return self.render_to_response(self.get_context_data(form=form))

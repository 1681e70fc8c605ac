"""Pages of grant applications: an association applies to a round and submits; the applicant,
the round's coordinators and reviewers read the application (and, once published, its
decision). Thin: selectors read, services write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from elinvoima.actors.models import Organisation
from elinvoima.actors.permissions import represented_organisation_ids
from elinvoima.core.document_files import MAX_FILES, content_type_of
from elinvoima.core.forms import AttachmentForm, form_add_service_errors
from elinvoima.core.private_files import private_file_response
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.grants.applications.forms import (
    GOAL_FIELD,
    QUESTION_FIELD,
    ApplicationForm,
    BudgetLineFormSet,
    budget_lines_of,
)
from elinvoima.grants.applications.models import Attachment, GrantApplication
from elinvoima.grants.applications.selectors import (
    card_answers_for,
    card_answers_shown_with,
    own_application,
)
from elinvoima.grants.applications.services import (
    application_version,
    attachment_add,
    attachment_remove,
    grant_application_save,
    grant_application_submit,
    round_is_open,
)
from elinvoima.grants.models import GrantRound


class _ApplicationFormMixin:
    """The form and the budget's lines, for a new application or a draft."""

    template_name = "grants/applications/application_form.html"

    def _forms(self, grant_round, organisation, application=None, data=None):
        goals = list(grant_round.goals.order_by("position", "pk"))
        questions = list(grant_round.questions.all())
        initial, lines = {}, []
        if application is not None:
            initial = {
                "action_plan": application.action_plan,
                "requested_amount": application.requested_amount,
                "contact_person": application.contact_person,
                "loaded_version": application_version(application),
            }
            for commitment in application.commitments.all():
                initial[GOAL_FIELD.format(commitment.goal_id)] = commitment.how
            for answer in application.answers.all():
                initial[QUESTION_FIELD.format(answer.question_id)] = answer.text
            lines = [
                {"description": line.description, "amount": line.amount}
                for line in application.budget_lines.all()
            ]
        else:
            # The association's wellbeing card answers for the goals, to start from.
            for goal_id, text in card_answers_for(grant_round, organisation, goals).items():
                initial[GOAL_FIELD.format(goal_id)] = text
        form = ApplicationForm(data, initial=initial, goals=goals, questions=questions)
        formset = BudgetLineFormSet(data, initial=lines, prefix="line")
        return form, formset

    def _saved(self, request, form, formset, **target):
        if form.is_valid() & formset.is_valid():  # `&`: both checked, both show their errors
            try:
                application = grant_application_save(
                    user=request.user,
                    data=form.data_for_service(budget_lines_of(formset)),
                    loaded_version=form.cleaned_data["loaded_version"] or None,
                    **target,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The application was saved as a draft. Submit it when it is ready."),
                )
                return redirect("grants:application", pk=application.pk)
        return None


class ApplyView(_ApplicationFormMixin, ObjectPermissionMixin, TemplateView):
    """Apply to a round for an association the user represents (`?organisation=`, or the
    first); an association that has applied already is sent to its application."""

    model = GrantRound
    view_permission = "grants.view_round"
    permission_required = "grants.apply"
    anonymous_to_login = True
    select_related = ("municipality",)

    @cached_property
    def organisation(self) -> Organisation:
        ids = represented_organisation_ids(
            self.request.user, municipality_id=self.url_object.municipality_id
        )
        chosen = self.request.GET.get("organisation") or self.request.POST.get("organisation")
        organisations = Organisation.objects.filter(pk__in=ids).order_by("name")
        if chosen:
            organisation = organisations.filter(pk=chosen if chosen.isdigit() else None).first()
            if organisation is None:
                raise Http404
            return organisation
        organisation = organisations.first()
        if organisation is None:
            raise PermissionDenied
        return organisation

    def get(self, request, *args, **kwargs):
        existing = own_application(self.url_object, self.organisation)
        if existing is not None:
            return redirect("grants:application", pk=existing.pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context:
            context["form"], context["formset"] = self._forms(self.url_object, self.organisation)
        context.update(
            grant_round=self.url_object,
            organisation=self.organisation,
            is_open=round_is_open(self.url_object),
        )
        return context

    def post(self, request, *args, **kwargs):
        form, formset = self._forms(self.url_object, self.organisation, data=request.POST)
        saved = self._saved(
            request, form, formset, grant_round=self.url_object, organisation=self.organisation
        )
        return saved or self.render_to_response(self.get_context_data(form=form, formset=formset))


class ApplicationEditView(_ApplicationFormMixin, ObjectPermissionMixin, TemplateView):
    """Change the draft; a submitted application is shown on its page instead."""

    model = GrantApplication
    view_permission = "grants.view_application"
    permission_required = "grants.change_application"
    anonymous_to_login = True
    select_related = ("grant_round__municipality", "organisation")

    def get(self, request, *args, **kwargs):
        if not self.url_object.is_draft:
            return redirect("grants:application", pk=self.url_object.pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.url_object
        if "form" not in context:
            context["form"], context["formset"] = self._forms(
                application.grant_round, application.organisation, application
            )
        context.update(
            application=application,
            grant_round=application.grant_round,
            organisation=application.organisation,
            is_open=application.is_draft and round_is_open(application.grant_round),
        )
        return context

    def post(self, request, *args, **kwargs):
        application = self.url_object
        form, formset = self._forms(
            application.grant_round, application.organisation, application, data=request.POST
        )
        saved = self._saved(request, form, formset, application=application)
        return saved or self.render_to_response(self.get_context_data(form=form, formset=formset))


class ApplicationView(ObjectPermissionMixin, TemplateView):
    """One application: its state, its content and the association's answers to the
    round's wellbeing cards; the applicant submits the draft here."""

    model = GrantApplication
    view_permission = permission_required = "grants.view_application"
    anonymous_to_login = True
    template_name = "grants/applications/application.html"
    context_object_name = "application"
    select_related = ("grant_round__municipality", "organisation", "decision")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application, user = self.url_object, self.request.user
        grant_round = application.grant_round
        lines = list(application.budget_lines.all())
        context.update(
            grant_round=grant_round,
            commitments=list(application.commitments.select_related("goal")),
            answers=list(application.answers.select_related("question")),
            card_answers=card_answers_shown_with(user, application),
            budget_lines=lines,
            costs=sum(line.amount for line in lines),
            attachments=list(application.attachments.all()),
            can_change=(
                application.is_draft
                and round_is_open(grant_round)
                and user.has_perm("grants.change_application", application)
            ),
            version=application_version(application),
            decision=(
                getattr(application, "decision", None)
                if user.has_perm("grants.view_decision", application)
                else None
            ),
            can_review=user.has_perm("grants.review_application", application),
            sees_reviews=user.has_perm("grants.view_reviews", application),
            sees_report=user.has_perm("grants.view_report", application),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            grant_application_submit(
                user=request.user,
                application=self.url_object,
                loaded_version=request.POST.get("loaded_version") or None,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Thank you! The application was sent to the municipality."))
        return redirect("grants:application", pk=self.url_object.pk)


class AttachmentsView(ObjectPermissionMixin, TemplateView):
    """The draft's attachments: add a file (PDF or office document) or remove one."""

    model = GrantApplication
    view_permission = "grants.view_application"
    permission_required = "grants.change_application"
    anonymous_to_login = True
    template_name = "grants/applications/attachments.html"
    context_object_name = "application"
    select_related = ("grant_round", "organisation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AttachmentForm())
        context.update(
            grant_round=self.url_object.grant_round,
            attachments=list(self.url_object.attachments.all()),
            max_files=MAX_FILES,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = AttachmentForm(request.POST, request.FILES)
        if form.attached_by(
            lambda: attachment_add(
                user=request.user, application=self.url_object, upload=form.cleaned_data["file"]
            )
        ):
            messages.success(request, _("The file was attached."))
            return redirect("grants:attachments", pk=self.url_object.pk)
        return self.render_to_response(self.get_context_data(form=form))


class _AttachmentMixin(ObjectPermissionMixin):
    model = Attachment
    view_permission = "grants.view_application"
    anonymous_to_login = True
    select_related = ("application__grant_round", "application__organisation")

    def get_permission_object(self):
        return self.url_object.application


class AttachmentDownloadView(_AttachmentMixin, View):
    """The file, as a download, to those who may read its application."""

    permission_required = "grants.view_application"

    def get(self, request, *args, **kwargs):
        attachment = self.url_object
        return private_file_response(
            attachment.file, name=attachment.name, content_type=content_type_of(attachment.kind)
        )


class AttachmentRemoveView(_AttachmentMixin, TemplateView):
    """Take a file off the draft, asked first."""

    permission_required = "grants.change_application"
    template_name = "grants/applications/attachment_remove.html"
    context_object_name = "attachment"

    def post(self, request, *args, **kwargs):
        attachment = self.url_object
        try:
            attachment_remove(user=request.user, attachment=attachment)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The file was removed."))
        return redirect("grants:attachments", pk=attachment.application_id)

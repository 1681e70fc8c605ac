"""Pages of an association's annual action plans and reports: the list (where one is made
from the year's card answers), one document as it is read and printed, and its form. Thin:
selectors read, services write."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Organisation
from elinvoima.cards.annual.forms import PREFIX, AnnualDocumentForm
from elinvoima.cards.annual.models import AnnualDocument
from elinvoima.cards.annual.selectors import document_parts, documents_of, year_totals
from elinvoima.cards.annual.services import (
    annual_document_save,
    annual_document_start,
    document_version,
)
from elinvoima.cards.enums import AnnualDocumentKind
from elinvoima.core.forms import form_add_service_errors
from elinvoima.core.view_mixins import ObjectPermissionMixin


class OrganisationAnnualView(ObjectPermissionMixin, TemplateView):
    """An association's plans and reports; its representatives make this and next year's."""

    model = Organisation
    permission_required = "cards.view_annual_documents"
    template_name = "cards/annual/organisation_annual.html"
    context_object_name = "organisation"

    def _years(self) -> list[int]:
        this_year = timezone.localdate().year
        return [this_year + 1, this_year, this_year - 1]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.url_object
        documents = list(documents_of(self.request.user, organisation))
        made = {(document.year, document.kind) for document in documents}
        context.update(
            documents=documents,
            makes=self.request.user.has_perm("cards.make_annual_document", organisation),
            to_make=[
                (year, kind, label)
                for year in self._years()
                for kind, label in AnnualDocumentKind.choices
                if (year, kind) not in made
            ],
        )
        return context

    def post(self, request, *args, **kwargs):
        organisation = self.url_object
        year, kind = request.POST.get("year", ""), request.POST.get("kind", "")
        if not year.isdigit() or int(year) not in self._years():
            messages.error(request, _("Choose a year from the list."))
            return redirect("cards:organisation-annual", pk=organisation.pk)
        try:
            document = annual_document_start(
                user=request.user, organisation=organisation, year=int(year), kind=kind
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("cards:organisation-annual", pk=organisation.pk)
        return redirect("cards:annual-document-edit", pk=document.pk)


class _DocumentView(ObjectPermissionMixin, TemplateView):
    model = AnnualDocument
    view_permission = "cards.view_annual_document"
    anonymous_to_login = True
    context_object_name = "document"
    select_related = ("organisation", "municipality", "updated_by")


class AnnualDocumentView(_DocumentView):
    """A plan or report as it is read and printed."""

    permission_required = "cards.view_annual_document"
    template_name = "cards/annual/annual_document.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.url_object
        context.update(
            parts=document_parts(document),
            totals=year_totals(document),
            can_edit=self.request.user.has_perm("cards.change_annual_document", document),
        )
        return context


class AnnualDocumentEditView(_DocumentView):
    permission_required = "cards.change_annual_document"
    template_name = "cards/annual/annual_document_form.html"

    def _form(self, parts, data=None) -> AnnualDocumentForm:
        document = self.url_object
        return AnnualDocumentForm(
            data,
            document=document,
            sections=[row.section for part in parts for row in part.rows],
            initial={
                "introduction": document.introduction,
                "other_activities": document.other_activities,
                "loaded_version": document_version(document),
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        parts = kwargs.get("parts") or document_parts(self.url_object)
        form = context.setdefault("form", self._form(parts))
        context["parts"] = [
            (part, [(row, form[f"{PREFIX}{row.section.pk}"]) for row in part.rows])
            for part in parts
        ]
        return context

    def post(self, request, *args, **kwargs):
        document = self.url_object
        parts = document_parts(document)
        form = self._form(parts, request.POST)
        if form.is_valid():
            try:
                annual_document_save(
                    user=request.user,
                    document=document,
                    introduction=form.cleaned_data["introduction"],
                    other_activities=form.cleaned_data["other_activities"],
                    sections=form.sections(),
                    share=form.cleaned_data.get("share", False),
                    loaded_version=form.cleaned_data["loaded_version"] or None,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Saved: %(document)s %(year)s.")
                    % {"document": document.get_kind_display(), "year": document.year},
                )
                return redirect("cards:annual-document", pk=document.pk)
        return self.render_to_response(self.get_context_data(form=form, parts=parts))

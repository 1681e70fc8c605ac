"""Pages of the practice library: the search, a practice's page, the record's form, its
attached files (attached, downloaded, removed), sending it to review, the editor's review, a
municipality's record of using a practice, and a municipality's practices from its
neighbours. Thin: selectors read, services write."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.actors.permissions import user_grants
from elinvoima.core.document_files import MAX_FILES, content_type_of
from elinvoima.core.forms import AttachmentForm, done_with_message, saved_by
from elinvoima.core.private_files import private_file_response
from elinvoima.core.view_mixins import ConfirmView, ObjectPermissionMixin
from elinvoima.practices.enums import Phase, PracticeState
from elinvoima.practices.forms import TEXT_FIELDS, AdoptionForm, PracticeForm, SearchForm
from elinvoima.practices.models import Adoption, Practice, PracticeFile
from elinvoima.practices.selectors import (
    PracticeFilters,
    practice_page,
    practice_search,
    practices_from_neighbours,
)
from elinvoima.practices.services import (
    FACTS,
    adoption_save,
    missing_fields,
    practice_file_add,
    practice_file_remove,
    practice_review,
    practice_save,
    practice_submit,
    practice_version,
)

VIEW, CHANGE = "practices.view_practice", "practices.change_practice"
PAGE_SIZE = 20


class PracticeListView(TemplateView):
    template_name = "practices/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form = SearchForm(self.request.GET or None)
        filters = PracticeFilters()
        if form.is_valid():
            data = form.cleaned_data
            filters = PracticeFilters(
                words=data["q"], phase=data["phase"], topic=data["topic"], audience=data["audience"]
            )
        found = practice_search(user, filters)
        page = Paginator(found, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            form=form,
            page_obj=page,
            practices=page.object_list,
            can_add=user.has_perm("practices.add_practice"),
        )
        return context


class PracticeView(ObjectPermissionMixin, TemplateView):
    model = Practice
    view_permission = VIEW
    anonymous_to_login = True
    template_name = "practices/practice.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practice, user = practice_page(self.url_object), self.request.user
        managed = [
            municipality
            for municipality in Municipality.objects.filter(
                pk__in={g.municipality_id for g in user_grants(user) if g.municipality_id}
            )
            if user.has_perm("practices.record_adoption", municipality)
        ]
        context.update(
            practice=practice,
            files=list(practice.files.all()),
            texts=[
                (label, getattr(practice, name))
                for name, label, _rows in TEXT_FIELDS[1:]
                if getattr(practice, name)
            ],
            can_change=user.has_perm(CHANGE, practice),
            can_review=user.has_perm("practices.review_practice", practice)
            and practice.state == PracticeState.IN_REVIEW,
            missing=missing_fields(practice) if practice.state == PracticeState.DRAFT else [],
            trial_due=practice.phase == Phase.TRIAL
            and practice.follow_up_on is not None
            and practice.follow_up_on <= timezone.localdate()
            and not practice.trial_result,
            adopt_in=[
                m
                for m in managed
                if practice.state == PracticeState.PUBLISHED
                and all(a.municipality_id != m.pk for a in practice.adoptions.all())
            ],
        )
        return context


class _PracticeFormView(ObjectPermissionMixin, TemplateView):
    template_name = "practices/practice_form.html"
    anonymous_to_login = True

    @cached_property
    def practice(self) -> Practice | None:
        return self.url_object if "pk" in self.kwargs else None

    def _organisations(self):
        """The organisations the user works for, and the record's own (never the whole
        directory: the platform admin keeps a record without one, or as it was)."""
        ids = {grant.organisation_id for grant in user_grants(self.request.user)}
        if self.practice is not None and self.practice.organisation_id:
            ids.add(self.practice.organisation_id)
        return Organisation.objects.filter(pk__in=ids).order_by("name")

    def _form(self, data=None):
        practice = self.practice
        initial = {"kind": "record", "phase": "developing"}
        if practice is not None:
            initial = {
                f"{name}_{language}": getattr(practice, f"{name}_{language}")
                for name, _label, _rows in TEXT_FIELDS
                for language in ("fi", "sv")
            }
            initial.update({name: getattr(practice, name) for name in FACTS})
            initial.update(
                topics=[t.code for t in practice.topics.all()],
                audiences=[a.code for a in practice.audiences.all()],
                links="\n".join(f"{link.title} | {link.url}" for link in practice.links.all()),
                organisation=practice.organisation,
                loaded_version=practice_version(practice),
            )
        return PracticeForm(data, initial=initial, organisations=self._organisations())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["practice"] = self.practice
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        practice = saved_by(
            form,
            lambda: practice_save(
                user=request.user,
                practice=self.practice,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if practice:
            messages.success(request, _("The practice was saved as a draft."))
            return redirect(practice)
        return self.render_to_response(self.get_context_data(form=form))


class PracticeCreateView(_PracticeFormView):
    def has_permission(self):
        return self.request.user.has_perm("practices.add_practice")


class PracticeEditView(_PracticeFormView):
    model = Practice
    view_permission = VIEW
    permission_required = CHANGE


class PracticeFilesView(ObjectPermissionMixin, TemplateView):
    """The record's attached files (Innokylä's "Liitteet"): attach a PDF or office document,
    or remove one; for those who may change the record."""

    model = Practice
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True
    template_name = "practices/files.html"
    context_object_name = "practice"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AttachmentForm())
        context.update(files=list(self.url_object.files.all()), max_files=MAX_FILES)
        return context

    def post(self, request, *args, **kwargs):
        form = AttachmentForm(request.POST, request.FILES)
        if form.attached_by(
            lambda: practice_file_add(
                user=request.user, practice=self.url_object, upload=form.cleaned_data["file"]
            )
        ):
            messages.success(request, _("The file was attached."))
            return redirect("practices:files", pk=self.url_object.pk)
        return self.render_to_response(self.get_context_data(form=form))


class _PracticeFileMixin(ObjectPermissionMixin):
    """A file of the record the URL names (`pk` the record, `file_pk` the file), asked
    about with its record: a draft's files are hidden exactly as the draft is."""

    model = PracticeFile
    lookup_url_kwarg = "file_pk"
    view_permission = VIEW
    anonymous_to_login = True
    select_related = ("practice",)

    def get_object_queryset(self):
        return super().get_object_queryset().filter(practice_id=self.kwargs["pk"])

    def get_permission_object(self):
        return self.url_object.practice


class PracticeFileView(_PracticeFileMixin, View):
    """The file, as a download, to whoever may read the record."""

    def get(self, request, *args, **kwargs):
        practice_file = self.url_object
        return private_file_response(
            practice_file.file,
            name=practice_file.name,
            content_type=content_type_of(practice_file.kind),
        )


class PracticeFileRemoveView(_PracticeFileMixin, ConfirmView, TemplateView):
    """Take a file off the record, asked first."""

    permission_required = CHANGE

    @property
    def question(self):
        return _("Remove the file “%(name)s” from the record?") % {"name": self.url_object.name}

    @property
    def action(self):
        return _("Remove the attachment")

    def back(self) -> str:
        return reverse("practices:files", kwargs={"pk": self.url_object.practice_id})

    def act(self):
        practice_file_remove(user=self.request.user, practice_file=self.url_object)
        messages.success(self.request, _("The file was removed."))
        return self.back()


class SubmitView(ConfirmView, TemplateView):
    model = Practice
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True

    @property
    def question(self):
        return _("Send “%(name)s” to an editor's review? It is published once reviewed.") % {
            "name": self.url_object.name
        }

    @property
    def action(self):
        return _("Send to review")

    def act(self):
        practice = practice_submit(user=self.request.user, practice=self.url_object)
        messages.success(self.request, _("The practice waits for an editor's review."))
        return practice.get_absolute_url()


class ReviewView(ObjectPermissionMixin, TemplateView):
    """The editor publishes the record or returns it to its keepers."""

    model = Practice
    view_permission = VIEW
    permission_required = "practices.review_practice"
    anonymous_to_login = True
    template_name = "practices/review.html"
    context_object_name = "practice"

    def post(self, request, *args, **kwargs):
        publish = "publish" in request.POST
        done_with_message(
            request,
            lambda: practice_review(user=request.user, practice=self.url_object, publish=publish),
            _("The practice was published.") if publish else _("The practice was returned."),
        )
        return redirect(self.url_object)


class AdoptionView(ObjectPermissionMixin, TemplateView):
    """A municipality records that it uses a practice, and what it learned."""

    model = Practice
    view_permission = VIEW
    anonymous_to_login = True
    template_name = "practices/adoption_form.html"
    context_object_name = "practice"

    @cached_property
    def municipality(self) -> Municipality:
        return get_object_or_404(Municipality, code=self.kwargs["code"])

    def has_permission(self):
        allowed = super().has_permission()
        return allowed and self.request.user.has_perm(
            "practices.record_adoption", self.municipality
        )

    def _form(self, data=None):
        adoption = Adoption.objects.filter(
            practice=self.url_object, municipality=self.municipality
        ).first()
        initial = {}
        if adoption is not None:
            initial = {
                name: getattr(adoption, name)
                for name in ("since", "learned", "contact_name", "contact_email")
            }
        return AdoptionForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["municipality"] = self.municipality
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: adoption_save(
                user=request.user,
                practice=self.url_object,
                municipality=self.municipality,
                data=form.data_for_service(),
            ),
        ):
            messages.success(request, _("The use of the practice was recorded."))
            return redirect(self.url_object)
        return self.render_to_response(self.get_context_data(form=form))


class NeighboursView(ObjectPermissionMixin, TemplateView):
    """Learning from neighbours: practices of the county's and similar-sized
    municipalities that this one does not use yet, and who to ask."""

    model = Municipality
    lookup_field = "code"
    template_name = "practices/neighbours.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["found"] = practices_from_neighbours(self.url_object)
        return context

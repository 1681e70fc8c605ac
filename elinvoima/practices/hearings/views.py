"""Pages of hearing residents: an owner's consultations and hearings in person; a
consultation's page, where anyone answers while it is open and its results show; its form,
opening and closing; the record of a hearing in person. Thin: selectors read, services
write."""

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ConfirmView, ObjectPermissionMixin
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.practices.hearings.forms import (
    AnswerForm,
    ConsultationForm,
    HearingForm,
    QuestionFormSet,
    questions_of,
)
from elinvoima.practices.hearings.models import Consultation, HearingRecord
from elinvoima.practices.hearings.selectors import (
    consultation_results,
    consultations_of,
    hearing_events,
    hearings_of,
)
from elinvoima.practices.hearings.services import (
    AnswerData,
    consultation_answer,
    consultation_close,
    consultation_is_open,
    consultation_open,
    consultation_save,
    consultation_version,
    hearing_save,
    hearing_version,
)
from elinvoima.practices.owner_pages import owner_urls
from elinvoima.strategy.models import Plan

VIEW, CHANGE = "practices.view_consultation", "practices.change_consultation"


def _visible(user, assessments) -> list:
    """The assessments that asked for these views, those the user may see (by name: the
    assessments package builds on this one)."""
    return [a for a in assessments if user.has_perm("practices.view_assessment", a)]


def plans_of(owner):
    return Plan.objects.filter(Plan.owned_by_q(owner)).order_by("-version", "title")


class _OwnerHearingsView(ObjectPermissionMixin, TemplateView):
    """A municipality's or a county's consultations and hearings in person (public: the
    drafts only for those who work with the owner)."""

    lookup_field = "code"
    template_name = "practices/hearings/hearings.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owner, user = self.url_object, self.request.user
        can_record = user.has_perm("networks.change_clock", owner)
        year = timezone.localdate().year
        hearings = list(hearings_of(owner))
        recorded = {hearing.calendar_item_id for hearing in hearings}
        context.update(
            owner=owner,
            urls=owner_urls(owner),
            consultations=consultations_of(user, owner),
            hearings=hearings,
            events=[e for e in hearing_events(owner, year) if e.pk not in recorded]
            if can_record
            else [],
            can_add=user.has_perm("practices.add_consultation", owner),
            can_record=can_record,
            add_url_name=self.add_url_name,
        )
        return context


class MunicipalityHearingsView(_OwnerHearingsView):
    model = Municipality
    add_url_name = "practices:municipality-consultation-add"


class CountyHearingsView(_OwnerHearingsView):
    model = WellbeingCounty
    add_url_name = "practices:county-consultation-add"


class _ConsultationFormView(ObjectPermissionMixin, TemplateView):
    template_name = "practices/hearings/consultation_form.html"
    anonymous_to_login = True

    @cached_property
    def consultation(self) -> Consultation | None:
        return None

    @cached_property
    def owner(self):
        return self.url_object

    def _forms(self, data=None):
        consultation = self.consultation
        initial: dict = {}
        questions: list[dict] = []
        if consultation is not None:
            initial = {
                name: getattr(consultation, name)
                for name in (
                    "title",
                    "introduction",
                    "starts_on",
                    "ends_on",
                    "one_per_person",
                    "plan",
                    "results_summary",
                )
            }
            initial["heard_groups"] = list(consultation.heard_groups.all())
            questions = [
                {
                    "text": q.text,
                    "kind": q.kind,
                    "choices": q.choices,
                    "required": q.required,
                }
                for q in consultation.questions.all()
            ]
        form = ConsultationForm(data, initial=initial, plans=plans_of(self.owner))
        formset = None
        if consultation is None or consultation.published_at is None:
            formset = QuestionFormSet(data, initial=questions, prefix="questions")
        return form, formset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context:
            context["form"], context["formset"] = self._forms()
        context.update(
            consultation=self.consultation, owner=self.owner, urls=owner_urls(self.owner)
        )
        if self.consultation is not None:
            context["loaded_version"] = consultation_version(self.consultation)
        return context

    def post(self, request, *args, **kwargs):
        form, formset = self._forms(request.POST)
        formset_valid = formset is None or formset.is_valid()
        consultation = saved_by(
            form,
            lambda: (
                consultation_save(
                    user=request.user,
                    owner=self.owner,
                    consultation=self.consultation,
                    data=form.consultation_data(questions_of(formset) if formset else None),
                    loaded_version=request.POST.get("loaded_version") or None,
                )
                if formset_valid
                else None
            ),
        )
        if consultation:
            messages.success(request, _("The consultation was saved."))
            return redirect(consultation)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


class MunicipalityConsultationCreateView(_ConsultationFormView):
    model = Municipality
    lookup_field = "code"
    permission_required = "practices.add_consultation"


class CountyConsultationCreateView(_ConsultationFormView):
    model = WellbeingCounty
    lookup_field = "code"
    permission_required = "practices.add_consultation"


class ConsultationEditView(_ConsultationFormView):
    model = Consultation
    view_permission = VIEW
    permission_required = CHANGE

    @cached_property
    def consultation(self) -> Consultation | None:
        return self.url_object

    @cached_property
    def owner(self):
        return self.url_object.owner


class ConsultationView(ObjectPermissionMixin, TemplateView):
    """The consultation's page: its answer form while it is open (no account needed), and
    its results — the open answers one by one only for those who work with the owner."""

    model = Consultation
    view_permission = VIEW
    anonymous_to_login = True
    template_name = "practices/hearings/consultation.html"
    context_object_name = "consultation"

    def _form(self, data=None):
        consultation = self.url_object
        return AnswerForm(
            data, consultation=consultation, questions=list(consultation.questions.all())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        consultation, user = self.url_object, self.request.user
        is_open = consultation_is_open(consultation)
        may_read_answers = user.has_perm("practices.view_consultation_answers", consultation)
        context.update(
            is_open=is_open,
            owner=consultation.owner,
            urls=owner_urls(consultation.owner),
            can_change=user.has_perm(CHANGE, consultation),
            may_read_answers=may_read_answers,
            results=consultation_results(consultation, with_texts=may_read_answers)
            if may_read_answers or not is_open
            else None,
            assessments=_visible(user, consultation.assessments.all()),
        )
        if is_open:
            context.setdefault("form", self._form())
        return context

    def post(self, request, *args, **kwargs):
        consultation = self.url_object
        if not consultation_is_open(consultation):
            messages.error(request, _("This consultation is not taking answers."))
            return redirect(consultation)
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: consultation_answer(
                consultation=consultation,
                data=AnswerData(
                    answers=form.answers(),
                    source=get_client_ip_address(request) or "",
                    email=form.cleaned_data.get("email", ""),
                ),
            ),
        ):
            messages.success(request, _("Thank you! Your answer was received."))
            return redirect(consultation)
        return self.render_to_response(self.get_context_data(form=form))


class ConsultationOpenView(ConfirmView, TemplateView):
    model = Consultation
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True

    @property
    def question(self):
        return _(
            "Open “%(title)s” for answers? Its questions cannot change after that, and it is "
            "added to the annual clock's participation plan."
        ) % {"title": self.url_object.title}

    @property
    def action(self):
        return _("Start taking answers")

    def act(self):
        consultation = consultation_open(user=self.request.user, consultation=self.url_object)
        messages.success(self.request, _("The consultation takes answers."))
        return consultation.get_absolute_url()


class ConsultationCloseView(ConfirmView, TemplateView):
    model = Consultation
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True

    @property
    def question(self):
        return _("Close “%(title)s” now? No more answers are taken.") % {
            "title": self.url_object.title
        }

    @property
    def action(self):
        return _("Close")

    def act(self):
        consultation = consultation_close(user=self.request.user, consultation=self.url_object)
        messages.success(self.request, _("The consultation was closed."))
        return consultation.get_absolute_url()


class HearingView(ObjectPermissionMixin, TemplateView):
    model = HearingRecord
    select_related = ("calendar_item",)
    view_permission = "practices.view_hearing"
    anonymous_to_login = True
    template_name = "practices/hearings/hearing.html"
    context_object_name = "hearing"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hearing, user = self.url_object, self.request.user
        context.update(
            owner=hearing.calendar_item.owner,
            urls=owner_urls(hearing.calendar_item.owner),
            can_change=user.has_perm("practices.change_hearing", hearing),
            assessments=_visible(user, hearing.assessments.all()),
        )
        return context


class _HearingFormView(ObjectPermissionMixin, TemplateView):
    template_name = "practices/hearings/hearing_form.html"
    anonymous_to_login = True
    hearing: HearingRecord | None = None

    @property
    def calendar_item(self) -> CalendarItem:
        return self.url_object

    def _form(self, data=None):
        initial: dict = {"held_on": self.calendar_item.starts_on}
        hearing = self.hearing
        if hearing is not None:
            initial = {
                name: getattr(hearing, name)
                for name in ("held_on", "attendance", "who_came", "what_was_said", "plan")
            }
            initial["heard_groups"] = list(hearing.heard_groups.all())
        else:
            initial["heard_groups"] = list(self.calendar_item.heard_groups.all())
        return HearingForm(data, initial=initial, plans=plans_of(self.calendar_item.owner))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        owner = self.calendar_item.owner
        context.update(
            hearing=self.hearing, item=self.calendar_item, owner=owner, urls=owner_urls(owner)
        )
        if self.hearing is not None:
            context["loaded_version"] = hearing_version(self.hearing)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        hearing = saved_by(
            form,
            lambda: hearing_save(
                user=request.user,
                calendar_item=self.calendar_item,
                hearing=self.hearing,
                data=form.hearing_data(),
                loaded_version=request.POST.get("loaded_version") or None,
            ),
        )
        if hearing:
            messages.success(request, _("The hearing was recorded."))
            return redirect(hearing)
        return self.render_to_response(self.get_context_data(form=form))


class HearingCreateView(_HearingFormView):
    """Record who came to an event of the annual clock and what was said."""

    model = CalendarItem
    permission_required = "networks.change_calendar_item"

    def get_view_permission_object(self):
        return self.url_object.owner

    view_permission = "networks.view_clock"


class HearingEditView(_HearingFormView):
    model = HearingRecord
    select_related = ("calendar_item",)
    view_permission = "practices.view_hearing"
    permission_required = "practices.change_hearing"

    @cached_property
    def hearing(self) -> HearingRecord | None:  # type: ignore[override]
        return self.url_object

    @property
    def calendar_item(self) -> CalendarItem:
        return self.url_object.calendar_item

"""Pages of workshops: the series and the public event page with its registration (no
account), the registration's own page (its link cancels it), and the organiser's list of
registrations with the catering counts. Thin: selectors read, services write."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.core.forms import done_with_message, saved_by
from elinvoima.core.pdf import pdf_from_html
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.strategy.permissions import measures_visible_to

from .enums import ActionStatus, ProgrammeKind, RegistrationState
from .forms import (
    AreaForm,
    CarpoolForm,
    ContactForm,
    CooperationActionForm,
    FeedbackForm,
    InviteeForm,
    NewsForm,
    NominationForm,
    ProgrammeFormSet,
    RegistrationForm,
    SeriesForm,
    TablesForm,
    WorkshopForm,
    programme_rows,
)
from .mixing import quality_of, random_assignment
from .models import (
    Area,
    CooperationAction,
    Nomination,
    Registration,
    Series,
    Workshop,
    WorkshopTask,
)
from .permissions import organiser_ids, series_visible_to
from .selectors import (
    Invitee,
    cooperation_plans,
    invitation_candidates,
    previous_workshop,
    registrations_of,
    seating,
    seats_left,
    series_areas,
    series_workshops,
)
from .services import (
    area_save,
    carpool_ranking,
    carpool_register,
    catering_counts,
    contact_save,
    cooperation_action_add,
    cooperation_action_status,
    facilitator_set,
    feedback_give,
    feedback_open,
    feedback_summary,
    hosts_save,
    invitations_send,
    news_publish,
    nomination_create,
    nomination_judge,
    participants_of,
    proposed_hosts,
    registration_cancel,
    registration_create,
    registration_open,
    series_save,
    tables_mix,
    task_done,
    thanks_send,
    workshop_save,
)


class SeriesListView(TemplateView):
    template_name = "workshops/series_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["series_list"] = list(
            series_visible_to(user).select_related("organiser").order_by("name_fi")
        )
        context["organisers"] = list(
            Organisation.objects.filter(pk__in=organiser_ids(user)).order_by("name")
        )
        return context


class SeriesView(ObjectPermissionMixin, TemplateView):
    model = Series
    view_permission = "workshops.view_series"
    anonymous_to_login = True
    template_name = "workshops/series.html"
    context_object_name = "series"
    select_related = ("organiser",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        series, user = self.url_object, self.request.user
        context.update(
            areas=list(series_areas(series)),
            workshops=list(series_workshops(series, user)),
            organises=user.has_perm("workshops.organise_series", series),
        )
        return context


class WorkshopView(ObjectPermissionMixin, TemplateView):
    """The public event page, in Finnish and Swedish, and its registration form."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    anonymous_to_login = True
    template_name = "workshops/workshop.html"
    context_object_name = "workshop"
    select_related = ("series", "area", "host")

    def _form(self, data=None):
        return RegistrationForm(data, workshop=self.url_object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        workshop = self.url_object
        programme = list(workshop.programme.all())
        is_open = registration_open(workshop)
        previous = previous_workshop(workshop)
        context.update(
            previous=previous,
            previous_feedback=feedback_summary(previous) if previous else None,
            news=list(workshop.news.all()),
            feedback_is_open=feedback_open(workshop),
            previous_plans=[
                (municipality, actions)
                for municipality, actions in cooperation_plans(previous)
                if actions
            ]
            if previous
            else [],
            programme=programme,
            workshop_minutes=sum(
                item.minutes for item in programme if item.kind == ProgrammeKind.WORKSHOP
            ),
            is_open=is_open,
            seats_left=seats_left(workshop),
            organises=self.request.user.has_perm("workshops.organise_workshop", workshop),
        )
        if is_open:
            context.setdefault("form", self._form())
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        registration = saved_by(
            form,
            lambda: registration_create(
                workshop=self.url_object,
                data=form.data_for_service(),
                urls=(
                    # the registration's address but its token: the mail adds it
                    request.build_absolute_uri(
                        reverse("workshops:registration", kwargs={"token": "x"})
                    )[:-2],
                    request.build_absolute_uri(self.url_object.get_absolute_url()),
                ),
            ),
        )
        if registration:
            return redirect("workshops:registration", token=registration.token)
        return self.render_to_response(self.get_context_data(form=form))


class RegistrationView(TemplateView):
    """The registration's own page: its address is the link in the confirmation."""

    template_name = "workshops/registration.html"

    def registration(self) -> Registration:
        return get_object_or_404(
            Registration.objects.select_related("workshop__series"),
            token=self.kwargs["token"],
            erased=False,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration()
        return context

    def post(self, request, *args, **kwargs):
        registration = registration_cancel(token=self.registration().token)
        messages.success(request, _("Your registration was cancelled."))
        return redirect("workshops:registration", token=registration.token)


class RegistrationsView(ObjectPermissionMixin, TemplateView):
    """The organiser's list of registrations, the waiting list and the catering counts."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    template_name = "workshops/registrations.html"
    context_object_name = "workshop"
    select_related = ("series", "area")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        workshop = self.url_object
        registrations = list(registrations_of(workshop))
        context.update(
            confirmed=[r for r in registrations if r.state == RegistrationState.CONFIRMED],
            waiting=[r for r in registrations if r.state == RegistrationState.WAITING],
            cancelled=[r for r in registrations if r.state == RegistrationState.CANCELLED],
            catering=catering_counts(workshop),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Make a person the facilitator of a table, or not (an empty table)."""
        workshop = self.url_object
        number = request.POST.get("registration", "")
        registration = get_object_or_404(
            Registration, pk=int(number) if number.isdigit() else 0, workshop=workshop
        )
        table = request.POST.get("table", "").strip()
        done_with_message(
            request,
            lambda: facilitator_set(
                user=request.user,
                registration=registration,
                table=int(table) if table.isdigit() else None,
            ),
            _("The facilitator's table was saved."),
        )
        return redirect("workshops:registrations", pk=workshop.pk)


class _WorkshopFormView(ObjectPermissionMixin, TemplateView):
    """Plan a workshop of a series: its evening, venue, seats and programme."""

    template_name = "workshops/workshop_form.html"
    anonymous_to_login = True
    permission_required = "workshops.organise_series"

    @cached_property
    def workshop(self) -> Workshop | None:
        return self.url_object if self.model is Workshop else None

    @cached_property
    def series(self) -> Series:
        return self.workshop.series if self.workshop else self.url_object

    def get_permission_object(self):
        return self.series

    def _forms(self, data=None):
        workshop = self.workshop
        initial, rows = {}, []
        if workshop is not None:
            initial = {
                name: getattr(workshop, name)
                for name in WorkshopForm.base_fields
                if name not in ("starts_at", "ends_at")
            }
            initial.update(
                starts_at=timezone.localtime(workshop.starts_at),
                ends_at=timezone.localtime(workshop.ends_at),
            )
            rows = [
                {
                    "kind": i.kind,
                    "title_fi": i.title_fi,
                    "title_sv": i.title_sv,
                    "minutes": i.minutes,
                }
                for i in workshop.programme.all()
            ]
        else:
            initial = {"capacity": 60}
        form = WorkshopForm(data, initial=initial, series=self.series)
        formset = ProgrammeFormSet(data, initial=rows, prefix="programme")
        return form, formset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context:
            context["form"], context["formset"] = self._forms()
        context.update(series=self.series, workshop=self.workshop)
        return context

    def post(self, request, *args, **kwargs):
        form, formset = self._forms(request.POST)
        if formset.is_valid():
            workshop = saved_by(
                form,
                lambda: workshop_save(
                    user=request.user,
                    series=self.series,
                    workshop=self.workshop,
                    data=form.data_for_service(),
                    programme=programme_rows(formset),
                ),
            )
            if workshop:
                messages.success(request, _("The workshop was saved."))
                return redirect(workshop)
        else:
            form.is_valid()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


class WorkshopCreateView(_WorkshopFormView):
    model = Series
    view_permission = "workshops.view_series"


class WorkshopEditView(_WorkshopFormView):
    model = Workshop
    view_permission = "workshops.view_workshop"
    select_related = ("series",)

    def get_view_permission_object(self):
        return self.url_object


class TablesView(ObjectPermissionMixin, TemplateView):
    """Seat the participants at tables, round by round, and see how well they mix against a
    random seating (issue 17: the social golfer problem)."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    template_name = "workshops/tables.html"
    context_object_name = "workshop"
    select_related = ("series", "area")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        workshop = self.url_object
        rounds = seating(workshop)
        context.setdefault("form", TablesForm())
        context["rounds"] = rounds
        if rounds:
            participants = participants_of(workshop)
            keys = [[[r.pk for r in people] for _number, people in tables] for _n, tables in rounds]
            size = max(len(people) for _n, tables in rounds for _t, people in tables)
            context["quality"] = quality_of(keys, participants)
            context["random_quality"] = quality_of(
                random_assignment(participants, rounds=len(rounds), table_size=size),
                participants,
            )
        return context

    def post(self, request, *args, **kwargs):
        form = TablesForm(request.POST)
        mixing = saved_by(
            form,
            lambda: tables_mix(user=request.user, workshop=self.url_object, **form.cleaned_data),
        )
        if mixing:
            messages.success(
                request,
                _("The participants were seated in %(seconds)s s.")
                % {"seconds": f"{mixing.seconds:.2f}"},
            )
            return redirect("workshops:tables", pk=self.url_object.pk)
        return self.render_to_response(self.get_context_data(form=form))


class _TablesPaperView(ObjectPermissionMixin, View):
    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    select_related = ("series", "area")
    template = ""
    paper = ""

    def get(self, request, *args, **kwargs):
        workshop = self.url_object
        html = render_to_string(
            self.template, {"workshop": workshop, "rounds": seating(workshop)}, request
        )
        response = HttpResponse(pdf_from_html(html), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.paper}.pdf"'
        return response


class TableListsPdfView(_TablesPaperView):
    template = "workshops/tables_print.html"
    paper = "table-lists"


class BadgesPdfView(_TablesPaperView):
    template = "workshops/badges_print.html"
    paper = "name-badges"


class CooperationPlansView(ObjectPermissionMixin, TemplateView):
    """The municipalities' cooperation plans written in the workshop: the organiser records
    them, their status, and the welfare plan's measures they serve."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    template_name = "workshops/plans.html"
    context_object_name = "workshop"
    select_related = ("series", "area")

    def _form(self, data=None):
        workshop = self.url_object
        measures = (
            measures_visible_to(self.request.user)
            .filter(plan__municipality__in=workshop.area.municipalities.all())
            .select_related("plan__municipality")
            .order_by("plan__municipality__name", "title_fi")
        )
        return CooperationActionForm(data, workshop=workshop, measures=measures)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(plans=cooperation_plans(self.url_object), statuses=ActionStatus.choices)
        return context

    def post(self, request, *args, **kwargs):
        workshop = self.url_object
        if "action" in request.POST:  # a status
            number = request.POST["action"]
            action = get_object_or_404(
                CooperationAction, pk=int(number) if number.isdigit() else 0, workshop=workshop
            )
            done_with_message(
                request,
                lambda: cooperation_action_status(
                    user=request.user, action=action, status=request.POST.get("status", "")
                ),
                _("The status was saved."),
            )
            return redirect("workshops:plans", pk=workshop.pk)
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: cooperation_action_add(
                user=request.user, workshop=workshop, data=form.data_for_service()
            ),
        ):
            messages.success(request, _("The action was recorded."))
            return redirect("workshops:plans", pk=workshop.pk)
        return self.render_to_response(self.get_context_data(form=form))


class CarpoolView(ObjectPermissionMixin, TemplateView):
    """The carpool contest of a workshop: the ranking, and the form to register a car."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    anonymous_to_login = True
    template_name = "workshops/carpool.html"
    context_object_name = "workshop"
    select_related = ("series",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CarpoolForm())
        context["ranking"] = carpool_ranking(self.url_object)
        return context

    def post(self, request, *args, **kwargs):
        form = CarpoolForm(request.POST)
        if saved_by(
            form,
            lambda: carpool_register(workshop=self.url_object, data=form.data_for_service()),
        ):
            messages.success(request, _("Your car is in the contest."))
            return redirect("workshops:carpool", pk=self.url_object.pk)
        return self.render_to_response(self.get_context_data(form=form))


class NominationsView(ObjectPermissionMixin, TemplateView):
    """The "Hyvän kierre" award: anyone nominates; the jury shortlists and picks; the
    public sees the shortlist and the winner."""

    model = Series
    view_permission = "workshops.view_series"
    anonymous_to_login = True
    template_name = "workshops/nominations.html"
    context_object_name = "series"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        series, user = self.url_object, self.request.user
        jury = user.has_perm("workshops.organise_series", series)
        nominations = series.nominations.filter(year=timezone.localdate().year)
        context.update(
            jury=jury,
            nominations=list(nominations if jury else nominations.filter(shortlisted=True)),
        )
        context.setdefault("form", NominationForm())
        return context

    def post(self, request, *args, **kwargs):
        series = self.url_object
        number = request.POST.get("nomination", "")
        if number:
            nomination = get_object_or_404(
                Nomination, pk=int(number) if number.isdigit() else 0, series=series
            )
            nomination_judge(
                user=request.user,
                nomination=nomination,
                shortlisted=request.POST.get("shortlisted") == "on",
                winner=request.POST.get("winner") == "on",
            )
            messages.success(request, _("The jury's choice was saved."))
            return redirect("workshops:nominations", pk=series.pk)
        form = NominationForm(request.POST)
        if saved_by(form, lambda: nomination_create(series=series, data=form.data_for_service())):
            messages.success(request, _("Thank you for your nomination."))
            return redirect("workshops:nominations", pk=series.pk)
        return self.render_to_response(self.get_context_data(form=form))


class FeedbackView(ObjectPermissionMixin, TemplateView):
    """The short feedback survey after a workshop, answered without an account (once per
    browser); its organisers see the summary."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    anonymous_to_login = True
    template_name = "workshops/feedback.html"
    context_object_name = "workshop"
    select_related = ("series",)

    def _session_key(self) -> str:
        return f"workshop-feedback-{self.url_object.pk}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        workshop, user = self.url_object, self.request.user
        organises = user.has_perm("workshops.organise_workshop", workshop)
        context.update(
            is_open=feedback_open(workshop),
            answered=self.request.session.get(self._session_key(), False),
            summary=feedback_summary(workshop) if organises else None,
        )
        context.setdefault("form", FeedbackForm())
        return context

    def post(self, request, *args, **kwargs):
        if request.session.get(self._session_key()):
            messages.info(request, _("You have already given your feedback. Thank you!"))
            return redirect("workshops:feedback", pk=self.url_object.pk)
        form = FeedbackForm(request.POST)
        if saved_by(
            form, lambda: feedback_give(workshop=self.url_object, data=form.data_for_service())
        ):
            request.session[self._session_key()] = True
            messages.success(request, _("Thank you for your feedback."))
            return redirect("workshops:feedback", pk=self.url_object.pk)
        return self.render_to_response(self.get_context_data(form=form))


class NewsCreateView(ObjectPermissionMixin, TemplateView):
    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    template_name = "workshops/news_form.html"
    context_object_name = "workshop"
    select_related = ("series",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", NewsForm())
        return context

    def post(self, request, *args, **kwargs):
        form = NewsForm(request.POST)
        if saved_by(
            form,
            lambda: news_publish(user=request.user, workshop=self.url_object, **form.cleaned_data),
        ):
            messages.success(request, _("The news item was published."))
            return redirect(self.url_object)
        return self.render_to_response(self.get_context_data(form=form))


class TasksView(ObjectPermissionMixin, TemplateView):
    """The workshop's timeline: what is told when, ticked off by the organiser."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    template_name = "workshops/tasks.html"
    context_object_name = "workshop"
    select_related = ("series",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(tasks=list(self.url_object.tasks.all()), today=timezone.localdate())
        return context

    def post(self, request, *args, **kwargs):
        if "thanks" in request.POST:
            workshop = self.url_object
            url = request.build_absolute_uri(
                reverse("workshops:feedback", kwargs={"pk": workshop.pk})
            )
            done_with_message(
                request,
                lambda: thanks_send(user=request.user, workshop=workshop, feedback_url=url),
                lambda count: (
                    ngettext(
                        "%(count)d participant is thanked.",
                        "%(count)d participants are thanked.",
                        count,
                    )
                    % {"count": count}
                ),
            )
            return redirect("workshops:tasks", pk=workshop.pk)
        number = request.POST.get("task", "")
        task = get_object_or_404(
            WorkshopTask, pk=int(number) if number.isdigit() else 0, workshop=self.url_object
        )
        task_done(user=request.user, task=task, done=request.POST.get("done") == "on")
        messages.success(request, _("The checklist was saved."))
        return redirect("workshops:tasks", pk=self.url_object.pk)


class InvitationsView(ObjectPermissionMixin, TemplateView):
    """Direct invitations: those the directory names for the area, chosen by the organiser,
    and anyone added by hand."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    template_name = "workshops/invitations.html"
    context_object_name = "workshop"
    select_related = ("series", "area")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        workshop = self.url_object
        context.setdefault("form", InviteeForm())
        context.update(
            candidates=invitation_candidates(workshop),
            invitations=list(workshop.invitations.all()),
        )
        return context

    def _send(self, invitees) -> None:
        workshop = self.url_object
        url = self.request.build_absolute_uri(workshop.get_absolute_url())
        done_with_message(
            self.request,
            lambda: invitations_send(
                user=self.request.user, workshop=workshop, invitees=invitees, url=url
            ),
            lambda count: (
                ngettext(
                    "%(count)d invitation was sent.", "%(count)d invitations were sent.", count
                )
                % {"count": count}
            ),
        )

    def post(self, request, *args, **kwargs):
        workshop = self.url_object
        if "chosen" in request.POST or request.POST.get("from") == "directory":
            chosen = set(request.POST.getlist("chosen"))
            self._send([c for c in invitation_candidates(workshop) if c.email in chosen])
            return redirect("workshops:invitations", pk=workshop.pk)
        form = InviteeForm(request.POST)
        if form.is_valid():
            self._send([Invitee(**form.cleaned_data)])
            return redirect("workshops:invitations", pk=workshop.pk)
        return self.render_to_response(self.get_context_data(form=form))


class _SeriesFormView(ObjectPermissionMixin, TemplateView):
    template_name = "workshops/series_form.html"
    anonymous_to_login = True

    @cached_property
    def series(self) -> Series | None:
        return self.url_object if self.model is Series else None

    def _form(self, data=None):
        series = self.series
        initial = (
            {name: getattr(series, name) for name in SeriesForm.base_fields}
            if series
            else {"scope": "regional"}
        )
        return SeriesForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["series"] = self.series
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        series = saved_by(
            form,
            lambda: series_save(
                user=request.user,
                organiser=None if self.series else self.url_object,
                series=self.series,
                data=form.cleaned_data,
            ),
        )
        if series:
            messages.success(request, _("The series was saved."))
            return redirect(series)
        return self.render_to_response(self.get_context_data(form=form))


class SeriesCreateView(_SeriesFormView):
    model = Organisation
    permission_required = "workshops.add_series"


class SeriesEditView(_SeriesFormView):
    model = Series
    view_permission = "workshops.view_series"
    permission_required = "workshops.organise_series"


class _AreaFormView(ObjectPermissionMixin, TemplateView):
    template_name = "workshops/area_form.html"
    anonymous_to_login = True
    view_permission = "workshops.view_series"
    permission_required = "workshops.organise_series"

    @cached_property
    def area(self) -> Area | None:
        return self.url_object if self.model is Area else None

    @cached_property
    def series(self) -> Series:
        return self.area.series if self.area else self.url_object

    def get_permission_object(self):
        return self.series

    def _form(self, data=None):
        county = self.series.organiser.wellbeing_county_id
        municipalities = Municipality.objects.order_by("name")
        if county:
            municipalities = municipalities.filter(wellbeing_county_id=county)
        initial = (
            {"name": self.area.name, "municipalities": list(self.area.municipalities.all())}
            if self.area
            else {}
        )
        return AreaForm(data, initial=initial, municipalities=municipalities)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(series=self.series, area=self.area)
        if self.area is not None:
            context.setdefault("contact_form", ContactForm(area=self.area))
            context["contacts"] = list(self.area.contacts.select_related("municipality"))
        return context

    def post(self, request, *args, **kwargs):
        if self.area is not None and "contact" in request.POST:
            contact_form = ContactForm(request.POST, area=self.area)
            saved = saved_by(
                contact_form,
                lambda: contact_save(
                    user=request.user, area=self.area, **contact_form.cleaned_data
                ),
            )
            if saved:
                messages.success(request, _("The contact person was saved."))
                return redirect("workshops:area-edit", pk=self.area.pk)
            return self.render_to_response(self.get_context_data(contact_form=contact_form))
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: area_save(
                user=request.user,
                series=self.series,
                area=self.area,
                name=form.cleaned_data["name"],
                municipalities=list(form.cleaned_data["municipalities"]),
            ),
        ):
            messages.success(request, _("The area was saved."))
            return redirect(self.series)
        return self.render_to_response(self.get_context_data(form=form))


class AreaCreateView(_AreaFormView):
    model = Series


class AreaEditView(_AreaFormView):
    model = Area
    select_related = ("series__organiser",)


class HostsView(ObjectPermissionMixin, View):
    """Accept the proposed hosts of the coming years, in turn (POST from the series)."""

    model = Area
    view_permission = "workshops.view_series"
    permission_required = "workshops.organise_series"
    anonymous_to_login = True
    select_related = ("series",)
    http_method_names = ["post"]

    def get_permission_object(self):
        return self.url_object.series

    def post(self, request, *args, **kwargs):
        area = self.url_object
        year = timezone.localdate().year
        done_with_message(
            request,
            lambda: hosts_save(area=area, hosts=proposed_hosts(area, [year, year + 1, year + 2])),
            _("The hosts of the coming years were saved."),
        )
        return redirect(area.series)

"""Pages of a workshop series: the series, its areas, hosts and contact persons, the public
event page of a workshop with its registration form (no account), planning a workshop and
its timeline. The people's pages are in `registration_views.py`, the tables in
`tables_views.py`, what a workshop leaves in `outcome_views.py`. Thin: selectors read,
services write."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.core.forms import done_with_message, saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin

from .enums import ProgrammeKind
from .forms import (
    AreaForm,
    ContactForm,
    ProgrammeFormSet,
    RegistrationForm,
    SeriesForm,
    WorkshopForm,
    programme_rows,
)
from .models import Area, Series, Workshop, WorkshopTask
from .outcome_services import feedback_open, feedback_summary
from .permissions import organiser_ids, series_visible_to
from .registration_services import registration_create, registration_open, thanks_send
from .selectors import (
    cooperation_plans,
    previous_workshop,
    seats_left,
    series_areas,
    series_workshops,
)
from .services import (
    area_save,
    contact_save,
    hosts_save,
    proposed_hosts,
    series_save,
    task_done,
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
            lambda: hosts_save(
                user=request.user, area=area, hosts=proposed_hosts(area, [year, year + 1, year + 2])
            ),
            _("The hosts of the coming years were saved."),
        )
        return redirect(area.series)

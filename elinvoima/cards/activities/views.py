"""Pages of activity reports: an association's activities and clubs of a year, the report
form (short on a phone; it keeps its draft in the phone when the connection drops, see
static/elinvoima/drafts.js), a club meeting in a few taps, a club, and an activity changed or
removed. Thin: selectors read, services write."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Organisation
from elinvoima.cards.activities.forms import ActivityForm, ClubForm, ClubMeetingForm
from elinvoima.cards.activities.models import Activity, Club
from elinvoima.cards.activities.selectors import (
    activities_for_page,
    activities_of,
    activity_years,
    clubs_for_page,
    clubs_of,
    goal_groups,
    totals_of,
    villages_of,
)
from elinvoima.cards.activities.services import (
    STORED_FIELDS,
    activity_delete,
    activity_report,
    activity_update,
    activity_version,
    club_meeting_report,
    club_save,
)
from elinvoima.core.forms import form_add_service_errors
from elinvoima.core.view_mixins import ObjectPermissionMixin

PAGE_SIZE = 25


def _list_url(organisation_id: int, year: int | None = None) -> str:
    url = reverse("cards:organisation-activities", kwargs={"pk": organisation_id})
    return f"{url}?year={year}" if year else url


class OrganisationActivitiesView(ObjectPermissionMixin, TemplateView):
    """An association's activities of a year with their totals, and its clubs."""

    model = Organisation
    permission_required = "cards.view_activities"
    template_name = "cards/activities/organisation_activities.html"
    context_object_name = "organisation"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.url_object
        years = activity_years(organisation)
        this_year = timezone.localdate().year
        wanted = self.request.GET.get("year", "")
        year = int(wanted) if wanted.isdigit() and int(wanted) in years else this_year
        page = Paginator(activities_of(organisation, year), PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        context.update(
            year=year,
            years=sorted({*years, this_year}, reverse=True),
            page_obj=page,
            activities=page.object_list,
            totals=totals_of(organisation, year),
            clubs=list(clubs_of(organisation)),
            reports=self.request.user.has_perm("cards.report_activity", organisation),
        )
        return context


class _ActivityFormMixin:
    """The goals and villages of the municipality where the activity happened."""

    def _form(self, organisation, *, data=None, initial=None, activity=None):
        municipality = activity.municipality if activity else organisation.municipality
        year = activity.starts_on.year if activity else timezone.localdate().year
        groups = goal_groups(organisation, municipality, year) if municipality else []
        extra = list(activity.sub_goals.all()) if activity else []
        villages = villages_of(municipality)
        return ActivityForm(
            data, initial=initial, groups=groups, villages=villages, extra_goals=extra
        )


class ActivityReportView(_ActivityFormMixin, ObjectPermissionMixin, TemplateView):
    """Report an activity of the association (`organisations/<pk>/activities/new/`)."""

    model = Organisation
    permission_required = "cards.report_activity"
    template_name = "cards/activities/activity_form.html"
    context_object_name = "organisation"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form(self.url_object))
        return context

    def post(self, request, *args, **kwargs):
        organisation = self.url_object
        form = self._form(organisation, data=request.POST)
        if form.is_valid():
            try:
                activity = activity_report(
                    user=request.user,
                    organisation=organisation,
                    data=form.data_for_service(organisation.municipality),
                    client_key=form.cleaned_data["client_key"],
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Thank you! “%(name)s” was reported.") % {"name": activity.name},
                )
                return redirect(_list_url(organisation.pk, activity.starts_on.year))
        return self.render_to_response(self.get_context_data(form=form))


class ActivityEditView(_ActivityFormMixin, ObjectPermissionMixin, TemplateView):
    """A reported activity, changed or removed by the association."""

    model = Activity
    view_permission = "cards.view_activity"
    anonymous_to_login = True
    permission_required = "cards.change_activity"
    template_name = "cards/activities/activity_form.html"
    context_object_name = "activity"

    def get_object_queryset(self):
        return activities_for_page()

    def _initial(self, activity) -> dict:
        initial = {
            name: getattr(activity, name) for name in STORED_FIELDS if name != "municipality"
        }
        initial["sub_goals"] = [goal.pk for goal in activity.sub_goals.all()]
        initial["loaded_version"] = activity_version(activity)
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = self.url_object
        context.setdefault(
            "form",
            self._form(activity.organisation, initial=self._initial(activity), activity=activity),
        )
        context["organisation"] = activity.organisation
        return context

    def post(self, request, *args, **kwargs):
        activity = self.url_object
        organisation = activity.organisation
        if request.POST.get("action") == "delete":
            activity_delete(user=request.user, activity=activity)
            messages.success(request, _("“%(name)s” was removed.") % {"name": activity.name})
            return redirect(_list_url(organisation.pk, activity.starts_on.year))
        form = self._form(organisation, data=request.POST, activity=activity)
        if form.is_valid():
            try:
                activity = activity_update(
                    user=request.user,
                    activity=activity,
                    data=form.data_for_service(activity.municipality),
                    loaded_version=form.cleaned_data["loaded_version"],
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The changes were saved."))
                return redirect(_list_url(organisation.pk, activity.starts_on.year))
        return self.render_to_response(self.get_context_data(form=form))


class ActivityDeleteView(ObjectPermissionMixin, TemplateView):
    """Asks before an activity is removed; the removal itself is posted to the edit page."""

    model = Activity
    view_permission = "cards.view_activity"
    anonymous_to_login = True
    permission_required = "cards.change_activity"
    template_name = "cards/activities/activity_delete.html"
    context_object_name = "activity"

    def get_object_queryset(self):
        return activities_for_page()


class ClubMeetingView(ObjectPermissionMixin, TemplateView):
    """One meeting of a club in a few taps: the day is today, the volunteers as usual; how
    many came is what is typed."""

    model = Club
    view_permission = "cards.view_activity"
    anonymous_to_login = True
    permission_required = "cards.change_activity"
    template_name = "cards/activities/club_meeting.html"
    context_object_name = "club"

    def get_object_queryset(self):
        return clubs_for_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ClubMeetingForm(club=self.url_object))
        context["organisation"] = self.url_object.organisation
        return context

    def post(self, request, *args, **kwargs):
        club = self.url_object
        form = ClubMeetingForm(request.POST, club=club)
        if form.is_valid():
            data = form.cleaned_data
            try:
                activity = club_meeting_report(
                    user=request.user,
                    club=club,
                    starts_on=data["starts_on"],
                    participants=data["participants"],
                    in_target_group=data["in_target_group"],
                    beyond_members=data["beyond_members"],
                    volunteers=data["volunteers"],
                    volunteer_hours=data["volunteer_hours"],
                    client_key=data["client_key"],
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Thank you! The meeting of %(date)s was reported.")
                    % {"date": date_format(activity.starts_on, "SHORT_DATE_FORMAT")},
                )
                return redirect(_list_url(club.organisation_id, activity.starts_on.year))
        return self.render_to_response(self.get_context_data(form=form))


class ClubFormView(ObjectPermissionMixin, TemplateView):
    """A club started (`organisations/<pk>/clubs/new/`) or changed (`clubs/<pk>/`)."""

    template_name = "cards/activities/club_form.html"

    @cached_property
    def club(self) -> Club | None:
        return self.url_object if self.model is Club else None

    @cached_property
    def organisation(self) -> Organisation:
        return self.club.organisation if self.club else self.url_object

    def get_object_queryset(self):
        return clubs_for_page() if self.model is Club else super().get_object_queryset()

    def _form(self, data=None) -> ClubForm:
        club, organisation = self.club, self.organisation
        municipality = club.municipality if club else organisation.municipality
        year = timezone.localdate().year
        groups = goal_groups(organisation, municipality, year) if municipality else []
        extra = list(club.sub_goals.all()) if club else []
        initial = {}
        if club:
            initial = {
                name: getattr(club, name)
                for name in [
                    "name",
                    "kind",
                    "schedule",
                    "place",
                    "village",
                    "volunteers",
                    "volunteer_hours",
                ]
            }
            initial.update(is_active=club.is_active, sub_goals=[goal.pk for goal in extra])
        villages = villages_of(municipality)
        return ClubForm(data, initial=initial, groups=groups, villages=villages, extra_goals=extra)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(club=self.club, organisation=self.organisation)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                club_save(
                    user=request.user,
                    organisation=self.organisation,
                    data=form.data_for_service(),
                    club=self.club,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The club was saved."))
                return redirect(_list_url(self.organisation.pk))
        return self.render_to_response(self.get_context_data(form=form))


class ClubCreateView(ClubFormView):
    model = Organisation
    permission_required = "cards.report_activity"


class ClubEditView(ClubFormView):
    model = Club
    view_permission = "cards.view_activity"
    anonymous_to_login = True
    permission_required = "cards.change_activity"

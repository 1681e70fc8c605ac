"""Pages of exercise counselling. Every view asks the counselling rules themselves (never
`has_perm`, which says yes to the platform admin): the list pages show only what the user
may read; opening a record goes through `record_read`, which logs the read first. Anyone
without counselling access gets 404 everywhere here."""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin, chosen_year
from elinvoima.counselling.access_selectors import kept_counties
from elinvoima.counselling.care_teams import referral_teams
from elinvoima.counselling.confirmation import booked_times
from elinvoima.counselling.consent import consents_of
from elinvoima.counselling.consent_forms import ConsentForm
from elinvoima.counselling.enums import AccessRole, BookingState, Measurement
from elinvoima.counselling.forms import CloseForm, PlanForm, ReferralForm, SlotForm, VisitForm
from elinvoima.counselling.gdpr import access_log_read
from elinvoima.counselling.models import Booking, Client, Period, Slot
from elinvoima.counselling.selectors import (
    access_log,
    free_slots_of,
    my_periods,
    my_slots,
    referral_municipalities,
)
from elinvoima.counselling.services import (
    ReferralData,
    VisitData,
    counsellor_check,
    period_close,
    plan_save,
    record_read,
    referral_create,
    slot_create,
    visit_record,
)
from elinvoima.counselling.statistics import counselling_statistics
from elinvoima.counselling.view_base import CounsellingView


class HomeView(CounsellingView):
    template_name = "counselling/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(periods=my_periods(self.request.user), roles=self.roles)
        if AccessRole.KEEPER in self.roles:
            context["kept_counties"] = kept_counties(self.request.user)
        return context


class ReferralView(CounsellingView):
    """A referring professional refers a client to a municipality and books a time."""

    template_name = "counselling/referral_form.html"

    @cached_property
    def municipalities(self):
        return referral_municipalities(self.request.user)

    @cached_property
    def municipality(self) -> Municipality | None:
        code = self.request.GET.get("municipality") or self.request.POST.get("municipality")
        found = [m for m in self.municipalities if m.code == code]
        if found:
            return found[0]
        return self.municipalities[0] if len(self.municipalities) == 1 else None

    def _form(self, data=None):
        slots = free_slots_of(self.municipality) if self.municipality else Slot.objects.none()
        county = self.municipality.wellbeing_county if self.municipality else None
        teams = referral_teams(self.request.user, county) if county else None
        return ReferralForm(data, slots=slots, care_teams=teams)

    def get_context_data(self, **kwargs):
        if AccessRole.REFERRER not in self.roles:
            raise Http404
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(municipalities=self.municipalities, municipality=self.municipality)
        return context

    def post(self, request, *args, **kwargs):
        if AccessRole.REFERRER not in self.roles or self.municipality is None:
            raise Http404
        form = self._form(request.POST)
        period = saved_by(
            form,
            lambda: referral_create(
                user=request.user,
                data=ReferralData(
                    identity_code=form.cleaned_data["identity_code"],
                    name=form.cleaned_data["name"],
                    municipality=self.municipality,
                    reason=form.cleaned_data["reason"],
                    goals=form.cleaned_data["goals"],
                    risk_factors=form.cleaned_data["risk_factors"],
                    urgency=form.cleaned_data["urgency"],
                    slot=form.cleaned_data["slot"],
                    care_team=form.cleaned_data.get("care_team"),
                    client_email=form.cleaned_data["client_email"],
                    client_language=form.cleaned_data["client_language"],
                ),
            ),
        )
        if period:
            messages.success(request, _("The client was referred."))
            return redirect("counselling:period", pk=period.pk)
        return self.render_to_response(self.get_context_data(form=form))


class SlotsView(CounsellingView):
    """A counsellor's coming times, and adding one."""

    template_name = "counselling/slots.html"

    def get_context_data(self, **kwargs):
        if AccessRole.COUNSELLOR not in self.roles:
            raise Http404
        context = super().get_context_data(**kwargs)
        context.setdefault("form", SlotForm())
        context["slots"] = my_slots(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        if AccessRole.COUNSELLOR not in self.roles:
            raise Http404
        form = SlotForm(request.POST)
        slot = saved_by(
            form,
            lambda: slot_create(
                user=request.user,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.ends_at(),
                place=form.cleaned_data["place"],
            ),
        )
        if slot:
            messages.success(request, _("The time was added."))
            return redirect("counselling:slots")
        return self.render_to_response(self.get_context_data(form=form))


class _PeriodView(CounsellingView):
    @cached_property
    def period(self) -> Period:
        periods = Period.objects.select_related("client", "municipality", "referrer")
        return get_object_or_404(periods, pk=self.kwargs["pk"])


class PeriodView(_PeriodView):
    """The client's record (the counselling tab): its read is logged before it is shown.
    `record_read` itself answers 404 to those never granted access."""

    template_name = "counselling/period.html"

    def get_context_data(self, **kwargs):
        period = record_read(user=self.request.user, period=self.period)
        context = super().get_context_data(**kwargs)
        counsels = period.read_as == "counsellor"
        context.update(
            period=period,
            client=period.client,
            visits=[(visit, _measured(visit)) for visit in period.visits.all()],
            bookings=list(period.bookings.select_related("slot")),
            can_write=period.closed_at is None and counsels,
            # consents: the counsellor records and withdraws them (also once the period
            # has ended: a client may withdraw at any time), the other readers see them
            consents=list(consents_of(period.client)),
            may_consent=counsels,
            consent_form=ConsentForm() if counsels else None,
        )
        return context


def _measured(visit) -> list[tuple[str, float]]:
    """A visit's measurements as (label, value), in the list's order."""
    values = json.loads(visit.measurements) if visit.measurements else {}
    return [(str(label), values[code]) for code, label in Measurement.choices if code in values]


class LetterView(PeriodView):
    """The client's confirmation of the booked times, as a letter to print or send, in the
    language of the page (fi or sv); opening it is a read of the record, logged."""

    template_name = "counselling/letter.html"

    def get_context_data(self, **kwargs):
        period = record_read(user=self.request.user, period=self.period, what="letter")
        context = TemplateView.get_context_data(self, **kwargs)
        context.update(booked_times(period), client=period.client)  # as the e-mail says them
        return context


class _TabFormView(_PeriodView):
    """A form of the counselling tab, for its assigned counsellor (the service asks)."""

    template_name = "counselling/tab_form.html"
    heading = ""

    def get_context_data(self, **kwargs):
        counsellor_check(user=self.request.user, period=self.period)  # 403 logged, or 404
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form_class_for())
        context.update(period=self.period, heading=self.heading)
        return context

    def form_class_for(self, data=None):
        raise NotImplementedError

    def save(self, form):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.form_class_for(request.POST)
        if saved_by(form, lambda: self.save(form)):
            messages.success(request, _("Saved."))
            return redirect("counselling:period", pk=self.period.pk)
        return self.render_to_response(self.get_context_data(form=form))


class PlanView(_TabFormView):
    @property
    def heading(self):
        return _("Exercise plan and self-care programme")

    def form_class_for(self, data=None):
        period = self.period
        return PlanForm(
            data, initial={"exercise_plan": period.exercise_plan, "self_care": period.self_care}
        )

    def save(self, form):
        return plan_save(user=self.request.user, period=self.period, **form.cleaned_data)


class VisitView(_TabFormView):
    @property
    def heading(self):
        return _("Record a visit")

    def form_class_for(self, data=None):
        bookings = Booking.objects.filter(period=self.period, state=BookingState.BOOKED)
        return VisitForm(data, bookings=bookings.select_related("slot"))

    def save(self, form):
        return visit_record(
            user=self.request.user,
            period=self.period,
            data=VisitData(
                visited_on=form.cleaned_data["visited_on"],
                notes=form.cleaned_data["notes"],
                measurements=form.measurements(),
                booking=form.cleaned_data["booking"],
            ),
        )


class CloseView(_TabFormView):
    @property
    def heading(self):
        return _("End the counselling period")

    def form_class_for(self, data=None):
        return CloseForm(data)

    def save(self, form):
        return period_close(
            user=self.request.user,
            period=self.period,
            outcome=form.cleaned_data["outcome"],
            summary=form.cleaned_data["summary"],
        )


class AccessLogView(CounsellingView):
    """The controller's list of every access to one client's data (the client's right to
    know who looked)."""

    template_name = "counselling/access_log.html"

    def get_context_data(self, **kwargs):
        client = get_object_or_404(Client, pk=self.kwargs["pk"])
        client = access_log_read(user=self.request.user, client=client)
        context = super().get_context_data(**kwargs)
        page_obj = Paginator(access_log(client), 100).get_page(self.request.GET.get("page"))
        context.update(client=client, entries=page_obj.object_list, page_obj=page_obj)
        return context


class _StatisticsView(ObjectPermissionMixin, TemplateView):
    """A municipality's or a county's counselling in numbers, small counts suppressed."""

    lookup_field = "code"
    permission_required = "counselling.view_statistics"
    anonymous_to_login = True
    template_name = "counselling/statistics.html"

    def municipalities(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = chosen_year(self.request)
        context.update(
            owner=self.url_object,
            statistics=counselling_statistics(municipalities=self.municipalities(), year=year),
            years=range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        )
        return context


class MunicipalityStatisticsView(_StatisticsView):
    model = Municipality

    def municipalities(self):
        return [self.url_object]


class CountyStatisticsView(_StatisticsView):
    model = WellbeingCounty

    def municipalities(self):
        return self.url_object.municipalities.all()

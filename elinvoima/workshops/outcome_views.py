"""Pages of what a workshop leaves: the cooperation plans, the carpool contest, the
"Hyvän kierre" award, the feedback and the news. Thin: selectors read, services write."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.core.forms import done_with_message, saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.strategy.permissions import measures_visible_to

from .enums import ActionStatus
from .forms import CarpoolForm, CooperationActionForm, FeedbackForm, NewsForm, NominationForm
from .models import CooperationAction, Nomination, Series, Workshop
from .outcome_services import (
    carpool_ranking,
    carpool_register,
    cooperation_action_add,
    cooperation_action_status,
    feedback_give,
    feedback_open,
    feedback_summary,
    news_publish,
    nomination_create,
    nomination_judge,
)
from .selectors import cooperation_plans


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

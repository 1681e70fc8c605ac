"""Pages of the cooperation survey: a county's surveys, a survey's page (its results, and
for its organisers the questions, invitations and steps), the organisers' forms, and the
respondent's answer page behind the personal link. Thin: selectors read, services write."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from elinvoima.actors.models import WellbeingCounty
from elinvoima.core.forms import done_with_message, saved_by
from elinvoima.core.view_mixins import ConfirmView, ObjectPermissionMixin
from elinvoima.reports.enums import Clarity, Maturity, Realisation, SurveyState
from elinvoima.reports.surveys.forms import AnswerForm, InviteForm, SurveyForm
from elinvoima.reports.surveys.mail import survey_invitation_mail
from elinvoima.reports.surveys.models import Survey
from elinvoima.reports.surveys.selectors import (
    ALL,
    invitation_counts,
    survey_results,
    survey_years,
    surveys_of,
)
from elinvoima.reports.surveys.services import (
    answer_refusal,
    default_survey_data,
    invitation_by_token,
    invitations_add,
    invitations_to_send,
    response_submit,
    results_publish,
    survey_close,
    survey_is_closed,
    survey_open,
    survey_save,
    survey_version,
)

VIEW, MANAGE = "reports.view_survey", "reports.manage_survey"


class CountySurveysView(ObjectPermissionMixin, TemplateView):
    """A county's surveys: the published ones for everyone, all for its organisers."""

    model = WellbeingCounty
    lookup_field = "code"
    template_name = "reports/surveys/list.html"
    context_object_name = "county"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        county, user = self.url_object, self.request.user
        context.update(
            surveys=list(surveys_of(county, user)),
            can_add=user.has_perm("reports.add_survey", county),
        )
        return context


class SurveyView(ObjectPermissionMixin, TemplateView):
    model = Survey
    view_permission = VIEW
    anonymous_to_login = True
    template_name = "reports/surveys/survey.html"
    context_object_name = "survey"
    select_related = ("wellbeing_county",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey, user = self.url_object, self.request.user
        can_manage = user.has_perm(MANAGE, survey)
        results = survey_results(survey)
        context.update(
            can_manage=can_manage,
            closed=survey_is_closed(survey),
            results=results,
            years=survey_years(survey, user),
            all_key=ALL,
            realisation=Realisation,
            clarity=Clarity,
            maturity_levels=Maturity.choices,
            counts=invitation_counts(survey) if can_manage else None,
            statements=list(survey.statements.all()) if can_manage else None,
            themes=list(survey.themes.all()) if can_manage else None,
        )
        return context


class _SurveyFormView(ObjectPermissionMixin, TemplateView):
    template_name = "reports/surveys/survey_form.html"
    anonymous_to_login = True

    @cached_property
    def survey(self) -> Survey | None:
        return self.url_object if self.model is Survey else None

    @cached_property
    def county(self) -> WellbeingCounty:
        return self.survey.wellbeing_county if self.survey else self.url_object

    def _form(self, data=None):
        survey = self.survey
        if survey is None:
            initial = default_survey_data(timezone.localdate().year)
        else:
            initial = {
                f"{name}_{language}": getattr(survey, f"{name}_{language}")
                for name in ("title", "introduction", "observations")
                for language in ("fi", "sv")
            }
            statements = list(survey.statements.all())
            initial.update(
                year=survey.year,
                closes_on=survey.closes_on,
                statements_fi="\n".join(s.text_fi for s in statements),
                statements_sv="\n".join(s.text_sv or "" for s in statements).strip(),
                themes=list(survey.themes.all()),
                loaded_version=survey_version(survey),
            )
        fixed = survey is not None and survey.state != SurveyState.DRAFT
        return SurveyForm(data, initial=initial, questions_fixed=fixed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(survey=self.survey, county=self.county)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        survey = saved_by(
            form,
            lambda: survey_save(
                user=request.user,
                county=self.county,
                survey=self.survey,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if survey:
            messages.success(request, _("The survey was saved."))
            return redirect(survey)
        return self.render_to_response(self.get_context_data(form=form))


class SurveyCreateView(_SurveyFormView):
    model = WellbeingCounty
    lookup_field = "code"
    permission_required = "reports.add_survey"


class SurveyEditView(_SurveyFormView):
    model = Survey
    view_permission = VIEW
    permission_required = MANAGE
    select_related = ("wellbeing_county",)


def _send(request, survey: Survey, *, reminder: bool) -> None:
    """Mark the invitations due and have the background task mail them."""
    ids = done_with_message(
        request,
        lambda: invitations_to_send(user=request.user, survey=survey, reminder=reminder),
        lambda ids: (
            ngettext(
                "%(count)d invitation is being sent.",
                "%(count)d invitations are being sent.",
                len(ids),
            )
            % {"count": len(ids)}
        ),
    )
    if ids:
        survey_invitation_mail.enqueue(ids, request.build_absolute_uri("/"), reminder)


class InvitationsView(ObjectPermissionMixin, TemplateView):
    """Invite respondents group by group; send the invitations and reminders."""

    model = Survey
    view_permission = VIEW
    permission_required = MANAGE
    anonymous_to_login = True
    template_name = "reports/surveys/invitations.html"
    context_object_name = "survey"
    select_related = ("wellbeing_county",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", InviteForm())
        context.update(
            counts=invitation_counts(self.url_object), closed=survey_is_closed(self.url_object)
        )
        return context

    def post(self, request, *args, **kwargs):
        survey = self.url_object
        if "send" in request.POST or "remind" in request.POST:
            _send(request, survey, reminder="remind" in request.POST)
            return redirect("reports:survey-invitations", pk=survey.pk)
        form = InviteForm(request.POST)
        added = saved_by(
            form,
            lambda: invitations_add(
                user=request.user,
                survey=survey,
                group=form.cleaned_data["group"],
                addresses=form.cleaned_data["addresses"],
            ),
        )
        if added is None:
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            ngettext("%(count)d address was added.", "%(count)d addresses were added.", len(added))
            % {"count": len(added)},
        )
        if survey.state == SurveyState.OPEN:
            _send(request, survey, reminder=False)
        return redirect("reports:survey-invitations", pk=survey.pk)


class _StepView(ConfirmView, TemplateView):
    model = Survey
    view_permission = VIEW
    permission_required = MANAGE
    anonymous_to_login = True


class OpenView(_StepView):
    @property
    def question(self):
        return _(
            "Open “%(title)s” for answers? Its statements and themes can then no longer "
            "change, and the invitations are sent."
        ) % {"title": self.url_object.title}

    @property
    def action(self):
        return _("Open the survey")

    def act(self):
        survey = survey_open(user=self.request.user, survey=self.url_object)
        messages.success(self.request, _("The survey is open."))
        _send(self.request, survey, reminder=False)
        return survey.get_absolute_url()


class CloseView(_StepView):
    @property
    def question(self):
        return _("Close “%(title)s” now? No more answers are taken.") % {
            "title": self.url_object.title
        }

    @property
    def action(self):
        return _("Close the survey")

    def act(self):
        survey = survey_close(user=self.request.user, survey=self.url_object)
        messages.success(self.request, _("The survey was closed."))
        return survey.get_absolute_url()


class PublishView(_StepView):
    @property
    def question(self):
        if self.url_object.results_published:
            return _("Take the results of “%(title)s” off public view?") % {
                "title": self.url_object.title
            }
        return _(
            "Publish the results of “%(title)s”? Everyone can then see the percentages of "
            "each group of at least five respondents and your observations; no single answer "
            "is ever shown."
        ) % {"title": self.url_object.title}

    @property
    def action(self):
        if self.url_object.results_published:
            return _("Take the results off public view")
        return _("Publish the results")

    def act(self):
        publish = not self.url_object.results_published
        survey = results_publish(user=self.request.user, survey=self.url_object, published=publish)
        messages.success(
            self.request,
            _("The results were published.") if publish else _("The results are no longer public."),
        )
        return survey.get_absolute_url()


class AnswerView(TemplateView):
    """The respondent's page behind the personal link: no account, one answer."""

    template_name = "reports/surveys/answer.html"

    @cached_property
    def invitation(self):
        return invitation_by_token(self.kwargs["token"])

    def _form(self, data=None):
        survey = self.invitation.survey
        return AnswerForm(
            data, statements=list(survey.statements.all()), themes=list(survey.themes.all())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        refusal = answer_refusal(self.invitation)
        context.update(refusal=refusal, invitation=self.invitation)
        if not refusal:
            context.setdefault("form", self._form())
            context["survey"] = self.invitation.survey
        return context

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.invitation is None:
            response.status_code = 404
        return response

    def post(self, request, *args, **kwargs):
        if answer_refusal(self.invitation):
            return self.get(request, *args, **kwargs)
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: response_submit(token=self.kwargs["token"], data=form.data_for_service()),
        ):
            return redirect(reverse("reports:survey-answered"))
        return self.render_to_response(self.get_context_data(form=form))


class AnsweredView(TemplateView):
    template_name = "reports/surveys/answered.html"

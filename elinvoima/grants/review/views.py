"""Pages of review and decision: the round's applications as its reviewers and
coordinators see them (the review desk, where the decisions are published), a reviewer's
scores of an application, the declaration of a conflict of interest, and the decision with
every review. Thin: selectors read, services write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.models import GrantRound
from elinvoima.grants.review.forms import (
    GOAL_POINTS_FIELD,
    ConflictForm,
    DecisionForm,
    PaymentForm,
    ReviewForm,
)
from elinvoima.grants.review.selectors import (
    conflicts_of,
    granted_in_all,
    own_review,
    review_desk,
    reviews_of,
)
from elinvoima.grants.review.services import (
    conflict_declare,
    decision_version,
    grant_decision_save,
    grant_decisions_publish,
    grant_payment_record,
    review_save,
    review_version,
)


class RoundApplicationsView(ObjectPermissionMixin, TemplateView):
    """The round's submitted applications for its reviewers and coordinators: who asks how
    much, the user's own scores; for the coordinators also every review's mean, the
    decisions and their sum against the budget, and publishing the decisions."""

    model = GrantRound
    view_permission = "grants.view_round"
    permission_required = "grants.view_applications"
    anonymous_to_login = True
    template_name = "grants/review/round_applications.html"
    context_object_name = "grant_round"
    select_related = ("municipality",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grant_round, user = self.url_object, self.request.user
        sees_reviews = user.has_perm("grants.publish_decisions", grant_round)
        rows = review_desk(user, grant_round, sees_reviews=sees_reviews)
        readable = [row for row in rows if not row.conflicted]
        context.update(
            rows=rows,
            requested=sum(row.application.requested_amount for row in readable),
            sees_reviews=sees_reviews,
            is_reviewer=user.has_perm("grants.review_round", grant_round),
            granted=granted_in_all(grant_round) if sees_reviews else None,
            can_publish=sees_reviews and not grant_round.decisions_are_published,
        )
        # A conflicted row spans the columns after the applicant's name.
        context["conflicted_span"] = (
            2
            + context["is_reviewer"]
            + (3 + grant_round.decisions_are_published if sees_reviews else 0)
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            grant_decisions_publish(user=request.user, grant_round=self.url_object)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The decisions were published."))
        return redirect("grants:round-applications", pk=self.url_object.pk)


class _ApplicationPage(ObjectPermissionMixin, TemplateView):
    model = GrantApplication
    view_permission = "grants.view_application"
    anonymous_to_login = True
    context_object_name = "application"
    select_related = ("grant_round__municipality", "organisation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["grant_round"] = self.url_object.grant_round
        return context


class ApplicationReviewView(_ApplicationPage):
    """A reviewer's scores of one application: against the round's criteria and each of
    its goals, with a comment. The reviewer's own; other reviewers' are not shown."""

    permission_required = "grants.review_application"
    template_name = "grants/review/review_form.html"

    def _form(self, data=None) -> ReviewForm:
        application = self.url_object
        review = own_review(self.request.user, application)
        initial = {"loaded_version": review_version(review)}
        if review is not None:
            initial.update(criteria_points=review.criteria_points, comment=review.comment)
            for score in review.goal_scores.all():
                initial[GOAL_POINTS_FIELD.format(score.goal_id)] = score.points
        goals = application.grant_round.goals.order_by("position", "pk")
        return ReviewForm(data, initial=initial, goals=goals)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: review_save(
                user=request.user,
                application=self.url_object,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        ):
            messages.success(request, _("Your review was saved."))
            return redirect("grants:round-applications", pk=self.url_object.grant_round_id)
        return self.render_to_response(self.get_context_data(form=form))


class ConflictView(_ApplicationPage):
    """Declare a conflict of interest in an application: asks first, as the user will not
    see the application any more."""

    permission_required = "grants.declare_conflict"
    template_name = "grants/review/conflict_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ConflictForm())
        return context

    def post(self, request, *args, **kwargs):
        form = ConflictForm(request.POST)
        if saved_by(
            form,
            lambda: conflict_declare(
                user=request.user,
                application=self.url_object,
                reason=form.cleaned_data["reason"],
            ),
        ):
            messages.success(
                request,
                _("Your conflict of interest was recorded: you no longer see the application."),
            )
            return redirect("grants:round-applications", pk=self.url_object.grant_round_id)
        return self.render_to_response(self.get_context_data(form=form))


class DecisionView(_ApplicationPage):
    """The decision on an application, with every review and the declared conflicts: the
    coordinators record it until the round's decisions are published, and then the
    payment."""

    permission_required = "grants.view_reviews"
    template_name = "grants/review/decision.html"

    def _decision(self):
        return getattr(self.url_object, "decision", None)

    def _decision_form(self, data=None) -> DecisionForm:
        decision = self._decision()
        initial = {"loaded_version": decision_version(decision)}
        if decision is not None:
            for name in ("granted_amount", "reasons", "conditions", "pay_on", "report_due_on"):
                initial[name] = getattr(decision, name)
        else:
            initial["granted_amount"] = self.url_object.requested_amount
        return DecisionForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application, user = self.url_object, self.request.user
        decision = self._decision()
        can_decide = user.has_perm("grants.decide", application)
        can_record_payment = (
            decision is not None
            and decision.is_granted
            and user.has_perm("grants.record_payment", application)
        )
        if can_decide:
            context.setdefault("form", self._decision_form())
        if can_record_payment:
            context.setdefault("payment_form", PaymentForm(initial={"paid_on": decision.paid_on}))
        context.update(
            decision=decision,
            reviews=reviews_of(user, application),
            conflicts=list(conflicts_of(application)),
            goals=list(application.grant_round.goals.order_by("position", "pk")),
            can_decide=can_decide,
            can_record_payment=can_record_payment,
            granted=granted_in_all(application.grant_round),
        )
        return context

    def post(self, request, *args, **kwargs):
        application = self.url_object
        if "paid_on" in request.POST:
            if not request.user.has_perm("grants.record_payment", application):
                raise PermissionDenied
            payment_form = PaymentForm(request.POST)
            if saved_by(
                payment_form,
                lambda: grant_payment_record(
                    user=request.user,
                    application=application,
                    paid_on=payment_form.cleaned_data["paid_on"],
                ),
            ):
                messages.success(request, _("The payment was recorded."))
                return redirect("grants:decision", pk=application.pk)
            return self.render_to_response(self.get_context_data(payment_form=payment_form))
        if not request.user.has_perm("grants.decide", application):
            raise PermissionDenied
        form = self._decision_form(request.POST)
        if saved_by(
            form,
            lambda: grant_decision_save(
                user=request.user,
                application=application,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        ):
            messages.success(request, _("The decision was saved. Publish it with the others."))
            return redirect("grants:round-applications", pk=application.grant_round_id)
        return self.render_to_response(self.get_context_data(form=form))

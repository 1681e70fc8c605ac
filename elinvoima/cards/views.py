"""Pages of wellbeing cards: a municipality's cards by year, a card with its accepted
answers, an association's answer form (short, plain and forgiving: volunteers fill it in on
a phone) and the coordinator's review of an answer. Thin: selectors read, services write."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality
from elinvoima.cards.associations import associations_of
from elinvoima.cards.enums import ResponseState
from elinvoima.cards.forms import (
    CardAnswerForm,
    CardCommentForm,
    CardDecisionForm,
    CardTemplateForm,
)
from elinvoima.cards.models import CardDecision, CardResponse, CardTemplate, CommunityCard
from elinvoima.cards.printing import card_pdf
from elinvoima.cards.reminders import card_reminders_request
from elinvoima.cards.selectors import (
    answering_organisations,
    card_rows_with_answers,
    decisions_of,
    plans_for_cards,
    responses_for_page,
    strategic_goals,
    templates_for_page,
)
from elinvoima.cards.services import (
    card_decision_record,
    card_is_open,
    card_response_accept,
    card_response_comment,
    card_response_copy_forward,
    card_response_save,
    card_rows,
    card_template_update,
    previous_response,
    response_version,
    template_version,
)
from elinvoima.cards.summary import council_summary
from elinvoima.core.forms import form_add_service_errors
from elinvoima.core.pdf import pdf_response
from elinvoima.core.view_mixins import ObjectPermissionMixin


def municipality_cards(request, code: str):
    municipality = get_object_or_404(Municipality, code=code)
    return render(
        request,
        "cards/municipality_cards.html",
        {
            "municipality": municipality,
            "decisions": list(decisions_of(municipality)),
            "coordinates": request.user.has_perm("cards.record_decision", municipality),
            "summarises": request.user.has_perm("cards.view_summary", municipality),
            "community_cards": list(
                CommunityCard.objects.filter(municipality=municipality).order_by("name")
            ),
            "adds_community_card": request.user.has_perm("cards.add_community_card", municipality),
        },
    )


def council_summary_page(request, code: str, year: int):
    """Per card and sub-goal, who works on it and with what figures; the sub-goals nobody
    works on; the associations that have not answered. For those who work in the
    municipality (the council among them)."""
    municipality = get_object_or_404(Municipality, code=code)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("cards.view_summary", municipality):
        raise PermissionDenied
    decision = get_object_or_404(CardDecision, municipality=municipality, year=year)
    return render(
        request,
        "cards/council_summary.html",
        {
            "municipality": municipality,
            "decision": decision,
            "cards": council_summary(decision),
            "reminds": request.user.has_perm("cards.record_decision", municipality),
        },
    )


@require_POST
def card_remind(request, pk: int):
    """The coordinator asks the reminders of a card to be sent (a background task)."""
    template = get_object_or_404(templates_for_page(), pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("cards.change_template", template):
        raise PermissionDenied
    decision = template.decision
    summary = reverse(
        "cards:council-summary",
        kwargs={"code": decision.municipality.code, "year": decision.year},
    )
    try:
        count = card_reminders_request(
            user=request.user,
            template=template,
            answer_url=request.build_absolute_uri(
                reverse("cards:card-answer", kwargs={"pk": template.pk})
            ),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "A reminder is being sent to %(count)s association.",
                "Reminders are being sent to %(count)s associations.",
                count,
            )
            % {"count": count},
        )
    return redirect(summary)


def card_decision(request, code: str):
    """The coordinator records the management group's decision of a year: the goals of an
    approved plan the associations are asked to answer; the cards follow from it."""
    municipality = get_object_or_404(Municipality, code=code)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("cards.record_decision", municipality):
        raise PermissionDenied
    plans = list(plans_for_cards(municipality))
    wanted = request.POST.get("plan") or request.GET.get("plan")
    plan = next((p for p in plans if str(p.pk) == wanted), plans[0] if plans else None)
    context = {"municipality": municipality, "plans": plans, "plan": plan}
    if plan is None:
        return render(request, "cards/card_decision.html", context)
    today = timezone.localdate()
    initial = {
        "year": min(max(today.year, plan.start_year), plan.end_year),
        "decided_on": today,
        "opens_on": today,
    }
    goals = strategic_goals(plan)
    form = CardDecisionForm(request.POST or None, goals=goals, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = card_decision_record(
                user=request.user,
                municipality=municipality,
                year=data["year"],
                body=data["body"],
                decided_on=data["decided_on"],
                reference=data["reference"],
                plan=plan,
                goals=data["goals"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                note=data["note"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The cards of %(year)s were made: %(count)s.")
                % {"year": decision.year, "count": decision.templates.count()},
            )
            return redirect(reverse("cards:municipality-cards", kwargs={"code": code}))
    return render(request, "cards/card_decision.html", {**context, "form": form})


class CardPageView(ObjectPermissionMixin, TemplateView):
    """A card: its goal, its rows and the answers the user may read (everyone: the accepted
    ones), and for an invited association where its own answer stands."""

    model = CardTemplate
    template_name = "cards/card_detail.html"
    context_object_name = "template"

    def get_object_queryset(self):
        return templates_for_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        template = self.url_object
        user = self.request.user
        rows, responses = card_rows_with_answers(template, card_rows(template), user)
        mine = answering_organisations(user, template)
        own = {response.organisation_id: response for response in responses}
        context.update(
            rows=rows,
            responses=responses if user.has_perm("cards.change_template", template) else [],
            own_answers=[(organisation, own.get(organisation.pk)) for organisation in mine],
            is_open=card_is_open(template),
            can_change=user.has_perm("cards.change_template", template),
        )
        return context


class CardEditView(ObjectPermissionMixin, TemplateView):
    """The coordinator changes a card after the decision: name, dates, invited associations."""

    model = CardTemplate
    permission_required = "cards.change_template"
    template_name = "cards/card_edit.html"
    context_object_name = "template"

    def get_object_queryset(self):
        return templates_for_page()

    def _form(self, data=None) -> CardTemplateForm:
        template = self.url_object
        return CardTemplateForm(
            data,
            associations=associations_of(template.decision.municipality),
            initial={
                "name_fi": getattr(template, "name_fi"),  # noqa: B009 (modeltranslation)
                "name_sv": getattr(template, "name_sv"),  # noqa: B009
                "opens_on": template.opens_on,
                "closes_on": template.closes_on,
                "invited": list(template.invited.all()),
                "loaded_version": template_version(template),
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        return context

    def post(self, request, *args, **kwargs):
        template = self.url_object
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                card_template_update(
                    user=request.user,
                    template=template,
                    names={"fi": data["name_fi"], "sv": data["name_sv"]},
                    opens_on=data["opens_on"],
                    closes_on=data["closes_on"],
                    invited=data["invited"],
                    loaded_version=data["loaded_version"] or None,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The card was saved."))
                return redirect("cards:card", pk=template.pk)
        return self.render_to_response(self.get_context_data(form=form))


class CardAnswerView(ObjectPermissionMixin, TemplateView):
    """An association's answer to a card: the rows with two short texts each, saved as a
    draft or sent; last year's answer can be copied in."""

    model = CardTemplate
    template_name = "cards/card_answer.html"
    context_object_name = "template"

    def get_object_queryset(self):
        return templates_for_page()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def _organisation(self):
        return self._answering

    @cached_property
    def _answering(self):
        """(the organisation answered for, all the user may answer for): read once."""
        organisations = answering_organisations(self.request.user, self.url_object)
        if not organisations:
            raise PermissionDenied
        wanted = self.request.POST.get("organisation") or self.request.GET.get("organisation")
        for organisation in organisations:
            if str(organisation.pk) == wanted:
                return organisation, organisations
        return organisations[0], organisations

    def _response(self, organisation) -> CardResponse | None:
        if organisation.pk not in self._responses:
            self._responses[organisation.pk] = self._response_read(organisation)
        return self._responses[organisation.pk]

    @cached_property
    def _responses(self) -> dict[int, CardResponse | None]:
        return {}

    def _response_read(self, organisation) -> CardResponse | None:
        return (
            CardResponse.objects.filter(template=self.url_object, organisation=organisation)
            .prefetch_related("answers", "comments")
            .first()
        )

    def _form(self, organisation, data=None) -> CardAnswerForm:
        response = self._response(organisation)
        initial = {"loaded_version": response_version(response)}
        for answer in response.answers.all() if response else []:
            initial[f"what_{answer.sub_goal_id}"] = answer.what_we_do
            initial[f"how_{answer.sub_goal_id}"] = answer.how_we_succeed
        return CardAnswerForm(data, rows=card_rows(self.url_object), initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation, organisations = self._organisation()
        response = self._response(organisation)
        template = self.url_object
        context.setdefault("form", self._form(organisation))
        context.update(
            organisation=organisation,
            organisations=organisations,
            response=response,
            comments=list(response.comments.all()) if response else [],
            is_open=card_is_open(template),
            can_copy=response is None and previous_response(template, organisation) is not None,
        )
        return context

    def post(self, request, *args, **kwargs):
        organisation, _organisations = self._organisation()
        template = self.url_object
        answer_url = reverse("cards:card-answer", kwargs={"pk": template.pk})
        here = f"{answer_url}?organisation={organisation.pk}"
        if request.POST.get("action") == "copy":
            try:
                card_response_copy_forward(
                    user=request.user, template=template, organisation=organisation
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Last year's answer was copied. Check it and send."))
            return redirect(here)
        form = self._form(organisation, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        submit = request.POST.get("action") == "send"
        try:
            card_response_save(
                user=request.user,
                template=template,
                organisation=organisation,
                answers=form.answers(),
                submit=submit,
                loaded_version=form.cleaned_data["loaded_version"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            context = {"form": form}
            if getattr(error, "code", None) == "conflict":
                # Show what the other person saved; having seen it, the next save goes through.
                current = self._response_read(organisation)  # as saved now
                form.data = form.data.copy()
                form.data["loaded_version"] = response_version(current)
                saved = {answer.sub_goal_id: answer for answer in current.answers.all()}
                context["conflict_rows"] = [
                    (goal, saved.get(goal.pk)) for goal in card_rows(template)
                ]
            return self.render_to_response(self.get_context_data(**context))
        if submit:
            messages.success(request, _("Thank you! The answer was sent to the municipality."))
            return redirect(reverse("cards:card", kwargs={"pk": template.pk}))
        messages.success(request, _("The draft was saved. You can send it when it is ready."))
        return redirect(here)


class ResponseReviewView(ObjectPermissionMixin, TemplateView):
    """An answer as the municipality reviews it: the rows, the comments, and for the
    coordinator a comment box and the button that accepts it."""

    model = CardResponse
    template_name = "cards/response_review.html"
    context_object_name = "response"
    view_permission = "cards.view_response"
    anonymous_to_login = True

    def get_object_queryset(self):
        return responses_for_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        response = self.url_object
        rows = card_rows(response.template)
        answers = {answer.sub_goal_id: answer for answer in response.answers.all()}
        context.setdefault("comment_form", CardCommentForm())
        context.update(
            rows=[(goal, answers.get(goal.pk)) for goal in rows],
            comments=list(response.comments.select_related("author")),
            reviews=self.request.user.has_perm("cards.review_response", response),
            can_accept=response.state == ResponseState.SUBMITTED,
            loaded_version=response_version(response),
        )
        return context

    def post(self, request, *args, **kwargs):
        response = self.url_object
        if not request.user.has_perm("cards.review_response", response):
            raise PermissionDenied  # it reads the answer (else 404 above), it does not review
        here = reverse("cards:response", kwargs={"pk": response.pk})
        if request.POST.get("action") == "accept":
            try:
                card_response_accept(
                    user=request.user,
                    response=response,
                    loaded_version=request.POST.get("loaded_version", ""),
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The answer was accepted and is now public."))
            return redirect(here)
        form = CardCommentForm(request.POST)
        if form.is_valid():
            try:
                card_response_comment(
                    user=request.user, response=response, text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The comment was saved; the association sees it."))
                return redirect(here)
        return self.render_to_response(self.get_context_data(comment_form=form))


class CardPdfView(CardPageView):
    """The card as a PDF (cards/card_print.html): what the card page shows the user, with the
    council's summary figures per sub-goal for those who may read it. The card page's object
    and permissions, inherited, so the two never answer differently."""

    def get(self, request, *args, **kwargs):
        template = self.url_object
        name = slugify(template.name) or "card"
        return pdf_response(card_pdf(template, request.user), f"{name}-{template.decision.year:d}")

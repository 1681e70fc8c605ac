"""Pages of help requests: a municipality's requests, the coordinator's form, one request
(sent to the fitting associations by its coordinator, answered there by an association),
the coordinator's reply to an offer, closing a request, and what was done. Thin: selectors
read, services write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from elinvoima.actors.models import Municipality
from elinvoima.cards.associations import associations_of
from elinvoima.cards.enums import HelpOfferState
from elinvoima.cards.help.forms import (
    HelpDoneForm,
    HelpOfferForm,
    HelpReplyForm,
    HelpRequestForm,
    HelpSendForm,
)
from elinvoima.cards.help.models import HelpOffer, HelpRequest
from elinvoima.cards.help.selectors import goals_for_help, help_requests_of, offers_shown
from elinvoima.cards.help.services import (
    help_offer_done,
    help_offer_reply,
    help_offer_save,
    help_request_close,
    help_request_save,
    help_request_send,
    matching_associations,
    version_of,
)
from elinvoima.cards.permissions import represented_organisation_ids
from elinvoima.core.forms import form_add_service_errors
from elinvoima.core.view_mixins import ObjectPermissionMixin

PAGE_SIZE = 25
SHOWN = {"open": {"closed_at__isnull": True}, "closed": {"closed_at__isnull": False}, "all": {}}


def _page_of(help_request: HelpRequest) -> str:
    return reverse("cards:help-request", kwargs={"pk": help_request.pk})


class HelpRequestListView(ObjectPermissionMixin, TemplateView):
    """A municipality's help requests: open ones first by default."""

    model = Municipality
    lookup_field = "code"
    permission_required = "cards.view_help_requests"
    template_name = "cards/help/help_request_list.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = self.request.GET.get("show", "open")
        shown = shown if shown in SHOWN else "open"
        requests = help_requests_of(self.request.user, self.url_object).filter(**SHOWN[shown])
        page = Paginator(requests, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            shown=shown,
            page_obj=page,
            help_requests=page.object_list,
            today=timezone.localdate(),
            can_ask=self.request.user.has_perm("cards.ask_help", self.url_object),
        )
        return context


class _RequestFormView(ObjectPermissionMixin, TemplateView):
    template_name = "cards/help/help_request_form.html"

    @cached_property
    def help_request(self) -> HelpRequest | None:
        return self.url_object if self.model is HelpRequest else None

    @cached_property
    def municipality(self) -> Municipality:
        return self.help_request.municipality if self.help_request else self.url_object

    def _form(self, data=None) -> HelpRequestForm:
        help_request, initial = self.help_request, {}
        chosen = []
        if help_request is not None:
            chosen = list(help_request.sub_goals.all())
            initial = {
                name: getattr(help_request, name)
                for name in (
                    *("title", "description", "starts_on", "ends_on", "time", "place"),
                    *("for_whom", "helpers_needed", "answer_by"),
                )
            }
            for name in HelpRequestForm.AUDIENCE:
                initial[name] = list(getattr(help_request, name).all())
            initial["loaded_version"] = version_of(help_request)
        day = help_request.starts_on if help_request else timezone.localdate()
        return HelpRequestForm(
            data,
            initial=initial,
            municipality=self.municipality,
            goals=goals_for_help(self.municipality, day, chosen),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(help_request=self.help_request, municipality=self.municipality)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                help_request = help_request_save(
                    user=request.user,
                    municipality=self.municipality,
                    help_request=self.help_request,
                    data=form.data_for_service(),
                    loaded_version=form.cleaned_data["loaded_version"]
                    if self.help_request
                    else None,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The help request was saved."))
                return redirect(_page_of(help_request))
        return self.render_to_response(self.get_context_data(form=form))


class HelpRequestCreateView(_RequestFormView):
    model = Municipality
    lookup_field = "code"
    permission_required = "cards.ask_help"


class HelpRequestEditView(_RequestFormView):
    model = HelpRequest
    view_permission = "cards.view_help_request"
    anonymous_to_login = True
    permission_required = "cards.change_help_request"
    select_related = ("municipality", "updated_by")


class HelpRequestView(ObjectPermissionMixin, TemplateView):
    """One request: the coordinator sends it and reads the offers; an association it was
    sent to offers help here."""

    model = HelpRequest
    view_permission = permission_required = "cards.view_help_request"
    anonymous_to_login = True
    template_name = "cards/help/help_request_detail.html"
    context_object_name = "help_request"
    select_related = ("municipality",)

    @cached_property
    def manages(self) -> bool:
        return self.request.user.has_perm("cards.change_help_request", self.url_object)

    def _send_form(self, data=None) -> HelpSendForm:
        help_request = self.url_object
        sent_to = set(help_request.recipients.values_list("pk", flat=True))
        fitting = [o.pk for o in matching_associations(help_request) if o.pk not in sent_to]
        return HelpSendForm(
            data,
            initial={"recipients": fitting},
            associations=associations_of(help_request.municipality).exclude(pk__in=sent_to),
        )

    def _offer_forms(self, bound=None) -> list:
        """One form for each association the user represents that the request reached."""
        help_request = self.url_object
        organisations = help_request.recipients.filter(
            pk__in=represented_organisation_ids(self.request.user)
        ).order_by("name")
        offers = {offer.organisation_id: offer for offer in help_request.offers.all()}
        forms = []
        for organisation in organisations:
            offer, prefix = offers.get(organisation.pk), f"offer-{organisation.pk}"
            if bound is not None and bound.prefix == prefix:
                form = bound
            else:
                initial = {"organisation": organisation, "helpers": 1}
                if offer is not None:
                    initial.update(
                        text=offer.text, helpers=offer.helpers, loaded_version=version_of(offer)
                    )
                form = HelpOfferForm(
                    initial=initial,
                    organisations=organisations,
                    prefix=prefix,
                )
            forms.append((organisation, offer, form))
        return forms

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        help_request = self.url_object
        today = timezone.localdate()
        is_open = help_request.closed_at is None
        offers = list(offers_shown(self.request.user, help_request))
        context.update(
            manages=self.manages,
            is_open=is_open,
            takes_offers=is_open and help_request.is_sent and today <= help_request.answer_by,
            offers=[
                (offer, HelpReplyForm(initial={"loaded_version": version_of(offer)}))
                for offer in offers
            ],
            offer_forms=kwargs.get("offer_forms") or self._offer_forms(),
            recipients=list(help_request.recipients.order_by("name")),
            themes=list(help_request.themes.all()),
            target_groups=list(help_request.target_groups.all()),
            villages=list(help_request.villages.all()),
            sub_goals=list(help_request.sub_goals.all()),
        )
        if self.manages and is_open:
            context.setdefault("send_form", self._send_form())
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "send":
            return self._send(request)
        return self._offer(request)

    def _send(self, request):
        help_request = self.url_object
        form = self._send_form(request.POST)
        if form.is_valid():
            try:
                count = help_request_send(
                    user=request.user,
                    help_request=help_request,
                    recipients=form.cleaned_data["recipients"],
                    url=request.build_absolute_uri(_page_of(help_request)),
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "The request was sent to %(count)d association.",
                        "The request was sent to %(count)d associations.",
                        count,
                    )
                    % {"count": count},
                )
                return redirect(_page_of(help_request))
        return self.render_to_response(self.get_context_data(send_form=form))

    def _offer(self, request):
        help_request = self.url_object
        organisations = help_request.recipients.filter(
            pk__in=represented_organisation_ids(request.user)
        )
        chosen = request.POST.get("organisation_id", "")
        if not chosen.isdigit() or not organisations.filter(pk=chosen).exists():
            raise PermissionDenied  # only an association the request reached offers
        form = HelpOfferForm(request.POST, organisations=organisations, prefix=f"offer-{chosen}")
        if form.is_valid():
            try:
                help_offer_save(
                    user=request.user,
                    help_request=help_request,
                    organisation=form.cleaned_data["organisation"],
                    text=form.cleaned_data["text"],
                    helpers=form.cleaned_data["helpers"],
                    loaded_version=form.cleaned_data["loaded_version"] or None,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you! Your offer was sent."))
                return redirect(_page_of(help_request))
        return self.render_to_response(
            self.get_context_data(offer_forms=self._offer_forms(bound=form))
        )


class HelpRequestCloseView(ObjectPermissionMixin, TemplateView):
    """Asks before a request is closed (no more offers), then closes it."""

    model = HelpRequest
    view_permission = "cards.view_help_request"
    anonymous_to_login = True
    permission_required = "cards.change_help_request"
    template_name = "cards/help/help_request_close.html"
    context_object_name = "help_request"

    def post(self, request, *args, **kwargs):
        try:
            help_request_close(user=request.user, help_request=self.url_object)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The help request was closed."))
        return redirect(_page_of(self.url_object))


class HelpOfferReplyView(ObjectPermissionMixin, View):
    """The coordinator's reply to an offer (POST from the request's page)."""

    model = HelpOffer
    select_related = ("request__municipality", "organisation")
    view_permission = "cards.view_help_request"
    permission_required = "cards.change_help_request"

    def get_permission_object(self):
        return self.url_object.request

    def post(self, request, *args, **kwargs):
        offer = self.url_object
        form = HelpReplyForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Take the offer up or say it is not needed."))
            help_offer_reply(
                user=request.user,
                offer=offer,
                state=form.cleaned_data["state"],
                reply=form.cleaned_data["reply"],
                loaded_version=form.cleaned_data["loaded_version"] or None,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Your reply to %(name)s was saved.") % {"name": offer.organisation}
            )
        return redirect(_page_of(offer.request))


class HelpOfferDoneView(ObjectPermissionMixin, TemplateView):
    """What was done for an offer: recorded as the association's activity."""

    model = HelpOffer
    select_related = ("request__municipality", "organisation", "activity")
    view_permission = "cards.view_help_request"
    anonymous_to_login = True
    permission_required = "cards.report_activity"
    template_name = "cards/help/help_offer_done.html"
    context_object_name = "offer"

    def get_view_permission_object(self):
        return self.url_object.request

    def get_permission_object(self):
        return self.url_object.organisation

    def _form(self, data=None) -> HelpDoneForm:
        offer = self.url_object
        return HelpDoneForm(
            data,
            initial={
                "starts_on": offer.request.starts_on,
                "ends_on": offer.request.ends_on,
                "volunteers": offer.helpers,
                "loaded_version": version_of(offer),
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(
            help_request=self.url_object.request,
            is_done=self.url_object.state == HelpOfferState.DONE,
        )
        return context

    def post(self, request, *args, **kwargs):
        offer = self.url_object
        form = self._form(request.POST)
        if form.is_valid():
            try:
                help_offer_done(
                    user=request.user,
                    offer=offer,
                    data=form.data_for_service(),
                    loaded_version=form.cleaned_data["loaded_version"] or None,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Thank you! The help was recorded among your activities.")
                )
                return redirect(_page_of(offer.request))
        return self.render_to_response(self.get_context_data(form=form))

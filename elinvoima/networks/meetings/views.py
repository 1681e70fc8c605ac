"""Pages of a meeting: its page (agenda, attendance, minutes, action items), the agenda and
minutes as PDF, and the forms of those who run the network. Thin: selectors read, services
write."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from elinvoima.actors.models import User
from elinvoima.core.forms import done_with_message, saved_by
from elinvoima.core.pdf import pdf_from_html, pdf_response
from elinvoima.core.private_files import private_file_response
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.networks.meetings.forms import (
    ActionItemForm,
    ActionStatusForm,
    AgendaItemForm,
    ApproveForm,
    DocumentForm,
    ForwardForm,
    MeetingForm,
    MinutesForm,
)
from elinvoima.networks.meetings.models import ActionItem, AgendaDocument, AgendaItem, Meeting
from elinvoima.networks.meetings.selectors import (
    attendance_rows,
    meeting_action_items,
    meeting_items,
    minutes_to_approve,
    open_action_items_of,
    quorum_of,
)
from elinvoima.networks.meetings.services import (
    ActionData,
    ItemData,
    MeetingData,
    action_item_add,
    action_item_status,
    agenda_document_add,
    agenda_document_remove,
    agenda_item_delete,
    agenda_item_save,
    decision_forward,
    meeting_cancel,
    meeting_invite,
    meeting_save,
    meeting_version,
    minutes_approve,
    minutes_ready,
    minutes_save,
)
from elinvoima.networks.models import Network
from elinvoima.networks.permissions import networks_visible_to
from elinvoima.networks.selectors import current_members, forwards_received

VIEW = "networks.view_meeting"
RUN = "networks.run_meeting"


def meeting_context(meeting: Meeting, user) -> dict:
    """What the meeting's page and its papers show to `user`."""
    minutes = user.has_perm("networks.view_minutes", meeting)
    rows = attendance_rows(meeting) if minutes else []
    return {
        "meeting": meeting,
        "network": meeting.network,
        "items": list(meeting_items(meeting)),
        "minutes": minutes,
        "attendance": rows,
        "quorum": quorum_of(meeting, rows) if minutes and meeting.attendance.exists() else None,
        "action_items": list(meeting_action_items(meeting)) if minutes else [],
        "approved_here": list(meeting.approved_minutes_of.order_by("starts_at")),
    }


class MeetingView(ObjectPermissionMixin, TemplateView):
    model = Meeting
    view_permission = VIEW
    anonymous_to_login = True
    template_name = "networks/meetings/meeting.html"
    select_related = ("network", "minutes_approved_in")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting, user = self.url_object, self.request.user
        context.update(meeting_context(meeting, user))
        runs = user.has_perm(RUN, meeting)
        context.update(
            runs=runs,
            is_open=meeting.minutes_approved_at is None and meeting.cancelled_at is None,
            has_started=meeting.starts_at <= timezone.now(),
            to_approve=list(minutes_to_approve(meeting)) if runs else [],
            approve_form=ApproveForm(meetings=minutes_to_approve(meeting)) if runs else None,
        )
        return context


class _PaperView(ObjectPermissionMixin, View):
    """The agenda or the minutes as a PDF."""

    model = Meeting
    view_permission = VIEW
    anonymous_to_login = True
    select_related = ("network",)
    template = ""
    paper = ""

    def get(self, request, *args, **kwargs):
        meeting = self.url_object
        html = render_to_string(self.template, meeting_context(meeting, request.user), request)
        return pdf_response(
            pdf_from_html(html), slugify(f"{meeting.title}-{self.paper}") or "meeting"
        )


class AgendaPdfView(_PaperView):
    template = "networks/meetings/agenda_print.html"
    paper = "agenda"


class MinutesPdfView(_PaperView):
    view_permission = "networks.view_minutes"
    template = "networks/meetings/minutes_print.html"
    paper = "minutes"


class _MeetingFormView(ObjectPermissionMixin, TemplateView):
    """Plan a meeting of a network, or change one."""

    template_name = "networks/meetings/meeting_form.html"
    anonymous_to_login = True

    @cached_property
    def meeting(self) -> Meeting | None:
        return self.url_object if self.model is Meeting else None

    @cached_property
    def network(self) -> Network:
        return self.meeting.network if self.meeting else self.url_object

    def _form(self, data=None):
        meeting = self.meeting
        if meeting is None:
            return MeetingForm(data, initial={"title": self.network.name, "level": "local"})
        initial = {
            name: getattr(meeting, name)
            for name in ("title", "place", "level", "guests", "starts_at", "ends_at")
        }
        for name in ("starts_at", "ends_at"):
            initial[name] = timezone.localtime(initial[name])
        initial["loaded_version"] = meeting_version(meeting)
        return MeetingForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(network=self.network, meeting=self.meeting)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        meeting = saved_by(
            form,
            lambda: meeting_save(
                user=request.user,
                network=self.network,
                meeting=self.meeting,
                data=MeetingData(
                    **{
                        name: form.cleaned_data[name]
                        for name in ("title", "starts_at", "ends_at", "place", "level", "guests")
                    }
                ),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if meeting:
            messages.success(request, _("The meeting was saved."))
            return redirect(meeting)
        return self.render_to_response(self.get_context_data(form=form))


class MeetingCreateView(_MeetingFormView):
    model = Network
    view_permission = "networks.view_network"
    permission_required = "networks.manage_network"


class MeetingEditView(_MeetingFormView):
    model = Meeting
    view_permission = VIEW
    permission_required = RUN
    select_related = ("network",)


class _RunMeetingPage(ObjectPermissionMixin):
    """A page of a meeting for those who run its network (`networks.run_meeting`)."""

    model = Meeting
    view_permission = VIEW
    permission_required = RUN
    anonymous_to_login = True
    select_related = ("network",)


class _MeetingActionView(_RunMeetingPage, TemplateView):
    """A step of the meeting asked first on a page of its own (send the invitation, mark the
    minutes ready, cancel): POST does it."""

    template_name = "networks/meetings/confirm.html"
    context_object_name = "meeting"

    def post(self, request, *args, **kwargs):
        done_with_message(request, self.act, lambda message: message)
        return redirect(self.url_object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(question=self.question, action=self.action)
        return context


class InviteView(_MeetingActionView):
    @property
    def question(self):
        return _("Send the invitation and the agenda to the members of %(network)s?") % {
            "network": self.url_object.network
        }

    @property
    def action(self):
        return _("Send the invitation")

    def act(self):
        url = self.request.build_absolute_uri(self.url_object.get_absolute_url())
        count = meeting_invite(user=self.request.user, meeting=self.url_object, url=url)
        return _("The invitation was sent; %(count)d members get it by e-mail.") % {"count": count}


class MinutesReadyView(_MeetingActionView):
    @property
    def question(self):
        return _(
            "Are the minutes ready? The members read them, and the next meeting approves them."
        )

    @property
    def action(self):
        return _("The minutes are ready")

    def act(self):
        minutes_ready(user=self.request.user, meeting=self.url_object)
        return _("The minutes are ready for approval at the next meeting.")


class CancelView(_MeetingActionView):
    @property
    def question(self):
        return _("Cancel the meeting “%(title)s”?") % {"title": self.url_object.title}

    @property
    def action(self):
        return _("Cancel the meeting")

    def act(self):
        meeting_cancel(user=self.request.user, meeting=self.url_object)
        return _("The meeting was cancelled.")


class ApproveView(_RunMeetingPage, View):
    """This meeting approves the minutes of an earlier one (POST from the meeting's page)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        meeting = self.url_object
        form = ApproveForm(
            request.POST,
            meetings=minutes_to_approve(meeting),
        )
        if form.is_valid():
            done_with_message(
                request,
                lambda: minutes_approve(
                    user=request.user, meeting=meeting, earlier=form.cleaned_data["earlier"]
                ),
                lambda earlier: (
                    _("The minutes of %(title)s were approved.") % {"title": earlier.title}
                ),
            )
        else:
            messages.error(request, _("Choose the minutes to approve."))
        return redirect(meeting)


class MinutesView(_RunMeetingPage, TemplateView):
    """The minutes: who were present and the decision of each item."""

    template_name = "networks/meetings/minutes_form.html"
    context_object_name = "meeting"

    def _form(self, data=None):
        meeting = self.url_object
        return MinutesForm(
            data,
            rows=attendance_rows(meeting),
            items=meeting_items(meeting),
            initial={"loaded_version": meeting_version(meeting)},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["network"] = self.url_object.network
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        saved = saved_by(
            form,
            lambda: minutes_save(
                user=request.user,
                meeting=self.url_object,
                present=form.present_ids(),
                decisions=form.decisions(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if saved:
            messages.success(request, _("The minutes were saved."))
            return redirect(self.url_object)
        return self.render_to_response(self.get_context_data(form=form))


class _ItemFormView(ObjectPermissionMixin, TemplateView):
    """Add an agenda item, or change one and its documents."""

    template_name = "networks/meetings/item_form.html"
    anonymous_to_login = True
    view_permission = VIEW
    permission_required = RUN

    @cached_property
    def item(self) -> AgendaItem | None:
        return self.url_object if self.model is AgendaItem else None

    @cached_property
    def meeting(self) -> Meeting:
        return self.item.meeting if self.item else self.url_object

    def get_permission_object(self):
        return self.meeting

    def _form(self, data=None):
        network = self.meeting.network
        initial = {}
        if self.item is not None:
            initial = {
                name: getattr(self.item, name)
                for name in ("title", "proposal", "presenter", "forwarded_from", "corrects")
            }
        return AgendaItemForm(
            data,
            initial=initial,
            presenters=User.objects.filter(pk__in=current_members(network).values("user")).order_by(
                "last_name", "first_name"
            ),
            forwarded=forwards_received(network),
            corrected=AgendaItem.objects.filter(
                meeting__network=network,
                meeting__minutes_approved_at__isnull=False,
                meeting__starts_at__lt=self.meeting.starts_at,
            ).select_related("meeting"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(meeting=self.meeting, network=self.meeting.network, item=self.item)
        if self.item is not None:
            context.setdefault("document_form", DocumentForm())
            context["documents"] = list(self.item.documents.all())
        return context

    def post(self, request, *args, **kwargs):
        if "file" in request.FILES or request.POST.get("upload"):
            return self._upload(request)
        form = self._form(request.POST)
        item = saved_by(
            form,
            lambda: agenda_item_save(
                user=request.user,
                meeting=self.meeting,
                item=self.item,
                data=ItemData(**form.cleaned_data),
            ),
        )
        if item:
            messages.success(request, _("The agenda item was saved."))
            return redirect(self.meeting)
        return self.render_to_response(self.get_context_data(form=form))

    def _upload(self, request):
        form = DocumentForm(request.POST, request.FILES)
        if self.item is not None and saved_by(
            form,
            lambda: agenda_document_add(
                user=request.user, item=self.item, upload=form.cleaned_data["file"]
            ),
        ):
            messages.success(request, _("The document was attached."))
            return redirect("networks:agenda-item-edit", pk=self.item.pk)
        return self.render_to_response(self.get_context_data(document_form=form))


class ItemCreateView(_ItemFormView):
    model = Meeting
    select_related = ("network",)


class ItemEditView(_ItemFormView):
    model = AgendaItem
    select_related = ("meeting__network",)


class ItemDeleteView(ObjectPermissionMixin, TemplateView):
    model = AgendaItem
    view_permission = VIEW
    permission_required = RUN
    anonymous_to_login = True
    select_related = ("meeting__network",)
    template_name = "networks/meetings/item_delete.html"
    context_object_name = "item"

    def get_permission_object(self):
        return self.url_object.meeting

    def post(self, request, *args, **kwargs):
        item = self.url_object
        done_with_message(
            request,
            lambda: agenda_item_delete(user=request.user, item=item),
            _("The agenda item was removed."),
        )
        return redirect(item.meeting)


class DocumentView(ObjectPermissionMixin, View):
    """A document of an agenda item, as a download, to those who see the meeting."""

    model = AgendaDocument
    view_permission = VIEW
    anonymous_to_login = True
    select_related = ("item__meeting__network",)

    def get_permission_object(self):
        return self.url_object.item.meeting

    def get(self, request, *args, **kwargs):
        document = self.url_object
        return private_file_response(
            document.file, name=document.name, content_type=document.content_type
        )


class DocumentRemoveView(ObjectPermissionMixin, View):
    model = AgendaDocument
    view_permission = VIEW
    permission_required = RUN
    anonymous_to_login = True
    select_related = ("item__meeting__network",)
    http_method_names = ["post"]

    def get_permission_object(self):
        return self.url_object.item.meeting

    def post(self, request, *args, **kwargs):
        document = self.url_object
        done_with_message(
            request,
            lambda: agenda_document_remove(user=request.user, document=document),
            _("The document was removed."),
        )
        return redirect("networks:agenda-item-edit", pk=document.item_id)


class ActionItemCreateView(_RunMeetingPage, TemplateView):
    template_name = "networks/meetings/action_form.html"
    context_object_name = "meeting"

    def _form(self, data=None):
        meeting = self.url_object
        return ActionItemForm(
            data,
            owners=User.objects.filter(
                pk__in=current_members(meeting.network).values("user")
            ).order_by("last_name", "first_name"),
            items=meeting.items.order_by("position"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["network"] = self.url_object.network
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: action_item_add(
                user=request.user, meeting=self.url_object, data=ActionData(**form.cleaned_data)
            ),
        ):
            messages.success(request, _("The action item was recorded."))
            return redirect(self.url_object)
        return self.render_to_response(self.get_context_data(form=form))


class ActionStatusView(ObjectPermissionMixin, View):
    """The owner tells how far an action item is (POST from the meeting or the list)."""

    model = ActionItem
    view_permission = VIEW
    permission_required = "networks.change_action_item"
    anonymous_to_login = True
    select_related = ("meeting__network",)
    http_method_names = ["post"]

    def get_view_permission_object(self):
        return self.url_object.meeting

    def post(self, request, *args, **kwargs):
        action = self.url_object
        form = ActionStatusForm(request.POST)
        if form.is_valid():
            action_item_status(
                user=request.user, action_item=action, status=form.cleaned_data["status"]
            )
            messages.success(request, _("The status was saved."))
        else:
            messages.error(request, _("Choose a status."))
        target = request.POST.get("next", "")
        if target == "mine":
            return redirect("networks:my-action-items")
        return redirect(action.meeting)


class MyActionItemsView(TemplateView):
    """The signed-in user's open action items, from every network."""

    template_name = "networks/meetings/my_action_items.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_items=list(open_action_items_of(self.request.user)),
            statuses=ActionStatusForm.base_fields["status"].choices,
            today=timezone.localdate(),
        )
        return context


class ForwardView(ObjectPermissionMixin, TemplateView):
    """Forward a decision to another network or a body of the municipality."""

    model = AgendaItem
    view_permission = VIEW
    permission_required = RUN
    anonymous_to_login = True
    select_related = ("meeting__network",)
    template_name = "networks/meetings/forward_form.html"
    context_object_name = "item"

    def get_permission_object(self):
        return self.url_object.meeting

    def _form(self, data=None):
        network = self.url_object.meeting.network
        return ForwardForm(
            data,
            networks=networks_visible_to(self.request.user)
            .filter(
                municipality_id=network.municipality_id,
                wellbeing_county_id=network.wellbeing_county_id,
                organisation_id=network.organisation_id,
            )
            .exclude(pk=network.pk)
            .order_by("name"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(meeting=self.url_object.meeting, network=self.url_object.meeting.network)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: decision_forward(user=request.user, item=self.url_object, **form.cleaned_data),
        ):
            messages.success(request, _("The decision was forwarded."))
            return redirect(self.url_object.meeting)
        return self.render_to_response(self.get_context_data(form=form))

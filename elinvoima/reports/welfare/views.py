"""Pages of the welfare report: an owner's reports, a report's page (the report itself from
its data snapshot, and for its writers the steps: sections, cards, data, files, decisions),
the forms, a contributor's card, and the files' progress and downloads. Thin: selectors
read, services write."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.exports import XLSX_CONTENT_TYPE
from elinvoima.core.forms import done_with_message, saved_by
from elinvoima.core.private_files import private_file_response
from elinvoima.core.translation import active_language
from elinvoima.core.view_mixins import ConfirmView, ObjectPermissionMixin
from elinvoima.reports.enums import (
    ContributionKind,
    FileFormat,
    JobState,
    ReportKind,
    ReportState,
    SectionKey,
)
from elinvoima.reports.impact.selectors import plans_of
from elinvoima.reports.welfare.forms import (
    CardForm,
    DecisionForm,
    FileForm,
    NegotiationForm,
    ReportForm,
    RequestForm,
    SectionForm,
)
from elinvoima.reports.welfare.jobs import file_request
from elinvoima.reports.welfare.mail import contribution_reminder_mail
from elinvoima.reports.welfare.models import Contribution, Report, ReportFile, ReportSection
from elinvoima.reports.welfare.rendering import report_document
from elinvoima.reports.welfare.selectors import (
    contributions_of_report,
    contributor_choices,
    files_of,
    latest_files,
    reports_of,
)
from elinvoima.reports.welfare.services import (
    contribution_deliver,
    contributions_request,
    contributions_to_remind,
    decision_record,
    negotiation_start,
    next_decision_body,
    report_data_read,
    report_new_version,
    report_save,
    report_send_to_decision,
    report_version,
    section_save,
)
from elinvoima.strategy.enums import APPROVAL_CHAINS

VIEW, CHANGE = "reports.view_report", "reports.change_report"
CONTENT_TYPES = {
    FileFormat.PDF: "application/pdf",
    FileFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileFormat.XLSX: XLSX_CONTENT_TYPE,
}


class _ReportsOfView(ObjectPermissionMixin, TemplateView):
    lookup_field = "code"
    template_name = "reports/welfare/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owner, user = self.url_object, self.request.user
        add = (
            "reports:report-add-county"
            if isinstance(owner, WellbeingCounty)
            else "reports:report-add-municipality"
        )
        context.update(
            owner=owner,
            reports=list(reports_of(owner, user).select_related("plan")),
            add_url=reverse(add, kwargs={"code": owner.code})
            if user.has_perm("reports.add_report", owner)
            else None,
        )
        return context


class MunicipalityReportsView(_ReportsOfView):
    model = Municipality


class CountyReportsView(_ReportsOfView):
    model = WellbeingCounty


class _ReportFormView(ObjectPermissionMixin, TemplateView):
    template_name = "reports/welfare/report_form.html"
    anonymous_to_login = True

    @cached_property
    def report(self) -> Report | None:
        return self.url_object if self.model is Report else None

    @cached_property
    def owner(self):
        return self.report.owner if self.report else self.url_object

    def _form(self, data=None):
        report, owner = self.report, self.owner
        county = isinstance(owner, WellbeingCounty)
        kinds = (
            [ReportKind.COUNTY_YEARLY]
            if county
            else [ReportKind.MUNICIPAL_YEARLY, ReportKind.COUNCIL_TERM]
        )
        if report is None:
            year = timezone.localdate().year - 1
            initial = {
                "kind": kinds[0],
                "title_fi": "Hyvinvointiraportti" if county else "Hyvinvointikertomus",
                "title_sv": "Välfärdsrapport" if county else "Välfärdsberättelse",
                "start_year": year,
                "end_year": year,
            }
        else:
            initial = {
                name: getattr(report, name)
                for name in (
                    "kind",
                    "title_fi",
                    "title_sv",
                    "start_year",
                    "end_year",
                    "plan",
                    "collection_due_on",
                )
            }
            initial["loaded_version"] = report_version(report)
        return ReportForm(
            data,
            initial=initial,
            plans=plans_of(owner, self.request.user),
            kinds=kinds,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(report=self.report, owner=self.owner)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        report = saved_by(
            form,
            lambda: report_save(
                user=request.user,
                owner=self.owner,
                report=self.report,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if report:
            messages.success(request, _("The report was saved."))
            return redirect(report)
        return self.render_to_response(self.get_context_data(form=form))


class MunicipalityReportCreateView(_ReportFormView):
    model = Municipality
    lookup_field = "code"
    permission_required = "reports.add_report"


class CountyReportCreateView(_ReportFormView):
    model = WellbeingCounty
    lookup_field = "code"
    permission_required = "reports.add_report"


class ReportEditView(_ReportFormView):
    model = Report
    view_permission = VIEW
    permission_required = CHANGE


class ReportView(ObjectPermissionMixin, TemplateView):
    """The report itself (from its data snapshot), and for its writers the steps."""

    model = Report
    view_permission = VIEW
    anonymous_to_login = True
    template_name = "reports/welfare/report.html"
    context_object_name = "report"
    select_related = ("municipality", "wellbeing_county", "plan", "previous_version", "negotiation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report, user = self.url_object, self.request.user
        can_change = user.has_perm(CHANGE, report)
        contributions = list(contributions_of_report(report)) if can_change else []
        newer = Report.objects.filter(previous_version=report).first()
        context.update(
            can_change=can_change and not report.is_frozen,
            can_version=can_change and report.is_frozen and newer is None,
            newer=newer if newer and user.has_perm(VIEW, newer) else None,
            doc=report_document(report, active_language(), embed_charts=False)
            if report.snapshot
            else None,
            inline_charts=False,
            sections=list(report.sections.all()),
            contributions=contributions,
            delivered=sum(1 for c in contributions if c.state == "delivered"),
            next_body=next_decision_body(report),
            chain=APPROVAL_CHAINS[report.owner_kind],
            decisions=list(report.decisions.all()),
            downloads=sorted(latest_files(report).values(), key=lambda f: (f.format, f.language)),
            can_negotiate=report.kind == ReportKind.COUNTY_YEARLY
            and report.is_frozen
            and report.negotiation_id is None
            and user.has_perm("reports.open_negotiations", report),
        )
        return context


class SectionEditView(ObjectPermissionMixin, TemplateView):
    model = Report
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True
    template_name = "reports/welfare/section_form.html"
    context_object_name = "report"

    @cached_property
    def section(self) -> ReportSection:
        if self.kwargs["key"] not in SectionKey.values:
            raise Http404
        return get_object_or_404(ReportSection, report=self.url_object, key=self.kwargs["key"])

    def _form(self, data=None):
        section = self.section
        return SectionForm(
            data,
            initial={
                "text_fi": section.text_fi,
                "text_sv": section.text_sv,
                "loaded_version": section.updated_at.isoformat(),
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["section"] = self.section
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: section_save(
                user=request.user,
                report=self.url_object,
                key=self.section.key,
                text_fi=form.cleaned_data["text_fi"],
                text_sv=form.cleaned_data["text_sv"],
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        ):
            messages.success(request, _("The section was saved."))
            return redirect(
                reverse("reports:report", kwargs={"pk": self.url_object.pk})
                + f"#{self.section.key}"
            )
        return self.render_to_response(self.get_context_data(form=form))


class ContributionsView(ObjectPermissionMixin, TemplateView):
    """The data collection: who was asked for which card, delivered or not; ask more,
    remind those who have not delivered."""

    model = Report
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True
    template_name = "reports/welfare/contributions.html"
    context_object_name = "report"
    select_related = ("municipality", "wellbeing_county")

    def kind(self) -> str:
        """The card asked for: the one chosen, else a county's municipality cards or a
        municipality's sector cards."""
        kind = self.request.GET.get("kind") or self.request.POST.get("kind")
        if kind in ContributionKind.values:
            return kind
        if self.url_object.owner_kind == "wellbeing_county":
            return ContributionKind.MUNICIPALITY_CARD
        return ContributionKind.SECTOR_CARD

    def _form(self, data=None):
        report = self.url_object
        kind = self.kind()
        return RequestForm(
            data,
            initial={"kind": kind, "due_on": report.collection_due_on},
            organisations=contributor_choices(report, kind).order_by("name"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(
            contributions=list(contributions_of_report(self.url_object)),
            kinds=ContributionKind.choices,
            kind=self.kind(),
        )
        return context

    def post(self, request, *args, **kwargs):
        report = self.url_object
        if "remind" in request.POST:
            ids = done_with_message(
                request,
                lambda: contributions_to_remind(user=request.user, report=report),
                lambda ids: (
                    ngettext(
                        "A reminder of %(count)d card is being sent.",
                        "Reminders of %(count)d cards are being sent.",
                        len(ids),
                    )
                    % {"count": len(ids)}
                ),
            )
            if ids:
                contribution_reminder_mail.enqueue(ids, request.build_absolute_uri("/"))
            return redirect("reports:contributions", pk=report.pk)
        form = self._form(request.POST)
        made = saved_by(
            form,
            lambda: contributions_request(
                user=request.user,
                report=report,
                kind=form.cleaned_data["kind"],
                organisations=list(form.cleaned_data["organisations"]),
                due_on=form.cleaned_data["due_on"],
            ),
        )
        if made is None:
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            ngettext("%(count)d card was asked for.", "%(count)d cards were asked for.", len(made))
            % {"count": len(made)},
        )
        if made:
            contribution_reminder_mail.enqueue(
                [c.pk for c in made], request.build_absolute_uri("/")
            )
        return redirect("reports:contributions", pk=report.pk)


class ContributionView(ObjectPermissionMixin, TemplateView):
    """A contributor's card: the form while the report is being prepared."""

    model = Contribution
    view_permission = "reports.view_contribution"
    permission_required = "reports.deliver_contribution"
    anonymous_to_login = True
    template_name = "reports/welfare/contribution.html"
    context_object_name = "contribution"
    select_related = ("report", "organisation")

    def _form(self, data=None):
        contribution = self.url_object
        initial = {
            name: getattr(contribution, name)
            for name in ("done", "successes", "challenges", "next_steps", "people_reached")
        }
        initial["loaded_version"] = contribution.updated_at.isoformat()
        return CardForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["open"] = self.url_object.report.state in (
            ReportState.COLLECTING,
            ReportState.DRAFTING,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: contribution_deliver(
                user=request.user,
                contribution=self.url_object,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        ):
            messages.success(request, _("Thank you: the card was delivered."))
            return redirect("reports:contribution", pk=self.url_object.pk)
        return self.render_to_response(self.get_context_data(form=form))


class _StepView(ConfirmView, TemplateView):
    model = Report
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True


class ReadDataView(_StepView):
    @property
    def question(self):
        return _(
            "Read the data of “%(title)s” anew? The indicators, plans, activities, money and "
            "cards are read as they are now, all at one moment."
        ) % {"title": self.url_object}

    @property
    def action(self):
        return _("Read the data")

    def act(self):
        report_data_read(user=self.request.user, report=self.url_object)
        messages.success(self.request, _("The data were read."))
        return self.url_object.get_absolute_url()


class SendView(_StepView):
    @property
    def question(self):
        return _(
            "Send “%(title)s” to decision-making? Its data are read once more and stay as "
            "read; the sections and cards can no longer change unless it is returned."
        ) % {"title": self.url_object}

    @property
    def action(self):
        return _("Send to decision-making")

    def act(self):
        report = report_send_to_decision(user=self.request.user, report=self.url_object)
        messages.success(self.request, _("The report is in decision-making."))
        return report.get_absolute_url()


class NewVersionView(_StepView):
    @property
    def question(self):
        return _(
            "Start a new version of “%(title)s”? It starts as a copy of the sections; its data "
            "are read anew and the approved version stays as it is."
        ) % {"title": self.url_object}

    @property
    def action(self):
        return _("Start a new version")

    def act(self):
        report = report_new_version(user=self.request.user, report=self.url_object)
        messages.success(self.request, _("A new version was started."))
        return report.get_absolute_url()


class DecisionView(ObjectPermissionMixin, TemplateView):
    model = Report
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True
    template_name = "reports/welfare/decision_form.html"
    context_object_name = "report"

    def _form(self, data=None):
        report = self.url_object
        body = next_decision_body(report)
        return DecisionForm(
            data,
            initial={"body": body, "decided_on": timezone.localdate()},
            bodies=APPROVAL_CHAINS[report.owner_kind],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["next_body"] = next_decision_body(self.url_object)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: decision_record(user=request.user, report=self.url_object, **form.cleaned_data),
        ):
            messages.success(request, _("The decision was recorded."))
            return redirect(self.url_object)
        return self.render_to_response(self.get_context_data(form=form))


class NegotiationView(ObjectPermissionMixin, TemplateView):
    model = Report
    view_permission = VIEW
    anonymous_to_login = True
    template_name = "reports/welfare/negotiation_form.html"
    context_object_name = "report"
    permission_required = "reports.open_negotiations"
    select_related = ("wellbeing_county",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", NegotiationForm())
        return context

    def post(self, request, *args, **kwargs):
        form = NegotiationForm(request.POST)
        if saved_by(
            form,
            lambda: negotiation_start(
                user=request.user, report=self.url_object, held_on=form.cleaned_data["held_on"]
            ),
        ):
            messages.success(request, _("The hyte negotiations were started from the report."))
            return redirect(self.url_object)
        return self.render_to_response(self.get_context_data(form=form))


class FilesView(ObjectPermissionMixin, TemplateView):
    """Make the report's files and follow their progress (the list refreshes itself while
    a file is being made)."""

    model = Report
    view_permission = VIEW
    permission_required = CHANGE
    anonymous_to_login = True
    template_name = "reports/welfare/files.html"
    context_object_name = "report"

    def get_template_names(self):
        if getattr(self.request, "htmx", False):
            return ["reports/welfare/_files.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        files = list(files_of(self.url_object))
        context.update(
            files=files,
            running=any(f.state in (JobState.QUEUED, JobState.RUNNING) for f in files),
            formats=FileFormat.choices,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = FileForm(request.POST)
        if form.is_valid():
            done_with_message(
                request,
                lambda: file_request(
                    user=request.user,
                    report=self.url_object,
                    file_format=form.cleaned_data["format"],
                    language=form.cleaned_data["language"],
                ),
                _("The file is being made."),
            )
        else:
            messages.error(request, _("Choose a format and a language."))
        return redirect("reports:report-files", pk=self.url_object.pk)


class FileDownloadView(ObjectPermissionMixin, TemplateView):
    model = ReportFile
    view_permission = VIEW
    select_related = ("report",)

    def get_view_permission_object(self):
        return self.url_object.report

    def get(self, request, *args, **kwargs):
        job = self.url_object
        if job.state != JobState.DONE or not job.file or not job.file.storage.exists(job.file.name):
            raise Http404
        return private_file_response(
            job.file, name=job.file.name.rsplit("/", 1)[-1], content_type=CONTENT_TYPES[job.format]
        )

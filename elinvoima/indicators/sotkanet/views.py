"""Pages of the Sotkanet import: the list of imports, the upload form, and an import's
page whose progress bar follows the background task (htmx polls a small fragment)."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import DetailView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from elinvoima.indicators.enums import ImportStatus
from elinvoima.indicators.models import ImportJob
from elinvoima.indicators.permissions import import_jobs_visible_to
from elinvoima.indicators.sotkanet.forms import ImportUploadForm, too_large_message
from elinvoima.indicators.sotkanet.jobs import import_job_create, import_job_enqueue
from elinvoima.indicators.sotkanet.problems import problem_text

PERMISSION = "indicators.import_sotkanet"
# Besides the file, a form posts a few small fields and the multipart boundaries.
FORM_OVERHEAD_BYTES = 64 * 1024
# htmx stops polling when a poll is answered with this status.
HTMX_STOP_POLLING = 286


def _max_bytes() -> int:
    return settings.SOTKANET_UPLOAD_MAX_BYTES


class ImportListView(PermissionRequiredMixin, ListView):
    permission_required = PERMISSION
    template_name = "indicators/import/import_list.html"
    context_object_name = "jobs"
    paginate_by = 25

    def get_queryset(self):
        jobs = import_jobs_visible_to(self.request.user)
        return jobs.select_related("created_by").order_by("-created_at", "-pk")


class _SizeLimitHandler(FileUploadHandler):
    """Stops an upload as soon as it grows past the limit, without reading the rest:
    for uploads whose size was not declared up front."""

    def __init__(self, request, *, limit: int):
        super().__init__(request)
        self.limit = limit
        self.exceeded = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.exceeded = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


@method_decorator(csrf_exempt, name="dispatch")  # checked in post(), after the size check
class ImportCreateView(PermissionRequiredMixin, TemplateView):
    permission_required = PERMISSION
    template_name = "indicators/import/import_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportUploadForm(max_bytes=_max_bytes()))
        return context

    def post(self, request, *args, **kwargs):
        limit = _max_bytes()
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > limit + FORM_OVERHEAD_BYTES:
            # Refused before a byte of the body is read: a 2 GB upload costs nothing.
            # Nothing changes either, so there is no form token to check.
            return self._too_large()
        handler = _SizeLimitHandler(request, limit=limit)
        request.upload_handlers.insert(0, handler)
        return csrf_protect(self._post)(request, handler)

    def _too_large(self):
        context = self.get_context_data(refusal=too_large_message(_max_bytes()))
        return self.render_to_response(context, status=413)

    def _post(self, request, handler: _SizeLimitHandler):
        form = ImportUploadForm(request.POST, request.FILES, max_bytes=_max_bytes())
        if handler.exceeded:
            return self._too_large()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        job = import_job_create(kind=data["kind"], uploaded_file=data["file"], user=request.user)
        job = import_job_enqueue(job=job)
        return redirect("indicators:import-detail", pk=job.pk)


def _job_context(job: ImportJob) -> dict:
    running = job.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
    bar_max = max(job.total, 1)
    if job.status == ImportStatus.SUCCEEDED:
        bar_value = bar_max
    elif job.total or job.status == ImportStatus.FAILED:
        bar_value = min(job.done, bar_max)
    else:
        bar_value = None  # not started, size not known yet: an indeterminate bar
    return {
        "job": job,
        "running": running,
        "bar_max": bar_max,
        "bar_value": bar_value,
        "percent": None if bar_value is None else round(100 * bar_value / bar_max),
        "problems": [problem_text(message) for message in job.messages],
    }


class _VisibleJobMixin:
    """Importers only (403 for others, login for the anonymous); then a job the user may not
    see (`indicators.view_import_job`) is not found, as one that does not exist (404)."""

    request: HttpRequest

    def get_permission_object(self):
        # `indicators.import_sotkanet` is asked without the job, before it is looked up: a
        # non-importer gets 403 whether or not the job exists.
        return None

    def get_queryset(self):
        return import_jobs_visible_to(self.request.user).select_related("created_by")


class ImportDetailView(_VisibleJobMixin, PermissionRequiredMixin, DetailView):
    permission_required = PERMISSION
    template_name = "indicators/import/import_detail.html"
    context_object_name = "job"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(_job_context(self.object))
        return context


class ImportProgressView(_VisibleJobMixin, PermissionRequiredMixin, DetailView):
    """The fragment the import's page polls: the bar, the status sentence and, once the
    import has finished, its summary (the last two swapped in by id)."""

    permission_required = PERMISSION
    template_name = "indicators/import/_progress.html"

    def render_to_response(self, context, **response_kwargs) -> HttpResponse:
        context.update(_job_context(self.object), polled=True)
        response = TemplateResponse(self.request, self.template_name, context)
        if getattr(self.request, "htmx", False) and not context["running"]:
            response.status_code = HTMX_STOP_POLLING
        return response

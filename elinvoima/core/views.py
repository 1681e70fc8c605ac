"""Views every app relies on: health check, audit log and the error pages."""

import logging

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import ListView
from rules.contrib.views import PermissionRequiredMixin

from .api import is_api_request, json_error_payload

logger = logging.getLogger(__name__)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 {"status": "ok"} when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy", never a 500
        logger.exception("health check: database unavailable")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


class AuditLogView(PermissionRequiredMixin, ListView):
    """Who changed what and when, filterable by kind of object and by user."""

    permission_required = "core.view_audit_log"
    template_name = "core/audit_log.html"
    paginate_by = 50

    def get_queryset(self):
        queryset = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp")
        content_type = self.request.GET.get("type", "")
        if content_type.isdigit():
            queryset = queryset.filter(content_type_id=int(content_type))
        actor = self.request.GET.get("actor", "").strip()
        if actor:
            queryset = queryset.filter(actor__username__icontains=actor)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        logged_types = LogEntry.objects.values_list("content_type_id", flat=True).distinct()
        context["content_types"] = sorted(
            ContentType.objects.filter(pk__in=logged_types),
            key=lambda ct: str(ct.model_class()._meta.verbose_name if ct.model_class() else ct),
        )
        context["selected_type"] = self.request.GET.get("type", "")
        context["actor_query"] = self.request.GET.get("actor", "")
        return context


def _error(request: HttpRequest, status: int, template: str) -> HttpResponse:
    if is_api_request(request):
        return JsonResponse(json_error_payload(status), status=status)
    return render(request, template, status=status)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(request, 400, "400.html")


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(request, 403, "403.html")


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(request, 404, "404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page renders without context processors: whatever broke may be one of them."""
    if is_api_request(request):
        return JsonResponse(json_error_payload(500), status=500)
    body = loader.get_template("500.html").render({"title": _("Server error")})
    return HttpResponse(body, status=500)

"""Shared API parts: pagination, JSON errors, audit actor. Imported by DRF's settings, so
nothing here may import DRF views (that would be a circular import)."""

from typing import TYPE_CHECKING, Any

from auditlog.context import auditlog_value
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.views import exception_handler as drf_exception_handler

if TYPE_CHECKING:  # for the type checker only: at run time the views would import this module
    from rest_framework.views import APIView

    _APIViewBase = APIView
else:
    _APIViewBase = object


class Pagination(PageNumberPagination):
    """`{count, next, previous, results}` with `?page=` and `?page_size=` (at most 500)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class AuditActorMixin(_APIViewBase):
    """Records the API user as the actor of audit entries. AuditlogMiddleware runs before
    DRF authenticates a token, so without this a token user's changes would have no actor.
    Every API view of Elinvoima that writes inherits this."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        try:
            audit_context = auditlog_value.get()
        except LookupError:  # outside AuditlogMiddleware, e.g. a management command
            return
        if request.user.is_authenticated:
            audit_context["actor"] = request.user


def exception_handler(exc, context):
    """Every API error is JSON: `{"detail": ..., "code": ...}` or field messages."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data.setdefault("code", getattr(response.data["detail"], "code", "error"))
    return response


def json_error_payload(status: int) -> dict[str, str]:
    messages = {
        400: (_("The request could not be understood."), "bad_request"),
        403: (_("You do not have permission to do this."), "permission_denied"),
        404: (_("Not found."), "not_found"),
        500: (_("Something went wrong on our side. Please try again later."), "server_error"),
    }
    detail, code = messages[status]
    return {"detail": detail, "code": code}

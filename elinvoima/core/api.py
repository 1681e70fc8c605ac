"""Shared API parts: pagination, JSON errors and the token endpoint."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.pagination import PageNumberPagination
from rest_framework.views import exception_handler as drf_exception_handler


class Pagination(PageNumberPagination):
    """`{count, next, previous, results}` with `?page=` and `?page_size=` (at most 500)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


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


class TokenView(ObtainAuthToken):
    """Exchange a username and password for an API token."""

    @extend_schema(
        operation_id="auth_token_create",
        request=inline_serializer(
            "TokenRequest",
            {"username": serializers.CharField(), "password": serializers.CharField()},
        ),
        responses=inline_serializer("TokenResponse", {"token": serializers.CharField()}),
        tags=["auth"],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


def json_error_payload(status: int) -> dict[str, str]:
    messages = {
        400: (_("The request could not be understood."), "bad_request"),
        403: (_("You do not have permission to do this."), "permission_denied"),
        404: (_("Not found."), "not_found"),
        500: (_("Something went wrong on our side. Please try again later."), "server_error"),
    }
    detail, code = messages[status]
    return {"detail": detail, "code": code}

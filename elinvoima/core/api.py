"""Shared API parts: pagination, parsers that refuse NUL, the bounded search filter, the
serializer mixin of visible relations, ETags and If-Match, JSON errors, the audit actor.
Imported by DRF's settings, so nothing here may import DRF views (a circular import)."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from auditlog.context import auditlog_value
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, parsers, permissions, status
from rest_framework.filters import SearchFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.views import exception_handler as drf_exception_handler

from .concurrency import ANY
from .search import search_terms_validate
from .text_search import TextSearch

if TYPE_CHECKING:  # for the type checker only: at run time the views would import this module
    from rest_framework.serializers import Serializer
    from rest_framework.views import APIView

    _APIViewBase = APIView
    _SerializerBase = Serializer
else:
    _APIViewBase = object
    _SerializerBase = object


class Pagination(PageNumberPagination):
    """`{count, next, previous, results}` with `?page=` and `?page_size=` (at most 500)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


def contains_nul(data: Any) -> bool:
    """Whether a NUL character is anywhere in parsed input (keys, values, nested)."""
    if isinstance(data, str):
        return "\x00" in data
    if isinstance(data, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in data.items())
    if isinstance(data, QueryDict):
        return any(contains_nul(k) or contains_nul(v) for k, v in data.lists())
    if isinstance(data, list | tuple):
        return any(contains_nul(item) for item in data)
    return False


class _RefuseNul:
    """A parser that refuses a body with a NUL character anywhere (400). PostgreSQL cannot
    store one in text, and a lookup with one fails in the database: without this a NUL in,
    say, a municipality code was a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)  # type: ignore[misc]
        data = getattr(parsed, "data", parsed)  # multipart: DataAndFiles
        if contains_nul(data):
            raise exceptions.ParseError(gettext_lazy("The request contains a NUL character."))
        return parsed


class JSONParser(_RefuseNul, parsers.JSONParser):
    pass


class FormParser(_RefuseNul, parsers.FormParser):
    pass


class MultiPartParser(_RefuseNul, parsers.MultiPartParser):
    pass


class BoundedSearchFilter(SearchFilter):
    """DRF's `?search=`, refused with 400 past the bounds of `core.search`. A view with
    `text_search_fields` (core.text_search's SearchFields) is searched as its pages are, in
    Finnish and Swedish (with `text_search_also(term)`, e.g. themes whose words match), and
    its `search_fields` then match the whole text as a part (a business ID, names)."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view) -> QuerySet:
        fields = getattr(view, "text_search_fields", None)
        if not fields:
            return super().filter_queryset(request, queryset, view)
        self.get_search_terms(request)  # the bounds, refused with 400
        text = request.query_params.get(self.search_param, "")
        search = TextSearch(text)
        if not search:
            return queryset
        condition = search.filter(fields, also=getattr(view, "text_search_also", None))
        for name in getattr(view, "search_fields", None) or []:
            condition |= Q(**{f"{name}__icontains": text.strip()})  # a business ID, names
        return queryset.filter(condition)

    def get_search_terms(self, request: Request) -> list[str]:
        terms = super().get_search_terms(request)
        text = request.query_params.get(self.search_param, "")
        try:
            search_terms_validate(list(terms), text)
        except ValidationError as error:
            raise exceptions.ValidationError(
                {
                    self.search_param: [
                        exceptions.ErrorDetail(m, code=error.code) for m in error.messages
                    ]
                }
            ) from None
        return terms


class VisibleRelationsMixin(_SerializerBase):
    """Offers only rows the user may see in a serializer's writable related fields:
    `visible_relations = {"goal": goals_visible_to}` (field name → the queryset twin of the
    view predicate). A hidden row's id then gets the same error as an id that does not
    exist. Every writable related field of a model that is not public reference data needs
    an entry (tests/core/test_leaks.py checks this)."""

    visible_relations: dict[str, Callable[[Any], QuerySet]] = {}

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        if request is None:
            return fields
        for name, queryset_for in self.visible_relations.items():
            field = fields.get(name)
            if field is None or field.read_only:
                continue
            target: Any = getattr(field, "child_relation", field)  # a RelatedField
            target.queryset = queryset_for(request.user)
        return fields


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request is too large.")
    default_code = "too_large"


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


class ReadPublicWriteSignedIn(permissions.BasePermission):
    """Reads follow the visibility of the querysets; writes need a signed-in user and then
    the named predicate of the object (asked by the service or the view)."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)


class PreconditionFailed(exceptions.APIException):
    """A stale If-Match: someone saved the row after the client loaded it."""

    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = gettext_lazy("Someone else saved this after you loaded it. Load it again.")
    default_code = "precondition_failed"


class Conflict(exceptions.APIException):
    """The request conflicts with what is saved (a frozen version, a row in use...)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("The request conflicts with what is saved.")
    default_code = "conflict"


# A service's refusal codes for a version check (If-Match, or the row changed under the
# request): 412.
STALE_CODES = frozenset({"conflict", "concurrent_edit"})


def service_error(error: ValidationError, conflicts=frozenset()) -> exceptions.APIException:
    """A service's refusal as a JSON error: a stale version 412, a code in `conflicts` 409
    with that code, the rest 400 with the messages at their fields."""
    code = getattr(error, "code", None)
    if code in STALE_CODES:
        return PreconditionFailed(" ".join(error.messages))
    if code in conflicts:
        return Conflict(" ".join(error.messages), code=code)
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError(
            {
                field: [
                    exceptions.ErrorDetail(str(message), code=item.code or "invalid")
                    for item in items
                    for message in item.messages
                ]
                for field, items in error.error_dict.items()
            }
        )
    return exceptions.ValidationError(
        {
            "non_field_errors": [
                exceptions.ErrorDetail(message, code=code or "invalid")
                for message in error.messages
            ]
        }
    )


def call_service(function, /, *args, conflicts=frozenset(), **kwargs):
    """Run a service (the one the pages call) and turn its refusals into API errors;
    `conflicts`: the refusal codes answered 409."""
    try:
        return function(*args, **kwargs)
    except ValidationError as error:
        raise service_error(error, conflicts) from None
    except PermissionDenied as error:
        raise exceptions.PermissionDenied(str(error) or None) from None


class ServiceCallMixin:
    """`self.call(service, ...)`: `call_service` with the view's `conflict_codes`."""

    conflict_codes: frozenset[str] = frozenset()

    def call(self, function, *args, **kwargs):
        return call_service(function, *args, conflicts=self.conflict_codes, **kwargs)


def exception_handler(exc, context):
    """Every API error is JSON: `{"detail": ..., "code": ...}` or field messages."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge()
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data.setdefault("code", getattr(response.data["detail"], "code", "error"))
    return response


def etag(kind: str, pk, version: str) -> str:
    """The strong ETag of a saved row: its kind, id and version (what the services compare)."""
    return f'"{kind}-{pk}-{version}"'


def if_match_versions(request: Request, kind: str, pk) -> str | tuple[str, ...] | None:
    """The versions an If-Match header names, for the service to compare under its row lock
    (`core.concurrency.ensure_unchanged`): None without the header, `ANY` for `*` (RFC 9110
    13.1.1: any current representation). A weak, malformed or other row's tag never matches."""
    header = (request.headers.get("If-Match") or "").strip()
    if not header:
        return None
    if header == ANY:
        return ANY
    prefix = f"{kind}-{pk}-"
    versions = []
    for tag in header.split(","):
        tag = tag.strip()
        if len(tag) >= 2 and tag[0] == tag[-1] == '"' and tag[1:-1].startswith(prefix):
            versions.append(tag[1 + len(prefix) : -1])
        else:
            versions.append("\x00")  # never a version
    return tuple(versions)


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def json_error_payload(status: int) -> dict[str, str]:
    """The JSON body of an error that no view described (an error page under /api/)."""
    messages = {
        400: (_("The request could not be understood."), "bad_request"),
        401: (_("Sign in or send a token."), "not_authenticated"),
        403: (_("You do not have permission to do this."), "permission_denied"),
        404: (_("Not found."), "not_found"),
        405: (_("This method is not allowed here."), "method_not_allowed"),
        413: (_("The request is too large."), "too_large"),
        415: (_("This content type is not supported."), "unsupported_media_type"),
        429: (_("Too many requests. Please wait a moment."), "throttled"),
    }
    if status in messages:
        detail, code = messages[status]
    elif status >= 500:
        detail = _("Something went wrong on our side. Please try again later.")
        code = "server_error"
    else:
        detail, code = _("The request could not be handled."), "error"
    return {"detail": detail, "code": code}

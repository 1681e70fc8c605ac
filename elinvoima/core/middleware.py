"""Middleware of every request: NUL characters refused, and every error under /api/ JSON."""

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse

from .api import contains_nul, is_api_request, json_error_payload


class ApiErrorsAsJsonMiddleware:
    """Every error answer under /api/ is JSON, whatever made it: a view, another middleware's
    refusal (CSRF, a body too large, a NUL character), an unknown address, or Django's
    debug pages when DEBUG is on. It goes first in MIDDLEWARE, so that it sees the answer
    after every other layer has turned its exception into a response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and is_api_request(request)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            json_response = JsonResponse(
                json_error_payload(response.status_code), status=response.status_code
            )
            for header in ("Allow", "Retry-After", "WWW-Authenticate"):
                if header in response:
                    json_response[header] = response[header]
            return json_response
        return response


class RejectNulCharactersMiddleware:
    """A NUL character in the address, the query or a page's form is never meaningful, and
    PostgreSQL refuses it in text; answer 400 here rather than let a query fail deeper down.
    The API's bodies are checked by its parsers (`core.api.JSONParser`…); a multipart page
    form is left to its view, which may set its own upload handlers before reading it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or contains_nul(request.GET):
            raise BadRequest("NUL character in the request")
        if (
            request.method == "POST"
            and not is_api_request(request)
            and request.content_type == "application/x-www-form-urlencoded"
            and contains_nul(request.POST)
        ):
            raise BadRequest("NUL character in the form")
        return self.get_response(request)

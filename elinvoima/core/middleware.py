"""Middleware of every request: NUL characters refused, every error under /api/ JSON, and a
form's save sent by script told where to go next."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import resolve_url

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


class FetchedFormRedirectMiddleware:
    """A form sent by static/elinvoima/drafts.js (header `X-Requested-With: fetch`) that
    saved and redirects gets 204 with the address in `X-Location`: the script then forgets
    the draft kept in the device and goes there itself. Were the redirect followed by fetch,
    the next page's messages ("Thank you!…") would be read by the script, not shown. A
    redirect to the login page (the session ended) is not a save: it stays a redirect, and
    the script keeps the draft."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.headers.get("X-Requested-With") != "fetch"
            or response.status_code not in (301, 302, 303)
            or urlsplit(response["Location"]).path == resolve_url(settings.LOGIN_URL)
        ):
            return response
        saved = HttpResponse(status=204)
        saved["X-Location"] = response["Location"]
        for cookie in response.cookies.values():
            saved.cookies[cookie.key] = cookie
        return saved

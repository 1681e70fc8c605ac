from django.core.exceptions import BadRequest


class RejectNulCharactersMiddleware:
    """A NUL character in the address or a form value is never meaningful, and PostgreSQL
    refuses it in text; answer 400 here rather than let a query fail deeper down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the request")
        return self.get_response(request)

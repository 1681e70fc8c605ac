"""The OpenAPI schema of every API view: drf-spectacular's, with the error answers each
operation can give documented as they are (`{"detail", "code"}` or field messages), so
that a client — and the schemathesis suite that holds the API to its schema — knows them.
Kept apart from `core.api`, which DRF's settings import before the views exist."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent

ERROR_SCHEMA = {
    "type": "object",
    "description": "`detail` and `code`, or for invalid input a list of messages per field.",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "additionalProperties": True,
}

ERROR_DESCRIPTIONS = {
    "400": "The input or the query is not valid.",
    "401": "Sign in or send a token.",
    "403": "Not allowed for this user.",
    "404": "Not found, or not visible to this user.",
    "409": "Conflicts with what is saved (e.g. an approved, frozen plan).",
    "412": "If-Match names a version that is no longer the saved one.",
    "413": "The request is too large.",
    "415": "The content type is not supported.",
}

ERRORS_BY_METHOD = {
    "GET": ("400", "401", "403", "404"),
    "POST": ("400", "401", "403", "404", "409", "412", "413", "415"),
    "PUT": ("400", "401", "403", "404", "409", "412", "413", "415"),
    "PATCH": ("400", "401", "403", "404", "409", "412", "413", "415"),
    "DELETE": ("400", "401", "403", "404", "409"),
}


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        component = ResolvedComponent(
            name="Error", type=ResolvedComponent.SCHEMA, object="Error", schema=ERROR_SCHEMA
        )
        self.registry.register_on_missing(component)
        for code in ERRORS_BY_METHOD.get(self.method, ()):
            responses.setdefault(
                code,
                {
                    "content": {"application/json": {"schema": component.ref}},
                    "description": ERROR_DESCRIPTIONS[code],
                },
            )
        return responses

"""The OpenAPI schema, built once per language and version: it changes only with the code
(a deploy restarts the processes), and building it walks every serializer of the API, which
costs half a second a request. The schema is public (`SERVE_PUBLIC`), the same for every
user."""

from typing import Any

from django.utils import translation
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response

_built: dict[tuple[str | None, str | None], Any] = {}


class CachedSchemaView(SpectacularAPIView):
    def _get_schema_response(self, request):
        version = self.api_version or request.version or self._get_version_parameter(request)
        key = (translation.get_language(), version)
        if key not in _built:
            generator = self.generator_class(
                urlconf=self.urlconf, api_version=version, patterns=self.patterns
            )
            _built[key] = generator.get_schema(request=request, public=self.serve_public)
        filename = self._get_filename(request, version)
        return Response(
            data=_built[key], headers={"Content-Disposition": f'inline; filename="{filename}"'}
        )

"""The API under /api/: token, schema and docs, and every collection the apps registered
(core.registry.ApiRoute) on one router."""

from django.urls import include, path
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from elinvoima.core.api_auth import TokenView
from elinvoima.core.registry import registry
from elinvoima.core.schema_view import CachedSchemaView

router = DefaultRouter()
for route in registry.api_routes:
    router.register(route.prefix, route.viewset, basename=route.basename)

app_name = "api"

urlpatterns = [
    path("v1/auth/token/", TokenView.as_view(), name="auth-token"),
    path("v1/", include(router.urls)),
    path("schema/", CachedSchemaView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]

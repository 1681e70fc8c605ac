from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from elinvoima.actors import embed as embed_views
from elinvoima.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/", include("elinvoima.core.api_urls")),
    # The JSON feed of a municipality's organisations has both languages: no prefix.
    path(
        "embed/municipalities/<str:code>/organisations.json",
        embed_views.embed_feed,
        name="embed-feed",
    ),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("elinvoima.portal.urls")),
    path("", include("elinvoima.core.urls")),
    path("", include("elinvoima.actors.urls")),
    path("", include("elinvoima.networks.urls")),
    path("", include("elinvoima.indicators.urls")),
    path("", include("elinvoima.strategy.urls")),
    path("accounts/", include("elinvoima.core.auth_urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    # Uploaded files (logos) in development; in production the proxy serves MEDIA_ROOT.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "elinvoima.core.views.bad_request"
handler403 = "elinvoima.core.views.permission_denied"
handler404 = "elinvoima.core.views.page_not_found"
handler500 = "elinvoima.core.views.server_error"

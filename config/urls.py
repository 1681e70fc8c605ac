"""The URLconf: health, the API, the admin and every URL module the apps registered
(core.registry.UrlModule), the pages under /fi/, /sv/ and /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from elinvoima.core import views as core_views
from elinvoima.core.registry import registry

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/", include("config.api_urls")),
    path("admin/", admin.site.urls),
    *(path("", include(m.module)) for m in registry.url_modules if not m.i18n),
]

urlpatterns += i18n_patterns(
    *(path("", include(m.module)) for m in registry.url_modules if m.i18n),
    path("accounts/", include("elinvoima.core.auth_urls")),
    # The security keys' JSON steps (django-otp-webauthn) for the second factor's page, and
    # their script's texts in the page's language.
    path("webauthn/", include("elinvoima.core.webauthn_urls", namespace="otp_webauthn")),
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

"""django-otp-webauthn's URLs under their own names (the library's script finds them by
name), the linking steps replaced by Elinvoima's (`core.webauthn_views`)."""

from django.urls import path
from django.views import View
from django_otp_webauthn import urls as library

from elinvoima.core import webauthn_views

app_name = "otp_webauthn"

REPLACED: dict[str, type[View]] = {
    "credential-registration-begin": webauthn_views.BeginCredentialRegistrationView,
    "credential-registration-complete": webauthn_views.CompleteCredentialRegistrationView,
}

urlpatterns = [
    path(str(pattern.pattern), REPLACED[pattern.name].as_view(), name=pattern.name)
    if pattern.name in REPLACED
    else pattern
    for pattern in library.urlpatterns
]

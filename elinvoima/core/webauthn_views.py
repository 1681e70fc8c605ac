"""django-otp-webauthn's steps of linking a security key, with Elinvoima's rule: a user who
has no second factor yet links a key only with leave to link (`core.second_factor`), as an
authenticator app; the leave is used up by the first link. (The library already asks a
user who has one to pass it before adding another.)"""

from django.http import HttpRequest
from django_otp_webauthn import exceptions, views

from elinvoima.core.second_factor import (
    LINKING_NOT_ALLOWED,
    has_second_factor,
    linking_allowed,
    linking_done,
)


class LinkingNotAllowed(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "linking_not_allowed"
    default_detail = LINKING_NOT_ALLOWED


class _LeaveToLink:
    request: HttpRequest

    def check_can_register(self):
        user = self.request.user
        if not has_second_factor(user) and not linking_allowed(user):
            raise LinkingNotAllowed()


class BeginCredentialRegistrationView(_LeaveToLink, views.BeginCredentialRegistrationView):
    pass


class CompleteCredentialRegistrationView(_LeaveToLink, views.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        linking_done(self.request.user)
        return response

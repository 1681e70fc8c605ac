"""The page of the second factor: link an authenticator app (or a security key) the first
time, and after that give its code (or touch the key) once a login."""

import django_otp
from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from elinvoima.core.second_factor import (
    LINKING_NOT_ALLOWED,
    has_second_factor,
    linking_allowed,
    linking_done,
    totp_device_to_link,
    totp_key_text,
    totp_qr_data_uri,
    user_verified,
)


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        help_text=_("The six digits your authenticator app shows now."),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )

    def __init__(self, *args, user, linking: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.linking = linking
        self.device = None

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if self.linking and not linking_allowed(self.user):
            raise forms.ValidationError(LINKING_NOT_ALLOWED)
        if self.linking:
            device = totp_device_to_link(self.user)
            self.device = device if device.verify_token(token) else None
        else:
            # Each device counts its own failures and makes the next try wait longer.
            self.device = django_otp.match_token(self.user, token)
        if self.device is None:
            if any(not d.verify_is_allowed()[0] for d in TOTPDevice.objects.filter(user=self.user)):
                raise forms.ValidationError(
                    _("Too many wrong codes. Wait a moment, then give the code the app shows.")
                )
            raise forms.ValidationError(
                _("The code is not right, or it has expired. Give the code the app shows now.")
            )
        return token


class SecondFactorView(LoginRequiredMixin, FormView):
    template_name = "registration/second_factor.html"
    form_class = CodeForm

    def next_url(self) -> str:
        url = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            url, {self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return url
        return reverse("portal:dashboard")

    def get(self, request, *args, **kwargs):
        if user_verified(request.user):
            return redirect(self.next_url())
        return super().get(request, *args, **kwargs)

    @cached_property  # asked by the form and the page: the user's devices read once
    def linking(self) -> bool:
        return not has_second_factor(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "linking": self.linking}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            next=self.next_url(),
            linking=self.linking,
            has_security_key=WebAuthnCredential.objects.filter(user=user, confirmed=True).exists(),
        )
        if self.linking:
            context.update(may_link=linking_allowed(user), not_allowed=LINKING_NOT_ALLOWED)
            if context["may_link"]:
                device = totp_device_to_link(user)
                context.update(qr=totp_qr_data_uri(device), key=totp_key_text(device))
        return context

    def form_valid(self, form):
        device = form.device
        if form.linking:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            linking_done(self.request.user)
        django_otp.login(self.request, device)
        return redirect(self.next_url())

"""The platform's admin gets no pages for anyone's second factor: an admin who may reset a
password must not also be able to remove or link another person's authenticator app, or
the second factor would not keep the admin out of health data (issue 19). A lost phone is
the county's keeper of the register's to reset (`core.second_factor.second_factor_reset`)."""

from django.contrib import admin
from django_otp.plugins.otp_totp.models import TOTPDevice

if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)

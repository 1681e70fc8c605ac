from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The front page, the dashboard and the navigation: reads every app, nothing imports it."""

    name = "elinvoima.portal"
    verbose_name = _("Portal")

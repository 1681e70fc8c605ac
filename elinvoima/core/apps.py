from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "elinvoima.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from .registry import plugins_register

        plugins_register()

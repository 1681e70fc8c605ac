from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "elinvoima.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from .registry import plugins_register
        from .sqlite_functions import register as register_sqlite_functions

        connection_created.connect(register_sqlite_functions)
        plugins_register()

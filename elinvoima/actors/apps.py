from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "elinvoima.actors"
    verbose_name = _("Actors")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from elinvoima.actors import permissions  # noqa: F401  (registers the named permissions)
        from elinvoima.actors.models import (
            Membership,
            Municipality,
            Organisation,
            User,
            WellbeingCounty,
        )

        auditlog.register(Organisation, m2m_fields={"municipalities"})
        auditlog.register(Membership)
        auditlog.register(Municipality)
        auditlog.register(WellbeingCounty)
        auditlog.register(User, exclude_fields=["password", "last_login"])

        from elinvoima.actors.interfaces.models import InterfaceContact

        auditlog.register(InterfaceContact)

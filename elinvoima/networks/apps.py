from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "elinvoima.networks"
    verbose_name = _("Networks")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import owners, permissions  # noqa: F401  (register the owner kind, predicates)
        from .models import Network, NetworkMembership

        auditlog.register(Network, m2m_fields={"members"})
        auditlog.register(NetworkMembership)

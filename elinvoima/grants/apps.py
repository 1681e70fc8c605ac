from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "elinvoima.grants"
    label = "grants"
    verbose_name = _("Grants")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from elinvoima.grants import permissions  # noqa: F401  (registers the named permissions)
        from elinvoima.grants.models import GrantRound

        auditlog.register(GrantRound, m2m_fields={"goals", "card_templates"})

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetingConfig(AppConfig):
    name = "elinvoima.budgeting"
    label = "budgeting"
    verbose_name = _("Participatory budgeting")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from elinvoima.budgeting import permissions  # noqa: F401  (registers the named permissions)
        from elinvoima.budgeting.models import Budget, Proposal

        auditlog.register(Budget)
        auditlog.register(Proposal)

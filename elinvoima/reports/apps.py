from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Reports (issue 18): the cooperation situation survey (`surveys/`) so far; the
    goal-to-impact view and the welfare report with its data collection come next."""

    name = "elinvoima.reports"
    label = "reports"
    verbose_name = _("Reports")
    default_auto_field = "django.db.models.BigAutoField"

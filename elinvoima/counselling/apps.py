from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CounsellingConfig(AppConfig):
    name = "elinvoima.counselling"
    verbose_name = _("Exercise counselling")
    default_auto_field = "django.db.models.BigAutoField"

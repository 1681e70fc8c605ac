from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    """Regional workshops (elinvoimapajat, issue 17): so far the mixing of participants at
    tables (`mixing.py`); series, planning, registration and outcomes come next."""

    name = "elinvoima.workshops"
    label = "workshops"
    verbose_name = _("Regional workshops")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    """Good practices (issue 20): the practice library of Innokylä-style records (seed 003)
    with the municipalities that have adopted them; ex-ante impact assessment and hearing
    residents come next."""

    name = "elinvoima.practices"
    label = "practices"
    verbose_name = _("Good practices")
    default_auto_field = "django.db.models.BigAutoField"

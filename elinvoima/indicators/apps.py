from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "elinvoima.indicators"
    label = "indicators"
    verbose_name = _("Indicators")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from elinvoima.indicators import permissions  # noqa: F401  (registers the named permissions)
        from elinvoima.indicators.models import (
            ExperientialResult,
            ExperientialSurvey,
            HyteCoefficientScore,
            HyteFundingRule,
            Indicator,
            IndicatorSet,
            IndicatorSetItem,
        )

        # What people enter by hand is audited; imported Sotkanet values are not (millions
        # of rows; each import keeps its own record in ImportJob).
        auditlog.register(Indicator, exclude_fields=["metadata", "updated_at"])
        auditlog.register(IndicatorSet)
        auditlog.register(IndicatorSetItem)
        auditlog.register(ExperientialSurvey)
        auditlog.register(ExperientialResult)
        auditlog.register(HyteCoefficientScore)
        auditlog.register(HyteFundingRule)

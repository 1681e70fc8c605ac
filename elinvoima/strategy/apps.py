from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "elinvoima.strategy"
    label = "strategy"
    verbose_name = _("Strategy and welfare plans")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from elinvoima.strategy import permissions  # noqa: F401  (registers the named permissions)
        from elinvoima.strategy.models import (
            EvaluationReport,
            Goal,
            GoalCard,
            GoalCardUpdate,
            GoalIndicator,
            HyteNegotiation,
            Measure,
            MeasureReport,
            Plan,
            PlanDecision,
            PriorityArea,
        )

        auditlog.register(Plan, exclude_fields=["updated_at"])
        auditlog.register(PlanDecision)
        auditlog.register(PriorityArea)
        auditlog.register(Goal, exclude_fields=["updated_at"])
        auditlog.register(GoalIndicator)
        auditlog.register(Measure, m2m_fields={"implementers"}, exclude_fields=["updated_at"])
        auditlog.register(MeasureReport)
        auditlog.register(GoalCard, exclude_fields=["updated_at"])
        auditlog.register(GoalCardUpdate, exclude_fields=["updated_at"])
        auditlog.register(EvaluationReport)
        auditlog.register(HyteNegotiation)

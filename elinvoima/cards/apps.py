from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CardsConfig(AppConfig):
    name = "elinvoima.cards"
    label = "cards"
    verbose_name = _("Wellbeing cards")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from elinvoima.cards import permissions  # noqa: F401  (registers the named permissions)
        from elinvoima.cards.models import (
            Activity,
            CardAnswer,
            CardComment,
            CardDecision,
            CardResponse,
            CardTemplate,
            Club,
            CommunityCard,
            CommunitySummary,
        )

        auditlog.register(CardDecision, m2m_fields={"goals"})
        auditlog.register(CardTemplate, m2m_fields={"invited"})
        auditlog.register(CardResponse, exclude_fields=["updated_at"])
        auditlog.register(CardAnswer)
        auditlog.register(CardComment)
        # The goals and partners of an activity are not logged: its report is the
        # association's own account, and each save here is a volunteer waiting on a phone.
        auditlog.register(Activity, exclude_fields=["updated_at", "help_offer"])
        auditlog.register(Club, m2m_fields={"sub_goals"})
        auditlog.register(CommunityCard, exclude_fields=["updated_at"])
        auditlog.register(CommunitySummary)

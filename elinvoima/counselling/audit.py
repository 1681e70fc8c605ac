"""Writing the audit log of counselling data: every read and every change, who, when,
which client and what — and every refused attempt by someone who uses counselling."""

from elinvoima.counselling.enums import AuditAction
from elinvoima.counselling.models import AuditEntry, Client, Period


def audited(user, action: str, what: str, *, client: Client, period: Period | None = None):
    return AuditEntry.objects.create(
        user=user, client=client, period=period, action=action, what=what[:200]
    )


def refused(user, what: str, *, period: Period) -> None:
    """An attempt the rules refused, logged for the controller (the caller raises)."""
    audited(user, AuditAction.DENIED, what, client=period.client, period=period)

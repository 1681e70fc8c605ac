"""What core adds to the portal: the audit log, administration, the password and the API."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .registry import DashboardTasks, Link, NavEntry, Registry, UrlModule


def _tasks(user):
    if user.has_perm("core.view_audit_log"):
        yield Link(_("Audit log"), reverse("core:audit-log"), _("Who changed what and when."))
    if user.is_staff:
        yield Link(_("Administration"), reverse("admin:index"), _("Users, memberships, data."))


def _account_tasks(user):
    yield Link(
        _("Change your password"),
        reverse("password_change"),
        _("Choose a new password for your account."),
    )
    yield Link(
        _("API documentation"),
        reverse("api:docs"),
        _("Read and write the same data from other systems."),
    )


def register(registry: Registry) -> None:
    registry.add(
        NavEntry(_("Audit log"), "core:audit-log", order=90, predicate="core.view_audit_log"),
        DashboardTasks(_tasks, order=90),
        # Last on the dashboard, smaller: what every account can do.
        DashboardTasks(_account_tasks, order=90, secondary=True),
        UrlModule("elinvoima.core.urls"),
    )

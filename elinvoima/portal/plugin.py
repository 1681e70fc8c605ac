"""What the portal itself adds: the dashboard in the main navigation."""

from django.utils.translation import gettext_lazy as _

from elinvoima.core.registry import NavEntry, Registry, UrlModule


def register(registry: Registry) -> None:
    registry.add(
        NavEntry(_("Dashboard"), "portal:dashboard", order=0, signed_in=True),
        UrlModule("elinvoima.portal.urls"),
    )

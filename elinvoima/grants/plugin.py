"""What the grants app adds to the portal (core.registry): the grants tab of a
municipality, its pages and API, and the demo round."""

from django.utils.translation import gettext_lazy as _

from elinvoima.core.registry import ApiRoute, DemoLoader, Registry, Tab, UrlModule

from .api import GrantRoundViewSet
from .demo import grants_demo_load


def register(registry: Registry) -> None:
    registry.add(
        Tab(
            "municipality",
            _("Grants"),
            "grants:municipality-rounds",
            lambda municipality: {"code": municipality.code},
            order=27,
        ),
        UrlModule("elinvoima.grants.urls"),
        ApiRoute("grant-rounds", GrantRoundViewSet, "grant-round"),
        DemoLoader("grants", grants_demo_load),
    )

"""What exercise counselling adds to the portal: its pages' URLs, the links on the
dashboard of those the county has granted access (asked without a query of anyone who has
no counselling role), and the demo's agreement, grants and times."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import user_grants
from elinvoima.core.registry import (
    ApiRoute,
    DashboardTasks,
    DemoLoader,
    Link,
    Registry,
    Tab,
    UrlModule,
)

from .api import ReferralViewSet
from .demo import counselling_demo_load
from .permissions import was_granted_access

# Who may have been granted access: counsellors, referrers, and county officials (the
# keeper of the register); anyone else's dashboard asks nothing of counselling.
ROLES = {Role.EXERCISE_COUNSELLOR, Role.REFERRING_PROFESSIONAL, Role.COUNTY_OFFICIAL}


def _tasks(user):
    if not any(grant.role in ROLES for grant in user_grants(user)):
        return
    if was_granted_access(user):
        yield Link(
            _("Exercise counselling"),
            reverse("counselling:home"),
            _("Referrals, clients, counselling times and the register."),
        )


def register(registry: Registry) -> None:
    registry.add(
        DashboardTasks(_tasks, order=60),
        *(
            Tab(
                kind,
                _("Exercise counselling"),
                f"counselling:{kind}-statistics",
                lambda owner: {"code": owner.code},
                order=80,
                predicate="counselling.view_statistics",
            )
            for kind in ("municipality", "county")
        ),
        UrlModule("elinvoima.counselling.urls"),
        ApiRoute("referrals", ReferralViewSet, "referral"),
        DemoLoader("counselling", counselling_demo_load),
    )

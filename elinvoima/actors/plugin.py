"""What the actors app adds to the portal (core.registry): municipalities and counties in the
navigation and on the front page, the organisation directory and actor map as tabs, the
profile and interface tasks on the dashboard, the API collections and the demo data."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.actors.api import MunicipalityViewSet, WellbeingCountyViewSet
from elinvoima.actors.api_organisations import OrganisationViewSet
from elinvoima.actors.demo import actors_demo_load
from elinvoima.actors.directory.forms import ActivitySearchForm
from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.invitations.selectors import organisations_by_profile_age
from elinvoima.actors.scopes import MUNICIPAL_KINDS, MUNICIPAL_ROLES, REGIONAL_ROLES, user_scope
from elinvoima.actors.selectors import organisations_of_user
from elinvoima.core.registry import (
    ApiRoute,
    DashboardPanel,
    DashboardTasks,
    DashboardWork,
    DemoLoader,
    HomeCard,
    HomeSection,
    Link,
    NavEntry,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)


def _tasks(user):
    scope = user_scope(user)
    for organisation in scope.organisations_where([Role.ASSOCIATION_REPRESENTATIVE]):
        yield Link(
            _("Update the profile of %(name)s") % {"name": organisation},
            reverse("actors:organisation-edit", kwargs={"pk": organisation.pk}),
            _("Keep your association's description and contact details current."),
        )
    for municipality in scope.municipalities_where(MUNICIPAL_ROLES):
        yield Link(
            _("Wellbeing work of %(name)s") % {"name": municipality},
            municipality.get_absolute_url(),
            _("The municipality, its organisations and its county."),
        )
    for organisation in scope.organisations_where(
        [Role.COORDINATOR], kinds=[OrganisationKind.MUNICIPALITY]
    ):
        yield Link(
            _("Update the profile of %(name)s") % {"name": organisation},
            reverse("actors:organisation-edit", kwargs={"pk": organisation.pk}),
            _("The municipality's description and contact details."),
        )
    for municipality in scope.municipalities_where(
        [Role.COORDINATOR], kinds=[OrganisationKind.MUNICIPALITY]
    ):
        yield Link(
            _("Who has not updated their profile this year"),
            reverse("actors:profile-status", kwargs={"code": municipality.code}),
            _("Remind the organisations and invite their representatives."),
        )
    for municipality in scope.municipalities_where([Role.COORDINATOR], kinds=MUNICIPAL_KINDS):
        yield Link(
            _("Interfaces of %(name)s") % {"name": municipality},
            reverse("actors:municipality-interfaces", kwargs={"code": municipality.code}),
            _("The contacts of the municipality and of the county on each interface."),
        )
    for county in scope.counties_where([Role.COUNTY_OFFICIAL]):
        yield Link(
            _("Interfaces of %(name)s") % {"name": county},
            reverse("actors:county-interfaces", kwargs={"code": county.code}),
            _("Which municipalities and interfaces still lack a named contact."),
        )
    for county in scope.counties_where(REGIONAL_ROLES):
        yield Link(
            _("Municipalities of %(name)s") % {"name": county},
            county.get_absolute_url(),
            _("Interface work with the county's municipalities."),
        )


def _work(user):
    """Profiles not updated this year: the user's own associations', and for a municipal
    coordinator the count of the municipality's organisations (one query each)."""
    start_of_year = timezone.localtime().replace(
        month=1, day=1, hour=0, minute=0, second=0, microsecond=0
    )
    scope = user_scope(user)
    for organisation in scope.organisations_where([Role.ASSOCIATION_REPRESENTATIVE]):
        if organisation.updated_at < start_of_year:
            yield WorkItem(
                _("profile of %(name)s not updated this year") % {"name": organisation},
                1,
                reverse("actors:organisation-edit", kwargs={"pk": organisation.pk}),
                _("Check the description, the regular activities and the contact details."),
            )
    for municipality in scope.municipalities_where(
        [Role.COORDINATOR], kinds=[OrganisationKind.MUNICIPALITY]
    ):
        count = organisations_by_profile_age(
            municipality=municipality, updated_before=start_of_year
        ).count()
        yield WorkItem(
            ngettext(
                "organisation of %(name)s has not updated its profile this year",
                "organisations of %(name)s have not updated their profile this year",
                count,
            )
            % {"name": municipality},
            count,
            reverse("actors:profile-status", kwargs={"code": municipality.code}),
        )


def _roles_panel(user):
    roles = sorted({Role(grant.role).label for grant in user_scope(user).grants}, key=str)
    return {"roles": roles, "is_superuser": user.is_superuser}


def _organisations_panel(user):
    organisations = list(organisations_of_user(user=user))
    return {"organisations": organisations} if organisations else None


def _find_activities():
    return {"form": ActivitySearchForm()}


def register(registry: Registry) -> None:
    registry.add(
        HomeSection("actors/_home_find_activities.html", _find_activities, order=10),
        NavEntry(_("Find activities"), "actors:activity-search", order=10),
        NavEntry(_("Municipalities"), "actors:municipality-list", order=20),
        NavEntry(_("Wellbeing counties"), "actors:county-list", order=30),
        HomeCard(
            _("Municipalities"),
            _(
                "Every municipality of Finland, its organisations and its wellbeing services "
                "county."
            ),
            _("Browse municipalities"),
            "actors:municipality-list",
            order=10,
        ),
        HomeCard(
            _("Wellbeing services counties"),
            _("The 21 wellbeing services counties, Helsinki and Åland, with their municipalities."),
            _("Browse counties"),
            "actors:county-list",
            order=20,
        ),
        Tab(
            "municipality",
            _("Organisations"),
            "actors:municipality-directory",
            lambda municipality: {"municipality_code": municipality.code},
            order=10,
        ),
        Tab(
            "municipality",
            _("Actor map"),
            "actors:actor-map",
            lambda municipality: {"code": municipality.code},
            order=40,
        ),
        Tab(
            "county",
            _("Organisations"),
            "actors:county-directory",
            lambda county: {"county_code": county.code},
            order=10,
        ),
        DashboardWork(_work, order=10),
        DashboardTasks(_tasks, order=10),
        DashboardPanel("actors/dashboard/_roles.html", _roles_panel, order=10, above_tasks=True),
        DashboardPanel("actors/dashboard/_organisations.html", _organisations_panel, order=10),
        ApiRoute("municipalities", MunicipalityViewSet, "municipality"),
        ApiRoute("wellbeing-counties", WellbeingCountyViewSet, "wellbeing-county"),
        ApiRoute("organisations", OrganisationViewSet, "organisation"),
        UrlModule("elinvoima.actors.urls"),
        UrlModule("elinvoima.actors.embed.urls", i18n=False),
        DemoLoader("actors", actors_demo_load),
    )

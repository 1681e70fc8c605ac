"""What each role sees in the main navigation and on the dashboard."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.permissions import user_grants

MUNICIPAL_ROLES = (Role.COORDINATOR, Role.OFFICIAL, Role.COUNCILLOR, Role.EXERCISE_COUNSELLOR)
REGIONAL_ROLES = (Role.COUNTY_OFFICIAL, Role.WORKSHOP_ORGANISER)


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url: str
    description: str | Promise = ""


def main_navigation(user) -> list[Link]:
    links = [
        Link(_("Municipalities"), reverse("actors:municipality-list")),
        Link(_("Wellbeing counties"), reverse("actors:county-list")),
        Link(_("Indicators"), reverse("indicators:indicator-list")),
    ]
    if user.is_authenticated:
        links.insert(0, Link(_("Dashboard"), reverse("portal:dashboard")))
        links.insert(1, Link(_("My measures"), reverse("strategy:my-measures")))
        if user.has_perm("core.view_audit_log"):
            links.append(Link(_("Audit log"), reverse("core:audit-log")))
    return links


def dashboard_tasks(user) -> list[Link]:
    """The things this user can do now, by role. Later capabilities add theirs here."""
    tasks: list[Link] = []
    seen: set[tuple[str, str]] = set()

    def add(link: Link) -> None:
        if (str(link.label), link.url) not in seen:
            seen.add((str(link.label), link.url))
            tasks.append(link)

    from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty

    grants = user_grants(user)
    organisations = Organisation.objects.in_bulk({grant.organisation_id for grant in grants})
    municipalities = Municipality.objects.in_bulk(
        {grant.municipality_id for grant in grants if grant.municipality_id}
    )
    counties = WellbeingCounty.objects.in_bulk(
        {grant.wellbeing_county_id for grant in grants if grant.wellbeing_county_id}
    )
    for grant in grants:
        organisation = organisations[grant.organisation_id]
        if grant.role == Role.ASSOCIATION_REPRESENTATIVE:
            add(
                Link(
                    _("Update the profile of %(name)s") % {"name": organisation},
                    reverse("actors:organisation-edit", kwargs={"pk": organisation.pk}),
                    _("Keep your association's description and contact details current."),
                )
            )
        if grant.role in MUNICIPAL_ROLES and grant.municipality_id in municipalities:
            municipality = municipalities[grant.municipality_id]
            add(
                Link(
                    _("Wellbeing work of %(name)s") % {"name": municipality},
                    municipality.get_absolute_url(),
                    _("The municipality, its organisations and its county."),
                )
            )
            add(
                Link(
                    _("Networks of %(name)s") % {"name": municipality},
                    reverse("networks:municipality-networks", kwargs={"code": municipality.code}),
                    _("Vitality groups, age-group networks and who takes part."),
                )
            )
            add(
                Link(
                    _("Plans of %(name)s") % {"name": municipality},
                    reverse("strategy:municipality-plans", kwargs={"code": municipality.code}),
                    _("The welfare report and plans: goals, measures and who does what."),
                )
            )
            if user.has_perm("indicators.view_experiential_data", municipality):
                add(
                    Link(
                        _("Experiential data of %(name)s") % {"name": municipality},
                        reverse(
                            "indicators:experiential-municipality",
                            kwargs={"code": municipality.code},
                        ),
                        _("What residents tell of their wellbeing, by the six domains."),
                    )
                )
            add(
                Link(
                    _("Indicators of %(name)s") % {"name": municipality},
                    reverse(
                        "indicators:municipality-indicators", kwargs={"code": municipality.code}
                    ),
                    _("Charts of the municipality against its county and the whole country."),
                )
            )
            add(
                Link(
                    _("Indicator sets of %(name)s") % {"name": municipality},
                    reverse("indicators:indicator-set-list", kwargs={"code": municipality.code}),
                    _("The lists of indicators the municipality follows."),
                )
            )
        if grant.role == Role.COORDINATOR and organisation.kind == OrganisationKind.MUNICIPALITY:
            add(
                Link(
                    _("Update the profile of %(name)s") % {"name": organisation},
                    reverse("actors:organisation-edit", kwargs={"pk": organisation.pk}),
                    _("The municipality's description and contact details."),
                )
            )
            add(
                Link(
                    _("Who has not updated their profile this year"),
                    reverse(
                        "actors:profile-status",
                        kwargs={"code": municipalities[grant.municipality_id].code},
                    ),
                    _("Remind the organisations and invite their representatives."),
                )
            )
        if (
            grant.role == Role.COORDINATOR
            and grant.municipality_id in municipalities
            and organisation.kind
            in (OrganisationKind.MUNICIPALITY, OrganisationKind.MUNICIPAL_DEPARTMENT)
        ):
            municipality = municipalities[grant.municipality_id]
            add(
                Link(
                    _("Interfaces of %(name)s") % {"name": municipality},
                    reverse("actors:municipality-interfaces", kwargs={"code": municipality.code}),
                    _("The contacts of the municipality and of the county on each interface."),
                )
            )
        if grant.role == Role.COUNTY_OFFICIAL and grant.wellbeing_county_id in counties:
            county = counties[grant.wellbeing_county_id]
            add(
                Link(
                    _("Interfaces of %(name)s") % {"name": county},
                    reverse("actors:county-interfaces", kwargs={"code": county.code}),
                    _("Which municipalities and interfaces still lack a named contact."),
                )
            )
            add(
                Link(
                    _("Plans of %(name)s") % {"name": county},
                    reverse("strategy:county-plans", kwargs={"code": county.code}),
                    _("The regional welfare plan and the separate plans, with their decisions."),
                )
            )
            add(
                Link(
                    _("Hyte negotiations of %(name)s") % {"name": county},
                    reverse("strategy:county-hyte-negotiations", kwargs={"code": county.code}),
                    _("The annual negotiations with the municipalities and what was agreed."),
                )
            )
            add(
                Link(
                    _("HYTE coefficient of %(name)s") % {"name": county},
                    reverse("indicators:hyte-county", kwargs={"code": county.code}),
                    _("Scores, the funding they bring and the follow-up of the indicators."),
                )
            )
        if grant.role in REGIONAL_ROLES and grant.wellbeing_county_id in counties:
            county = counties[grant.wellbeing_county_id]
            add(
                Link(
                    _("Municipalities of %(name)s") % {"name": county},
                    county.get_absolute_url(),
                    _("Interface work with the county's municipalities."),
                )
            )
            add(
                Link(
                    _("Networks of %(name)s") % {"name": county},
                    reverse("networks:county-networks", kwargs={"code": county.code}),
                    _("The regional networks and who takes part."),
                )
            )
    if grants:
        add(
            Link(
                _("My measures"),
                reverse("strategy:my-measures"),
                _("What your organisations carry out and the goals you own: what to report now."),
            )
        )
    if any(grant.role in (Role.COORDINATOR, Role.COUNTY_OFFICIAL) for grant in grants):
        add(
            Link(
                _("Measures that need attention"),
                reverse("strategy:measures-attention"),
                _("Late measures, missing reports and measures without an implementer."),
            )
        )
    if user.has_perm("indicators.import_sotkanet"):
        add(
            Link(
                _("Import Sotkanet data"),
                reverse("indicators:import-list"),
                _("Upload THL's indicator metadata, regions and values; follow the imports."),
            )
        )
    if user.has_perm("core.view_audit_log"):
        add(Link(_("Audit log"), reverse("core:audit-log"), _("Who changed what and when.")))
    if user.is_staff:
        add(Link(_("Administration"), reverse("admin:index"), _("Users, memberships, data.")))
    add(
        Link(
            _("Change your password"),
            reverse("password_change"),
            _("Choose a new password for your account."),
        )
    )
    add(
        Link(
            _("API documentation"),
            reverse("api:docs"),
            _("Read and write the same data from other systems."),
        )
    )
    return tasks

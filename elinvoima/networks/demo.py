"""Loading the demo networks (demo_data.py) and the network roles of the demo accounts and
of the people without a login (actors.demo_data).
Created once: what people later edit is kept."""

from elinvoima.actors.demo import acting_organisation
from elinvoima.actors.demo_data import DEMO_ACCOUNTS, PEOPLE_WITHOUT_LOGIN
from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.models import Municipality, User, WellbeingCounty
from elinvoima.core.demo import DemoContext

from .demo_agreements import agreements_demo_load
from .demo_clock import clock_demo_load
from .demo_data import NETWORK_INTERFACE_THEMES, NETWORKS
from .demo_meetings import meetings_demo_load
from .demo_projects import projects_demo_load
from .models import Network, NetworkMembership


def _represented(user, network: Network):
    """The organisation a demo person represents in the network: theirs, if it takes part."""
    ids = set(network.members.values_list("pk", flat=True)) | {network.coordinator_id}
    return next(
        (
            m.organisation
            for m in user.memberships.select_related("organisation")
            if m.organisation_id in ids
        ),
        None,
    )


def networks_demo_load(context: DemoContext) -> None:
    organisations = context.objects["organisations"]
    municipalities = Municipality.objects.in_bulk(field_name="code")
    counties = WellbeingCounty.objects.in_bulk(field_name="code")

    def organisation(target):
        return acting_organisation(*target) if isinstance(target, tuple) else organisations[target]

    for spec in NETWORKS:
        network, created = Network.objects.get_or_create(
            name_fi=spec["name_fi"],
            defaults={
                "name_sv": spec["name_sv"],
                "name_en": spec["name_fi"],
                "kind": spec["kind"],
                "description_fi": spec.get("description_fi", ""),
                "description_sv": spec.get("description_sv", ""),
                "municipality": municipalities.get(spec.get("municipality")),
                "wellbeing_county": counties.get(spec.get("county")),
                "coordinator": organisation(spec["coordinator"]),
                "mandate_fi": spec.get("mandate_fi", ""),
                "mandate_sv": spec.get("mandate_sv", ""),
            },
        )
        if created:
            network.members.set(organisation(key) for key in spec["members"])
    context.count("networks", len(NETWORKS))

    for account in [*DEMO_ACCOUNTS, *PEOPLE_WITHOUT_LOGIN]:
        user = User.objects.get(username=account["username"])
        for network_name, network_role in account.get("networks", []):
            network = Network.objects.get(name_fi=network_name)
            NetworkMembership.objects.update_or_create(
                user=user,
                network=network,
                ends_on=None,
                defaults={"role": network_role, "organisation": _represented(user, network)},
            )

    # The regional networks of seed 001 by the interface they work on.
    themes = InterfaceTheme.objects.in_bulk(field_name="code")
    for name, theme in NETWORK_INTERFACE_THEMES.items():
        Network.objects.filter(name_fi=name, interface_theme__isnull=True).update(
            interface_theme=themes[theme]
        )

    meetings_demo_load(context)
    clock_demo_load(context)
    agreements_demo_load(context)
    projects_demo_load(context)

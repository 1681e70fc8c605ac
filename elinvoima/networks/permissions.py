"""Named permission predicates of networks."""

import rules

from elinvoima.actors.permissions import is_platform_admin

from .enums import NetworkRole


def user_network_roles(user) -> dict[int, str]:
    """network id → the user's role in it, read once per user object."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_elinvoima_network_roles", None)
    if cached is None:
        from .models import NetworkMembership

        cached = dict(NetworkMembership.objects.filter(user=user).values_list("network_id", "role"))
        user._elinvoima_network_roles = cached
    return cached


@rules.predicate
def runs_network(user, network) -> bool:
    """The chair and the secretary run a network's meetings, minutes and action items."""
    return network is not None and user_network_roles(user).get(network.pk) in (
        NetworkRole.CHAIR,
        NetworkRole.SECRETARY,
    )


can_run_network = is_platform_admin | runs_network

rules.add_perm("networks.run_network", can_run_network)

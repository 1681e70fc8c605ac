"""A network as an owner (actors.owners): its chair and secretary act for it; every member
works with it. Registered when the networks app starts."""

from django.db.models import Q

from elinvoima.actors.owners import OwnerKind, owner_kind_register

from .enums import NetworkRole
from .permissions import runs_network, user_network_roles


def _network_ids(user, *roles: str) -> set[int]:
    return {
        network_id
        for network_id, role in user_network_roles(user).items()
        if not roles or role in roles
    }


owner_kind_register(
    OwnerKind(
        field="network",
        model_name="network",
        manages=runs_network,
        works_with=lambda user, network: network.pk in user_network_roles(user),
        managed_q=lambda user, field: Q(
            **{f"{field}_id__in": _network_ids(user, NetworkRole.CHAIR, NetworkRole.SECRETARY)}
        ),
        worked_with_q=lambda user, field: Q(**{f"{field}_id__in": _network_ids(user)}),
    )
)

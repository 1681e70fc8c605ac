"""Writes of networks and their people (issue 16): an owner's coordinators found a network;
those who run it keep its page, member organisations and people up to date. A person who
leaves, or changes role, keeps the earlier membership as history. Permission first, then
validation, then the write, in one transaction (docs/architecture.md)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from elinvoima.actors.models import Organisation, User
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save

from .models import Network, NetworkMembership
from .selectors import member_organisation_choices

NETWORK_FIELDS = (
    "name_fi",
    "name_sv",
    "kind",
    "description_fi",
    "description_sv",
    "mandate_fi",
    "mandate_sv",
    "is_public",
    "quorum",
)


def network_version(network: Network) -> str:
    return network.updated_at.isoformat()


@transaction.atomic
def network_save(
    *,
    user,
    data: dict,
    members: list[Organisation],
    owner=None,
    network: Network | None = None,
    loaded_version: str | None = None,
) -> Network:
    """Found a network of `owner` (a municipality, county or organisation), or change one:
    its names, kind, description, tasks, publicity, quorum and member organisations."""
    if network is None:
        authorize(user, "networks.add_network", owner)
        network = Network()
        network.owner_assign(owner)
    else:
        authorize(
            user, "networks.manage_network", network, visible=("networks.view_network", network)
        )
        network = locked_unchanged(
            Network.objects.all(),
            network.pk,
            loaded_version,
            what=lambda row: _("the network “%(name)s”") % {"name": row.name},
        )
    allowed = set(member_organisation_choices(network).values_list("pk", flat=True))
    outside = [organisation for organisation in members if organisation.pk not in allowed]
    if outside:
        raise ValidationError(
            {"members": _("Choose organisations that work in the network's area.")}
        )
    for field in NETWORK_FIELDS:
        if field in data:
            setattr(network, field, data[field])
    if not getattr(network, "name_en"):  # noqa: B009 (a translation column)
        setattr(network, "name_en", getattr(network, "name_fi"))  # noqa: B009, B010
    validate_for_save(network)
    network.save()
    network.members.set(members)
    return network


@dataclass(frozen=True)
class PersonData:
    """Who joins: a person of the network's organisations, or a new person (an active
    resident) by name, with an e-mail address if they have one."""

    user: User | None = None
    first_name: str = ""
    last_name: str = ""
    email: str = ""


def _person(data: PersonData):
    if data.user is not None:
        return data.user
    if not data.first_name.strip() or not data.last_name.strip():
        raise ValidationError({"first_name": _("Give the person's first and last name.")})
    User = get_user_model()
    base = slugify(f"{data.first_name}.{data.last_name}")[:100] or "person"
    person = User(
        username=f"{base}.{get_random_string(6).lower()}",
        first_name=data.first_name.strip(),
        last_name=data.last_name.strip(),
        email=data.email.strip(),
    )
    person.set_unusable_password()  # a member without a login, until invited to one
    person.save()
    return person


def _check_membership(network: Network, organisation, starts_on: date) -> None:
    errors: dict[str, list[str]] = {}
    if organisation is not None and not (
        network.members.filter(pk=organisation.pk).exists()
        or organisation.pk in _owner_organisation_ids(network)
    ):
        errors["organisation"] = [_("Choose one of the network's member organisations.")]
    if starts_on > timezone.localdate():
        errors["starts_on"] = [_("The membership cannot start in the future.")]
    if errors:
        raise ValidationError(errors)


def _owner_organisation_ids(network: Network) -> set[int]:
    return {pk for pk in (network.coordinator_id, network.organisation_id) if pk is not None}


@transaction.atomic
def membership_add(
    *,
    user,
    network: Network,
    person: PersonData,
    role: str,
    organisation: Organisation | None,
    starts_on: date,
) -> NetworkMembership:
    """Add a person to the network in a role, representing an organisation or none."""
    authorize(user, "networks.manage_network", network, visible=("networks.view_network", network))
    Network.objects.select_for_update().get(pk=network.pk)  # one add at a time per network
    _check_membership(network, organisation, starts_on)
    member = _person(person)
    if NetworkMembership.objects.filter(
        network=network, user=member, ends_on__isnull=True
    ).exists():
        raise ValidationError(
            {"person": _("%(name)s is already a member.") % {"name": member.get_full_name()}}
        )
    membership = NetworkMembership(
        network=network, user=member, role=role, organisation=organisation, starts_on=starts_on
    )
    validate_for_save(membership)
    membership.save()
    return membership


def _current(membership: NetworkMembership) -> NetworkMembership:
    locked = (
        NetworkMembership.objects.select_for_update()
        .select_related("network", "user")
        .get(pk=membership.pk)
    )
    if locked.ends_on is not None:
        raise ValidationError(_("The membership has already ended; it is kept as history."))
    return locked


@transaction.atomic
def membership_change(
    *,
    user,
    membership: NetworkMembership,
    role: str,
    organisation: Organisation | None,
    starts_on: date,
) -> NetworkMembership:
    """A new role or organisation from `starts_on`: the earlier membership ends the day
    before and stays as history."""
    network = membership.network
    authorize(user, "networks.manage_network", network, visible=("networks.view_network", network))
    membership = _current(membership)
    _check_membership(network, organisation, starts_on)
    if starts_on <= membership.starts_on:
        raise ValidationError(
            {"starts_on": _("The change must start after the current role started.")}
        )
    if role == membership.role and organisation == membership.organisation:
        return membership
    membership.ends_on = starts_on - timedelta(days=1)
    membership.save(update_fields=["ends_on"])
    changed = NetworkMembership(
        network=network,
        user=membership.user,
        role=role,
        organisation=organisation,
        starts_on=starts_on,
    )
    validate_for_save(changed)
    changed.save()
    return changed


@transaction.atomic
def membership_end(*, user, membership: NetworkMembership, ends_on: date) -> NetworkMembership:
    """The person leaves the network on `ends_on`; the membership stays as history."""
    network = membership.network
    authorize(user, "networks.manage_network", network, visible=("networks.view_network", network))
    membership = _current(membership)
    if ends_on < membership.starts_on:
        raise ValidationError({"ends_on": _("The membership cannot end before it started.")})
    if ends_on > timezone.localdate():
        raise ValidationError({"ends_on": _("Record the end on the day it happens or after.")})
    membership.ends_on = ends_on
    membership.save(update_fields=["ends_on"])
    return membership

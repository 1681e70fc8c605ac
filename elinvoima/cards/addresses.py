"""Where the cards app e-mails an association: its representatives' addresses and its own,
for many associations in two queries (a reminder or a help request goes to dozens)."""

from collections import defaultdict
from collections.abc import Iterable

from elinvoima.actors.enums import Role
from elinvoima.actors.models import Membership, Organisation


def association_addresses(organisations: Iterable[Organisation]) -> dict[int, list[str]]:
    """Each organisation's addresses, sorted; an organisation without any is left out."""
    addresses: dict[int, set[str]] = defaultdict(set)
    by_id = {organisation.pk: organisation for organisation in organisations}
    for organisation in by_id.values():
        if organisation.email:
            addresses[organisation.pk].add(organisation.email)
    representatives = (
        Membership.objects.filter(organisation_id__in=by_id, role=Role.ASSOCIATION_REPRESENTATIVE)
        .exclude(user__email="")
        .values_list("organisation_id", "user__email")
    )
    for organisation_id, email in representatives:
        addresses[organisation_id].add(email)
    return {pk: sorted(found) for pk, found in addresses.items()}

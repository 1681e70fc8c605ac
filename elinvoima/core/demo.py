"""Loading the demo data (`manage.py seed_demo`): each app registers a DemoLoader in its
plugin module; they run in the order of INSTALLED_APPS in one transaction. Idempotent:
running it again changes nothing that people have edited since."""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from .registry import registry


@dataclass
class DemoContext:
    """What the loaders share: the password of the demo accounts, the objects an earlier
    loader made that a later one builds on (by a key of the earlier app's demo data), and
    what was loaded, for the command to print."""

    password: str
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    # What `seed_demo` prints for the developer, in English: (what, how many).
    counts: list[tuple[str, int]] = field(default_factory=list)
    accounts: list[tuple[str, str]] = field(default_factory=list)

    def count(self, label: str, number: int) -> None:
        self.counts.append((label, number))


@transaction.atomic
def demo_data_load(*, password: str) -> DemoContext:
    context = DemoContext(password=password)
    for loader in registry.demo_loaders:
        loader.load(context)
    return context

"""Networks: the groups in which actors work together (seed 000: Utajärvi's vitality group,
Vaala's age-group networks; seed 001: Lapinjärvi's HYTE groups, Päijät-Häme's networks;
seed 002: a network project of municipalities). A network belongs to a municipality, a
county or an organisation; its people have roles, and leaving keeps their history. Meetings
are in `meetings/`."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.models import Municipality, Organisation, User, WellbeingCounty
from elinvoima.actors.owners import Owned, one_owner_condition
from elinvoima.core.models import ends_after_it_starts

from .enums import NetworkKind, NetworkRole


class Network(Owned):
    OWNER_FIELDS = ("municipality", "wellbeing_county", "organisation")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=NetworkKind.choices)
    description = models.TextField(_("description"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="networks",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        related_name="networks",
        null=True,
        blank=True,
        help_text=_("For regional networks of a county."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("owning organisation"),
        on_delete=models.PROTECT,
        related_name="owned_networks",
        null=True,
        blank=True,
        help_text=_("For a network of an organisation, e.g. a network project of Kuntaliitto."),
    )
    mandate = models.TextField(
        _("tasks"),
        blank=True,
        help_text=_("What the network is for, one task a line: e.g. “Gathers residents' views.”"),
    )
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Anyone sees the network, its members, agendas and approved minutes."),
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        null=True,
        blank=True,
        help_text=_(
            "How many members must be present. Empty: more than half of the members; "
            "invited experts are not counted."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    coordinator = models.ForeignKey(
        Organisation,
        verbose_name=_("coordinating organisation"),
        on_delete=models.PROTECT,
        related_name="coordinated_networks",
        null=True,
        blank=True,
    )
    members = models.ManyToManyField(
        Organisation, verbose_name=_("member organisations"), related_name="networks", blank=True
    )
    interface_theme = models.ForeignKey(
        InterfaceTheme,
        verbose_name=_("interface theme"),
        on_delete=models.SET_NULL,
        related_name="networks",
        null=True,
        blank=True,
        help_text=_("The county–municipality interface the network works on."),
    )

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=one_owner_condition("municipality", "wellbeing_county", "organisation"),
                name="network_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networks:network", kwargs={"pk": self.pk})

    @property
    def tasks(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.mandate.splitlines() if line.strip(" -•\t")]


class NetworkMembership(models.Model):
    """A person's place in a network, from `starts_on` to `ends_on` (empty while it lasts):
    a person who leaves, or changes role, keeps the earlier membership as history. The
    organisation the person represents is empty for an active resident without one."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="network_memberships"
    )
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="people"
    )
    role = models.CharField(_("role"), max_length=16, choices=NetworkRole.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("represents"),
        on_delete=models.SET_NULL,
        related_name="network_representatives",
        null=True,
        blank=True,
        help_text=_("Empty for a resident who takes part without an organisation."),
    )
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        ordering = ["network", "ends_on", "role", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "network"],
                condition=models.Q(ends_on__isnull=True),
                name="network_membership_one_current",
                violation_error_message=_("The person is already a member of the network."),
            ),
            ends_after_it_starts("network_membership_dates_in_order"),
        ]
        indexes = [models.Index(fields=["network", "ends_on"], name="network_membership_current")]

    def __str__(self) -> str:
        return (
            f"{self.user.get_full_name() or self.user} – {self.network} ({self.get_role_display()})"
        )

    @property
    def is_current(self) -> bool:
        return self.ends_on is None


# The meetings live in their own module; Django finds their models here.
from elinvoima.networks.agreements.models import (  # noqa: E402, F401
    Agreement,
    AgreementParty,
    Facility,
)
from elinvoima.networks.clock.models import CalendarItem  # noqa: E402, F401
from elinvoima.networks.meetings.models import (  # noqa: E402, F401
    ActionItem,
    AgendaDocument,
    AgendaItem,
    Attendance,
    Forward,
    Meeting,
)
from elinvoima.networks.projects.models import (  # noqa: E402, F401
    ProjectMembership,
    ProjectPartner,
    ProjectTheme,
)

"""Networks: the groups in which actors work together (seed 000: Utajärvi's vitality group,
Vaala's age-group networks; seed 001: Päijät-Häme's HYTE and preventive work networks).
Meetings, minutes and the annual clock build on this in the networks capability."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.models import Municipality, Organisation, User, WellbeingCounty
from elinvoima.actors.owners import Owned

from .enums import NetworkKind, NetworkRole


class Network(Owned):
    OWNER_FIELDS = ("municipality", "wellbeing_county")

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
                condition=models.Q(municipality__isnull=False)
                | models.Q(wellbeing_county__isnull=False),
                name="network_belongs_to_municipality_or_county",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        if self.municipality_id:
            url = reverse("networks:municipality-networks", kwargs={"code": self.municipality.code})
        else:
            url = reverse("networks:county-networks", kwargs={"code": self.wellbeing_county.code})
        return f"{url}#network-{self.pk}"


class NetworkMembership(models.Model):
    """A person's place in a network: the chair and the secretary run its meetings."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="network_memberships"
    )
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="people"
    )
    role = models.CharField(_("role"), max_length=16, choices=NetworkRole.choices)

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="network_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.network} ({self.get_role_display()})"

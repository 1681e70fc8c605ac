"""Interfaces (yhdyspinnat) between a wellbeing services county and its municipalities
(seed 001): the themes on which they work together and, for each municipality, who is the
contact person on either side. Imported at the end of actors/models.py so Django finds the
models."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import InterfaceSide
from elinvoima.core.models import CodedEntry

# Models of models.py are named by string: models.py imports this module at its end, so
# importing them back here would depend on which of the two is imported first.


class InterfaceTheme(CodedEntry):
    """One of the interfaces of Päijät-Häme's table: employment, ageing, inclusion..."""

    class Meta(CodedEntry.Meta):
        verbose_name = _("interface theme")
        verbose_name_plural = _("interface themes")


class InterfaceContact(models.Model):
    """Who answers for one interface theme of a municipality, on the county's side or on
    the municipality's. The role (title) is what the seed's table records; the person
    changes more often than the role, so the person is optional."""

    municipality = models.ForeignKey(
        "actors.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="interface_contacts",
    )
    theme = models.ForeignKey(
        InterfaceTheme,
        verbose_name=_("interface theme"),
        on_delete=models.PROTECT,
        related_name="contacts",
    )
    side = models.CharField(_("side"), max_length=16, choices=InterfaceSide.choices)
    title = models.CharField(
        _("role"),
        max_length=200,
        help_text=_("For example: Director, health and wellbeing promotion."),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        related_name="interface_contacts",
        null=True,
        blank=True,
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        related_name="interface_contacts",
        null=True,
        blank=True,
        help_text=_("The county unit or the municipal department."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("interface contact")
        verbose_name_plural = _("interface contacts")
        ordering = ["municipality", "theme__position", "side"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "theme", "side"], name="interface_contact_unique_side"
            ),
            models.CheckConstraint(
                condition=models.Q(side__in=InterfaceSide.values),
                name="interface_contact_side_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(title=""), name="interface_contact_title_required"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.theme} ({self.get_side_display()}): {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("actors:municipality-interfaces", kwargs={"code": self.municipality.code})

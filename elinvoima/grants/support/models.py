"""Support in kind (issue 15): what the municipality gives its associations besides money —
free use of its sports and meeting facilities, equipment, its staff's work — recorded with an
estimated value, so that the money view shows the whole of the support."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.core.models import Tracked, YearField
from elinvoima.grants.enums import SupportKind
from elinvoima.strategy.models import Goal

MAX_VALUE = 10_000_000


class SupportInKind(Tracked):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="support_in_kind",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("supported association"),
        on_delete=models.PROTECT,
        related_name="support_in_kind",
    )
    year = YearField(_("year"))
    kind = models.CharField(_("kind"), max_length=16, choices=SupportKind.choices)
    description = models.CharField(
        _("what"),
        max_length=300,
        help_text=_("For example: the sports hall on Tuesdays 13–14, 40 times."),
    )
    estimated_value = models.DecimalField(
        _("estimated value (euros)"), max_digits=10, decimal_places=2
    )
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal it serves"),
        on_delete=models.SET_NULL,
        related_name="support_in_kind",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("support in kind")
        verbose_name_plural = _("support in kind")
        ordering = ["-year", "organisation__name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(estimated_value__gte=0, estimated_value__lte=MAX_VALUE),
                name="support_in_kind_value_in_range",
                violation_error_message=_("Give a value of 0 to 10,000,000 euros."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.description}"

"""The partnership roadmap of seed 004 ("TO DO"): a municipality's own checklist of the five
steps towards partnership and participation, each with who takes care of it, by when, and
when it was done. Each step's page shows what the platform already holds for it (the
directory, the practice library, the networks, the annual clock)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality
from elinvoima.core.models import Tracked
from elinvoima.practices.enums import RoadmapStepCode


class RoadmapStep(Tracked):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="roadmap_steps",
    )
    step = models.CharField(_("step"), max_length=16, choices=RoadmapStepCode.choices)
    responsible = models.CharField(
        _("responsible"), max_length=200, blank=True, help_text=_("Who takes care of it.")
    )
    due_on = models.DateField(_("by"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("step of the partnership roadmap")
        verbose_name_plural = _("steps of the partnership roadmap")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "step"], name="roadmap_step_once")
        ]

    def __str__(self) -> str:
        return self.get_step_display()

"""Which experiential data tells about a goal: the domains of experienced wellbeing (the
community card's six, seed 000) a plan's coordinators link to a goal. The goal-to-impact
view shows the municipality's latest results in them beside the indicators — what residents
themselves say about the same thing ("Koettua hyvinvointitietoa pystyvät kertomaan
ainoastaan kuntalaiset itse"). Imported at the end of reports/models.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.indicators.enums import ExperientialDomain
from elinvoima.strategy.models import Goal


class GoalDomain(models.Model):
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="experience_domains"
    )
    domain = models.CharField(_("domain"), max_length=32, choices=ExperientialDomain.choices)

    class Meta:
        verbose_name = _("experiential domain of a goal")
        verbose_name_plural = _("experiential domains of goals")
        constraints = [models.UniqueConstraint(fields=["goal", "domain"], name="goal_domain_once")]

    def __str__(self) -> str:
        return f"{self.goal}: {self.get_domain_display()}"

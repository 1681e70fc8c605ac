"""Where a step of the partnership roadmap stands, worked out from its dates (never stored:
a step due tomorrow is overdue the day after without anyone saving it)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoadmapStatus(models.TextChoices):
    DONE = "done", _("Done")
    OVERDUE = "overdue", _("Overdue")
    DUE = "due", _("Due")
    NOT_STARTED = "not_started", _("Not started")

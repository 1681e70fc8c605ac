from django.db import models
from django.utils.translation import gettext_lazy as _


class GrantKind(models.TextChoices):
    """What a round's grants are for (seed 000: operating grants of the associations; Vaala:
    "toiminta-avustukset"; project and event grants; free use of facilities)."""

    OPERATING = "operating", _("Operating grant")
    PROJECT = "project", _("Project grant")
    EVENT = "event", _("Event grant")
    FACILITY_USE = "facility_use", _("Use of facilities")


class ApplicationState(models.TextChoices):
    """Where an application is (CiviGrant's and the seed's: the applicant sees it)."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    DECIDED = "decided", _("Decided")

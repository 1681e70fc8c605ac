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


class SupportKind(models.TextChoices):
    """Support that is not money (seed 000: "liikuntatilojen käyttö on asukkaille ilmaista";
    the partnership document's "muut kunnan tukimuodot")."""

    FACILITY_USE = "facility_use", _("Free use of facilities")
    EQUIPMENT = "equipment", _("Equipment and materials")
    STAFF_WORK = "staff_work", _("Work of the municipality's staff")
    COMMUNICATION = "communication", _("Communication and marketing")
    OTHER = "other", _("Other support")

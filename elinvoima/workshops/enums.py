from django.db import models
from django.utils.translation import gettext_lazy as _


class SeriesScope(models.TextChoices):
    """Seed 003: areas of 3–5 municipalities of a region, or one municipality's departments
    ("yksittäisen kunnan eri toimialojen järjestöyhteistyön kehittämiseen")."""

    REGIONAL = "regional", _("Regional: areas of 3–5 municipalities")
    MUNICIPAL = "municipal", _("One municipality's departments")


class ProgrammeKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    WORKSHOP = "workshop", _("Workshop")
    NETWORKING = "networking", _("Networking")
    COFFEE = "coffee", _("Coffee")


class Background(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    OFFICIAL = "official", _("Municipal official")
    ELECTED = "elected", _("Elected member")
    COUNTY = "county", _("Wellbeing services county")
    COMPANY = "company", _("Company")
    PARISH = "parish", _("Parish")
    RESIDENT = "resident", _("Resident")
    OTHER = "other", _("Other")


class Diet(models.TextChoices):
    ANY = "any", _("No special diet")
    VEGETARIAN = "vegetarian", _("Vegetarian")
    VEGAN = "vegan", _("Vegan")
    GLUTEN_FREE = "gluten_free", _("Gluten-free")
    LACTOSE_FREE = "lactose_free", _("Lactose-free")


class RegistrationState(models.TextChoices):
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class TaskKind(models.TextChoices):
    """Seed 003's timeline of telling about a workshop."""

    ADVANCE_NOTICE = "advance_notice", _("Advance notice")
    DETAILED_ADVERT = "detailed_advert", _("Detailed advert")
    INVITATIONS = "invitations", _("Invitations to the municipalities' leaders")
    PRESS_RELEASE = "press_release", _("Press release")
    REMINDER = "reminder", _("Reminder")
    THANKS = "thanks", _("Thanks and news afterwards")


# Days from the workshop: when each task of the timeline is due by default.
TASK_OFFSETS = {
    TaskKind.ADVANCE_NOTICE: -60,
    TaskKind.DETAILED_ADVERT: -35,
    TaskKind.INVITATIONS: -30,
    TaskKind.PRESS_RELEASE: -21,
    TaskKind.REMINDER: -7,
    TaskKind.THANKS: 2,
}

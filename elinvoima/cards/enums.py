from django.db import models
from django.utils.translation import gettext_lazy as _


class ResponseState(models.TextChoices):
    """Where an association's answer to a card is: its own draft, sent to the municipality
    (still editable until the card closes), or accepted by the municipality (public)."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Sent")
    ACCEPTED = "accepted", _("Accepted")


class ActivityKind(models.TextChoices):
    """What an association did (seed 000: "tapahtumia, kerhoja, virkistysmatkoja")."""

    EVENT = "event", _("Event")
    CLUB = "club", _("Club or group meeting")
    TRIP = "trip", _("Trip")
    COURSE = "course", _("Course or talk")
    VISIT = "visit", _("Visit or outing")
    HELP = "help", _("Helping someone")
    OTHER = "other", _("Other")

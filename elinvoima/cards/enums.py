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


class HelpOfferState(models.TextChoices):
    """Where an association's offer of help is: made, taken up by the municipality, not
    needed this time, or done (and recorded as the association's activity)."""

    OFFERED = "offered", _("Offered")
    ACCEPTED = "accepted", _("Taken up")
    DECLINED = "declined", _("Not needed this time")
    DONE = "done", _("Done")


class AnnualDocumentKind(models.TextChoices):
    """An association's yearly documents that show its commitment to the municipality's
    goals (seed 000: "vuosittaisessa toimintasuunnitelmassaan ja toteutunutta toimintaa
    kuvaavassa toimintakertomuksessa")."""

    PLAN = "plan", _("Annual action plan")
    REPORT = "report", _("Annual report")

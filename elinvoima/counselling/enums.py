from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessRole(models.TextChoices):
    """What a county's grant of access to counselling data lets a person do."""

    COUNSELLOR = "counsellor", _("Exercise counsellor")
    REFERRER = "referrer", _("Referring professional")
    KEEPER = "keeper", _("Keeper of the register")  # the controller's: lists who looked


class ClientSource(models.TextChoices):
    """How a client came to counselling (seed 001, Lapinjärvi)."""

    REFERRAL = "referral", _("Referral")
    SELF = "self", _("Contacted the counsellor")
    TESTING_DAY = "testing_day", _("Regular testing day")
    REHABILITATION = "rehabilitation", _("Early phase of rehabilitation")


class Urgency(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    SOON = "soon", _("Within two weeks")


class BookingState(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


class AuditAction(models.TextChoices):
    READ = "read", _("Read")
    CREATE = "create", _("Created")
    CHANGE = "change", _("Changed")
    EXPORT = "export", _("Exported")
    DENIED = "denied", _("Refused")
    ERASE = "erase", _("Erased under the retention rule")


class Measurement(models.TextChoices):
    """What a counsellor may measure at a visit (the counsellor chooses which)."""

    ACTIVITY_MINUTES = "activity_minutes", _("Physical activity, minutes a week")
    CHAIR_STAND = "chair_stand", _("30-second chair stand, times")
    WALK_6MIN = "walk_6min", _("6-minute walk, metres")
    WALK_2KM = "walk_2km", _("2 km walk test, minutes")
    WEIGHT = "weight", _("Weight, kg")
    WAIST = "waist", _("Waist, cm")


class Outcome(models.TextChoices):
    """How a counselling period ended, for the statistics."""

    GOALS_MET = "goals_met", _("Goals met")
    PARTLY_MET = "partly_met", _("Goals partly met")
    NOT_MET = "not_met", _("Goals not met")
    DROPPED_OUT = "dropped_out", _("Stopped coming")


class ConsentPurpose(models.TextChoices):
    """A use of counselling data beyond health care and its counselling, which needs the
    client's consent (seed 001, Lapinjärvi: the data may not be used for anything else
    without the client's permission)."""

    RESEARCH = "research", _("Research")
    PROGRAMME = "programme", _("Municipal wellbeing programme")
    FOLLOW_UP = "follow_up", _("Contact for a follow-up survey")

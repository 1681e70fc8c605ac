from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkKind(models.TextChoices):
    VITALITY_GROUP = "vitality_group", _("Vitality group")
    AGE_GROUP_NETWORK = "age_group_network", _("Age-group network")
    STEERING_GROUP = "steering_group", _("Welfare steering group")
    WORKING_GROUP = "working_group", _("HYTE working group")
    HYTE_NETWORK = "hyte_network", _("HYTE network")
    PREVENTIVE_WORK_NETWORK = "preventive_work_network", _("Preventive work network")
    COORDINATORS_NETWORK = "coordinators_network", _("Network of welfare coordinators")
    YOUTH_COUNCIL = "youth_council", _("Youth council")
    ELDERLY_COUNCIL = "elderly_council", _("Council for older people")
    DISABILITY_COUNCIL = "disability_council", _("Disability council")
    ADVISORY_BOARD = "advisory_board", _("Advisory board")
    REGIONAL_NETWORK = "regional_network", _("Regional network")
    NETWORK_PROJECT = "network_project", _("Network project")
    OTHER = "other", _("Other network")


class NetworkRole(models.TextChoices):
    """A person's role in a network (seed 000: Utajärvi's vitality group is chaired by the
    municipal manager, presented by the culture secretary, minuted by the office secretary,
    with standing official members, members and invited guests)."""

    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    PRESENTER = "presenter", _("Presenter")
    SECRETARY = "secretary", _("Secretary")
    STANDING_MEMBER = "standing_member", _("Standing member")
    MEMBER = "member", _("Member")
    INVITED_EXPERT = "invited_expert", _("Invited expert")


# Those who run a network: its page, members, meetings, minutes and action items.
RUNNING_ROLES = (NetworkRole.CHAIR, NetworkRole.VICE_CHAIR, NetworkRole.SECRETARY)
# Invited experts take part without counting towards a quorum.
VOTING_ROLES = tuple(role for role in NetworkRole if role != NetworkRole.INVITED_EXPERT)


class MeetingLevel(models.TextChoices):
    """Where a network project meets (seed 002: municipal, regional and national meetings)."""

    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class CalendarItemKind(models.TextChoices):
    """What an item of the annual clock is (seed 000: events, meetings and decision
    processes; seed 004: the forums of Soini and Lappajärvi; hearings of residents)."""

    EVENT = "event", _("Event")
    MEETING = "meeting", _("Meeting")
    DECISION_PROCESS = "decision_process", _("Decision process")
    HEARING = "hearing", _("Hearing of residents")
    ASSOCIATION_FORUM = "association_forum", _("Sports club and association forum")
    PARTNERSHIP_BREAKFAST = "partnership_breakfast", _("Partnership breakfast")
    ASSOCIATION_EVENING = "association_evening", _("Association and village evening")


# Items that hear residents or associations: the participation plan (osallisuussuunnitelma).
PARTICIPATION_KINDS = (
    CalendarItemKind.HEARING,
    CalendarItemKind.ASSOCIATION_FORUM,
    CalendarItemKind.PARTNERSHIP_BREAKFAST,
    CalendarItemKind.ASSOCIATION_EVENING,
)


class Recurrence(models.TextChoices):
    ONCE = "once", _("Once")
    YEARLY = "yearly", _("Every year")


class AgreementKind(models.TextChoices):
    VITALITY_AGREEMENT = "vitality_agreement", _("Vitality agreement")
    PARTNERSHIP_DOCUMENT = "partnership_document", _("Partnership document")
    WELLBEING_AGREEMENT = "wellbeing_agreement", _("Shared wellbeing agreement")


class InvoiceState(models.TextChoices):
    NOT_INVOICED = "not_invoiced", _("Not invoiced")
    INVOICED = "invoiced", _("Invoiced")
    PAID = "paid", _("Paid")


class SizeClass(models.TextChoices):
    """Seed 002: "Suuret kunnat osallistuvat projektiin 4000€ vuosimaksulla ja muut kunnat
    sekä maakunnat puolestaan 3000€ vuosimaksulla"."""

    LARGE = "large", _("Large municipality")
    OTHER = "other", _("Other municipality or region")


class PartnerRole(models.TextChoices):
    FUNDER = "funder", _("Funder")
    PARTNER = "partner", _("Partner")

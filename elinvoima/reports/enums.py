from django.db import models
from django.utils.translation import gettext_lazy as _


class RespondentGroup(models.TextChoices):
    """Who a cooperation survey asks (seed 001: the leadership of the municipalities and of
    the county, compared; the associations are the third party of the interfaces)."""

    MUNICIPAL_LEADERSHIP = "municipal_leadership", _("Municipal leadership")
    COUNTY_LEADERSHIP = "county_leadership", _("County leadership")
    ASSOCIATIONS = "associations", _("Associations")


class SurveyState(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class Realisation(models.IntegerChoices):
    """How well a statement of cooperation has come true (the percentage distributions of
    seed 001). "Cannot say" is an answer without a value."""

    VERY_POORLY = 1, _("Very poorly")
    RATHER_POORLY = 2, _("Rather poorly")
    NEITHER = 3, _("Neither well nor poorly")
    RATHER_WELL = 4, _("Rather well")
    VERY_WELL = 5, _("Very well")


class Clarity(models.IntegerChoices):
    """How clear the division of work is in an interface theme ("työnjaon selkeys")."""

    VERY_UNCLEAR = 1, _("Very unclear")
    RATHER_UNCLEAR = 2, _("Rather unclear")
    NEITHER = 3, _("Neither clear nor unclear")
    RATHER_CLEAR = 4, _("Rather clear")
    VERY_CLEAR = 5, _("Very clear")


class Maturity(models.IntegerChoices):
    """ "Missä yhteistyössä mennään?" — the six levels of seed 001, from no interaction to
    cooperation that forms a whole."""

    NO_INTERACTION = 1, _("There is no interaction between the municipalities and the county")
    IRREGULAR = (
        2,
        _("There is interaction between the municipalities and the county, but it is not regular"),
    )
    REGULAR = (
        3,
        _(
            "The municipalities and the county are in regular interaction and work together, but "
            "the whole of the cooperation and its goals have not been discussed together"
        ),
    )
    SHARED_GOALS = (
        4,
        _(
            "People in different roles in the municipalities and the county work together "
            "regularly in different areas, and shared goals have been set for the cooperation"
        ),
    )
    SUPPORTS_OWN = (
        5,
        _(
            "Cooperation is an important part of the work of the municipalities and the county, "
            "and the goals set together support the goals of both"
        ),
    )
    WHOLE = (
        6,
        _(
            "The work of the municipalities and the county forms a whole and cooperation is a "
            "natural part of every sector; the cooperation has shared strategic goals linked to "
            "the organisations' own strategic goals"
        ),
    )


class ReportKind(models.TextChoices):
    """Seed 001: the county's yearly welfare report (hyvinvointiraportti); a municipality's
    yearly report and its council-term welfare report (laaja hyvinvointikertomus)."""

    COUNTY_YEARLY = "county_yearly", _("County's yearly welfare report")
    MUNICIPAL_YEARLY = "municipal_yearly", _("Municipality's yearly welfare report")
    COUNCIL_TERM = "council_term", _("Council-term welfare report")


class ReportState(models.TextChoices):
    """Seed 001's path: plan the data collection, collect, compile, write the summary, then
    the approval chain (hyte board → regional board → regional council)."""

    COLLECTING = "collecting", _("Collecting data")
    DRAFTING = "drafting", _("Being written")
    PROCESSING = "processing", _("In decision-making")
    APPROVED = "approved", _("Approved")


class SectionKey(models.TextChoices):
    """The narrative parts of the report, written in the browser (part 1 of seed 001 and
    the phenomena the report names)."""

    INTRODUCTION = "introduction", _("Introduction")
    STATE = "state", _("State of wellbeing and health")
    PHENOMENA = "phenomena", _("Phenomena")
    STRUCTURES = "structures", _("Structures of promoting wellbeing and health")
    ACTIONS = "actions", _("Actions of promoting wellbeing and health")
    SUMMARY = "summary", _("Summary")


class ContributionKind(models.TextChoices):
    """What a contributor delivers for the report (seed 001, part 2)."""

    MUNICIPALITY_CARD = "municipality_card", _("Municipality card")
    SECTOR_CARD = "sector_card", _("Sector card")
    ASSOCIATION_CARD = "association_card", _("Association's part of the association card")


class ContributionState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    DELIVERED = "delivered", _("Delivered")


class FileFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word (DOCX)")
    XLSX = "xlsx", _("Spreadsheet of the data (XLSX)")


class JobState(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanKind(models.TextChoices):
    """Seed 000 (Vaala: council-term report, annual plan) and seed 001 (Päijät-Häme's
    regional plan and its separate plans)."""

    WELFARE_REPORT = "welfare_report", _("Council-term welfare report")
    WELFARE_PLAN = "welfare_plan", _("Annual welfare plan")
    REGIONAL_WELFARE_PLAN = "regional_welfare_plan", _("Regional welfare report and plan")
    CHILDREN_YOUTH = "children_youth", _("Welfare plan for children and young people")
    OLDER_PEOPLE = "older_people", _("Plan to support the older population")
    PREVENTIVE_WORK = "preventive_work", _("Preventive work action plan")
    NUTRITION = "nutrition", _("Nutrition health plan")
    PHYSICAL_ACTIVITY = "physical_activity", _("Physical activity programme")
    OTHER = "other", _("Other plan")


class PlanState(models.TextChoices):
    """The cycle: evaluate the ending period, plan the next, process and approve."""

    EVALUATION = "evaluation", _("Evaluating the ending period")
    PLANNING = "planning", _("Planning")
    PROCESSING = "processing", _("In decision-making")
    APPROVED = "approved", _("Approved")


class DecisionBody(models.TextChoices):
    """Who decides on a plan, in the order of the approval chain of its owner."""

    # A municipality: welfare group → board → council.
    WELFARE_GROUP = "welfare_group", _("Welfare steering group")
    MUNICIPAL_BOARD = "municipal_board", _("Municipal board")
    MUNICIPAL_COUNCIL = "municipal_council", _("Municipal council")
    # A wellbeing services county: HYTE board → regional board → regional council.
    HYTE_BOARD = "hyte_board", _("HYTE board")
    REGIONAL_BOARD = "regional_board", _("Regional board")
    REGIONAL_COUNCIL = "regional_council", _("Regional council")
    # A network approves its own plan.
    NETWORK = "network", _("The network")


APPROVAL_CHAINS = {
    "municipality": (
        DecisionBody.WELFARE_GROUP,
        DecisionBody.MUNICIPAL_BOARD,
        DecisionBody.MUNICIPAL_COUNCIL,
    ),
    "wellbeing_county": (
        DecisionBody.HYTE_BOARD,
        DecisionBody.REGIONAL_BOARD,
        DecisionBody.REGIONAL_COUNCIL,
    ),
    "network": (DecisionBody.NETWORK,),
}


class DecisionOutcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for preparation")


class Direction(models.TextChoices):
    """Which way an indicator should move for the goal to be reached."""

    INCREASE = "increase", _("Should increase")
    DECREASE = "decrease", _("Should decrease")
    MAINTAIN = "maintain", _("Should stay at least at the level")


class TargetComparison(models.TextChoices):
    """How a target value reads: "target < 24 %" (seed 001)."""

    LESS = "lt", "<"
    LESS_OR_EQUAL = "le", "≤"
    ABOUT = "eq", "≈"
    GREATER_OR_EQUAL = "ge", "≥"
    GREATER = "gt", ">"


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


class Tertial(models.IntegerChoices):
    """The four-month reporting periods of the goal tracking card (seed 001)."""

    FIRST = 1, _("January–April")
    SECOND = 2, _("May–August")
    THIRD = 3, _("September–December")


class StatusLevel(models.IntegerChoices):
    """The card's overall status on four levels (seed 001: ○ ● ○ ○)."""

    ON_TRACK = 1, _("On track")
    MINOR_DEVIATIONS = 2, _("Partly on track")
    MAJOR_DEVIATIONS = 3, _("Seriously behind")
    NOT_PROGRESSING = 4, _("Not progressing")


class LogicLevel(models.TextChoices):
    """The logic model of preventive work (seed 001)."""

    INPUT = "input", _("Input: resources used")
    OUTPUT = "output", _("Output: measurable work done")
    OUTCOME = "outcome", _("Outcome: concrete change in people or structures")
    IMPACT = "impact", _("Impact: wellbeing and benefit to society")


class ConcernKind(models.TextChoices):
    """Joy and worry lists (ilon ja huolen aiheet)."""

    JOY = "joy", _("Cause for joy")
    WORRY = "worry", _("Cause for worry")

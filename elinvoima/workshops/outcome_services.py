"""Writes of what a workshop leaves: the municipalities' cooperation plans, the carpool
contest and the "Hyvän kierre" award, the feedback and the news. Permission first where
there is a user, then validation, then the write (docs/architecture.md)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality
from elinvoima.core.permissions import authorize
from elinvoima.core.validation import validate_for_save
from elinvoima.strategy.models import Measure

from .enums import ActionStatus
from .models import CarpoolEntry, CooperationAction, FeedbackAnswer, NewsItem, Nomination, Workshop


# --- The municipalities' cooperation plans ---------------------------------------------------
@dataclass(frozen=True)
class ActionData:
    municipality: Municipality
    title: str
    owner: str = ""
    due_on: datetime.date | None = None
    measure: Measure | None = None  # a measure of the municipality's welfare plan


@transaction.atomic
def cooperation_action_add(*, user, workshop: Workshop, data: ActionData) -> CooperationAction:
    """Record an action of a municipality's cooperation plan written in the workshop."""
    authorize(
        user,
        "workshops.organise_workshop",
        workshop,
        visible=("workshops.view_workshop", workshop),
    )
    if not workshop.area.municipalities.filter(pk=data.municipality.pk).exists():
        raise ValidationError({"municipality": _("Choose a municipality of the area.")})
    if data.measure is not None and (
        data.measure.plan.municipality_id != data.municipality.pk
        or not (user is None or user.has_perm("strategy.view_measure", data.measure))
    ):
        raise ValidationError({"measure": _("Choose a measure of the municipality's plan.")})
    action = CooperationAction(
        measure=data.measure,
        workshop=workshop,
        municipality=data.municipality,
        title=data.title.strip(),
        owner=data.owner.strip(),
        due_on=data.due_on,
    )
    validate_for_save(action)
    action.save()
    return action


@transaction.atomic
def cooperation_action_status(*, user, action: CooperationAction, status: str) -> None:
    """How far an action has got: the next workshop shows it."""
    authorize(
        user,
        "workshops.organise_workshop",
        action.workshop,
        visible=("workshops.view_workshop", action.workshop),
    )
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    CooperationAction.objects.filter(pk=action.pk).update(status=status)


# --- Campaigns: the carpool contest and the "Hyvän kierre" award ------------------------------
@dataclass(frozen=True)
class CarpoolData:
    group: str
    driver: str
    passengers: int
    distance_km: Decimal


@transaction.atomic
def carpool_register(*, workshop: Workshop, data: CarpoolData) -> CarpoolEntry:
    """A group registers its car for a published workshop, until the day after it."""
    if not (workshop.is_published and workshop.series.is_published):
        raise ValidationError(_("The workshop is not published."))
    if timezone.localdate() > timezone.localdate(workshop.ends_at) + datetime.timedelta(days=1):
        raise ValidationError(_("The carpool contest of this workshop is over."))
    entry = CarpoolEntry(
        workshop=workshop,
        group=data.group.strip(),
        driver=data.driver.strip(),
        passengers=data.passengers,
        distance_km=data.distance_km,
    )
    validate_for_save(entry)
    entry.save()
    return entry


def carpool_ranking(workshop: Workshop) -> list[CarpoolEntry]:
    """The cars by the longest combined distance travelled together."""
    return sorted(workshop.carpools.all(), key=lambda entry: (-entry.combined_km, entry.created_at))


@dataclass(frozen=True)
class NominationData:
    nominee: str
    reason: str
    nominated_by: str = ""


@transaction.atomic
def nomination_create(*, series, data: NominationData) -> Nomination:
    """Anyone nominates a person or a deed of the last year. Kept as plain text: shown
    escaped, links never made clickable."""
    if not series.is_published:
        raise ValidationError(_("The series is not published."))
    nomination = Nomination(
        series=series,
        year=timezone.localdate().year,
        nominee=data.nominee.strip(),
        reason=data.reason.strip(),
        nominated_by=data.nominated_by.strip(),
    )
    validate_for_save(nomination)
    nomination.save()
    return nomination


@transaction.atomic
def nomination_judge(*, user, nomination: Nomination, shortlisted: bool, winner: bool) -> None:
    """The jury shortlists a nomination and picks the winner (a winner is shortlisted)."""
    authorize(
        user,
        "workshops.organise_series",
        nomination.series,
        visible=("workshops.view_series", nomination.series),
    )
    Nomination.objects.filter(pk=nomination.pk).update(
        shortlisted=shortlisted or winner, winner=winner
    )


# --- Feedback and news -----------------------------------------------------------------------
FEEDBACK_DAYS = 30


def feedback_open(workshop: Workshop) -> bool:
    """From the start of the workshop until a month after it."""
    now = timezone.now()
    return (
        workshop.is_published
        and workshop.starts_at <= now <= workshop.ends_at + datetime.timedelta(days=FEEDBACK_DAYS)
    )


@dataclass(frozen=True)
class FeedbackData:
    useful: int
    atmosphere: int
    cooperation: int
    comment: str = ""


@transaction.atomic
def feedback_give(*, workshop: Workshop, data: FeedbackData) -> FeedbackAnswer:
    if not feedback_open(workshop):
        raise ValidationError(_("Feedback on this workshop is not open."))
    answer = FeedbackAnswer(
        workshop=workshop,
        useful=data.useful,
        atmosphere=data.atmosphere,
        cooperation=data.cooperation,
        comment=data.comment.strip(),
    )
    validate_for_save(answer)
    answer.save()
    return answer


@dataclass
class FeedbackSummary:
    answers: int
    useful: float
    atmosphere: float
    cooperation: float
    comments: list[str]


def feedback_summary(workshop: Workshop) -> FeedbackSummary | None:
    answers = list(workshop.feedback.all())
    if not answers:
        return None
    count = len(answers)
    return FeedbackSummary(
        answers=count,
        useful=sum(a.useful for a in answers) / count,
        atmosphere=sum(a.atmosphere for a in answers) / count,
        cooperation=sum(a.cooperation for a in answers) / count,
        comments=[a.comment for a in answers if a.comment],
    )


@transaction.atomic
def news_publish(
    *, user, workshop: Workshop, title_fi: str, body_fi: str, title_sv: str = "", body_sv: str = ""
) -> NewsItem:
    """A news item of the workshop, on its page and in the news feed."""
    authorize(
        user,
        "workshops.organise_workshop",
        workshop,
        visible=("workshops.view_workshop", workshop),
    )
    item = NewsItem(workshop=workshop)
    for name, value in (
        ("title_fi", title_fi),
        ("title_sv", title_sv),
        ("title_en", title_fi),
        ("body_fi", body_fi),
        ("body_sv", body_sv),
        ("body_en", body_fi),
    ):
        setattr(item, name, value.strip())
    validate_for_save(item)
    item.save()
    return item

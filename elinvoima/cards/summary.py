"""The council's and the coordinator's summary of a year's cards (seed 000: "järjestöjen
tekemää hyvää työtä saadaan tehokkaasti näkyväksi"): per card and sub-goal, which
associations work on it (their sent answers and the activities they reported for it), with
how many activities, participants and volunteer hours; the sub-goals nobody works on; the
invited associations that have not answered. Six queries, whatever the number of
activities: the figures are summed by the database (bench council_goal_view_pg)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum

from elinvoima.cards.activities.models import Activity
from elinvoima.cards.enums import ResponseState
from elinvoima.cards.models import CardAnswer, CardDecision, CardResponse, CardTemplate
from elinvoima.strategy.models import Goal


@dataclass
class RowSummary:
    goal: Goal
    organisations: list[str] = field(default_factory=list)  # names, alphabetically
    activities: int = 0
    participants: int = 0
    beyond_members: int = 0
    volunteer_hours: Decimal = Decimal(0)


@dataclass
class CardSummary:
    card: CardTemplate
    rows: list[RowSummary]
    not_answered: list[str]  # the invited associations without a sent answer

    @property
    def rows_without_anyone(self) -> list[RowSummary]:
        return [row for row in self.rows if not row.organisations]


def _activity_links(decision: CardDecision, row_ids: list[int]):
    """The links of the year's activities in the municipality to the cards' rows."""
    start = datetime.date(decision.year, 1, 1)
    return Activity.sub_goals.through.objects.filter(
        goal_id__in=row_ids,
        activity__municipality_id=decision.municipality_id,
        activity__starts_on__gte=start,
        activity__starts_on__lt=start.replace(year=decision.year + 1),
    )


def council_summary(decision: CardDecision) -> list[CardSummary]:
    cards = list(decision.templates.order_by("position", "pk"))
    goal_ids = [card.goal_id for card in cards]
    rows_of: dict[int, list[RowSummary]] = {pk: [] for pk in goal_ids}
    own: dict[int, RowSummary] = {}
    for goal in Goal.objects.filter(Q(pk__in=goal_ids) | Q(parent_id__in=goal_ids)).order_by(
        "position", "id"
    ):
        if goal.parent_id in rows_of:
            rows_of[goal.parent_id].append(RowSummary(goal))
        if goal.pk in rows_of:
            own[goal.pk] = RowSummary(goal)
    for pk, rows in rows_of.items():
        if not rows and pk in own:
            rows.append(own[pk])  # a goal without sub-goals is its own row
    by_id = {row.goal.pk: row for rows in rows_of.values() for row in rows}
    links = _activity_links(decision, list(by_id))
    for figures in links.values("goal_id").annotate(
        activities=Count("activity_id"),
        participants=Sum("activity__participants"),
        beyond_members=Sum("activity__beyond_members"),
        volunteer_hours=Sum("activity__volunteer_hours"),
    ):
        row = by_id[figures.pop("goal_id")]
        for name, value in figures.items():
            setattr(row, name, value or 0)
    working: dict[int, set[str]] = {}
    reporters = links.values_list("goal_id", "activity__organisation__name").distinct()
    answerers = (
        CardAnswer.objects.filter(response__template__decision=decision, sub_goal_id__in=by_id)
        .exclude(response__state=ResponseState.DRAFT)
        .exclude(what_we_do="")
        .values_list("sub_goal_id", "response__organisation__name")
        .distinct()
    )
    for goal_id, name in [*reporters, *answerers]:
        working.setdefault(goal_id, set()).add(name)
    for goal_id, names in working.items():
        by_id[goal_id].organisations = sorted(names)
    sent = CardResponse.objects.filter(
        template_id=OuterRef("cardtemplate_id"), organisation_id=OuterRef("organisation_id")
    ).exclude(state=ResponseState.DRAFT)
    silent: dict[int, list[str]] = {}
    for card_id, name in (
        CardTemplate.invited.through.objects.filter(cardtemplate__decision=decision)
        .exclude(Exists(sent))
        .order_by("organisation__name")
        .values_list("cardtemplate_id", "organisation__name")
    ):
        silent.setdefault(card_id, []).append(name)
    return [
        CardSummary(card, rows_of[card.goal_id], silent.get(card.pk, []))
        for card in cards
        if rows_of[card.goal_id]
    ]

"""Reads of wellbeing cards for their pages, each in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from elinvoima.actors.enums import Role
from elinvoima.actors.models import Municipality, Organisation
from elinvoima.actors.permissions import is_platform_admin, municipality_ids_for
from elinvoima.cards.enums import ResponseState
from elinvoima.cards.models import CardAnswer, CardDecision, CardResponse, CardTemplate
from elinvoima.cards.permissions import represented_organisation_ids, responses_visible_to
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal, Plan


def decisions_of(municipality: Municipality) -> QuerySet[CardDecision]:
    """The municipality's yearly decisions, the latest first, with their cards and how many
    answers each has been sent and accepted."""
    templates = CardTemplate.objects.select_related("goal").annotate(
        sent=Count("responses", filter=~Q(responses__state=ResponseState.DRAFT)),
        accepted=Count("responses", filter=Q(responses__state=ResponseState.ACCEPTED)),
    )
    return (
        CardDecision.objects.filter(municipality=municipality)
        .select_related("plan")
        .prefetch_related(Prefetch("templates", queryset=templates))
        .order_by("-year")
    )


def templates_for_page() -> QuerySet[CardTemplate]:
    return CardTemplate.objects.select_related("decision__municipality", "decision__plan", "goal")


def answering_organisations(user, template: CardTemplate) -> list[Organisation]:
    """The invited organisations the user answers for (a platform admin: none of its own)."""
    if not user.is_authenticated or is_platform_admin(user):
        return []
    representing = represented_organisation_ids(user)
    if not representing:
        return []
    return list(template.invited.filter(pk__in=representing).order_by("name"))


@dataclass
class CardRow:
    goal: Goal
    answers: list[CardAnswer] = field(default_factory=list)  # visible, with text


def card_rows_with_answers(
    template: CardTemplate, rows: list[Goal], user
) -> tuple[list[CardRow], list[CardResponse]]:
    """The card's rows, each with the answers the user may read that say something, and
    those answers' responses (for the states a coordinator follows)."""
    responses = list(
        responses_visible_to(user)
        .filter(template=template)
        .select_related("organisation")
        .prefetch_related("answers")
        .order_by("organisation__name")
    )
    by_row = {goal.pk: CardRow(goal) for goal in rows}
    for response in responses:
        for answer in response.answers.all():
            row = by_row.get(answer.sub_goal_id)
            if row is not None and (answer.what_we_do or answer.how_we_succeed):
                answer.response = response  # the same object: no query for the name
                row.answers.append(answer)
    return list(by_row.values()), responses


def responses_for_page() -> QuerySet[CardResponse]:
    return CardResponse.objects.select_related(
        "organisation", "template__decision__municipality", "template__goal", "updated_by"
    )


def cards_to_answer(user) -> list[int]:
    """The open cards waiting for an answer of an association the user represents (none
    sent yet): their ids, the soonest to close first."""
    representing = represented_organisation_ids(user)
    if not representing:
        return []
    today = timezone.localdate()
    sent = CardResponse.objects.filter(
        template=OuterRef("pk"), organisation_id__in=representing
    ).exclude(state=ResponseState.DRAFT)
    return list(
        CardTemplate.objects.filter(
            invited__in=representing, opens_on__lte=today, closes_on__gte=today
        )
        .exclude(Exists(sent))
        .order_by("closes_on", "pk")
        .values_list("pk", flat=True)
        .distinct()
    )


def responses_to_review(user) -> list[str]:
    """For a coordinator, the sent answers of the municipality's cards waiting to be
    accepted: one municipality code per answer."""
    municipalities = municipality_ids_for(user, Role.COORDINATOR)
    if not municipalities:
        return []
    return list(
        CardResponse.objects.filter(
            state=ResponseState.SUBMITTED,
            template__decision__municipality_id__in=municipalities,
        )
        .order_by("template__decision__municipality__code")
        .values_list("template__decision__municipality__code", flat=True)
    )


def plans_for_cards(municipality: Municipality) -> QuerySet[Plan]:
    """The municipality's approved plans, the newest first: the cards answer their goals."""
    return Plan.objects.filter(municipality=municipality, state=PlanState.APPROVED).order_by(
        "-end_year", "-start_year", "-version"
    )


def strategic_goals(plan: Plan) -> QuerySet[Goal]:
    """The plan's goals that are not sub-goals, in the plan's order."""
    return Goal.objects.filter(plan=plan, parent=None).order_by(
        "priority_area__position", "position", "id"
    )

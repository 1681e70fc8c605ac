"""Reads of grant applications for the pages."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from elinvoima.actors.models import Organisation
from elinvoima.actors.permissions import represented_organisation_ids
from elinvoima.cards.models import CardAnswer
from elinvoima.cards.permissions import responses_visible_to
from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.enums import ApplicationState
from elinvoima.grants.models import GrantRound
from elinvoima.strategy.models import Goal


def own_application(grant_round: GrantRound, organisation: Organisation) -> GrantApplication | None:
    return GrantApplication.objects.filter(
        grant_round=grant_round, organisation=organisation
    ).first()


def own_applications(user, grant_round: GrantRound) -> QuerySet[GrantApplication]:
    """The applications to the round of the associations the user represents."""
    return (
        GrantApplication.objects.filter(
            grant_round=grant_round, organisation_id__in=represented_organisation_ids(user)
        )
        .select_related("organisation")
        .order_by("organisation__name")
    )


def organisations_to_apply_for(user, grant_round: GrantRound) -> QuerySet[Organisation]:
    """The user's associations of the round's municipality that have not applied yet."""
    ids = represented_organisation_ids(user, municipality_id=grant_round.municipality_id)
    return (
        Organisation.objects.filter(pk__in=ids)
        .exclude(grant_applications__grant_round=grant_round)
        .order_by("name")
    )


def card_answers_for(
    grant_round: GrantRound, organisation: Organisation, goals: list[Goal]
) -> dict[int, str]:
    """goal id → what the organisation answered to the round's cards for the goal or its
    sub-goals (the card's rows), one paragraph a row: the start of its commitment."""
    ids = {goal.pk for goal in goals}
    answers = (
        CardAnswer.objects.filter(
            response__organisation=organisation,
            response__template__in=grant_round.card_templates.all(),
        )
        .filter(Q(sub_goal_id__in=ids) | Q(sub_goal__parent_id__in=ids))
        .exclude(what_we_do="")
        .select_related("sub_goal")
        .order_by("sub_goal__position", "sub_goal_id")
    )
    texts: dict[int, list[str]] = {}
    for answer in answers:
        goal_id = answer.sub_goal_id
        if goal_id not in ids and answer.sub_goal.parent_id is not None:
            goal_id = answer.sub_goal.parent_id
        row = answer.sub_goal.title if answer.sub_goal_id != goal_id else ""
        text = answer.what_we_do.strip()
        if answer.how_we_succeed.strip():
            text = f"{text} ({answer.how_we_succeed.strip()})"
        texts.setdefault(goal_id, []).append(f"{row}: {text}" if row else text)
    return {goal_id: "\n\n".join(parts) for goal_id, parts in texts.items()}


def drafts_to_submit(user) -> list[int]:
    """The user's associations' draft applications to rounds still open (their ids)."""
    return list(
        GrantApplication.objects.filter(
            organisation_id__in=represented_organisation_ids(user),
            state=ApplicationState.DRAFT,
            grant_round__closes_on__gte=timezone.localdate(),
        )
        .order_by("grant_round__closes_on", "pk")
        .values_list("pk", flat=True)
    )


def card_answers_shown_with(user, application: GrantApplication) -> list[CardAnswer]:
    """The applicant's answers to the round's wellbeing cards that the user may read (the
    queryset twin of `cards.view_response`), card by card and row by row: shown with its
    application, as the round promises."""
    return list(
        CardAnswer.objects.filter(
            response__in=responses_visible_to(user).filter(
                organisation_id=application.organisation_id,
                template__in=application.grant_round.card_templates.all(),
            )
        )
        .select_related("sub_goal", "response__template")
        .order_by("response__template__position", "sub_goal__position", "sub_goal_id")
    )

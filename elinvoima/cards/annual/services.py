"""Writes of an association's annual action plan and annual report: made from its card
answers of the year (what it does for each row of the cards it was invited to answer; for
the report, how it succeeded), then edited and shared with the municipality. Permission
first, then validation, then the write, in one transaction (docs/architecture.md)."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from elinvoima.actors.models import Organisation
from elinvoima.cards.activities.selectors import goal_groups
from elinvoima.cards.annual.models import AnnualDocument, AnnualSection
from elinvoima.cards.enums import AnnualDocumentKind
from elinvoima.cards.models import CardAnswer
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.models import FIRST_YEAR, LAST_YEAR, signed_in_or_none
from elinvoima.core.permissions import authorize

# What a conflict's message calls the document ("X saved the action plan on …").
THE_DOCUMENT: dict[str, Any] = {
    AnnualDocumentKind.PLAN: gettext_lazy("the action plan"),
    AnnualDocumentKind.REPORT: gettext_lazy("the annual report"),
}


def document_version(document: AnnualDocument) -> str:
    return document.updated_at.isoformat()


def _prefilled(organisation: Organisation, year: int, kind: str) -> list[tuple]:
    """(card, goal, text) for each row of the year's cards the association is invited to
    answer, the text from its answer: what it does (plan) or how it succeeded (report)."""
    if organisation.municipality is None:
        return []
    groups = goal_groups(organisation, organisation.municipality, year)
    answers = {
        (answer.response.template_id, answer.sub_goal_id): answer
        for answer in CardAnswer.objects.filter(
            response__organisation=organisation,
            response__template__in=[group.card for group in groups],
        ).select_related("response")
    }
    rows = []
    for group in groups:
        for goal in group.goals:
            answer = answers.get((group.card.pk, goal.pk))
            text = ""
            if answer is not None:
                text = (
                    answer.what_we_do if kind == AnnualDocumentKind.PLAN else answer.how_we_succeed
                )
            rows.append((group.card, goal, text))
    return rows


@transaction.atomic
def annual_document_start(
    *, user, organisation: Organisation, year: int, kind: str
) -> AnnualDocument:
    """Make the association's plan or report of a year from its card answers; the one made
    already is returned as it is (a second tap, or two representatives at once)."""
    authorize(user, "cards.make_annual_document", organisation)
    if kind not in AnnualDocumentKind.values:
        raise ValidationError({"kind": _("Choose the action plan or the annual report.")})
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError({"year": _("Choose a year of this century.")})
    if organisation.municipality is None:
        raise ValidationError(
            _("The association has no home municipality whose goals it would answer.")
        )
    existing = AnnualDocument.objects.filter(organisation=organisation, year=year, kind=kind)
    if (found := existing.first()) is not None:
        return found
    who = signed_in_or_none(user)
    try:
        with transaction.atomic():
            document = AnnualDocument.objects.create(
                organisation=organisation,
                municipality=organisation.municipality,
                year=year,
                kind=kind,
                created_by=who,
                updated_by=who,
            )
    except IntegrityError:  # made by another representative in the same instant
        return existing.get()
    AnnualSection.objects.bulk_create(
        AnnualSection(document=document, template=card, goal=goal, position=n, text=text)
        for n, (card, goal, text) in enumerate(_prefilled(organisation, year, kind))
    )
    return document


@transaction.atomic
def annual_document_save(
    *,
    user,
    document: AnnualDocument,
    introduction: str,
    other_activities: str,
    sections: Mapping[int, str],
    share: bool = False,
    loaded_version: str | None = None,
) -> AnnualDocument:
    """Save the edited texts (`sections`: section id → text); `share` shares it with the
    municipality. Refused when someone saved it after `loaded_version`."""
    authorize(
        user,
        "cards.change_annual_document",
        document,
        visible=("cards.view_annual_document", document),
    )
    document = locked_unchanged(
        AnnualDocument.objects.select_related("organisation"),
        document.pk,
        loaded_version,
        what=lambda row: str(THE_DOCUMENT[row.kind]),
    )
    own = {section.pk: section for section in document.sections.all()}
    if set(sections) - set(own):
        raise ValidationError(_("The document has changed: load it again."), code="conflict")
    for pk, text in sections.items():
        own[pk].text = text.strip()
    AnnualSection.objects.bulk_update([own[pk] for pk in sections], ["text"])
    document.introduction = introduction.strip()
    document.other_activities = other_activities.strip()
    if share and document.shared_at is None:
        document.shared_at = timezone.now()
    document.updated_by = signed_in_or_none(user)
    document.save()
    return document

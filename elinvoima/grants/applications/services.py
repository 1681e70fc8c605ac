"""Writes of grant applications: an association's representative prepares the application
(a draft) while the round takes applications, changes it with a version check, and submits
it; a submitted application is not changed by the applicant any more. Permission first, then
validation, then the write, in one transaction (docs/architecture.md)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from elinvoima.actors.models import Organisation
from elinvoima.actors.permissions import represented_organisation_ids
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.document_files import MAX_FILES, checked_kind, shown_name
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.private_files import private_file_delete_on_commit, private_file_save
from elinvoima.core.validation import validate_for_save
from elinvoima.grants.applications.models import (
    Attachment,
    BudgetLine,
    GoalCommitment,
    GrantApplication,
    QuestionAnswer,
)
from elinvoima.grants.enums import ApplicationState
from elinvoima.grants.models import GrantRound, RoundQuestion
from elinvoima.strategy.models import Goal

MAX_BUDGET_LINES = 30


@dataclass(frozen=True)
class ApplicationData:
    action_plan: str
    requested_amount: Decimal
    contact_person: str = ""
    # How the association works for each of the round's goals it commits to.
    commitments: tuple[tuple[Goal, str], ...] = field(default=())
    # (cost, euros) of the budget, in order.
    budget_lines: tuple[tuple[str, Decimal], ...] = field(default=())
    # The answers to the round's own questions.
    answers: tuple[tuple[RoundQuestion, str], ...] = field(default=())


def application_version(application: GrantApplication) -> str:
    return application.updated_at.isoformat()


def round_is_open(grant_round: GrantRound) -> bool:
    today = timezone.localdate()
    return grant_round.is_published and grant_round.opens_on <= today <= grant_round.closes_on


def _ensure_open(grant_round: GrantRound) -> None:
    if not round_is_open(grant_round):
        raise ValidationError(
            _("The round takes applications from %(opens)s until %(closes)s.")
            % {
                "opens": formats.date_format(grant_round.opens_on, "SHORT_DATE_FORMAT"),
                "closes": formats.date_format(grant_round.closes_on, "SHORT_DATE_FORMAT"),
            },
            code="round_closed",
        )


def _validated(grant_round: GrantRound, data: ApplicationData) -> None:
    """Each error at its field: the round's goals only, a budget that covers the amount."""
    errors: dict[str, list[str]] = {}
    round_goals = set(grant_round.goals.values_list("pk", flat=True))
    if any(goal.pk not in round_goals for goal, _how in data.commitments):
        errors["commitments"] = [_("Commit to the goals of this round only.")]
    round_questions = {question.pk for question in grant_round.questions.all()}
    if any(question.pk not in round_questions for question, _text in data.answers):
        errors["answers"] = [_("Answer the questions of this round only.")]
    if len(data.budget_lines) > MAX_BUDGET_LINES:
        errors["budget_lines"] = [
            _("Give at most %(count)d budget lines.") % {"count": MAX_BUDGET_LINES}
        ]
    costs = sum((amount for _cost, amount in data.budget_lines), Decimal(0))
    if data.budget_lines and data.requested_amount > costs:
        errors["requested_amount"] = [
            _("The amount applied for is %(over)s euros more than the costs of the budget.")
            % {"over": formats.number_format(data.requested_amount - costs, 2, use_l10n=True)}
        ]
    elif data.requested_amount > grant_round.budget:
        errors["requested_amount"] = [
            _("The round has %(budget)s euros to grant in all.")
            % {"budget": formats.number_format(grant_round.budget, 2, use_l10n=True)}
        ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def grant_application_save(
    *,
    user,
    data: ApplicationData,
    grant_round: GrantRound | None = None,
    organisation: Organisation | None = None,
    application: GrantApplication | None = None,
    loaded_version: str | None = None,
) -> GrantApplication:
    """Start the organisation's application to the round (`grant_round`, `organisation`) or
    change a draft (`application`)."""
    who = signed_in_or_none(user)
    if application is None:
        assert grant_round is not None and organisation is not None
        authorize(user, "grants.apply", grant_round, visible=("grants.view_round", grant_round))
        if organisation.municipality_id != grant_round.municipality_id or (
            user is not None and organisation.pk not in represented_organisation_ids(user)
        ):
            raise ValidationError(
                _("Apply for an association of %(municipality)s that you represent.")
                % {"municipality": grant_round.municipality}
            )
        application = GrantApplication(
            grant_round=grant_round, organisation=organisation, created_by=who
        )
        existing = GrantApplication.objects.filter(
            grant_round=grant_round, organisation=organisation
        ).exists()
        if existing:
            raise ValidationError(_("The association has already applied in this round."))
    else:
        application = _locked_for_change(user, application, loaded_version)
        grant_round = application.grant_round
        if not application.is_draft:
            raise ValidationError(
                _("The application was submitted: it cannot be changed any more."),
                code="submitted",
            )
    _ensure_open(grant_round)
    _validated(grant_round, data)
    application.action_plan = data.action_plan.strip()
    application.requested_amount = data.requested_amount
    application.contact_person = data.contact_person.strip()
    application.updated_by = who
    validate_for_save(application, exclude=("grant_round", "organisation"))
    lines = [
        BudgetLine(position=position, description=cost.strip(), amount=amount)
        for position, (cost, amount) in enumerate(data.budget_lines)
    ]
    for line in lines:
        validate_for_save(line, exclude=("application",))
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as error:  # another representative started it at the same moment
        raise ValidationError(_("The association has already applied in this round.")) from error
    application.commitments.all().delete()
    GoalCommitment.objects.bulk_create(
        GoalCommitment(application=application, goal=goal, how=how.strip())
        for goal, how in data.commitments
        if how.strip()
    )
    application.answers.all().delete()
    QuestionAnswer.objects.bulk_create(
        QuestionAnswer(application=application, question=question, text=text.strip())
        for question, text in data.answers
        if text.strip()
    )
    application.budget_lines.all().delete()
    for line in lines:
        line.application = application
    BudgetLine.objects.bulk_create(lines)
    return application


def _locked_for_change(
    user, application: GrantApplication, loaded_version: str | None
) -> GrantApplication:
    """Permission first (404 for who may not see it, 403 for who may not change it), then
    the row locked once its version is checked against the one the user loaded."""
    authorize(
        user,
        "grants.change_application",
        application,
        visible=("grants.view_application", application),
    )
    return locked_unchanged(
        GrantApplication.objects.select_related("grant_round", "organisation"),
        application.pk,
        loaded_version,
        what=lambda row: _("the application of %(name)s") % {"name": row.organisation},
    )


@transaction.atomic
def grant_application_submit(
    *, user, application: GrantApplication, loaded_version: str | None = None
) -> GrantApplication:
    """Send the draft to the municipality: its details are copied from the organisation's
    profile, the round's coordinators read it, and it is not changed any more."""
    application = _locked_for_change(user, application, loaded_version)
    if not application.is_draft:
        return application  # sent twice (a double click): once is enough
    _ensure_open(application.grant_round)
    missing = {}
    if not application.action_plan:
        missing["action_plan"] = [_("Tell what the association will do with the grant.")]
    if application.requested_amount <= 0:
        missing["requested_amount"] = [_("Give the amount applied for.")]
    if application.grant_round.attachments_asked and not application.attachments.exists():
        missing["attachments"] = [
            _("Attach the files the round asks for: %(asked)s")
            % {"asked": application.grant_round.attachments_asked}
        ]
    answered = set(application.answers.values_list("question_id", flat=True))
    unanswered = application.grant_round.questions.exclude(pk__in=answered).count()
    if unanswered:
        missing["answers"] = [
            ngettext(
                "Answer the round's question: %(count)d is not answered yet.",
                "Answer the round's questions: %(count)d are not answered yet.",
                unanswered,
            )
            % {"count": unanswered}
        ]
    if missing:
        raise ValidationError(missing)
    organisation = application.organisation
    application.applicant_name = str(organisation.name)
    application.business_id = organisation.business_id
    application.email = organisation.email
    application.phone = organisation.phone
    application.state = ApplicationState.SUBMITTED
    application.submitted_at = timezone.now()
    application.updated_by = signed_in_or_none(user)
    application.save()
    return application


@transaction.atomic
def attachment_add(*, user, application: GrantApplication, upload) -> Attachment:
    """Attach a file to the draft: a PDF or office document (applications/files.py), at
    most MAX_FILES of them."""
    application = _locked_for_change(user, application, None)
    if not application.is_draft:
        raise ValidationError(
            _("The application was submitted: it cannot be changed any more."), code="submitted"
        )
    if application.attachments.count() >= MAX_FILES:
        raise ValidationError(
            _("Attach at most %(count)d files.") % {"count": MAX_FILES}, code="too_many"
        )
    kind = checked_kind(upload)
    attachment = Attachment(
        application=application,
        name=shown_name(upload, kind),
        kind=kind.extension,
        size=upload.size,
        uploaded_by=signed_in_or_none(user),
    )
    private_file_save(attachment, upload)
    return attachment


@transaction.atomic
def attachment_remove(*, user, attachment: Attachment) -> None:
    """Take a file off the draft; the file is deleted once the removal is saved."""
    application = _locked_for_change(user, attachment.application, None)
    if not application.is_draft:
        raise ValidationError(
            _("The application was submitted: it cannot be changed any more."), code="submitted"
        )
    Attachment.objects.filter(pk=attachment.pk).delete()
    private_file_delete_on_commit(attachment.file)

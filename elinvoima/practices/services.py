"""Writes of the practice library: record a practice (a draft), attach files to it and take
them off, send it to review, review it (publish it or return it), record that a
municipality uses it. Permission first, then validation, then the write, in one
transaction."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.actors.permissions import user_grants
from elinvoima.core.concurrency import locked_unchanged
from elinvoima.core.document_files import MAX_FILES, checked_kind, shown_name
from elinvoima.core.models import signed_in_or_none
from elinvoima.core.permissions import authorize
from elinvoima.core.private_files import private_file_delete_on_commit, private_file_save
from elinvoima.core.validation import validate_for_save
from elinvoima.practices.enums import Phase, PracticeKind, PracticeState
from elinvoima.practices.models import (
    REQUIRED,
    REQUIRED_OF_EXAMPLE,
    TEXTS,
    Adoption,
    Practice,
    PracticeAudience,
    PracticeFile,
    PracticeLink,
    PracticeTopic,
)

VIEW, CHANGE = "practices.view_practice", "practices.change_practice"
FACTS = (
    "kind",
    "implemented_by",
    "region",
    "funder",
    "author",
    "recorded_on",
    "revised_on",
    "phase",
    "follow_up_on",
    "trial_result",
    "source",
    "source_url",
)


def practice_version(practice: Practice) -> str:
    return practice.updated_at.isoformat()


@dataclass
class PracticeData:
    """The record's texts (`name_fi`, `summary_sv`…), its facts (FACTS), topics, target
    groups and links ((title, address) pairs)."""

    texts: dict[str, str]
    facts: dict
    topics: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    organisation: Organisation | None = None


def _locked(practice: Practice, loaded_version: str | None = None) -> Practice:
    return locked_unchanged(
        Practice.objects.all(),
        practice.pk,
        loaded_version,
        what=lambda row: _("the practice “%(name)s”") % {"name": row.name},
    )


@transaction.atomic
def practice_save(
    *,
    user,
    data: PracticeData,
    practice: Practice | None = None,
    loaded_version: str | None = None,
) -> Practice:
    """Record a practice as a draft, or change one. Its organisation must be one the user
    works for (the platform admin and trusted callers may name any)."""
    who = signed_in_or_none(user)
    if practice is None:
        authorize(user, "practices.add_practice", None)
        practice = Practice(created_by=who)
    else:
        practice = Practice.objects.get(pk=practice.pk)
        authorize(user, CHANGE, practice, visible=(VIEW, practice))
        practice = _locked(practice, loaded_version)
    organisation = data.organisation
    if (
        organisation is not None
        and user is not None
        and not user.is_superuser
        and organisation.pk not in {grant.organisation_id for grant in user_grants(user)}
        and organisation.pk != practice.organisation_id
    ):
        raise ValidationError({"organisation": _("Choose an organisation you work for.")})
    practice.organisation = organisation
    for text in TEXTS:
        for language in ("fi", "sv", "en"):
            key = f"{text}_{language}"
            if key in data.texts:
                setattr(practice, key, (data.texts[key] or "").strip())
    for name in FACTS:
        if name in data.facts:
            value = data.facts[name]
            setattr(practice, name, value.strip() if isinstance(value, str) else value)
    if practice.phase == Phase.TRIAL and practice.follow_up_on is None:
        raise ValidationError({"follow_up_on": _("A trial needs the date it is followed up.")})
    practice.updated_by = who
    validate_for_save(practice)
    practice.save()
    practice.topics.all().delete()
    PracticeTopic.objects.bulk_create(
        PracticeTopic(practice=practice, code=code) for code in dict.fromkeys(data.topics)
    )
    practice.audiences.all().delete()
    PracticeAudience.objects.bulk_create(
        PracticeAudience(practice=practice, code=code) for code in dict.fromkeys(data.audiences)
    )
    practice.links.all().delete()
    PracticeLink.objects.bulk_create(
        PracticeLink(practice=practice, title=title, url=url, position=position)
        for position, (title, url) in enumerate(data.links)
    )
    return practice


@transaction.atomic
def practice_file_add(*, user, practice: Practice, upload) -> PracticeFile:
    """Attach a file to the record (Innokylä's "Liitteet"): a PDF or office document told by
    its content (core.document_files), at most MAX_FILES of them, stored under a random
    name in the private storage. Asked of whoever may change the record."""
    practice = Practice.objects.get(pk=practice.pk)
    authorize(user, CHANGE, practice, visible=(VIEW, practice))
    kind = checked_kind(upload)
    practice = _locked(practice)  # one upload at a time: the count below holds
    if practice.files.count() >= MAX_FILES:
        raise ValidationError(
            _("Attach at most %(count)d files.") % {"count": MAX_FILES}, code="too_many"
        )
    practice_file = PracticeFile(
        practice=practice,
        name=shown_name(upload, kind),
        kind=kind.extension,
        size=upload.size,
        uploaded_by=signed_in_or_none(user),
    )
    private_file_save(practice_file, upload)
    return practice_file


@transaction.atomic
def practice_file_remove(*, user, practice_file: PracticeFile) -> None:
    """Take a file off the record; the stored file is deleted once the removal is saved."""
    practice = Practice.objects.get(pk=practice_file.practice_id)
    authorize(user, CHANGE, practice, visible=(VIEW, practice))
    _locked(practice)
    deleted, _rows = PracticeFile.objects.filter(pk=practice_file.pk).delete()
    if deleted:
        private_file_delete_on_commit(practice_file.file)


def missing_fields(practice: Practice) -> list[str]:
    """The labels of the texts a record still lacks in Finnish, and of missing topics or
    target groups: it stays a draft until they are there."""
    required = REQUIRED if practice.kind == PracticeKind.RECORD else REQUIRED_OF_EXAMPLE
    missing = [
        str(getattr(Practice._meta.get_field(name), "verbose_name", name))
        for name in required
        if not (getattr(practice, f"{name}_fi", None) or getattr(practice, name, "") or "").strip()
    ]
    if not practice.topics.exists():
        missing.append(_("topics"))
    if not practice.audiences.exists():
        missing.append(_("target groups"))
    return missing


@transaction.atomic
def practice_submit(*, user, practice: Practice) -> Practice:
    """Send a draft to an editor's review; refused, naming what is missing, while the
    record lacks a required field."""
    practice = Practice.objects.get(pk=practice.pk)
    authorize(user, CHANGE, practice, visible=(VIEW, practice))
    practice = _locked(practice)
    if practice.state != PracticeState.DRAFT:
        raise ValidationError(_("Only a draft is sent to review."))
    missing = missing_fields(practice)
    if missing:
        raise ValidationError(
            _("The record is kept as a draft until it has: %(fields)s.")
            % {"fields": ", ".join(missing)},
            code="incomplete",
        )
    practice.state = PracticeState.IN_REVIEW
    practice.updated_by = signed_in_or_none(user)
    practice.save(update_fields=["state", "updated_by", "updated_at"])
    return practice


@transaction.atomic
def practice_review(*, user, practice: Practice, publish: bool) -> Practice:
    """An editor publishes a record under review, or returns it to its keepers."""
    practice = Practice.objects.get(pk=practice.pk)
    authorize(user, "practices.review_practice", practice, visible=(VIEW, practice))
    practice = _locked(practice)
    if practice.state != PracticeState.IN_REVIEW:
        raise ValidationError(_("The practice is not waiting for review."))
    if publish and missing_fields(practice):
        raise ValidationError(_("The record lacks required fields: it cannot be published."))
    practice.state = PracticeState.PUBLISHED if publish else PracticeState.DRAFT
    practice.reviewed_by = signed_in_or_none(user)
    practice.published_at = timezone.now() if publish else None
    practice.updated_by = signed_in_or_none(user)
    practice.save()
    return practice


@dataclass(frozen=True)
class AdoptionData:
    since: int | None = None
    learned: str = ""
    contact_name: str = ""
    contact_email: str = ""


@transaction.atomic
def adoption_save(
    *, user, practice: Practice, municipality: Municipality, data: AdoptionData
) -> Adoption:
    """Record that the municipality uses the (published) practice, or change the record."""
    authorize(user, "practices.record_adoption", municipality)
    practice = Practice.objects.get(pk=practice.pk)
    if practice.state != PracticeState.PUBLISHED:
        raise ValidationError(_("Only a published practice is recorded as used."))
    if data.since is not None and data.since > timezone.localdate().year:
        raise ValidationError({"since": _("The year cannot be in the future.")})
    adoption, _created = Adoption.objects.select_for_update().get_or_create(
        practice=practice, municipality=municipality
    )
    adoption.since = data.since
    adoption.learned = data.learned.strip()
    adoption.contact_name = data.contact_name.strip()
    adoption.contact_email = data.contact_email.strip()
    adoption.recorded_by = signed_in_or_none(user)
    validate_for_save(adoption)
    adoption.save()
    return adoption

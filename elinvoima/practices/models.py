"""The practice library: good practices as Innokylä records them (seed 003 is one) — what
it is, where and by whom it was made, its core idea, operating environment, target group,
the conditions for it to work, the evaluation, tips, development phase, topics and target
groups — with their links, their source, and the municipalities that have adopted them and
what they learned."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.core.models import PrivateDocument, Tracked, YearField, filled, years_in_range
from elinvoima.core.private_files import private_storage, random_name
from elinvoima.practices.enums import Audience, Phase, PracticeKind, PracticeState, Topic

# The texts of a record, in the order of Innokylä's form: each fi / sv / en.
TEXTS = (
    "name",
    "summary",
    "core_idea",
    "environment",
    "target_group",
    "conditions",
    "evaluation",
    "tips",
)
# What a record must say before it can be published (Innokylä's starred fields); a short
# example, its name, description and source.
REQUIRED = (
    "name",
    "summary",
    "core_idea",
    "environment",
    "target_group",
    "conditions",
    "evaluation",
    "tips",
)
REQUIRED_OF_EXAMPLE = ("name", "summary", "source")


class Practice(Tracked):
    kind = models.CharField(
        _("kind"), max_length=16, choices=PracticeKind.choices, default=PracticeKind.RECORD
    )
    name = models.CharField(_("name of the practice"), max_length=300)
    summary = models.TextField(_("short description"), blank=True)
    implemented_by = models.CharField(
        _("where implemented"),
        max_length=500,
        blank=True,
        help_text=_("For example: Keski-Suomen Yhteisöjen Tuki ry with every municipality."),
    )
    region = models.CharField(_("locality or region"), max_length=200, blank=True)
    funder = models.CharField(_("funder"), max_length=300, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    recorded_on = models.DateField(_("first recorded"), null=True, blank=True)
    revised_on = models.DateField(_("last revised"), null=True, blank=True)
    core_idea = models.TextField(_("core idea"), blank=True)
    environment = models.TextField(_("operating environment"), blank=True)
    target_group = models.TextField(_("target group and customer understanding"), blank=True)
    conditions = models.TextField(_("conditions for it to work and be adopted"), blank=True)
    evaluation = models.TextField(_("evaluation results"), blank=True)
    tips = models.TextField(_("tips for those who apply it"), blank=True)
    phase = models.CharField(_("development phase"), max_length=16, choices=Phase.choices)
    follow_up_on = models.DateField(
        _("follow-up date"), null=True, blank=True, help_text=_("A trial is followed up then.")
    )
    trial_result = models.TextField(_("result of the trial"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the case was told, for example: J-P News 30.11.2017."),
    )
    source_url = models.URLField(_("address of the source"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("kept by"),
        on_delete=models.PROTECT,
        related_name="practices",
        null=True,
        blank=True,
    )
    state = models.CharField(
        _("state"), max_length=16, choices=PracticeState.choices, default=PracticeState.DRAFT
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["name"]
        constraints = [
            filled("name_fi"),
            models.CheckConstraint(
                condition=models.Q(state=PracticeState.DRAFT) | ~models.Q(summary_fi=""),
                name="practice_reviewed_has_its_summary",
                violation_error_message=_("A practice under review has its short description."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("practices:practice", kwargs={"pk": self.pk})


class PracticeTopic(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="topics")
    code = models.CharField(_("topic"), max_length=32, choices=Topic.choices)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["practice", "code"], name="practice_topic_once")
        ]
        indexes = [models.Index(fields=["code", "practice"], name="practice_topic_code")]

    def __str__(self) -> str:
        return self.get_code_display()


class PracticeAudience(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="audiences")
    code = models.CharField(_("target group"), max_length=32, choices=Audience.choices)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["practice", "code"], name="practice_audience_once")
        ]
        indexes = [models.Index(fields=["code", "practice"], name="practice_audience_code")]

    def __str__(self) -> str:
        return self.get_code_display()


class PracticeLink(models.Model):
    """An attachment or link of the record (Innokylä's "Liitteet ja linkit")."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


def practice_file_path(attachment: "PracticeFile", filename: str) -> str:
    """A random name outside the web root: the original name is kept in the row only."""
    return random_name("practice-files", attachment.kind)


class PracticeFile(PrivateDocument):
    """An attachment of the record (Innokylä's "Liitteet"): a PDF or office document
    (core.document_files), in the private storage, sent only to those who may read the
    practice."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), storage=private_storage, upload_to=practice_file_path)

    class Meta(PrivateDocument.Meta):
        pass


class Adoption(models.Model):
    """A municipality uses the practice ("otettu käyttöön täällä"): since when, what it
    learned, and who to ask."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="adoptions"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="practice_adoptions",
    )
    since = YearField(_("in use since"), null=True, blank=True)
    learned = models.TextField(_("what we learned"), blank=True)
    contact_name = models.CharField(_("who to ask"), max_length=200, blank=True)
    contact_email = models.EmailField(_("their e-mail"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("adoption of a practice")
        verbose_name_plural = _("adoptions of practices")
        ordering = ["municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "municipality"],
                name="practice_adopted_once",
                violation_error_message=_("The municipality is already recorded as using it."),
            ),
            *years_in_range("since"),
        ]

    def __str__(self) -> str:
        return f"{self.practice}: {self.municipality}"


# The models of the sub-packages, imported so that Django registers them under this app.
from elinvoima.practices.assessments.models import (  # noqa: E402, F401
    Assessment,
    DomainEffect,
    GoalEffect,
    GroupEffect,
)
from elinvoima.practices.hearings.models import (  # noqa: E402, F401
    Consultation,
    ConsultationAnswer,
    ConsultationQuestion,
    ConsultationResponse,
    HearingRecord,
)
from elinvoima.practices.roadmap.models import RoadmapStep  # noqa: E402, F401

"""An association's annual action plan and annual report (seed 000): where it shows its
commitment to the goals the municipality asked the associations to answer. Generated from
its card answers (and, for the report, its activities), then edited by the association and
shared with the municipality. The figures of the report are not stored: they are counted
from the activities whenever it is read, so they stay true as activities are reported."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.cards.enums import AnnualDocumentKind
from elinvoima.cards.models import CardTemplate
from elinvoima.core.models import Tracked, YearField, years_in_range
from elinvoima.strategy.models import Goal


class AnnualDocument(Tracked):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="annual_documents",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="annual_documents",
        help_text=_("Whose goals the document answers."),
    )
    year = YearField(_("year"))
    kind = models.CharField(_("kind"), max_length=16, choices=AnnualDocumentKind.choices)
    introduction = models.TextField(_("introduction"), blank=True)
    other_activities = models.TextField(
        _("other activities"),
        blank=True,
        help_text=_("What else the association does or did, beyond the municipality's goals."),
    )
    shared_at = models.DateTimeField(_("shared with the municipality"), null=True, blank=True)

    class Meta:
        verbose_name = _("annual document")
        verbose_name_plural = _("annual documents")
        ordering = ["-year", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "kind"], name="annual_document_once_a_year"
            ),
            *years_in_range("year"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}: {self.organisation}"


class AnnualSection(models.Model):
    """What the association says of one row of a card (a goal or sub-goal)."""

    document = models.ForeignKey(
        AnnualDocument,
        verbose_name=_("annual document"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    template = models.ForeignKey(
        CardTemplate,
        verbose_name=_("card"),
        on_delete=models.CASCADE,
        related_name="annual_sections",
    )
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="annual_sections"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["document", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "template", "goal"], name="annual_section_once_per_row"
            ),
        ]

    def __str__(self) -> str:
        return str(self.goal)

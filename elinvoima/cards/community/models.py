"""The community card (Vaala's "Hyvinvoinnin edistämisen kortti", seed 000): a village or
another community describes itself — residents or members, a free description, a picture it
chose, other basic facts, its strengths, weaknesses and development targets — and sums up
what its people have told of their wellbeing in the six experiential domains (the indicators
app's `ExperientialDomain`, not copied here)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation, Village
from elinvoima.core.models import MAX_COUNT, Tracked, in_range
from elinvoima.indicators.enums import ExperientialDomain


class CommunityCard(Tracked):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="community_cards",
    )
    name = models.CharField(_("name of the village or community"), max_length=200)
    village = models.ForeignKey(
        Village,
        verbose_name=_("village"),
        on_delete=models.SET_NULL,
        related_name="community_cards",
        null=True,
        blank=True,
    )
    keeper = models.ForeignKey(
        Organisation,
        verbose_name=_("kept by"),
        on_delete=models.SET_NULL,
        related_name="community_cards",
        null=True,
        blank=True,
        help_text=_("The village association or other organisation that keeps the card."),
    )
    residents = models.PositiveIntegerField(_("residents or members, about"), null=True, blank=True)
    description = models.TextField(_("how we describe our community"), blank=True)
    basic_facts = models.TextField(_("other basic facts"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    weaknesses = models.TextField(_("weaknesses"), blank=True)
    development_targets = models.TextField(_("development targets"), blank=True)
    picture = models.ImageField(_("picture"), upload_to="community-cards/%Y/", blank=True)
    picture_alt = models.CharField(
        _("what the picture shows"),
        max_length=300,
        blank=True,
        help_text=_("Read aloud to those who do not see the picture."),
    )

    class Meta:
        verbose_name = _("community card")
        verbose_name_plural = _("community cards")
        ordering = ["municipality", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"],
                name="community_card_one_per_name",
                violation_error_message=_("The municipality has a card of that name already."),
            ),
            models.CheckConstraint(
                condition=models.Q(picture="") | ~models.Q(picture_alt=""),
                name="community_card_picture_has_alt_text",
                violation_error_message=_("Tell what the picture shows."),
            ),
            in_range("residents", 0, MAX_COUNT),
        ]

    def __str__(self) -> str:
        return self.name


class CommunitySummary(models.Model):
    """What the community's people have told of one experiential domain, in short."""

    card = models.ForeignKey(
        CommunityCard, verbose_name=_("card"), on_delete=models.CASCADE, related_name="summaries"
    )
    domain = models.CharField(_("domain"), max_length=32, choices=ExperientialDomain.choices)
    text = models.TextField(_("summary of experiential knowledge"))

    class Meta:
        verbose_name = _("summary of experiential knowledge")
        verbose_name_plural = _("summaries of experiential knowledge")
        constraints = [
            models.UniqueConstraint(
                fields=["card", "domain"], name="community_summary_one_per_domain"
            ),
        ]

    def __str__(self) -> str:
        return self.get_domain_display()

"""The grant report (avustusselvitys, issue 15): what the association did with a granted
grant, built from its activity reports of the grant's period — the chain goal → grant →
activity the seeds ask for. Due by the decision's date; the association submits it and the
municipality receives it (CiviGrant's "report due, received")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from elinvoima.cards.activities.models import Activity
from elinvoima.core.models import MAX_COUNT, CountField, Tracked, in_range
from elinvoima.grants.applications.models import MAX_AMOUNT
from elinvoima.grants.review.models import GrantDecision


class GrantReport(Tracked):
    """The association's report of one grant: a summary, the euros used and the activity
    reports the grant paid for. Their figures are summed when it is submitted: the report
    says what was true then."""

    decision = models.OneToOneField(GrantDecision, on_delete=models.CASCADE, related_name="report")
    summary = models.TextField(
        _("what was done"),
        blank=True,
        help_text=_("What the association did with the grant, and what came of it."),
    )
    used_amount = models.DecimalField(
        _("euros of the grant used"), max_digits=10, decimal_places=2, default=0
    )
    activities = models.ManyToManyField(
        Activity,
        verbose_name=_("activities"),
        related_name="grant_reports",
        blank=True,
        help_text=_("The association's reported activities the grant paid for."),
    )
    # Summed from the activities when submitted.
    activity_count = CountField(_("activities"), default=0)
    participants = CountField(_("participants"), default=0)
    beyond_members = CountField(_("of whom not members of the association"), default=0)
    volunteer_hours = models.DecimalField(
        _("volunteer hours"), max_digits=8, decimal_places=1, default=0
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("grant report")
        verbose_name_plural = _("grant reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(used_amount__gte=0, used_amount__lte=MAX_AMOUNT),
                name="grant_report_amount_in_range",
                violation_error_message=_("Give an amount of 0 to 10,000,000 euros."),
            ),
            models.CheckConstraint(
                condition=models.Q(received_at__isnull=True) | models.Q(submitted_at__isnull=False),
                name="grant_report_received_once_submitted",
            ),
            in_range("activity_count", 0, MAX_COUNT),
            in_range("participants", 0, MAX_COUNT),
            in_range("beyond_members", 0, MAX_COUNT),
        ]

    def __str__(self) -> str:
        return str(self.decision)

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

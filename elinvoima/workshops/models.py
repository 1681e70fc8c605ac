"""Regional workshops (elinvoimapajat, issue 17, seed 003): a neutral regional organiser
runs a series of 2–3 evening workshops in each of its areas of 3–5 municipalities (or one
municipality's departments); a municipality of the area hosts each year, in turn; every
municipality names a contact person; people register without an account, and their
personal data is erased after the retention date they agreed to."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Organisation
from elinvoima.core.models import Tracked, YearField, filled
from elinvoima.strategy.models import Measure

from .enums import (
    ActionStatus,
    Background,
    Diet,
    ProgrammeKind,
    RegistrationState,
    SeriesScope,
    TaskKind,
)


class Series(Tracked):
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="workshop_series",
        help_text=_("A regional organisation seen as neutral by the municipalities."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    scope = models.CharField(
        _("scope"), max_length=16, choices=SeriesScope.choices, default=SeriesScope.REGIONAL
    )
    responsible = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible people"),
        related_name="workshop_series",
        blank=True,
        help_text=_("Seed 003 recommends two."),
    )
    planning_partners = models.TextField(
        _("planning partners and their wishes"),
        blank=True,
        help_text=_("For example the regional Leader groups, and what the contacts wish for."),
    )
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("workshop series")
        verbose_name_plural = _("workshop series")
        ordering = ["name_fi", "id"]
        constraints = [filled("name_fi")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workshops:series", kwargs={"pk": self.pk})


class Area(models.Model):
    """A workshop area: 3–5 municipalities agreed with their municipal managers."""

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="areas"
    )
    name = models.CharField(_("name"), max_length=200)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="workshop_areas"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("workshop area")
        verbose_name_plural = _("workshop areas")
        ordering = ["series", "position", "id"]

    def __str__(self) -> str:
        return self.name


class ContactPerson(models.Model):
    """The person a municipality of the area names for the workshops."""

    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.CASCADE, related_name="contacts"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["area", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "municipality"], name="workshop_contact_one_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"


class HostYear(models.Model):
    """The municipality that hosts the area's workshops in a year (it changes yearly)."""

    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.CASCADE, related_name="hosts"
    )
    year = YearField(_("year"))
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("host"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("host of a year")
        verbose_name_plural = _("hosts of the years")
        ordering = ["area", "year"]
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="workshop_host_one_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.year}: {self.municipality}"


class Workshop(Tracked):
    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="workshops"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="workshops"
    )
    theme = models.CharField(_("theme"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    host = models.ForeignKey(
        Municipality,
        verbose_name=_("host municipality"),
        on_delete=models.PROTECT,
        related_name="hosted_workshops",
        null=True,
        blank=True,
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=60)
    catering = models.TextField(
        _("catering quotes"), blank=True, help_text=_("The quotes asked and the one chosen.")
    )
    catering_paid_by = models.CharField(_("catering paid by"), max_length=200, blank=True)
    registration_closes_on = models.DateField(_("registration closes"))
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="workshop_ends_after_it_starts",
                violation_error_message=_("The workshop must end after it starts."),
            ),
            filled("theme_fi"),
        ]

    def __str__(self) -> str:
        return self.theme

    def get_absolute_url(self) -> str:
        return reverse("workshops:workshop", kwargs={"pk": self.pk})


class ProgrammeItem(models.Model):
    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="programme"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ProgrammeKind.choices)
    title = models.CharField(_("title"), max_length=300)
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["workshop", "position", "id"]
        constraints = [filled("title_fi")]

    def __str__(self) -> str:
        return self.title


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    """A registration without an account. Its links carry `token`; its personal data is
    erased after `retain_until` (`manage.py erase_expired_registrations`)."""

    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation_name = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("Empty: none.")
    )
    background = models.CharField(_("background"), max_length=16, choices=Background.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    diet = models.CharField(_("diet"), max_length=16, choices=Diet.choices, default=Diet.ANY)
    allergies = models.CharField(_("allergies"), max_length=300, blank=True)
    accessibility = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    consent = models.BooleanField(_("consent to the use of the data"), default=False)
    retain_until = models.DateField(_("personal data kept until"))
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=RegistrationState.choices,
        default=RegistrationState.CONFIRMED,
    )
    facilitator_table = models.PositiveSmallIntegerField(
        _("facilitates at table"),
        null=True,
        blank=True,
        help_text=_("A facilitator keeps this table in every round."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    erased = models.BooleanField(_("personal data erased"), default=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["workshop", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("email"),
                "workshop",
                condition=~models.Q(state="cancelled") & models.Q(erased=False),
                name="workshop_registration_once",
                violation_error_message=_("This e-mail address is already registered."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.workshop}"


class TableSeat(models.Model):
    """Where a participant sits in a round of the workshop (workshops.mixing)."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="seats"
    )
    round = models.PositiveSmallIntegerField(_("round"))
    table = models.PositiveSmallIntegerField(_("table"))
    registration = models.ForeignKey(
        Registration, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="seats"
    )

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["workshop", "round", "table", "registration__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "round", "registration"], name="workshop_seat_once_a_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round}/{self.table}: {self.registration}"


class CooperationAction(Tracked):
    """An action of a municipality's cooperation plan written in a workshop (seed 003:
    "kukin kunta lähtee konkreettisen yhteistyösuunnitelman kanssa"); the next workshop of
    the area opens with them and their status."""

    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="cooperation_actions",
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("what is done"), max_length=300)
    owner = models.CharField(_("who"), max_length=200, blank=True)
    due_on = models.DateField(_("by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure of the welfare plan"),
        on_delete=models.SET_NULL,
        related_name="cooperation_actions",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("cooperation action")
        verbose_name_plural = _("cooperation actions")
        ordering = ["workshop", "municipality__name", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class CarpoolEntry(models.Model):
    """A car in the carpool contest (seed 003: "Pajassa palkittiin pisimmän yhteenlasketun
    matkan yhteisellä kulkuneuvolla saapuneet"): the distance driven times everyone in it."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="carpools"
    )
    group = models.CharField(_("group"), max_length=200)
    driver = models.CharField(_("driver"), max_length=200)
    passengers = models.PositiveSmallIntegerField(_("passengers"))
    distance_km = models.DecimalField(_("distance driven (km)"), max_digits=6, decimal_places=1)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("carpool")
        verbose_name_plural = _("carpools")
        ordering = ["workshop", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(distance_km__gt=0, distance_km__lte=1000),
                name="carpool_distance_in_range",
                violation_error_message=_("Give a distance of at most 1,000 km."),
            ),
            models.CheckConstraint(
                condition=models.Q(passengers__gte=1, passengers__lte=8),
                name="carpool_passengers_in_range",
                violation_error_message=_("A car carries 1 to 8 passengers."),
            ),
        ]

    def __str__(self) -> str:
        return self.group

    @property
    def combined_km(self):
        """The distance everyone in the car travelled together."""
        return self.distance_km * (self.passengers + 1)


class Nomination(models.Model):
    """A nomination for the "Hyvän kierre" award: a person or a deed that advanced the
    cooperation of associations and the municipality in the last year. Anyone nominates; the
    jury (the organisers) shortlists and picks."""

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="nominations"
    )
    year = YearField(_("year"))
    nominee = models.CharField(_("who or what"), max_length=200)
    reason = models.TextField(_("why"), max_length=2000)
    nominated_by = models.CharField(_("nominated by"), max_length=200, blank=True)
    shortlisted = models.BooleanField(_("shortlisted"), default=False)
    winner = models.BooleanField(_("winner"), default=False)
    created_at = models.DateTimeField(_("nominated"), auto_now_add=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["series", "-year", "-winner", "-shortlisted", "created_at"]

    def __str__(self) -> str:
        return self.nominee


SCALE = [(n, str(n)) for n in range(1, 6)]


class FeedbackAnswer(models.Model):
    """A participant's anonymous feedback after a workshop (seed 003: "palautteita on tuotu
    esille aina seuraavissa elinvoimapajoissa")."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="feedback"
    )
    useful = models.PositiveSmallIntegerField(_("useful"), choices=SCALE)
    atmosphere = models.PositiveSmallIntegerField(_("atmosphere"), choices=SCALE)
    cooperation = models.PositiveSmallIntegerField(_("helps our cooperation"), choices=SCALE)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["workshop", "created_at"]

    def __str__(self) -> str:
        return f"{self.workshop}: {self.useful}/{self.atmosphere}/{self.cooperation}"


class NewsItem(models.Model):
    """News of a workshop, before and after it (seed 003: "muista viestiä myös tapahtuman
    jälkeen"): on the event page and in the feed a local platform can take."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="news"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-published_at", "-id"]
        constraints = [filled("title_fi")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.workshop.get_absolute_url()}#news-{self.pk}"


class WorkshopTask(models.Model):
    """A task of the workshop's timeline (seed 003: advance notice, a detailed advert and a
    press release, invitations, reminders, thanks afterwards): the organiser's checklist,
    and dates in the annual clocks of the area's municipalities."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="tasks"
    )
    kind = models.CharField(_("task"), max_length=24, choices=TaskKind.choices)
    due_on = models.DateField(_("due"))
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        verbose_name = _("workshop task")
        verbose_name_plural = _("workshop tasks")
        ordering = ["workshop", "due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "kind"], name="workshop_task_once")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class Invitation(models.Model):
    """A direct invitation (seed 003: to the municipal managers, the chairs of councils and
    boards, and the chairs of the elderly, disability and youth councils)."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="invitations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=200, blank=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["workshop", "name"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("email"), "workshop", name="workshop_invitation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.workshop}"
